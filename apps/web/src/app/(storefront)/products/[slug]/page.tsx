import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { cache } from 'react';
import { TRPCError } from '@trpc/server';
import { decodeSelectionParam, fitSelectionToProduct } from '@/lib/carried-selection';
import { productSlugParam, validParam } from '@/lib/params';
import { serverCaller } from '@/trpc/server';
import { Configurator } from './configurator';

export const dynamic = 'force-dynamic';

// generateMetadata and the page both need the product: one read per request, not two.
const load = cache(async (raw: string) => {
  const slug = validParam(productSlugParam, raw) ?? notFound();
  try {
    return await (await serverCaller()).catalog.getProductBySlug({ slug });
  } catch (error) {
    if (error instanceof TRPCError && (error.code === 'NOT_FOUND' || error.code === 'BAD_REQUEST'))
      notFound();
    throw error;
  }
});

export async function generateMetadata({
  params,
}: {
  params: Promise<{ slug: string }>;
}): Promise<Metadata> {
  const product = await load((await params).slug);
  return { title: product.name };
}

export default async function ProductPage({
  params,
  searchParams,
}: {
  params: Promise<{ slug: string }>;
  // `sel`: the choices a guest made before signing in (see carried-selection.ts).
  searchParams: Promise<{ sel?: string | string[] }>;
}) {
  const product = await load((await params).slug);
  const carried = decodeSelectionParam((await searchParams).sel);
  const initial = carried
    ? { quantity: carried.quantity, selection: fitSelectionToProduct(product, carried.selection) }
    : undefined;
  return (
    <>
      <h1>{product.name}</h1>
      {product.description ? <p className="muted">{product.description}</p> : null}
      <Configurator product={product} initial={initial} />
    </>
  );
}
