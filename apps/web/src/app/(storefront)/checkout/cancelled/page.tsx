import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { TRPCError } from '@trpc/server';
import { AppError } from '@souk/core/errors';
import { resumeTokenParam, validParam } from '@/lib/params';
import { internalCaller } from '@/trpc/server';

export const metadata: Metadata = { title: 'Checkout cancelled' };
export const dynamic = 'force-dynamic';

export default async function CheckoutCancelledPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const token = validParam(resumeTokenParam, (await searchParams).token) ?? notFound();

  let result;
  try {
    result = await (await internalCaller()).checkout.abandonCheckout({ token });
  } catch (error) {
    if (
      error instanceof TRPCError &&
      error.cause instanceof AppError &&
      error.cause.details.reason === 'expired'
    ) {
      return (
        <>
          <h1>Checkout cancelled</h1>
          <p role="alert">{error.message}</p>
          <p>
            <Link href="/account">My account</Link> · <Link href="/">Continue shopping</Link>
          </p>
        </>
      );
    }
    // A forged, truncated or unknown token.
    if (error instanceof TRPCError && (error.code === 'NOT_FOUND' || error.code === 'BAD_REQUEST'))
      notFound();
    throw error;
  }

  return (
    <>
      <h1>Checkout cancelled</h1>
      <p>Your order #{result.orderNumber} is saved. You can pick up where you left off any time.</p>
      <p>
        {/* A plain link: the route handler redirects off-site, and a prefetch must not open a pay page. */}
        <a href={`/checkout/resume/${encodeURIComponent(token)}`} className="button button-primary">
          Resume checkout
        </a>
      </p>
      <p>
        <Link href="/">Continue shopping</Link>
      </p>
    </>
  );
}
