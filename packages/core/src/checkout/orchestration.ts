import type { CheckoutOrchestration, OrchestrationStage, Tx } from '@souk/db';
import { coreEnv } from '../env';
import { NEWEST_FIRST, pageArgs } from '../page';
import { isAfter, nextStage, readMetadata, STAGE_COPY } from './orchestration-stages';

export function followUpAt(from: Date, minutes = coreEnv.ORCHESTRATION_FOLLOW_UP_MINUTES): Date {
  return new Date(from.getTime() + minutes * 60_000);
}

/** Orchestrations appear lazily: reading one for an order that has none creates it. */
export async function getOrCreateOrchestration(
  tx: Tx,
  orgId: string,
  orderId: string,
): Promise<CheckoutOrchestration> {
  const existing = await tx.checkoutOrchestration.findUnique({ where: { orderId } });
  if (existing) return existing;
  const { count } = await tx.checkoutOrchestration.createMany({
    data: [{ orgId, orderId, stage: 'payment', nextActionAt: followUpAt(new Date()) }],
    skipDuplicates: true, // two first readers at once: one insert wins, both read it
  });
  const created = await tx.checkoutOrchestration.findUniqueOrThrow({ where: { orderId } });
  if (count === 1) {
    await tx.checkoutOrchestrationEvent.create({
      data: {
        orgId,
        orchestrationId: created.id,
        kind: 'created',
        toStage: 'payment',
        note: 'Checkout started',
      },
    });
  }
  return created;
}

/**
 * Moves an orchestration to `to` (forward only) and records the transition. A
 * signal for a stage already passed changes nothing and returns false.
 */
export async function transitionOrchestration(
  tx: Tx,
  orchestration: CheckoutOrchestration,
  to: OrchestrationStage,
  note: string,
  actorEmail: string | null = null,
): Promise<boolean> {
  if (!isAfter(to, orchestration.stage)) return false;
  const now = new Date();
  await tx.checkoutOrchestration.update({
    where: { id: orchestration.id },
    data: {
      stage: to,
      lastTransitionAt: now,
      nextActionAt: to === 'completed' ? null : followUpAt(now),
    },
  });
  await tx.checkoutOrchestrationEvent.create({
    data: {
      orgId: orchestration.orgId,
      orchestrationId: orchestration.id,
      kind: 'transition',
      fromStage: orchestration.stage,
      toStage: to,
      note,
      actorEmail,
    },
  });
  if (to === 'fulfillment_readiness') {
    // Tasks that waited for this stage run on the worker's next pass, not after their wait.
    await tx.fulfillmentTask.updateMany({
      where: { orderId: orchestration.orderId, status: 'pending' },
      data: { runAfter: now },
    });
  }
  return true;
}

export async function advanceOrchestration(
  tx: Tx,
  orchestration: CheckoutOrchestration,
  note: string,
  actorEmail: string | null = null,
): Promise<OrchestrationStage> {
  const to = nextStage(orchestration.stage);
  if (to) await transitionOrchestration(tx, orchestration, to, note, actorEmail);
  return to ?? orchestration.stage;
}

export async function orchestrationView(
  tx: Tx,
  orchestration: CheckoutOrchestration,
  eventsPaging: { page: number; pageSize: number } = { page: 1, pageSize: 20 },
) {
  const where = { orchestrationId: orchestration.id };
  const events = await tx.checkoutOrchestrationEvent.findMany({
    where,
    orderBy: NEWEST_FIRST,
    ...pageArgs(eventsPaging),
  });
  const eventsTotal = await tx.checkoutOrchestrationEvent.count({ where });
  // Its own query: the latest transition may be older than the page of events shown.
  const lastTransition = await tx.checkoutOrchestrationEvent.findFirst({
    where: { ...where, kind: { in: ['transition', 'created'] } },
    orderBy: NEWEST_FIRST,
  });
  const metadata = readMetadata(orchestration.metadata);
  return {
    id: orchestration.id,
    orderId: orchestration.orderId,
    stage: orchestration.stage,
    stageTitle: STAGE_COPY[orchestration.stage].title,
    stageDescription: STAGE_COPY[orchestration.stage].description,
    nextActionAt: orchestration.nextActionAt,
    escalations: orchestration.escalations,
    lastTransition: lastTransition
      ? {
          fromStage: lastTransition.fromStage,
          toStage: lastTransition.toStage,
          note: lastTransition.note,
          at: lastTransition.createdAt,
          byOperator: lastTransition.actorEmail !== null,
        }
      : null,
    pendingLoyaltySteps: (metadata.loyaltySteps ?? []).filter((s) => !s.done).map((s) => s.label),
    eventsTotal,
    eventsPage: eventsPaging.page,
    eventsPageSize: eventsPaging.pageSize,
    events: events.map((e) => ({
      id: e.id,
      kind: e.kind,
      fromStage: e.fromStage,
      toStage: e.toStage,
      note: e.note,
      actorEmail: e.actorEmail,
      at: e.createdAt,
    })),
  };
}
export type OrchestrationView = Awaited<ReturnType<typeof orchestrationView>>;
