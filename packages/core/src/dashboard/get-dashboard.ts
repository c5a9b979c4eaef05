/*
 * The admin dashboard's figures, for a range of whole UTC days and for the period of equal
 * length just before it. Definitions (the page and the tests rely on them exactly):
 *
 * - Gross sales: sum of invoices.amountPaidCents of invoices whose paidAt is in the range,
 *   whatever their status now (a later refund is counted under refunds, not here).
 * - Refunds: sum of refunds.amountCents with status succeeded, by the refund's createdAt
 *   (the `refunds` table; payments.amountRefundedCents is not used).
 * - Net: gross - refunds, per currency.
 * - Orders: invoices paid in the range (one invoice per order, so orders paid in the range).
 * - Average order value: gross / orders in integer cents, rounded half up; null with no orders.
 * - Checkout conversion: hosted checkout sessions created in the range that reached
 *   completed, over all sessions created in the range (superseded ones included), in basis
 *   points rounded half up; null with no sessions.
 * - Recovered checkouts: sessions created in the range that completed, for whose invoice an
 *   abandoned session (the same one, or one a resume link replaced) was sent a recovery
 *   email: an outbox row `session:<id>:recovery:<attempt>` with topic checkout.recovery.
 *   Recovery emails are only sent while the invoice is open, so the prompt came first.
 * - Bookings by status: bookings created in the range, counted by their current status.
 * - Deposits vs balances: booking_payments succeeded (succeededAt) in the range, by kind.
 * - Commission earned: payout_allocations.commissionCents created in the range (the
 *   platform's fee; LedgerEntryType has no fee type, allocations record it per payment).
 * - Payouts due (status eligible) and held (status held): current totals, not per range.
 *   Paid: payouts with status paid whose approvedAt (when the transfer was made) is in range.
 * - Outbox backlog (pending), dead letters (dead) and failed payment events
 *   (processor_events failed): current counts, not per range.
 * Money is listed per currency; an org has one in practice.
 */
import { BookingStatus } from '@souk/db';
import type { TenantContext } from '../context';
import {
  bucketStarts,
  nextDay,
  resolveDashboardRange,
  type DashboardRange,
} from './dashboard-range';
import type { GetDashboardInput } from './schemas';

export interface Compared<T = number> {
  current: T;
  previous: T;
}

export interface SalesPoint {
  /** First day of the bucket (a day, or the 7 days starting then). */
  date: string;
  grossCents: number;
  netCents: number;
  orders: number;
}

export interface DashboardSales {
  currency: string;
  grossCents: Compared;
  refundedCents: Compared;
  netCents: Compared;
  orders: Compared;
  averageOrderCents: Compared<number | null>;
  series: SalesPoint[];
}

export interface CheckoutFigures {
  sessions: number;
  completed: number;
  conversionBps: number | null;
  recovered: number;
}

export interface Dashboard {
  range: DashboardRange;
  sales: DashboardSales[];
  /** Orders paid, all currencies together. */
  orders: Compared;
  checkout: Compared<CheckoutFigures>;
  bookings: { byStatus: ({ status: BookingStatus } & Compared)[]; total: Compared };
  bookingPayments: {
    currency: string;
    depositCents: Compared;
    balanceCents: Compared;
    fullCents: Compared;
  }[];
  commission: { currency: string; commissionCents: Compared }[];
  payouts: {
    currency: string;
    dueCents: number;
    dueCount: number;
    heldCents: number;
    heldCount: number;
    paidCents: Compared;
    paidCount: Compared;
  }[];
  ops: { outboxPending: number; outboxDead: number; failedPaymentEvents: number };
}

/** Integer division rounded half up, for non-negative numbers; null when dividing by 0. */
function roundedRatio(numerator: number, denominator: number): number | null {
  if (denominator === 0) return null;
  return Math.floor((2 * numerator + denominator) / (2 * denominator));
}

// Sums come back as bigint; cents totals stay far below 2^53.
const num = (value: bigint | number | null | undefined) => Number(value ?? 0);

const compared = (current: number, previous: number): Compared => ({ current, previous });

