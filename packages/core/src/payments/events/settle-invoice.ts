import { Prisma } from '@souk/db';
import type { TenantContext } from '../../context';
import { followUpAt } from '../../checkout/orchestration';
import { FULFILLMENT_TASK_KINDS } from '../../checkout/create-fulfillment-tasks';
import { confirmationEmail } from '../../checkout/confirmation-email';
import { MissingTargetError } from './missing-target';

// Timestamps in the columns Prisma writes are UTC wall-clock (timestamp without time zone).
const NOW = Prisma.sql`(now() AT TIME ZONE 'UTC')`;

/**
 * Locks invoices in id order (two appliers never wait on each other in a cycle) and
 * returns the ids that exist. Events for one invoice are applied one at a time.
 */
export async function lockInvoices(ctx: TenantContext, ids: string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await ctx.tx.$queryRaw<{ id: string }[]>`
    SELECT id FROM invoices WHERE id = ANY(${[...new Set(ids)]}::uuid[]) ORDER BY id FOR UPDATE`;
  return new Set(rows.map((r) => r.id));
}

export async function lockInvoice(ctx: TenantContext, invoiceId: string) {
  if (!(await lockInvoices(ctx, [invoiceId])).has(invoiceId)) {
    throw new MissingTargetError(`invoice ${invoiceId} not found`, invoiceId);
  }
  return ctx.tx.invoice.findUniqueOrThrow({ where: { id: invoiceId } });
}

// Open, partly paid and overdue are one rank: funds move an invoice out of them, never
// between them (the overdue sweep and an invoice reconcile do that).
const UNPAID = new Set(['open', 'partial', 'overdue']);
const STATUS_RANK = (status: Prisma.Sql) => Prisma.sql`
  CASE ${status} WHEN 'paid' THEN 1 WHEN 'refunded' THEN 2 WHEN 'void' THEN 3 ELSE 0 END`;

interface Settled {
  id: string;
  old: string;
  status: string;
  orderId: string;
  amountPaidCents: number;
  number: number;
  currency: string;
  orderNumber: number;
  customerEmail: string;
}

/**
 * Recomputes invoices' paid and refunded totals from their payment rows (never
 * nudged by an event's amount), moves each status forward only (open, partial or
 * overdue -> paid -> refunded; void stays) and runs each transition's side effects
 * once, in the caller's transaction: paid marks the order paid, supersedes the
 * invoice's other open pages, advances the orchestration, creates fulfillment tasks and queues the
 * confirmation; refunded marks the order refunded. Set-based: a batch of invoices
 * costs the same handful of statements as one. Invoices must be locked.
 */
