import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { TRPCError } from '@trpc/server';
import { productSlugParam, validParam } from '@/lib/params';
import { serverCaller } from '@/trpc/server';
import { Configurator } from './configurator';

export const dynamic = 'force-dynamic';

async function load(raw: string) {
  const slug = validParam(productSlugParam, raw) ?? notFound();
  try {
    return await (await serverCaller()).catalog.getProductBySlug({ slug });
  } catch (error) {
    if (error instanceof TRPCError && (error.code === 'NOT_FOUND' || error.code === 'BAD_REQUEST'))
      notFound();
    throw error;
  }
}

export async function generateMetadata({
  params,
}: {
  params: Promise<{ slug: string }>;
}): Promise<Metadata> {
  const product = await load((await params).slug);
  return { title: product.name };
}

export default async function ProductPage({ params }: { params: Promise<{ slug: string }> }) {
  const product = await load((await params).slug);
  return (
    <>
      <h1>{product.name}</h1>
      {product.description ? <p className="muted">{product.description}</p> : null}
      <Configurator product={product} />
    </>
  );
}