export async function getDashboard({
  ctx,
  input,
  now = new Date(),
}: {
  ctx: TenantContext;
  input: GetDashboardInput;
  now?: Date;
}): Promise<Dashboard> {
  const range = resolveDashboardRange(input, now);
  const { tx, orgId } = ctx;
  // timestamp(3) columns hold UTC: compare them with UTC midnights, not timestamptz.
  const from = range.from;
  const end = nextDay(range.to);
  const prevFrom = range.previousFrom;
  const step = range.bucket === 'day' ? 1 : 7;

  // One transaction, queries one after another (they share its connection). Each reads one
  // table family once for both periods: rows of the previous period get a NULL bucket.
  const invoiceRows = await tx.$queryRaw<
    { currency: string; bucket: number | null; gross: bigint; orders: bigint }[]
  >`
    SELECT currency,
           CASE WHEN "paidAt" >= ${from}::timestamp
                THEN ("paidAt"::date - ${from}::date) / ${step}::int END AS bucket,
           SUM("amountPaidCents")::bigint AS gross,
           COUNT(*)::bigint AS orders
    FROM invoices
    WHERE "orgId" = ${orgId}::uuid
      AND "paidAt" >= ${prevFrom}::timestamp AND "paidAt" < ${end}::timestamp
    GROUP BY 1, 2`;

  const refundRows = await tx.$queryRaw<
    { currency: string; bucket: number | null; refunded: bigint }[]
  >`
    SELECT currency,
           CASE WHEN "createdAt" >= ${from}::timestamp
                THEN ("createdAt"::date - ${from}::date) / ${step}::int END AS bucket,
           SUM("amountCents")::bigint AS refunded
    FROM refunds
    WHERE "orgId" = ${orgId}::uuid AND status = 'succeeded'
      AND "createdAt" >= ${prevFrom}::timestamp AND "createdAt" < ${end}::timestamp
    GROUP BY 1, 2`;

  const [sessionRow] = await tx.$queryRaw<
    {
      sessions: bigint;
      completed: bigint;
      recovered: bigint;
      prevSessions: bigint;
      prevCompleted: bigint;
      prevRecovered: bigint;
    }[]
  >`
    WITH s AS (
      SELECT s."createdAt" >= ${from}::timestamp AS current,
             s.status = 'completed' AS completed,
             s.status = 'completed' AND EXISTS (
               SELECT 1
               FROM hosted_checkout_sessions p
               CROSS JOIN LATERAL generate_series(1, p."recoveryAttempts") AS n
               WHERE p."invoiceId" = s."invoiceId" AND p."abandonedAt" IS NOT NULL
                 AND p."recoveryAttempts" > 0
                 -- One (orgId, dedupeKey) index lookup per attempt. OFFSET 0 keeps it a
                 -- lookup: as a join, under RLS the planner hashed every outbox row instead.
                 AND EXISTS (
                   SELECT 1 FROM outbox_events e
                   WHERE e."orgId" = ${orgId}::uuid
                     AND e."dedupeKey" = 'session:' || p.id || ':recovery:' || n
                     AND e.topic = 'checkout.recovery'
                   OFFSET 0)
             ) AS recovered
      FROM hosted_checkout_sessions s
      WHERE s."orgId" = ${orgId}::uuid
        AND s."createdAt" >= ${prevFrom}::timestamp AND s."createdAt" < ${end}::timestamp
    )
    SELECT COUNT(*) FILTER (WHERE current) AS sessions,
           COUNT(*) FILTER (WHERE current AND completed) AS completed,
           COUNT(*) FILTER (WHERE current AND recovered) AS recovered,
           COUNT(*) FILTER (WHERE NOT current) AS "prevSessions",
           COUNT(*) FILTER (WHERE NOT current AND completed) AS "prevCompleted",
           COUNT(*) FILTER (WHERE NOT current AND recovered) AS "prevRecovered"
    FROM s`;

  const bookingRows = await tx.$queryRaw<
    { status: BookingStatus; current: bigint; previous: bigint }[]
  >`
    SELECT status,
           COUNT(*) FILTER (WHERE "createdAt" >= ${from}::timestamp) AS current,
           COUNT(*) FILTER (WHERE "createdAt" < ${from}::timestamp) AS previous
    FROM bookings
    WHERE "orgId" = ${orgId}::uuid
      AND "createdAt" >= ${prevFrom}::timestamp AND "createdAt" < ${end}::timestamp
    GROUP BY status`;

  const bookingPaymentRows = await tx.$queryRaw<
    { currency: string; kind: string; current: bigint; previous: bigint }[]
  >`
    SELECT currency, kind::text AS kind,
           COALESCE(SUM("amountCents") FILTER (WHERE "succeededAt" >= ${from}::timestamp), 0)::bigint AS current,
           COALESCE(SUM("amountCents") FILTER (WHERE "succeededAt" < ${from}::timestamp), 0)::bigint AS previous
    FROM booking_payments
    WHERE "orgId" = ${orgId}::uuid AND status = 'succeeded'
      AND "succeededAt" >= ${prevFrom}::timestamp AND "succeededAt" < ${end}::timestamp
    GROUP BY 1, 2`;

  const commissionRows = await tx.$queryRaw<
    { currency: string; current: bigint; previous: bigint }[]
  >`
    SELECT currency,
           COALESCE(SUM("commissionCents") FILTER (WHERE "createdAt" >= ${from}::timestamp), 0)::bigint AS current,
           COALESCE(SUM("commissionCents") FILTER (WHERE "createdAt" < ${from}::timestamp), 0)::bigint AS previous
    FROM payout_allocations
    WHERE "orgId" = ${orgId}::uuid
      AND "createdAt" >= ${prevFrom}::timestamp AND "createdAt" < ${end}::timestamp
    GROUP BY currency`;

  const payoutRows = await tx.$queryRaw<
    {
      currency: string;
      dueCents: bigint;
      dueCount: bigint;
      heldCents: bigint;
      heldCount: bigint;
      paidCents: bigint;
      paidCount: bigint;
      prevPaidCents: bigint;
      prevPaidCount: bigint;
    }[]
  >`
    WITH p AS (
      SELECT currency, status, "amountCents",
             status = 'paid' AND "approvedAt" >= ${from}::timestamp AS "paidNow",
             status = 'paid' AND "approvedAt" < ${from}::timestamp AS "paidBefore"
      FROM payouts
      WHERE "orgId" = ${orgId}::uuid
        AND (status IN ('eligible', 'held')
             OR (status = 'paid' AND "approvedAt" >= ${prevFrom}::timestamp
                 AND "approvedAt" < ${end}::timestamp))
    )
    SELECT currency,
           COALESCE(SUM("amountCents") FILTER (WHERE status = 'eligible'), 0)::bigint AS "dueCents",
           COUNT(*) FILTER (WHERE status = 'eligible') AS "dueCount",
           COALESCE(SUM("amountCents") FILTER (WHERE status = 'held'), 0)::bigint AS "heldCents",
           COUNT(*) FILTER (WHERE status = 'held') AS "heldCount",
           COALESCE(SUM("amountCents") FILTER (WHERE "paidNow"), 0)::bigint AS "paidCents",
           COUNT(*) FILTER (WHERE "paidNow") AS "paidCount",
           COALESCE(SUM("amountCents") FILTER (WHERE "paidBefore"), 0)::bigint AS "prevPaidCents",
           COUNT(*) FILTER (WHERE "paidBefore") AS "prevPaidCount"
    FROM p
    GROUP BY currency`;

  const [opsRow] = await tx.$queryRaw<
    { outboxPending: bigint; outboxDead: bigint; failedPaymentEvents: bigint }[]
  >`
    SELECT
      (SELECT COUNT(*) FROM outbox_events
        WHERE "orgId" = ${orgId}::uuid AND status = 'pending') AS "outboxPending",
      (SELECT COUNT(*) FROM outbox_events
        WHERE "orgId" = ${orgId}::uuid AND status = 'dead') AS "outboxDead",
      (SELECT COUNT(*) FROM processor_events
        WHERE "orgId" = ${orgId}::uuid AND status = 'failed') AS "failedPaymentEvents"`;

  const sales = salesByCurrency(range, invoiceRows, refundRows);
  const checkout = (current: boolean): CheckoutFigures => {
    const sessions = num(current ? sessionRow?.sessions : sessionRow?.prevSessions);
    const completed = num(current ? sessionRow?.completed : sessionRow?.prevCompleted);
    return {
      sessions,
      completed,
      conversionBps: roundedRatio(completed * 10_000, sessions),
      recovered: num(current ? sessionRow?.recovered : sessionRow?.prevRecovered),
    };
  };
  const byStatus = Object.values(BookingStatus).map((status) => {
    const row = bookingRows.find((r) => r.status === status);
    return { status, current: num(row?.current ?? 0n), previous: num(row?.previous ?? 0n) };
  });
  const paymentCurrencies = [...new Set(bookingPaymentRows.map((r) => r.currency))].sort();

  return {
    range,
    sales,
    orders: compared(
      sales.reduce((sum, s) => sum + s.orders.current, 0),
      sales.reduce((sum, s) => sum + s.orders.previous, 0),
    ),
    checkout: { current: checkout(true), previous: checkout(false) },
    bookings: {
      byStatus,
      total: compared(
        byStatus.reduce((sum, s) => sum + s.current, 0),
        byStatus.reduce((sum, s) => sum + s.previous, 0),
      ),
    },
    bookingPayments: paymentCurrencies.map((currency) => {
      const kind = (name: string) => {
        const row = bookingPaymentRows.find((r) => r.currency === currency && r.kind === name);
        return compared(num(row?.current ?? 0n), num(row?.previous ?? 0n));
      };
      return {
        currency,
        depositCents: kind('deposit'),
        balanceCents: kind('balance'),
        fullCents: kind('full'),
      };
    }),
    commission: commissionRows
      .map((r) => ({
        currency: r.currency,
        commissionCents: compared(num(r.current), num(r.previous)),
      }))
      .sort((a, b) => a.currency.localeCompare(b.currency)),
    payouts: payoutRows
      .map((r) => ({
        currency: r.currency,
        dueCents: num(r.dueCents),
        dueCount: num(r.dueCount),
        heldCents: num(r.heldCents),
        heldCount: num(r.heldCount),
        paidCents: compared(num(r.paidCents), num(r.prevPaidCents)),
        paidCount: compared(num(r.paidCount), num(r.prevPaidCount)),
      }))
      .sort((a, b) => a.currency.localeCompare(b.currency)),
    ops: {
      outboxPending: num(opsRow?.outboxPending ?? 0n),
      outboxDead: num(opsRow?.outboxDead ?? 0n),
      failedPaymentEvents: num(opsRow?.failedPaymentEvents ?? 0n),
    },
  };
}