export async function settleInvoices(
  ctx: TenantContext,
  items: { invoiceId: string; paidByPaymentIntentId: string | null }[],
): Promise<void> {
  if (items.length === 0) return;
  const { tx, orgId } = ctx;
  const ids = [...new Set(items.map((i) => i.invoiceId))];
  const settled = await tx.$queryRaw<Settled[]>`
    WITH sums AS (
      SELECT i.id, i.status::text AS old, i."totalCents" AS total,
        COALESCE(sum(p."amountCents") FILTER (WHERE p.status IN ('succeeded', 'refunded')), 0)::int AS paid,
        COALESCE(sum(p."amountRefundedCents"), 0)::int AS refunded
      FROM invoices i LEFT JOIN payments p ON p."invoiceId" = i.id
      WHERE i.id = ANY(${ids}::uuid[])
      GROUP BY i.id
    ), target AS (
      SELECT id, old, paid, LEAST(refunded, paid) AS refunded,
        CASE WHEN paid > 0 AND refunded >= paid THEN 'refunded'
             WHEN paid > 0 AND paid >= total THEN 'paid'
             ELSE 'open' END AS target
      FROM sums
    ), next AS (
      SELECT id, old, paid, refunded,
        CASE WHEN ${STATUS_RANK(Prisma.sql`target`)} > ${STATUS_RANK(Prisma.sql`old`)}
             THEN target ELSE old END AS status
      FROM target
    )
    UPDATE invoices i SET
      "amountPaidCents" = n.paid, "amountRefundedCents" = n.refunded,
      status = n.status::"InvoiceStatus",
      "paidAt" = CASE WHEN n.old IN ('open', 'partial', 'overdue')
                       AND n.status NOT IN ('open', 'partial', 'overdue') THEN ${NOW}
                      ELSE i."paidAt" END,
      "updatedAt" = ${NOW}
    FROM next n, orders o
    WHERE i.id = n.id AND o.id = i."orderId"
      AND (i."amountPaidCents" <> n.paid OR i."amountRefundedCents" <> n.refunded OR i.status::text <> n.status)
    RETURNING i.id, n.old, i.status::text AS status, i."orderId", i."amountPaidCents", i.number,
              i.currency, o.number AS "orderNumber", o."customerEmail"`;
  const paid = settled.filter((s) => UNPAID.has(s.old) && !UNPAID.has(s.status));
  const refunded = settled.filter((s) => s.status === 'refunded' && s.old !== 'refunded');

  if (paid.length > 0) {
    const orderIds = paid.map((s) => s.orderId);
    const paidBy = new Map(items.map((i) => [i.invoiceId, i.paidByPaymentIntentId]));
    await tx.$executeRaw`
      UPDATE orders SET status = 'paid', "paidAt" = ${NOW}, "updatedAt" = ${NOW}
      WHERE id = ANY(${orderIds}::uuid[])`;
    // Other pages for these invoices must not be paid again.
    await tx.$executeRaw`
      UPDATE hosted_checkout_sessions s SET status = 'superseded', "updatedAt" = ${NOW}
      FROM unnest(${paid.map((s) => s.id)}::uuid[], ${paid.map((s) => paidBy.get(s.id) ?? null)}::text[])
        AS v(invoice_id, paid_by)
      WHERE s."invoiceId" = ANY(${paid.map((s) => s.id)}::uuid[]) AND s."invoiceId" = v.invoice_id
        AND s.status IN ('open', 'abandoned')
        AND (v.paid_by IS NULL OR s."paymentIntentId" <> v.paid_by)`;
    await advanceOrchestrations(ctx, orderIds);
    await tx.$executeRaw`
      INSERT INTO fulfillment_tasks (id, "orgId", "orderId", kind, "updatedAt")
      SELECT gen_random_uuid(), ${orgId}::uuid, o, k, ${NOW}
      FROM unnest(${orderIds}::uuid[]) o CROSS JOIN unnest(${[...FULFILLMENT_TASK_KINDS]}::text[]) k
      ON CONFLICT ("orderId", kind) DO NOTHING`;
    const mail = paid.map((s) => ({
      dedupeKey: `order:${s.orderId}:confirmation`,
      recipient: s.customerEmail,
      ...confirmationEmail({
        number: s.orderNumber,
        invoiceNumber: s.number,
        paid: { amountCents: s.amountPaidCents, currency: s.currency },
      }),
    }));
    await tx.$executeRaw`
      INSERT INTO outbox_events (id, "orgId", "dedupeKey", channel, topic, recipient, subject, body, "updatedAt")
      SELECT gen_random_uuid(), ${orgId}::uuid, m.key, 'email', 'order.confirmation', m.recipient,
             m.subject, m.body, ${NOW}
      FROM unnest(${mail.map((m) => m.dedupeKey)}::text[], ${mail.map((m) => m.recipient)}::text[],
                  ${mail.map((m) => m.subject)}::text[], ${mail.map((m) => m.body)}::text[])
        AS m(key, recipient, subject, body)
      ON CONFLICT ("orgId", "dedupeKey") DO NOTHING`;
  }
  if (refunded.length > 0) {
    await tx.$executeRaw`
      UPDATE orders SET status = 'refunded', "updatedAt" = ${NOW}
      WHERE id = ANY(${refunded.map((s) => s.orderId)}::uuid[])`;
  }
}

/**
 * Payment confirmed: each order's orchestration (created if it has none, with its
 * "Checkout started" event) moves from payment to identity verification, recorded
 * as a transition. An orchestration already past payment is left alone.
 */
