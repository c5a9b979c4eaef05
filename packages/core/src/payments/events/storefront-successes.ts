import type { TenantContext } from '../../context';
import { int, metadataOf, MissingTargetError, str } from './missing-target';
import { lockInvoices, settleSucceededPayments, type SucceededPayment } from './settle-invoice';

/** A success signal for a storefront invoice, as the batch path takes it. */
export interface StorefrontSuccess {
  key: string;
  type: string;
  object: Record<string, unknown>;
}

/**
 * True for the events that make up most of a checkout burst and can be applied
 * set-based: payment_intent.succeeded naming its invoice, and a paid
 * checkout.session.completed. Everything else goes through its own handler.
 */
export function isStorefrontSuccess(type: string, object: Record<string, unknown>): boolean {
  const metadata = metadataOf(object);
  if (type === 'payment_intent.succeeded') {
    return Boolean(str(object.id) && str(metadata.invoiceId) && !str(metadata.bookingId));
  }
  if (
    type === 'checkout.session.completed' ||
    type === 'checkout.session.async_payment_succeeded'
  ) {
    return Boolean(
      str(object.id) && str(object.payment_intent) && object.payment_status === 'paid',
    );
  }
  return false;
}

export type SuccessOutcome =
  { ok: true; invoiceId: string; appeared: string[] } | { ok: false; error: MissingTargetError };

/**
 * The same effects as checkoutSessionCompleted and paymentIntentSucceeded, for many
 * events in a handful of statements: sessions completed, one payment per
 * PaymentIntent, invoices settled once each. Events whose session or invoice Souk
 * does not have come back as missing (they wait); the rest are applied.
 */
export async function applyStorefrontSuccesses(
  ctx: TenantContext,
  events: StorefrontSuccess[],
): Promise<Map<string, SuccessOutcome>> {
  const outcomes = new Map<string, SuccessOutcome>();
  if (events.length === 0) return outcomes;
  const sessionIds = events
    .filter((e) => e.type !== 'payment_intent.succeeded')
    .map((e) => str(e.object.id)!);
  const sessions = sessionIds.length
    ? await ctx.tx.hostedCheckoutSession.findMany({
        where: { processorSessionId: { in: sessionIds } },
        select: { id: true, processorSessionId: true, invoiceId: true, status: true },
      })
    : [];
  const sessionBy = new Map(sessions.map((s) => [s.processorSessionId, s]));

  const wanted: { event: StorefrontSuccess; payment: SucceededPayment; sessionId?: string }[] = [];
  for (const event of events) {
    const { object } = event;
    if (event.type === 'payment_intent.succeeded') {
      wanted.push({
        event,
        payment: {
          invoiceId: str(metadataOf(object).invoiceId)!,
          paymentIntentId: str(object.id)!,
          amountCents: int(object.amount_received) || int(object.amount),
        },
      });
      continue;
    }
    const id = str(object.id)!;
    const session = sessionBy.get(id);
    if (!session) {
      outcomes.set(event.key, {
        ok: false,
        error: new MissingTargetError(`checkout session ${id} not found`, id),
      });
      continue;
    }
    wanted.push({
      event,
      sessionId: id,
      payment: {
        invoiceId: session.invoiceId,
        paymentIntentId: str(object.payment_intent)!,
        amountCents: int(object.amount_total),
      },
    });
  }

  const found = await lockInvoices(
    ctx,
    wanted.map((w) => w.payment.invoiceId),
  );
  const ready = wanted.filter((w) => {
    if (found.has(w.payment.invoiceId)) return true;
    const invoiceId = w.payment.invoiceId;
    outcomes.set(w.event.key, {
      ok: false,
      error: new MissingTargetError(`invoice ${invoiceId} not found`, invoiceId),
    });
    return false;
  });
  const completing = ready.filter((w) => w.sessionId);
  if (completing.length > 0) {
    // `id = ANY(...)` as well as the join: the planner then reads the rows by primary key
    // even when its statistics lag behind a burst (it chose a nested loop over a seq scan).
    const ids = completing.map((w) => sessionBy.get(w.sessionId!)!.id);
    // Completed is terminal and wins over any earlier or later expiry/abandonment.
    await ctx.tx.$executeRaw`
      UPDATE hosted_checkout_sessions s
      SET status = 'completed', "completedAt" = (now() AT TIME ZONE 'UTC'), "paymentIntentId" = v.pi,
          "updatedAt" = (now() AT TIME ZONE 'UTC')
      FROM unnest(${ids}::uuid[], ${completing.map((w) => w.payment.paymentIntentId)}::text[])
        AS v(id, pi)
      WHERE s.id = ANY(${ids}::uuid[]) AND s.id = v.id AND s.status <> 'completed'`;
  }
  await settleSucceededPayments(
    ctx,
    ready.map((w) => w.payment),
  );
  for (const w of ready) {
    outcomes.set(w.event.key, {
      ok: true,
      invoiceId: w.payment.invoiceId,
      appeared: [
        w.payment.paymentIntentId,
        w.payment.invoiceId,
        ...(w.sessionId ? [w.sessionId] : []),
      ],
    });
  }
  return outcomes;
}