function salesByCurrency(
  range: DashboardRange,
  invoiceRows: { currency: string; bucket: number | null; gross: bigint; orders: bigint }[],
  refundRows: { currency: string; bucket: number | null; refunded: bigint }[],
): DashboardSales[] {
  const currencies = [
    ...new Set([...invoiceRows.map((r) => r.currency), ...refundRows.map((r) => r.currency)]),
  ].sort();
  const starts = bucketStarts(range);
  return currencies.map((currency) => {
    const invoices = invoiceRows.filter((r) => r.currency === currency);
    const refunds = refundRows.filter((r) => r.currency === currency);
    // Bucket n starts n steps after the range's first day.
    const series = starts.map((date, bucket) => {
      const grossCents = sumOf(invoices, bucket, (r) => r.gross);
      const refunded = sumOf(refunds, bucket, (r) => r.refunded);
      return {
        date,
        grossCents,
        netCents: grossCents - refunded,
        orders: sumOf(invoices, bucket, (r) => r.orders),
      };
    });
    const totals = (period: 'current' | 'previous') => {
      const pick = <R extends { bucket: number | null }>(rows: R[]) =>
        rows.filter((r) => (period === 'current') === (r.bucket !== null));
      const gross = pick(invoices).reduce((sum, r) => sum + num(r.gross), 0);
      const refunded = pick(refunds).reduce((sum, r) => sum + num(r.refunded), 0);
      const orders = pick(invoices).reduce((sum, r) => sum + num(r.orders), 0);
      return { gross, refunded, orders };
    };
    const current = totals('current');
    const previous = totals('previous');
    return {
      currency,
      grossCents: compared(current.gross, previous.gross),
      refundedCents: compared(current.refunded, previous.refunded),
      netCents: compared(current.gross - current.refunded, previous.gross - previous.refunded),
      orders: compared(current.orders, previous.orders),
      averageOrderCents: {
        current: roundedRatio(current.gross, current.orders),
        previous: roundedRatio(previous.gross, previous.orders),
      },
      series,
    };
  });
}

function sumOf<R extends { bucket: number | null }>(
  rows: R[],
  bucket: number,
  value: (row: R) => bigint,
): number {
  return rows.filter((r) => r.bucket === bucket).reduce((sum, r) => sum + num(value(r)), 0);
}
