import type {
  ProcessorCharge,
  ProcessorCheckoutSessionSummary,
  ProcessorPaymentIntentSummary,
  ProcessorRefund,
} from '@souk/payments';
import type { Tx } from '@souk/db';
import type { DiscrepancyKindName, ReconciledObjectKindName } from './reconciliation-schemas';

/** One disagreement between the processor and Souk, before it is recorded. */
export interface Finding {
  kind: DiscrepancyKindName;
  severity: 'low' | 'medium' | 'high';
  processorObjectKind: ReconciledObjectKindName | null;
  processorObjectId: string;
  localEntityType: string | null;
  localEntityId: string | null;
  currency: string | null;
  processorAmountCents: number | null;
  localAmountCents: number | null;
  processorStatus: string | null;
  localStatus: string | null;
}

/** Same kind and processor object = the same disagreement, reported once ever. */
export const fingerprintOf = (finding: Pick<Finding, 'kind' | 'processorObjectId'>) =>
  `${finding.kind}:${finding.processorObjectId}`;

/** What Souk holds for one PaymentIntent id: a storefront payment or a booking payment. */
interface LocalPayment {
  /** The processor id asked about (a PaymentIntent). */
  key: string;
  known: boolean;
  paymentId: string | null;
  paymentStatus: string | null;
  paymentAmountCents: number | null;
  paymentRefundedCents: number | null;
  bookingPaymentId: string | null;
  bookingPaymentStatus: string | null;
  bookingPaymentAmountCents: number | null;
  invoiceId: string | null;
}

/** One query for a page: what Souk knows of each PaymentIntent id (RLS keeps other orgs out). */
async function localPayments(tx: Tx, ids: string[]): Promise<Map<string, LocalPayment>> {
  if (ids.length === 0) return new Map();
  const rows = await tx.$queryRaw<LocalPayment[]>`
    SELECT v.key, (o.id IS NOT NULL) AS known,
      p.id AS "paymentId", p.status AS "paymentStatus", p."amountCents" AS "paymentAmountCents",
      p."amountRefundedCents" AS "paymentRefundedCents",
      bp.id AS "bookingPaymentId", bp.status::text AS "bookingPaymentStatus",
      bp."amountCents" AS "bookingPaymentAmountCents",
      COALESCE(p."invoiceId", o."invoiceId") AS "invoiceId"
    FROM unnest(${[...new Set(ids)]}::text[]) AS v(key)
    LEFT JOIN processor_objects o ON o.id = v.key
    LEFT JOIN payments p ON p."processorPaymentIntentId" = v.key
    LEFT JOIN booking_payments bp ON bp."processorPaymentIntentId" = v.key`;
  return new Map(rows.map((r) => [r.key, r]));
}

const SUCCEEDED_LOCALLY = new Set(['succeeded', 'refunded']);

function isOurs(orgId: string, metadata: Record<string, string>, local?: LocalPayment): boolean {
  if (metadata.orgId) return metadata.orgId === orgId;
  return Boolean(local && (local.known || local.paymentId || local.bookingPaymentId));
}

function missingPayment(
  paymentIntentId: string,
  amountCents: number,
  currency: string,
  local: LocalPayment | undefined,
): Finding {
  return {
    kind: 'missing_locally',
    severity: 'high',
    processorObjectKind: 'payment_intent',
    processorObjectId: paymentIntentId,
    localEntityType: local?.invoiceId ? 'invoice' : null,
    localEntityId: local?.invoiceId ?? null,
    currency,
    processorAmountCents: amountCents,
    localAmountCents: null,
    processorStatus: 'succeeded',
    localStatus: null,
  };
}

export async function comparePaymentIntents(
  tx: Tx,
  orgId: string,
  intents: ProcessorPaymentIntentSummary[],
): Promise<Finding[]> {
  const locals = await localPayments(
    tx,
    intents.map((pi) => pi.id),
  );
  const findings: Finding[] = [];
  for (const pi of intents) {
    const local = locals.get(pi.id);
    if (!isOurs(orgId, pi.metadata, local)) continue;
    const processorAmount =
      pi.status === 'succeeded' ? pi.amountReceivedCents || pi.amountCents : pi.amountCents;
    const localStatus = local?.paymentStatus ?? local?.bookingPaymentStatus ?? null;
    const localAmount = local?.paymentAmountCents ?? local?.bookingPaymentAmountCents ?? null;
    const entity = local?.paymentId
      ? { localEntityType: 'payment', localEntityId: local.paymentId }
      : local?.bookingPaymentId
        ? { localEntityType: 'booking_payment', localEntityId: local.bookingPaymentId }
        : null;
    if (pi.status === 'succeeded' && !entity) {
      findings.push(missingPayment(pi.id, processorAmount, pi.currency, local));
      continue;
    }
    if (!entity || localStatus === null || localAmount === null) continue;
    const both = {
      processorObjectKind: 'payment_intent' as const,
      processorObjectId: pi.id,
      ...entity,
      currency: pi.currency,
      processorAmountCents: processorAmount,
      localAmountCents: localAmount,
      processorStatus: pi.status,
      localStatus,
    };
    const succeededHere = SUCCEEDED_LOCALLY.has(localStatus);
    if ((pi.status === 'succeeded') !== succeededHere) {
      findings.push({ ...both, kind: 'status_mismatch', severity: 'medium' });
    }
    if (pi.status === 'succeeded' && succeededHere && localAmount !== processorAmount) {
      findings.push({ ...both, kind: 'amount_mismatch', severity: 'high' });
    }
  }
  return findings;
}

