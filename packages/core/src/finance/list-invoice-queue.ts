import type { Prisma } from '@souk/db';
import type { TenantContext } from '../context';
import { pageArgs, pageOf } from '../page';
import type { InvoiceStatusName, ListInvoiceQueueInput } from './invoice-schemas';
import { daysOverdue } from './invoice-status';
import { invoiceListSelect, outstanding } from './list-invoices';

const QUEUE_STATUSES: Record<ListInvoiceQueueInput['status'], InvoiceStatusName[]> = {
  overdue: ['overdue'],
  // Waiting for money but not yet late.
  unpaid: ['open', 'partial'],
  all: ['open', 'partial', 'overdue'],
};

/**
 * Spec 002 "Operator productivity queues", invoices: what finance should chase, the
 * longest overdue first, then by due date (invoices without one last).
 */
export async function listInvoiceQueue({
  ctx,
  input,
  now = new Date(),
}: {
  ctx: TenantContext;
  input: ListInvoiceQueueInput;
  now?: Date;
}) {
  const where: Prisma.InvoiceWhereInput = { status: { in: QUEUE_STATUSES[input.status] } };
  // Sequential: queries in one interactive transaction share a single connection.
  const rows = await ctx.tx.invoice.findMany({
    where,
    orderBy: [{ dueAt: { sort: 'asc', nulls: 'last' } }, { issuedAt: 'asc' }, { id: 'asc' }],
    ...pageArgs(input),
    select: invoiceListSelect,
  });
  const total = await ctx.tx.invoice.count({ where });
  return pageOf(
    input,
    total,
    rows.map(({ order, ...invoice }) => ({
      ...invoice,
      orderId: order.id,
      orderNumber: order.number,
      customerEmail: order.customerEmail,
      outstandingCents: outstanding(invoice),
      daysOverdue: daysOverdue(invoice.dueAt, now),
    })),
  );
}
