import type { Prisma } from '@souk/db';
import { recordAudit } from '../audit/record-audit';
import type { TenantContext } from '../context';
import { AppError } from '../errors';
import { advanceOrchestration, getOrCreateOrchestration, orchestrationView } from './orchestration';
import { readMetadata } from './orchestration-stages';
import { findOrderOrThrow } from './order-or-not-found';
import type { PostOrchestrationEventInput } from './schemas';

/** Audit actions read `<entity>.<past-tense verb>`, whatever the event kind is called. */
const AUDIT_ACTION: Record<PostOrchestrationEventInput['kind'], string> = {
  advance: 'orchestration.advanced',
  note: 'orchestration.note_added',
  loyalty_step: 'orchestration.loyalty_step_added',
  loyalty_step_done: 'orchestration.loyalty_step_completed',
};

/** Posting an `advance` event moves the order to its next stage; a `note` just records. */
export async function postOrchestrationEvent({
  ctx,
  input,
}: {
  ctx: TenantContext;
  input: PostOrchestrationEventInput;
}) {
  await findOrderOrThrow(ctx, input.orderId);
  // Lock the row: two operators advancing at once must not skip a stage.
  const current = await getOrCreateOrchestration(ctx.tx, ctx.orgId, input.orderId);
  await ctx.tx
    .$queryRaw`SELECT id FROM checkout_orchestrations WHERE id = ${current.id}::uuid FOR UPDATE`;
  const orchestration = await ctx.tx.checkoutOrchestration.findUniqueOrThrow({
    where: { id: current.id },
  });
  const actorEmail = ctx.actor?.email ?? null;
  const metadata = readMetadata(orchestration.metadata);
  const steps = metadata.loyaltySteps ?? [];
  const pending = steps.filter((step) => !step.done);
  if (input.kind === 'advance') {
    if (orchestration.stage === 'completed') {
      throw new AppError('CONFLICT', 'This checkout is already completed');
    }
    // The loyalty hold is what it says: it holds while the member has steps open.
    if (orchestration.stage === 'loyalty_hold' && pending.length > 0) {
      throw new AppError(
        'CONFLICT',
        `The loyalty hold has ${pending.length} pending step(s): ${pending.map((p) => p.label).join(', ')}`,
      );
    }
    await advanceOrchestration(ctx.tx, orchestration, input.note, actorEmail);
  } else if (input.kind === 'loyalty_step' || input.kind === 'loyalty_step_done') {
    const isAdd = input.kind === 'loyalty_step';
    const existing = steps.find((step) => step.label === input.note);
    if (isAdd && existing) throw AppError.field('note', 'This loyalty step already exists');
    if (!isAdd && (!existing || existing.done)) {
      throw AppError.field('note', 'No pending loyalty step has this name');
    }
    const next = isAdd
      ? [...steps, { label: input.note, done: false }]
      : steps.map((step) => (step.label === input.note ? { ...step, done: true } : step));
    await ctx.tx.checkoutOrchestration.update({
      where: { id: orchestration.id },
      data: {
        metadata: { ...metadata, loyaltySteps: next } as unknown as Prisma.InputJsonValue,
      },
    });
    await ctx.tx.checkoutOrchestrationEvent.create({
      data: {
        orgId: ctx.orgId,
        orchestrationId: orchestration.id,
        kind: input.kind,
        note: isAdd ? `Loyalty step added: ${input.note}` : `Loyalty step done: ${input.note}`,
        actorEmail,
      },
    });
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
    action: AUDIT_ACTION[input.kind],
    entityType: 'checkout_orchestration',
    entityId: orchestration.id,
    before: { stage: orchestration.stage },
    after: { stage: view.stage, note: input.note },
  });
  return view;
}