async function advanceOrchestrations(ctx: TenantContext, orderIds: string[]): Promise<void> {
  const { tx, orgId } = ctx;
  const followUp = followUpAt(new Date());
  const created = await tx.$queryRaw<{ id: string }[]>`
    INSERT INTO checkout_orchestrations (id, "orgId", "orderId", stage, "nextActionAt", "updatedAt")
    SELECT gen_random_uuid(), ${orgId}::uuid, o, 'payment', ${followUp}, ${NOW}
    FROM unnest(${orderIds}::uuid[]) o
    ON CONFLICT ("orderId") DO NOTHING
    RETURNING id`;
  if (created.length > 0) {
    await tx.$executeRaw`
      INSERT INTO checkout_orchestration_events (id, "orgId", "orchestrationId", kind, "toStage", note)
      SELECT gen_random_uuid(), ${orgId}::uuid, c, 'created', 'payment', 'Checkout started'
      FROM unnest(${created.map((c) => c.id)}::uuid[]) c`;
  }
  await tx.$executeRaw`
    WITH moved AS (
      UPDATE checkout_orchestrations
      SET stage = 'identity_verification', "lastTransitionAt" = ${NOW}, "nextActionAt" = ${followUp},
          "updatedAt" = ${NOW}
      WHERE "orderId" = ANY(${orderIds}::uuid[]) AND stage = 'payment'
      RETURNING id
    )
    INSERT INTO checkout_orchestration_events
      (id, "orgId", "orchestrationId", kind, "fromStage", "toStage", note)
    SELECT gen_random_uuid(), ${orgId}::uuid, moved.id, 'transition', 'payment',
           'identity_verification', 'Payment confirmed'
    FROM moved`;
}

export async function settleInvoice(
  ctx: TenantContext,
  invoiceId: string,
  paidByPaymentIntentId: string | null = null,
): Promise<void> {
  await settleInvoices(ctx, [{ invoiceId, paidByPaymentIntentId }]);
}

export interface SucceededPayment {
  invoiceId: string;
  paymentIntentId: string;
  amountCents: number;
}

/**
 * PaymentIntents succeeded for invoices (from checkout.session.completed or
 * payment_intent.succeeded, in any order and any number of times): one payment
 * row per PaymentIntent whose status only moves forward (a failed or canceled row
 * becomes succeeded; a refunded one stays), each PaymentIntent recorded in the
 * object index, then the invoices are settled. Invoices must be locked.
 */
export async function settleSucceededPayments(
  ctx: TenantContext,
  payments: SucceededPayment[],
): Promise<void> {
  if (payments.length === 0) return;
  const { tx, orgId } = ctx;
  const byIntent = new Map(payments.map((p) => [p.paymentIntentId, p]));
  const unique = [...byIntent.values()];
  const invoiceIds = unique.map((p) => p.invoiceId);
  const intents = unique.map((p) => p.paymentIntentId);
  await tx.$executeRaw`
    INSERT INTO payments (id, "orgId", "invoiceId", "processorPaymentIntentId", "amountCents",
                          currency, status, "updatedAt")
    SELECT gen_random_uuid(), ${orgId}::uuid, v.invoice_id, v.pi, v.amount, i.currency, 'succeeded', ${NOW}
    FROM unnest(${invoiceIds}::uuid[], ${intents}::text[], ${unique.map((p) => p.amountCents)}::int[])
      AS v(invoice_id, pi, amount)
    JOIN invoices i ON i.id = v.invoice_id
    ON CONFLICT ("processorPaymentIntentId") DO UPDATE
      SET status = 'succeeded', "amountCents" = EXCLUDED."amountCents", "updatedAt" = EXCLUDED."updatedAt"
      WHERE payments.status IN ('failed', 'canceled')`;
  await tx.$executeRaw`
    INSERT INTO processor_objects (id, "orgId", kind, "invoiceId")
    SELECT v.pi, ${orgId}::uuid, 'payment_intent', v.invoice_id
    FROM unnest(${intents}::text[], ${invoiceIds}::uuid[]) AS v(pi, invoice_id)
    ON CONFLICT (id) DO NOTHING`;
  await settleInvoices(
    ctx,
    unique.map((p) => ({ invoiceId: p.invoiceId, paidByPaymentIntentId: p.paymentIntentId })),
  );
}

/** One succeeded PaymentIntent: locks its invoice, then records the payment and settles the invoice. */
export async function lockAndSettleSucceededPayment(
  ctx: TenantContext,
  payment: SucceededPayment,
): Promise<void> {
  await lockInvoice(ctx, payment.invoiceId);
  await settleSucceededPayments(ctx, [payment]);
}
