import { z } from 'zod';
import type { Prisma, Tx } from '@souk/db';
import type { CsvColumn } from '../export/export-csv';
import { COLLECTED } from '../payments/events/payment-status';
import type { Keyset } from '../export/list-export';
import { dateOnly } from '../validation';
import { INVOICE_STATUSES } from './invoice-schemas';

const statusList = z
  .array(
    z.enum(INVOICE_STATUSES, {
      message: `Status must be one of ${INVOICE_STATUSES.join(', ')}`,
    }),
  )
  .max(INVOICE_STATUSES.length, 'Status is repeated too often');

/**
 * Spec 002 "Accounting export v1": optional `from` and `to` (issue dates, both days
 * included) and `status`, repeatable (`?status=paid&status=partial`): a single value
 * arrives as a string, repeated ones as a list.
 */
export const accountingFilters = z
  .object({
    from: dateOnly('From must be a date (YYYY-MM-DD)', 'From').optional(),
    to: dateOnly('To must be a date (YYYY-MM-DD)', 'To').optional(),
    status: z
      .union([z.string(), z.array(z.string())])
      .transform((value) => (typeof value === 'string' ? [value] : value))
      .pipe(statusList)
      .optional(),
  })
  .superRefine((value, issue) => {
    if (value.from && value.to && value.from > value.to) {
      issue.addIssue({ code: 'custom', path: ['to'], message: 'To must not be before From' });
    }
  });
export type AccountingFilters = z.infer<typeof accountingFilters>;

/** Issue dates as instants: `from` at 00:00 UTC, `to` up to the end of its day. */
export interface AccountingPeriod {
  issuedFrom?: Date;
  issuedBefore?: Date;
  statuses?: readonly string[];
}

export function periodOfFilters(filters: AccountingFilters): AccountingPeriod {
  const nextDay = (day: string) => new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000);
  return {
    ...(filters.from ? { issuedFrom: new Date(`${filters.from}T00:00:00Z`) } : {}),
    ...(filters.to ? { issuedBefore: nextDay(filters.to) } : {}),
    ...(filters.status ? { statuses: filters.status } : {}),
  };
}

const accountingSelect = {
  id: true,
  number: true,
  issuedAt: true,
  dueAt: true,
  status: true,
  currency: true,
  subtotalCents: true,
  taxableSubtotalCents: true,
  taxCents: true,
  totalCents: true,
  order: { select: { customerEmail: true } },
  payments: {
    // Collected funds, as the invoice settlement counts them: a payment refunded in
    // full is `refunded` but was collected first (its refund has its own column).
    where: { status: { in: COLLECTED } },
    select: { amountCents: true, amountRefundedCents: true },
  },
} satisfies Prisma.InvoiceSelect;

type InvoiceRow = Prisma.InvoiceGetPayload<{ select: typeof accountingSelect }>;

export interface AccountingRow {
  id: string;
  number: number;
  issuedAt: Date;
  dueAt: Date | null;
  status: string;
  customerEmail: string;
  currency: string;
  subtotalCents: number;
  taxableSubtotalCents: number;
  taxCents: number;
  totalCents: number;
  /** What succeeded payments collected, before refunds (refunds have their own column). */
  paymentsSucceededCents: number;
  paymentsRefundedCents: number;
  /** total_cents - payments_succeeded_cents: what is still owed (negative when overpaid). */
  balanceCents: number;
}

function accountingRow(invoice: InvoiceRow): AccountingRow {
  const succeeded = invoice.payments.reduce((sum, p) => sum + p.amountCents, 0);
  const refunded = invoice.payments.reduce((sum, p) => sum + p.amountRefundedCents, 0);
  return {
    id: invoice.id,
    number: invoice.number,
    issuedAt: invoice.issuedAt,
    dueAt: invoice.dueAt,
    status: invoice.status,
    customerEmail: invoice.order.customerEmail,
    currency: invoice.currency,
    subtotalCents: invoice.subtotalCents,
    taxableSubtotalCents: invoice.taxableSubtotalCents,
    taxCents: invoice.taxCents,
    totalCents: invoice.totalCents,
    paymentsSucceededCents: succeeded,
    paymentsRefundedCents: refunded,
    balanceCents: invoice.totalCents - succeeded,
  };
}

/**
 * Up to `take` invoices of the period after `after`, newest issue first (id breaks
 * ties): keyset paging on (issuedAt, id), so a big month costs the same per page.
 */
export async function accountingPage({
  tx,
  period,
  after,
  take,
}: {
  tx: Tx;
  period: AccountingPeriod;
  after: Keyset | null;
  take: number;
}): Promise<AccountingRow[]> {
  const where: Prisma.InvoiceWhereInput[] = [];
  if (period.issuedFrom) where.push({ issuedAt: { gte: period.issuedFrom } });
  if (period.issuedBefore) where.push({ issuedAt: { lt: period.issuedBefore } });
  if (period.statuses) {
    where.push({ status: { in: period.statuses as (typeof INVOICE_STATUSES)[number][] } });
  }
  if (after) {
    where.push({
      OR: [{ issuedAt: { lt: after.at } }, { issuedAt: after.at, id: { lt: after.id } }],
    });
  }
  const invoices = await tx.invoice.findMany({
    where: { AND: where },
    orderBy: [{ issuedAt: 'desc' }, { id: 'desc' }],
    take,
    select: accountingSelect,
  });
  return invoices.map(accountingRow);
}

export const accountingKeyOf = (row: AccountingRow): Keyset => ({ at: row.issuedAt, id: row.id });

/** Amounts in integer cents, as the stored snapshot holds them; the header names say so. */
export const ACCOUNTING_COLUMNS: readonly CsvColumn<AccountingRow>[] = [
  { header: 'number', value: (r) => r.number },
  { header: 'issued_at', value: (r) => r.issuedAt },
  { header: 'due_at', value: (r) => r.dueAt },
  { header: 'status', value: (r) => r.status },
  { header: 'customer_email', value: (r) => r.customerEmail },
  { header: 'currency', value: (r) => r.currency },
  { header: 'subtotal_cents', value: (r) => r.subtotalCents },
  { header: 'taxable_subtotal_cents', value: (r) => r.taxableSubtotalCents },
  { header: 'tax_cents', value: (r) => r.taxCents },
  { header: 'total_cents', value: (r) => r.totalCents },
  { header: 'payments_succeeded_cents', value: (r) => r.paymentsSucceededCents },
  { header: 'payments_refunded_cents', value: (r) => r.paymentsRefundedCents },
  { header: 'balance_cents', value: (r) => r.balanceCents },
  { header: 'invoice_id', value: (r) => r.id },
];
