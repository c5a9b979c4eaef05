import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { can } from '@souk/auth';
import { orNotFound } from '@/lib/or-not-found';
import { uuidParam, validParam } from '@/lib/params';
import { requireStaff } from '@/lib/session';
import { serverCaller } from '@/trpc/server';
import { ProductForm } from '../product-form';
import { draftFromProduct } from '../product-draft';

export const metadata: Metadata = { title: 'Edit product' };

export default async function EditProductPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<{ created?: string }>;
}) {
  const id = validParam(uuidParam, (await params).id) ?? notFound();
  const { created } = await searchParams;
  const session = await requireStaff(`/admin/products/${id}`);
  const product = await orNotFound((await serverCaller()).catalog.getProduct({ id }));
  return (
    <>
      <p>
        <Link href="/admin/products">← Products</Link>
      </p>
      <div className="page-head">
        <h1>{product.name}</h1>
        {product.status === 'active' ? (
          <Link href={`/products/${product.slug}`}>View in store</Link>
        ) : null}
      </div>
      {created ? (
        <div className="notice notice-success" role="status">
          Product created.
        </div>
      ) : null}
      <ProductForm
        productId={product.id}
        initial={draftFromProduct(product)}
        canWrite={can(session.role, 'catalog.write')}
      />
    </>
  );
}
