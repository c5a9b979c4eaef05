import type { TenantContext } from '../context';
import { AppError } from '../errors';
import { readConfigurations } from './order-configuration';
import { STAGE_COPY } from './orchestration-stages';

/**
 * One of the signed-in customer's own orders, as their account page shows it: items
 * with the options and plan they chose, the invoice, payments, refunds and the stage.
 * Another customer's order, or another org's, is not found, exactly like a missing one.
 */
export async function getMyOrder({
  ctx,
  userId,
  orderId,
}: {
  ctx: TenantContext;
  userId: string;
  orderId: string;
}) {
  const order = await ctx.tx.order.findFirst({
    where: { id: orderId, customerId: userId },
    include: {
      items: { orderBy: { id: 'asc' } },
      invoice: { include: { payments: { orderBy: { createdAt: 'asc' } } } },
      refunds: { orderBy: { createdAt: 'asc' } },
      orchestration: { select: { stage: true } },
    },
  });
  if (!order) throw AppError.notFound('Order');

  const configurations = await readConfigurations(
    ctx,
    order.items.map((item) => item.configuration),
  );

  const stage = order.orchestration?.stage ?? 'payment';
  return {
    id: order.id,
    number: order.number,
    status: order.status,
    currency: order.currency,
    createdAt: order.createdAt,
    paidAt: order.paidAt,
    items: order.items.map((item, index) => {
      const configuration = configurations[index];
      return {
        id: item.id,
        productName: item.productName,
        quantity: item.quantity,
        unitPriceCents: item.unitPriceCents,
        totalCents: item.totalCents,
        choices: (configuration?.choices ?? []).map(({ label, amountCents }) => ({
          label,
          amountCents,
        })),
        plan: configuration?.plan
          ? { label: configuration.plan.label, billingCycle: configuration.plan.billingCycle }
          : null,
      };
    }),
    invoice: order.invoice
      ? {
          number: order.invoice.number,
          status: order.invoice.status,
          subtotalCents: order.invoice.subtotalCents,
          taxCents: order.invoice.taxCents,
          totalCents: order.invoice.totalCents,
          amountPaidCents: order.invoice.amountPaidCents,
          amountRefundedCents: order.invoice.amountRefundedCents,
        }
      : null,
    totals: {
      subtotalCents: order.subtotalCents,
      taxCents: order.taxCents,
      totalCents: order.totalCents,
    },
    payments: (order.invoice?.payments ?? []).map((p) => ({
      id: p.id,
      amountCents: p.amountCents,
      amountRefundedCents: p.amountRefundedCents,
      currency: p.currency,
      status: p.status,
      createdAt: p.createdAt,
    })),
    refunds: order.refunds.map((r) => ({
      id: r.id,
      amountCents: r.amountCents,
      currency: r.currency,
      status: r.status,
      createdAt: r.createdAt,
    })),
    stage,
    stageTitle: STAGE_COPY[stage].title,
    stageDescription: STAGE_COPY[stage].description,
  };
}
export type MyOrder = Awaited<ReturnType<typeof getMyOrder>>;
