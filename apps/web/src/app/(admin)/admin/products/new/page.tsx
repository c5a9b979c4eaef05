import type { Metadata } from 'next';
import Link from 'next/link';
import { can } from '@souk/auth';
import { requireStaff } from '@/lib/session';
import { ProductForm } from '../product-form';
import { emptyDraft } from '../product-draft';

export const metadata: Metadata = { title: 'New product' };

export default async function NewProductPage() {
  const session = await requireStaff('/admin/products/new');
  return (
    <>
      <p>
        <Link href="/admin/products">← Products</Link>
      </p>
      <h1>New product</h1>
      <ProductForm
        productId={null}
        initial={emptyDraft()}
        canWrite={can(session.role, 'catalog.write')}
      />
    </>
  );
}
