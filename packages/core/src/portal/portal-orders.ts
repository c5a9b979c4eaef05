import type { TenantContext } from '../context';
import { AppError } from '../errors';
import { NEWEST_FIRST, pageArgs, pageOf } from '../page';
import { clientOrderWhere, type PortalClient } from './portal-client';
import type { PortalPageInput } from './schemas';

/** The client's orders, newest first. */
export async function listPortalOrders({
  ctx,
  client,
  input,
}: {
  ctx: TenantContext;
  client: PortalClient;
  input: PortalPageInput;
}) {
  const where = clientOrderWhere(client.email);
  const total = await ctx.tx.order.count({ where });
  const rows = await ctx.tx.order.findMany({
    where,
    orderBy: NEWEST_FIRST,
    ...pageArgs(input),
    include: {
      items: { select: { productName: true, quantity: true }, orderBy: { id: 'asc' } },
      invoice: { select: { id: true, number: true, status: true } },
    },
  });
  return pageOf(
    input,
    total,
    rows.map((o) => ({
      id: o.id,
      number: o.number,
      status: o.status,
      currency: o.currency,
      totalCents: o.totalCents,
      createdAt: o.createdAt,
      paidAt: o.paidAt,
      items: o.items,
      invoice: o.invoice,
    })),
  );
}

/** One of the client's orders with its items; anyone else's is missing. */
export async function getPortalOrder({
  ctx,
  client,
  orderId,
}: {
  ctx: TenantContext;
  client: PortalClient;
  orderId: string;
}) {
  const order = await ctx.tx.order.findFirst({
    where: { id: orderId, ...clientOrderWhere(client.email) },
    include: {
      items: { orderBy: { id: 'asc' } },
      invoice: { select: { id: true, number: true, status: true } },
    },
  });
  if (!order) throw AppError.notFound('Order');
  return {
    id: order.id,
    number: order.number,
    status: order.status,
    currency: order.currency,
    subtotalCents: order.subtotalCents,
    taxCents: order.taxCents,
    totalCents: order.totalCents,
    createdAt: order.createdAt,
    paidAt: order.paidAt,
    invoice: order.invoice,
    items: order.items.map((item) => ({
      id: item.id,
      productName: item.productName,
      quantity: item.quantity,
      unitPriceCents: item.unitPriceCents,
      totalCents: item.totalCents,
    })),
  };
}
