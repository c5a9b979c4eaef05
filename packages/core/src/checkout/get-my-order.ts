import { z } from 'zod';
import type { TenantContext } from '../context';
import { AppError } from '../errors';
import { STAGE_COPY } from './orchestration-stages';

// The item's configuration is a JSON snapshot written at checkout; read only what the
// customer is shown, and tolerate snapshots older than today's shape.
const configurationSnapshot = z.object({
  selection: z.object({ planId: z.string().nullable().optional() }).optional(),
  lines: z
    .array(
      z.object({
        kind: z.enum(['base', 'option', 'addOn', 'plan']),
        label: z.string(),
        amountCents: z.number(),
      }),
    )
    .optional(),
});

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

  const snapshots = order.items.map((item) => {
    const parsed = configurationSnapshot.safeParse(item.configuration);
    return parsed.success ? parsed.data : {};
  });
  const planIds = snapshots.flatMap((s) => (s.selection?.planId ? [s.selection.planId] : []));
  const plans =
    planIds.length > 0
      ? await ctx.tx.productSubscriptionPlan.findMany({
          where: { id: { in: planIds } },
          select: { id: true, label: true, billingCycle: true },
        })
      : [];

  const stage = order.orchestration?.stage ?? 'payment';
  return {
    id: order.id,
    number: order.number,
    status: order.status,
    currency: order.currency,
    createdAt: order.createdAt,
    paidAt: order.paidAt,
    items: order.items.map((item, index) => {
      const snapshot = snapshots[index] ?? {};
      const lines = snapshot.lines ?? [];
      const planId = snapshot.selection?.planId ?? null;
      const plan = plans.find((p) => p.id === planId);
      const planLine = lines.find((l) => l.kind === 'plan');
      return {
        id: item.id,
        productName: item.productName,
        quantity: item.quantity,
        unitPriceCents: item.unitPriceCents,
        totalCents: item.totalCents,
        choices: lines
          .filter((l) => l.kind === 'option' || l.kind === 'addOn')
          .map((l) => ({ label: l.label, amountCents: l.amountCents })),
        // A plan deleted since keeps its name from the snapshot; its cycle is then unknown.
        plan:
          plan || planLine
            ? {
                label: plan?.label ?? planLine?.label ?? 'Plan',
                billingCycle: plan?.billingCycle ?? null,
              }
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
