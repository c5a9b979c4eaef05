import type { Prisma } from '@souk/db';
import type { TenantContext } from '../context';
import { INT4_MAX } from '../validation';
import { pageArgs, pageOf } from '../page';
import type { ListInvoicesInput } from './invoice-schemas';

/** What the invoices list shows of an invoice. */
export const invoiceListSelect = {
  id: true,
  number: true,
  status: true,
  currency: true,
  subtotalCents: true,
  taxCents: true,
  totalCents: true,
  amountPaidCents: true,
  amountRefundedCents: true,
  issuedAt: true,
  dueAt: true,
  paidAt: true,
  order: { select: { id: true, number: true, customerEmail: true } },
} satisfies Prisma.InvoiceSelect;

export type InvoiceListFilters = Pick<ListInvoicesInput, 'search' | 'status' | 'from' | 'to'>;

const DAY_MS = 86_400_000;

/** "1042" or "#1042" is an invoice (or order) number; anything else is matched against the email. */
function numberIn(search: string): number | null {
  const match = /^#?(\d{1,10})$/.exec(search.trim());
  const value = match ? Number(match[1]) : NaN;
  return Number.isSafeInteger(value) && value <= INT4_MAX ? value : null;
}

export function invoiceListWhere(input: InvoiceListFilters): Prisma.InvoiceWhereInput {
  const and: Prisma.InvoiceWhereInput[] = [];
  if (input.status) and.push({ status: input.status });
  // Dates are whole UTC days of issue: "to" includes the whole of its day.
  if (input.from) and.push({ issuedAt: { gte: new Date(`${input.from}T00:00:00.000Z`) } });
  if (input.to) {
    and.push({ issuedAt: { lt: new Date(Date.parse(`${input.to}T00:00:00.000Z`) + DAY_MS) } });
  }
  if (input.search) {
    const number = numberIn(input.search);
    and.push({
      OR: [
        ...(number !== null ? [{ number }, { order: { number } }] : []),
        { order: { customerEmail: { contains: input.search, mode: 'insensitive' } } },
      ],
    });
  }
  return { AND: and };
}

export async function listInvoices({
  ctx,
  input,
}: {
  ctx: TenantContext;
  input: ListInvoicesInput;
}) {
  const where = invoiceListWhere(input);
  // Sequential: queries in one interactive transaction share a single connection.
  const rows = await ctx.tx.invoice.findMany({
    where,
    // Invoices without a due date sort last either way; id breaks ties so pages never overlap.
    orderBy: [
      input.sort === 'dueAt'
        ? { dueAt: { sort: input.order, nulls: 'last' } }
        : { [input.sort]: input.order },
      { id: input.order },
    ],
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
    })),
  );
}

/** What the customer still owes: nothing once paid, refunded or void. */
export function outstanding(invoice: {
  status: string;
  totalCents: number;
  amountPaidCents: number;
}): number {
  if (invoice.status === 'void' || invoice.status === 'refunded') return 0;
  return Math.max(invoice.totalCents - invoice.amountPaidCents, 0);
}
