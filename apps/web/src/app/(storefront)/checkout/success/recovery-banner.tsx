'use client';

import { useQuery } from '@tanstack/react-query';
import { STAGE_COPY } from '@souk/core/client';
import { formatMoney } from '@souk/core/money';
import { formatDateTime } from '@souk/ui';
import type { RouterOutputs } from '@souk/api';
import { useTRPC } from '@/trpc/react';

export type CheckoutStatus = RouterOutputs['checkout']['getCheckoutStatus'];

const POLL_MS = 2_000;

interface LiveCheckout {
  sessionId: string;
  initial: CheckoutStatus;
  /** False in bypass mode: show `initial` and never call the API. */
  live: boolean;
}

/**
 * The success page's live view of one checkout. While the order still waits for
 * payment it polls every 2 s, so the page updates as soon as the webhook lands.
 * Components using it share one query (same key), so there is one poll.
 */
function useCheckoutStatus({ sessionId, initial, live }: LiveCheckout): CheckoutStatus {
  const trpc = useTRPC();
  const query = useQuery(
    trpc.checkout.getCheckoutStatus.queryOptions(
      { sessionId },
      {
        initialData: initial,
        enabled: live,
        refetchInterval: (q) =>
          (q.state.data ?? initial).order.status === 'pending_payment' ? POLL_MS : false,
      },
    ),
  );
  return query.data;
}

/** Order number, total and payment state. */
export function CheckoutOrderSummary(props: LiveCheckout) {
  const { order } = useCheckoutStatus(props);
  return (
    <div className="card">
      <p>
        Order <strong>#{order.number}</strong>
      </p>
      <p>
        Total: <strong>{formatMoney(order.totalCents, order.currency)}</strong>
      </p>
      <p role="status" className={order.status === 'pending_payment' ? 'muted' : undefined}>
        {order.status === 'pending_payment'
          ? 'Waiting for payment confirmation…'
          : order.status === 'paid' || order.status === 'fulfilled'
            ? 'Payment received'
            : order.status === 'refunded'
              ? 'Refunded'
              : 'Cancelled'}
      </p>
    </div>
  );
}

/** Where the order stands after payment (spec 003 orchestration). */
export function CheckoutRecoveryBanner(props: LiveCheckout) {
  const { orchestration } = useCheckoutStatus(props);
  const last = orchestration.lastTransition;
  return (
    <section aria-label="Checkout progress" className="card checkout-progress">
      <h2>Current stage: {orchestration.stageTitle}</h2>
      <p>{orchestration.stageDescription}</p>
      {last ? (
        <p className="muted">
          Last update:{' '}
          {last.note ?? (last.toStage ? `Moved to ${STAGE_COPY[last.toStage].title}` : 'Started')} (
          <time dateTime={last.at.toISOString()} suppressHydrationWarning>
            {formatDateTime(last.at)}
          </time>
          )
        </p>
      ) : null}
      {orchestration.pendingLoyaltySteps.length > 0 ? (
        <>
          <h3 id="pending-loyalty-steps">Pending loyalty steps</h3>
          <ul aria-labelledby="pending-loyalty-steps">
            {orchestration.pendingLoyaltySteps.map((step) => (
              <li key={step}>{step}</li>
            ))}
          </ul>
        </>
      ) : null}
    </section>
  );
}
