import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { TRPCError } from '@trpc/server';
import { getSoukSession } from '@souk/auth';
import { webEnv } from '@/env';
import { checkoutSessionIdParam, validParam } from '@/lib/params';
import { serverCaller } from '@/trpc/server';
import { OrderLines, type MyOrder } from '../../account/order-lines';
import { loadSuccessStatus } from './preview';
import { CheckoutOrderSummary, CheckoutRecoveryBanner } from './recovery-banner';

export const metadata: Metadata = { title: 'Thank you for your order' };
export const dynamic = 'force-dynamic';

/**
 * The order's items and totals, for the customer who placed it. The session id alone
 * (the page's capability) does not show them: someone else holding the link sees none.
 */
async function ownOrder(orderId: string): Promise<MyOrder | null> {
  if (!(await getSoukSession())) return null;
  try {
    return await (await serverCaller()).checkout.getMyOrder({ orderId });
  } catch (error) {
    if (error instanceof TRPCError && (error.code === 'NOT_FOUND' || error.code === 'BAD_REQUEST'))
      return null;
    throw error;
  }
}

export default async function CheckoutSuccessPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const sessionId =
    validParam(checkoutSessionIdParam, (await searchParams).session_id) ?? notFound();

  let loaded;
  try {
    loaded = await loadSuccessStatus({
      bypass: webEnv.NEXT_PUBLIC_E2E_AUTH_BYPASS,
      load: async () => (await serverCaller()).checkout.getCheckoutStatus({ sessionId }),
    });
  } catch (error) {
    // Unknown (or malformed) session id: nothing to show.
    if (error instanceof TRPCError && (error.code === 'NOT_FOUND' || error.code === 'BAD_REQUEST'))
      notFound();
    throw error;
  }

  const { status, isPreview } = loaded;
  const live = !isPreview;
  const order = live ? await ownOrder(status.order.id) : null;
  return (
    <>
      <h1>Thank you for your order</h1>
      {isPreview ? (
        <p className="notice">Preview data (E2E bypass mode): no order was loaded.</p>
      ) : null}
      <CheckoutOrderSummary sessionId={sessionId} initial={status} live={live} />
      <CheckoutRecoveryBanner sessionId={sessionId} initial={status} live={live} />
      {order ? (
        <section aria-labelledby="order-items-heading" className="account-section">
          <h2 id="order-items-heading">Your order</h2>
          <OrderLines order={order} />
        </section>
      ) : null}
      <p>
        <Link href="/account">View my orders</Link> · <Link href="/">Continue shopping</Link>
      </p>
    </>
  );
}
