import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { TRPCError } from '@trpc/server';
import { serverCaller } from '@/trpc/server';
import { CheckoutOrderSummary, CheckoutRecoveryBanner } from './recovery-banner';

export const metadata: Metadata = { title: 'Thank you for your order' };
export const dynamic = 'force-dynamic';

export default async function CheckoutSuccessPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const raw = (await searchParams).session_id;
  const sessionId = typeof raw === 'string' ? raw : undefined;
  if (!sessionId) notFound();

  let status;
  try {
    status = await (await serverCaller()).checkout.status({ sessionId });
  } catch (error) {
    // Unknown (or malformed) session id: nothing to show.
    if (error instanceof TRPCError && (error.code === 'NOT_FOUND' || error.code === 'BAD_REQUEST'))
      notFound();
    throw error;
  }

  return (
    <>
      <h1>Thank you for your order</h1>
      <CheckoutOrderSummary sessionId={sessionId} initial={status} />
      <CheckoutRecoveryBanner sessionId={sessionId} initial={status} />
      <p>
        <Link href="/account">View my orders</Link> · <Link href="/">Continue shopping</Link>
      </p>
    </>
  );
}
