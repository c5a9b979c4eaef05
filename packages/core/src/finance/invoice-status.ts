import type { InvoiceStatusName } from './invoice-schemas';

const DAY_MS = 86_400_000;

export interface InvoiceFunds {
  status: InvoiceStatusName;
  totalCents: number;
  /** Settled funds: succeeded payments (and refunded ones, which were collected first). */
  paidCents: number;
  refundedCents: number;
  dueAt: Date | null;
}

/** True once the invoice's due date has passed: a whole day counts, never a second. */
export function isPastDue(dueAt: Date | null, now: Date): boolean {
  return dueAt !== null && dueAt.getTime() <= now.getTime();
}

/**
 * The status an invoice's settled funds call for (spec 002 "How to reconcile an invoice
 * safely"): refunded when refunds took back everything collected, paid when the funds
 * cover the total, partly paid when some exist, open or overdue (by its due date) when
 * none do: a paid invoice without settled funds is reopened. A free invoice marked paid
 * at checkout stays paid. Void is left alone (null): nothing to reconcile.
 */
export function reconciledStatus(funds: InvoiceFunds, now: Date): InvoiceStatusName | null {
  const { status, totalCents, paidCents, refundedCents, dueAt } = funds;
  if (status === 'void') return null;
  if (paidCents > 0 && refundedCents >= paidCents) return 'refunded';
  if (paidCents >= totalCents && (paidCents > 0 || status === 'paid')) return 'paid';
  if (isPastDue(dueAt, now)) return 'overdue';
  return paidCents > 0 ? 'partial' : 'open';
}

/** Days an unpaid invoice is past its due date (0 when not yet due or without one). */
export function daysOverdue(dueAt: Date | null, now: Date): number {
  if (!dueAt || !isPastDue(dueAt, now)) return 0;
  return Math.floor((now.getTime() - dueAt.getTime()) / DAY_MS);
}
