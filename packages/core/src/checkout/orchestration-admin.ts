import { recordAudit } from '../audit/record-audit';
import type { TenantContext } from '../context';
import { AppError } from '../errors';
import { advanceOrchestration, getOrCreateOrchestration, orchestrationView } from './orchestration';
import type { PostOrchestrationEventInput } from './schemas';

async function orderExists(ctx: TenantContext, orderId: string): Promise<void> {
  const order = await ctx.tx.order.findUnique({ where: { id: orderId }, select: { id: true } });
  if (!order) throw AppError.notFound('Order');
}

/** GET semantics with get-or-create: an order always has an orchestration to show. */
export async function getOrchestration({ ctx, orderId }: { ctx: TenantContext; orderId: string }) {
  await orderExists(ctx, orderId);
  return orchestrationView(ctx.tx, await getOrCreateOrchestration(ctx.tx, ctx.orgId, orderId));
}

/** Posting an `advance` event moves the order to its next stage; a `note` just records. */
export async function postOrchestrationEvent({
  ctx,
  input,
}: {
  ctx: TenantContext;
  input: PostOrchestrationEventInput;
}) {
  await orderExists(ctx, input.orderId);
  // Lock the row: two operators advancing at once must not skip a stage.
  const current = await getOrCreateOrchestration(ctx.tx, ctx.orgId, input.orderId);
  await ctx.tx
    .$queryRaw`SELECT id FROM checkout_orchestrations WHERE id = ${current.id}::uuid FOR UPDATE`;
  const orchestration = await ctx.tx.checkoutOrchestration.findUniqueOrThrow({
    where: { id: current.id },
  });
  const actorEmail = ctx.actor?.email ?? null;
  if (input.kind === 'advance') {
    if (orchestration.stage === 'completed') {
      throw new AppError('CONFLICT', 'This checkout is already completed');
    }
    await advanceOrchestration(ctx.tx, orchestration, input.note, actorEmail);
  } else {
    await ctx.tx.checkoutOrchestrationEvent.create({
      data: {
        orgId: ctx.orgId,
        orchestrationId: orchestration.id,
        kind: 'note',
        note: input.note,
        actorEmail,
      },
    });
  }
  const view = await orchestrationView(
    ctx.tx,
    await ctx.tx.checkoutOrchestration.findUniqueOrThrow({ where: { id: orchestration.id } }),
  );
  await recordAudit(ctx, {
    action: `orchestration.${input.kind}`,
    entityType: 'checkout_orchestration',
    entityId: orchestration.id,
    before: { stage: orchestration.stage },
    after: { stage: view.stage, note: input.note },
  });
  return view;
}
