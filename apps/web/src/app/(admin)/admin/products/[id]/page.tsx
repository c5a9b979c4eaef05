import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { TRPCError } from '@trpc/server';
import { can } from '@souk/auth';
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
  let product;
  try {
    product = await (await serverCaller()).catalog.getById({ id });
  } catch (error) {
    // Another org's product answers exactly like a missing one.
    if (error instanceof TRPCError && (error.code === 'NOT_FOUND' || error.code === 'BAD_REQUEST'))
      notFound();
    throw error;
  }
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
