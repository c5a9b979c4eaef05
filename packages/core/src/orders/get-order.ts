import type { TenantContext } from '../context';
import { AppError } from '../errors';
import { orderRowSelect } from './list-orders';
import type { OrderIdInput } from './schemas';
import { readConfigurations } from '../checkout/order-configuration';
import {
  invoiceLinesSelect,
  invoiceSnapshotSelect,
  paymentAmountsSelect,
} from '../checkout/invoice-selects';

/**
 * Everything the admin's order page shows, read in one transaction: items with what
 * the customer chose, the invoice with its tax snapshot, payments, refunds, checkout
 * pages, fulfillment tasks and the messages sent about the order.
 */
export async function getOrder({ ctx, input }: { ctx: TenantContext; input: OrderIdInput }) {
  // Sequential: queries in one interactive transaction share a single connection.
  const order = await ctx.tx.order.findUnique({
    where: { id: input.id },
    select: {
      ...orderRowSelect,
      updatedAt: true,
      customer: { select: { id: true, name: true, email: true } },
      items: {
        orderBy: { id: 'asc' },
        select: {
          id: true,
          productId: true,
          productName: true,
          quantity: true,
          unitPriceCents: true,
          totalCents: true,
          configuration: true,
        },
      },
      invoice: {
        select: {
          ...invoiceSnapshotSelect,
          lineItems: invoiceLinesSelect,
          payments: {
            orderBy: { createdAt: 'asc' },
            select: { ...paymentAmountsSelect, processorPaymentIntentId: true },
          },
          sessions: {
            orderBy: { createdAt: 'asc' },
            select: {
              id: true,
              processorSessionId: true,
              status: true,
              amountCents: true,
              currency: true,
              expiresAt: true,
              completedAt: true,
              abandonedAt: true,
              expiredAt: true,
              lastPaymentError: true,
              replacedById: true,
              createdAt: true,
            },
          },
        },
      },
      refunds: {
        orderBy: { createdAt: 'asc' },
        select: {
          id: true,
          paymentId: true,
          amountCents: true,
          currency: true,
          reason: true,
          status: true,
          failureReason: true,
          createdById: true,
          createdAt: true,
        },
      },
      tasks: {
        orderBy: { createdAt: 'asc' },
        select: {
          id: true,
          kind: true,
          status: true,
          attempts: true,
          lastError: true,
          runAfter: true,
          completedAt: true,
        },
      },
      orchestration: { select: { id: true } },
    },
  });
  if (!order) throw AppError.notFound('Order');

  const org = await ctx.tx.organization.findUniqueOrThrow({
    where: { id: ctx.orgId },
    select: { name: true },
  });
  const authorIds = [
    ...new Set(order.refunds.flatMap((r) => (r.createdById ? [r.createdById] : []))),
  ];
  const authors =
    authorIds.length > 0
      ? await ctx.tx.user.findMany({
          where: { id: { in: authorIds } },
          select: { id: true, email: true },
        })
      : [];
  const emailOf = new Map(authors.map((a) => [a.id, a.email]));

  // Outbox rows name their subject in the dedupe key (`order:<id>:…`, `invoice:<id>:…`).
  const prefixes = [
    `order:${order.id}:`,
    ...(order.invoice ? [`invoice:${order.invoice.id}:`] : []),
    ...(order.invoice?.sessions.map((s) => `session:${s.id}:`) ?? []),
    ...(order.orchestration ? [`orchestration:${order.orchestration.id}:`] : []),
  ];
  const outbox = await ctx.tx.outboxEvent.findMany({
    where: { OR: prefixes.map((prefix) => ({ dedupeKey: { startsWith: prefix } })) },
    orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
    select: {
      id: true,
      channel: true,
      topic: true,
      recipient: true,
      subject: true,
      body: true,
      status: true,
      attempts: true,
      lastError: true,
      deliveredAt: true,
      createdAt: true,
    },
  });

  const configurations = await readConfigurations(
    ctx,
    order.items.map((item) => item.configuration),
  );
  const items = order.items.map(({ configuration: _snapshot, ...item }, index) => ({
    ...item,
    ...configurations[index]!,
  }));

  const { invoice, orchestration: _orchestration, ...rest } = order;
  return {
    ...rest,
    orgName: org.name,
    items,
    invoice: invoice
      ? {
          id: invoice.id,
          number: invoice.number,
          status: invoice.status,
          currency: invoice.currency,
          subtotalCents: invoice.subtotalCents,
          taxableSubtotalCents: invoice.taxableSubtotalCents,
          taxCents: invoice.taxCents,
          taxRateBps: invoice.taxRateBasis,
          totalCents: invoice.totalCents,
          amountPaidCents: invoice.amountPaidCents,
          amountRefundedCents: invoice.amountRefundedCents,
          issuedAt: invoice.issuedAt,
          paidAt: invoice.paidAt,
          lineItems: invoice.lineItems,
        }
      : null,
    payments: invoice?.payments ?? [],
    sessions: invoice?.sessions ?? [],
    refunds: order.refunds.map(({ createdById, ...refund }) => ({
      ...refund,
      createdByEmail: createdById ? (emailOf.get(createdById) ?? null) : null,
    })),
    outbox,
  };
}