/** A paid charge whose PaymentIntent Souk has no payment for: the same finding as the intent's. */
export async function compareCharges(
  tx: Tx,
  orgId: string,
  charges: ProcessorCharge[],
): Promise<Finding[]> {
  const paid = charges.filter((c) => c.paid && c.status === 'succeeded' && c.paymentIntentId);
  const locals = await localPayments(
    tx,
    paid.map((c) => c.paymentIntentId!),
  );
  const findings: Finding[] = [];
  for (const charge of paid) {
    const local = locals.get(charge.paymentIntentId!);
    if (!isOurs(orgId, charge.metadata, local)) continue;
    if (local?.paymentId || local?.bookingPaymentId) continue;
    findings.push(
      missingPayment(charge.paymentIntentId!, charge.amountCents, charge.currency, local),
    );
  }
  return findings;
}

/**
 * A processor refund of a storefront payment that Souk has no refund row for. Booking
 * refunds keep no refund rows (their totals live on the booking payment), so they are left out.
 */
export async function compareRefunds(
  tx: Tx,
  orgId: string,
  refunds: ProcessorRefund[],
): Promise<Finding[]> {
  const live = refunds.filter((r) => r.status === 'succeeded' || r.status === 'pending');
  if (live.length === 0) return [];
  const rows = await tx.$queryRaw<
    {
      refundId: string;
      localRefundId: string | null;
      paymentId: string | null;
      orderId: string | null;
      known: boolean;
    }[]
  >`
    SELECT v.refund_id AS "refundId", r.id AS "localRefundId", p.id AS "paymentId",
      (SELECT i."orderId" FROM invoices i WHERE i.id = p."invoiceId") AS "orderId",
      (o.id IS NOT NULL) AS known
    FROM unnest(${live.map((r) => r.id)}::text[], ${live.map((r) => r.paymentIntentId ?? '')}::text[],
                ${live.map((r) => r.metadata.refundId ?? '')}::text[]) AS v(refund_id, pi, local_id)
    LEFT JOIN processor_objects o ON o.id = v.pi
    LEFT JOIN payments p ON p."processorPaymentIntentId" = v.pi
    -- Two indexed lookups, not one OR (which scans every refund of the org per row).
    LEFT JOIN LATERAL (
      SELECT id FROM refunds r WHERE r."processorRefundId" = v.refund_id
      UNION ALL
      SELECT id FROM refunds r
      WHERE v.local_id ~ '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$'
        AND r.id = (CASE WHEN v.local_id ~ '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$'
                         THEN v.local_id::uuid END)
      LIMIT 1) r ON true`;
  const byId = new Map(rows.map((r) => [r.refundId, r]));
  const findings: Finding[] = [];
  for (const refund of live) {
    const local = byId.get(refund.id);
    if (!local?.paymentId || local.localRefundId) continue;
    if (refund.metadata.orgId && refund.metadata.orgId !== orgId) continue;
    findings.push({
      kind: 'refund_missing',
      severity: 'high',
      processorObjectKind: 'refund',
      processorObjectId: refund.id,
      localEntityType: local.orderId ? 'order' : 'payment',
      localEntityId: local.orderId ?? local.paymentId,
      currency: refund.currency,
      processorAmountCents: refund.amountCents,
      localAmountCents: null,
      processorStatus: refund.status,
      localStatus: null,
    });
  }
  return findings;
}

/** A checkout session paid at the processor that Souk still shows unpaid, and its payment. */
export async function compareCheckoutSessions(
  tx: Tx,
  orgId: string,
  sessions: ProcessorCheckoutSessionSummary[],
): Promise<Finding[]> {
  const paid = sessions.filter((s) => s.status === 'complete' && s.paymentStatus === 'paid');
  if (paid.length === 0) return [];
  const rows = await tx.$queryRaw<
    {
      sessionId: string;
      localId: string | null;
      localStatus: string | null;
      invoiceId: string | null;
    }[]
  >`
    SELECT v.id AS "sessionId", s.id AS "localId", s.status::text AS "localStatus",
      s."invoiceId"
    FROM unnest(${paid.map((s) => s.id)}::text[]) AS v(id)
    LEFT JOIN hosted_checkout_sessions s ON s."processorSessionId" = v.id`;
  const byId = new Map(rows.map((r) => [r.sessionId, r]));
  const locals = await localPayments(
    tx,
    paid.flatMap((s) => (s.paymentIntentId ? [s.paymentIntentId] : [])),
  );
  const findings: Finding[] = [];
  for (const session of paid) {
    const local = byId.get(session.id);
    if (!local?.localId) continue;
    if (session.metadata.orgId && session.metadata.orgId !== orgId) continue;
    if (local.localStatus !== 'completed') {
      findings.push({
        kind: 'session_paid_open_locally',
        severity: 'high',
        processorObjectKind: 'checkout_session',
        processorObjectId: session.id,
        localEntityType: 'invoice',
        localEntityId: local.invoiceId,
        currency: session.currency,
        processorAmountCents: session.amountTotalCents,
        localAmountCents: null,
        processorStatus: 'paid',
        localStatus: local.localStatus,
      });
    }
    const payment = session.paymentIntentId ? locals.get(session.paymentIntentId) : undefined;
    if (session.paymentIntentId && !payment?.paymentId && !payment?.bookingPaymentId) {
      findings.push({
        ...missingPayment(
          session.paymentIntentId,
          session.amountTotalCents,
          session.currency,
          payment,
        ),
        localEntityType: 'invoice',
        localEntityId: local.invoiceId,
      });
    }
  }
  return findings;
}
