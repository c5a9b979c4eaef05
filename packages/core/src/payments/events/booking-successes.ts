import type { Prisma } from '@souk/db';
import type { TenantContext } from '../../context';
import { formatMoney } from '../../money';
import { openDisputeOf } from '../../marketplace/booking-open-dispute';
import { planAllocation } from '../../marketplace/split';
import { int, MissingTargetError, paymentIntentIdOf } from './missing-target';

export type BookingSuccessOutcome =
  { ok: true; bookingId: string; appeared: string[] } | { ok: false; error: MissingTargetError };

/**
 * payment_intent.succeeded for bookings, applied once however often each arrives:
 * the payment succeeds, the platform records the held funds, the booking is paid
 * (its totals recomputed from its payments), and each payment is allocated across
 * the booking's vendors into locked payouts. Set-based: a batch of payments costs
 * the same dozen statements as one (see bench/marketplace.ts). Bookings are locked
 * in id order, so two appliers never wait on each other in a cycle.
 */
export async function applyBookingSuccesses(
  ctx: TenantContext,
  events: { key: string; object: Record<string, unknown> }[],
): Promise<Map<string, BookingSuccessOutcome>> {
  const { tx, orgId } = ctx;
  const outcomes = new Map<string, BookingSuccessOutcome>();
  if (events.length === 0) return outcomes;
  const intentOf = (object: Record<string, unknown>) => paymentIntentIdOf(object) ?? '';
  const intents = [...new Set(events.map((e) => intentOf(e.object)).filter(Boolean))];
  const locked = intents.length
    ? await tx.$queryRaw<{ pi: string }[]>`
        SELECT p."processorPaymentIntentId" AS pi FROM booking_payments p
        JOIN bookings b ON b.id = p."bookingId"
        WHERE p."processorPaymentIntentId" = ANY(${intents}::text[])
        ORDER BY b.id FOR UPDATE OF b`
    : [];
  const known = new Set(locked.map((r) => r.pi));
  const payments = await tx.bookingPayment.findMany({
    where: { processorPaymentIntentId: { in: [...known] } },
    include: {
      booking: {
        include: {
          organizer: { select: { email: true } },
          vendors: {
            where: { status: 'approved', agreedAmountCents: { gt: 0 } },
            orderBy: [{ role: 'asc' }, { createdAt: 'asc' }, { id: 'asc' }],
          },
        },
      },
    },
  });
  const paymentOf = new Map(payments.map((p) => [p.processorPaymentIntentId, p]));

  // The first event per PaymentIntent carries the amount; repeats only report success.
  const toSucceed = new Map<string, { payment: (typeof payments)[number]; received: number }>();
  for (const { key, object } of events) {
    const pi = intentOf(object);
    const payment = paymentOf.get(pi);
    if (!payment) {
      outcomes.set(key, {
        ok: false,
        error: new MissingTargetError(`booking payment ${pi || '(no id)'} not found`, pi || null),
      });
      continue;
    }
    outcomes.set(key, { ok: true, bookingId: payment.bookingId, appeared: [pi] });
    if (payment.status !== 'succeeded' && !toSucceed.has(pi)) {
      toSucceed.set(pi, { payment, received: int(object.amount_received) || payment.amountCents });
    }
  }
  const succeeding = [...toSucceed.values()];
  if (succeeding.length === 0) return outcomes;

  const now = new Date();
  await tx.$executeRaw`
    UPDATE booking_payments p
    SET status = 'succeeded', "openBookingId" = NULL, "succeededAt" = ${now}, "amountCents" = v.amount,
        "failureMessage" = NULL, "updatedAt" = ${now}
    FROM unnest(${succeeding.map((s) => s.payment.id)}::uuid[], ${succeeding.map((s) => s.received)}::int[])
      AS v(id, amount)
    WHERE p.id = ANY(${succeeding.map((s) => s.payment.id)}::uuid[]) AND p.id = v.id`;
  // Bulk inserts as one array per column: Prisma's createMany binds every cell as its own
  // parameter, which costs seconds for a few thousand payouts.
  await tx.$executeRaw`
    INSERT INTO ledger_entries (id, "orgId", "bookingId", "paymentId", type, "amountCents", currency)
    SELECT gen_random_uuid(), ${orgId}::uuid, v.booking_id, v.payment_id, 'held_funds', v.amount, v.currency
    FROM unnest(${succeeding.map((s) => s.payment.bookingId)}::uuid[],
                ${succeeding.map((s) => s.payment.id)}::uuid[],
                ${succeeding.map((s) => s.received)}::int[],
                ${succeeding.map((s) => s.payment.currency)}::text[])
      AS v(booking_id, payment_id, amount, currency)
    ON CONFLICT ("paymentId", type) DO NOTHING`;
  const bookingIds = [...new Set(succeeding.map((s) => s.payment.bookingId))];
  // A late success on a cancelled booking is recorded, never resurrects it (admin refunds).
  await tx.$executeRaw`
    UPDATE bookings b SET
      "amountPaidCents" = t.paid, "amountRefundedCents" = LEAST(t.refunded, t.paid),
      status = CASE WHEN b.status = 'ready_for_payment' THEN 'paid'::"BookingStatus" ELSE b.status END,
      "updatedAt" = ${now}
    FROM (
      SELECT "bookingId",
        COALESCE(sum("amountCents") FILTER (WHERE status = 'succeeded'), 0)::int AS paid,
        COALESCE(sum("amountRefundedCents"), 0)::int AS refunded
      FROM booking_payments WHERE "bookingId" = ANY(${bookingIds}::uuid[]) GROUP BY "bookingId"
    ) t
    WHERE b.id = ANY(${bookingIds}::uuid[]) AND b.id = t."bookingId"`;

  const allocations: Prisma.PayoutAllocationCreateManyInput[] = [];
  const payouts: Prisma.PayoutCreateManyInput[] = [];
  for (const { payment, received } of succeeding) {
    const { booking } = payment;
    const status = booking.status === 'ready_for_payment' ? 'paid' : booking.status;
    const linkages = booking.vendors;
    if (linkages.length === 0 || status === 'cancelled') continue;
    const plan = planAllocation(
      received,
      linkages.map((l) => ({ bookingVendorId: l.id, agreedAmountCents: l.agreedAmountCents! })),
      payment.commissionBps,
      payment.reservationBps,
    );
    // A balance paid after completion is releasable at once (unless a dispute holds it).
    const dispute = status === 'completed' ? await openDisputeOf(ctx, booking.id) : null;
    const completion =
      status !== 'completed'
        ? { status: 'locked' as const }
        : dispute
          ? { status: 'held' as const, heldByDisputeId: dispute.id, heldReason: 'Dispute open' }
          : { status: 'eligible' as const, eligibleAt: now };
    plan.forEach((part, i) => {
      const allocationId = crypto.randomUUID();
      const vendorId = linkages[i]!.vendorId;
      allocations.push({
        id: allocationId,
        orgId,
        bookingId: booking.id,
        paymentId: payment.id,
        bookingVendorId: part.bookingVendorId,
        vendorId,
        grossCents: part.grossCents,
        commissionCents: part.commissionCents,
        netCents: part.netCents,
        currency: payment.currency,
      });
      const base = {
        orgId,
        allocationId,
        bookingId: booking.id,
        vendorId,
        currency: payment.currency,
      };
      payouts.push(
        { ...base, milestone: 'reservation', amountCents: part.reservationCents },
        { ...base, milestone: 'completion', amountCents: part.completionCents, ...completion },
      );
    });
  }
  if (allocations.length > 0) {
    const a = (k: keyof (typeof allocations)[number]) => allocations.map((x) => x[k]);
    await tx.$executeRaw`
      INSERT INTO payout_allocations (id, "orgId", "bookingId", "paymentId", "bookingVendorId", "vendorId",
                                      "grossCents", "commissionCents", "netCents", currency)
      SELECT v.id, ${orgId}::uuid, v.booking_id, v.payment_id, v.booking_vendor_id, v.vendor_id,
             v.gross, v.commission, v.net, v.currency
      FROM unnest(${a('id')}::uuid[], ${a('bookingId')}::uuid[], ${a('paymentId')}::uuid[],
                  ${a('bookingVendorId')}::uuid[], ${a('vendorId')}::uuid[], ${a('grossCents')}::int[],
                  ${a('commissionCents')}::int[], ${a('netCents')}::int[], ${a('currency')}::text[])
        AS v(id, booking_id, payment_id, booking_vendor_id, vendor_id, gross, commission, net, currency)`;
    const p = <T>(f: (x: (typeof payouts)[number]) => T) => payouts.map(f);
    await tx.$executeRaw`
      INSERT INTO payouts (id, "orgId", "allocationId", "bookingId", "vendorId", milestone, status,
                           "amountCents", currency, "eligibleAt", "heldByDisputeId", "heldReason", "updatedAt")
      SELECT gen_random_uuid(), ${orgId}::uuid, v.allocation_id, v.booking_id, v.vendor_id,
             v.milestone::"PayoutMilestone", v.status::"PayoutStatus", v.amount, v.currency,
             v.eligible_at, v.held_by, v.held_reason, ${now}
      FROM unnest(${p((x) => x.allocationId)}::uuid[], ${p((x) => x.bookingId)}::uuid[],
                  ${p((x) => x.vendorId)}::uuid[], ${p((x) => x.milestone)}::text[],
                  ${p((x) => x.status ?? 'locked')}::text[], ${p((x) => x.amountCents)}::int[],
                  ${p((x) => x.currency)}::text[], ${p((x) => (x.eligibleAt as Date | undefined) ?? null)}::timestamp[],
                  ${p((x) => x.heldByDisputeId ?? null)}::uuid[], ${p((x) => x.heldReason ?? null)}::text[])
        AS v(allocation_id, booking_id, vendor_id, milestone, status, amount, currency, eligible_at,
             held_by, held_reason)`;
  }
  const mail = succeeding.map(({ payment, received }) => ({
    key: `booking-payment:${payment.id}:succeeded`,
    recipient: payment.booking.organizer.email,
    subject: `Payment received for booking #${payment.booking.number}`,
    body: `We received ${formatMoney(received, payment.currency)} (${payment.kind}) for booking #${payment.booking.number}.`,
  }));
  await tx.$executeRaw`
    INSERT INTO outbox_events (id, "orgId", "dedupeKey", channel, topic, recipient, subject, body, "updatedAt")
    SELECT gen_random_uuid(), ${orgId}::uuid, m.key, 'email', 'booking.payment_received', m.recipient,
           m.subject, m.body, ${now}
    FROM unnest(${mail.map((m) => m.key)}::text[], ${mail.map((m) => m.recipient)}::text[],
                ${mail.map((m) => m.subject)}::text[], ${mail.map((m) => m.body)}::text[])
      AS m(key, recipient, subject, body)
    ON CONFLICT ("orgId", "dedupeKey") DO NOTHING`;
  return outcomes;
}

/** One payment_intent.succeeded for a booking: the batch path with a batch of one. */
export async function bookingPaymentSucceeded(ctx: TenantContext, object: Record<string, unknown>) {
  const outcome = (await applyBookingSuccesses(ctx, [{ key: 'one', object }])).get('one')!;
  if (!outcome.ok) throw outcome.error;
  return { bookingId: outcome.bookingId, appeared: outcome.appeared };
}
