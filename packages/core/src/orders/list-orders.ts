import type { Prisma } from '@souk/db';
import type { TenantContext } from '../context';
import { INT4_MAX } from '../validation';
import { pageArgs, pageOf } from '../page';
import type { ListOrdersInput } from './schemas';

/** The order row itself: the list, the order page and the personal-data export read it. */
export const orderRowSelect = {
  id: true,
  number: true,
  status: true,
  customerId: true,
  customerEmail: true,
  currency: true,
  subtotalCents: true,
  taxCents: true,
  totalCents: true,
  paidAt: true,
  createdAt: true,
} satisfies Prisma.OrderSelect;

/** What the list, and its CSV export, show of an order. */
export const orderListSelect = {
  ...orderRowSelect,
  customer: { select: { name: true } },
  items: { select: { productName: true, quantity: true } },
} satisfies Prisma.OrderSelect;

export type OrderListFilters = Pick<
  ListOrdersInput,
  'search' | 'status' | 'from' | 'to' | 'productId'
>;

const DAY_MS = 86_400_000;

/** "1042" or "#1042" is an order number; anything else is matched against email and name. */
function orderNumberIn(search: string): number | null {
  const match = /^#?(\d{1,10})$/.exec(search.trim());
  const value = match ? Number(match[1]) : NaN;
  return Number.isSafeInteger(value) && value <= INT4_MAX ? value : null;
}

/** The list's filters as a query condition; the CSV export filters the same way. */
export function orderListWhere(input: OrderListFilters): Prisma.OrderWhereInput {
  const and: Prisma.OrderWhereInput[] = [];
  if (input.status) and.push({ status: input.status });
  // Dates are whole UTC days: "to" includes the whole of its day.
  if (input.from) and.push({ createdAt: { gte: new Date(`${input.from}T00:00:00.000Z`) } });
  if (input.to) {
    and.push({ createdAt: { lt: new Date(Date.parse(`${input.to}T00:00:00.000Z`) + DAY_MS) } });
  }
  if (input.productId) and.push({ items: { some: { productId: input.productId } } });
  if (input.search) {
    const number = orderNumberIn(input.search);
    and.push({
      OR: [
        ...(number !== null ? [{ number }] : []),
        { customerEmail: { contains: input.search, mode: 'insensitive' } },
        { customer: { name: { contains: input.search, mode: 'insensitive' } } },
      ],
    });
  }
  return { AND: and };
}

export async function listOrders({ ctx, input }: { ctx: TenantContext; input: ListOrdersInput }) {
  const where = orderListWhere(input);
  // Sequential: queries in one interactive transaction share a single connection.
  const items = await ctx.tx.order.findMany({
    where,
    // id breaks ties so pages never overlap or skip rows.
    orderBy: [{ [input.sort]: input.order }, { id: input.order }],
    ...pageArgs(input),
    select: orderListSelect,
  });
  const total = await ctx.tx.order.count({ where });
  return pageOf(input, total, items);
}
