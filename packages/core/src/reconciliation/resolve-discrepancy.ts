import type { ReconciliationDiscrepancyModel as ReconciliationDiscrepancy } from '@souk/db';
import type { PaymentGateway, ProcessorEvent } from '@souk/payments';
import { recordAudit } from '../audit/record-audit';
import type { OrgScope, TenantContext } from '../context';
import { AppError } from '../errors';
import { applyEventRows, recordOutcomes, type EventRow } from '../payments/apply/apply-event-batch';
import { objectIdOf } from '../payments/event-envelope';
import type { ResolveDiscrepancyInput } from './reconciliation-schemas';

const DAY_MS = 86_400_000;
/** Stripe keeps events for 30 days: an older object has no event left to apply. */
const EVENT_HORIZON_MS = 30 * DAY_MS;
/** Pages of events searched for the object's own (newest first). */
const MAX_EVENT_PAGES = 50;

const PAYMENT_INTENT_EVENTS = [
  'payment_intent.succeeded',
  'payment_intent.payment_failed',
  'payment_intent.canceled',
];
const SESSION_EVENTS = ['checkout.session.completed', 'checkout.session.async_payment_succeeded'];

function snapshot(d: ReconciliationDiscrepancy) {
  return {
    status: d.status,
    note: d.note,
    resolvedByUserId: d.resolvedByUserId,
    resolvedAt: d.resolvedAt,
  };
}

async function load(ctx: TenantContext, id: string) {
  const rows = await ctx.tx.$queryRaw<{ id: string }[]>`
    SELECT id FROM reconciliation_discrepancies WHERE id = ${id}::uuid FOR UPDATE`;
  if (rows.length === 0) throw AppError.notFound('Discrepancy');
  return ctx.tx.reconciliationDiscrepancy.findUniqueOrThrow({ where: { id } });
}

/** The newest event of `types` about `objectId` (newest first, so the first match). */
async function latestEventFor(
  gateway: PaymentGateway,
  types: string[],
  matches: (event: ProcessorEvent) => boolean,
): Promise<ProcessorEvent | null> {
  let startingAfter: string | undefined;
  const createdGte = new Date(Date.now() - EVENT_HORIZON_MS);
  for (let page = 0; page < MAX_EVENT_PAGES; page += 1) {
    const { data, hasMore } = await gateway.listEvents({
      types,
      createdGte,
      limit: 100,
      ...(startingAfter ? { startingAfter } : {}),
    });
    const found = data.find(matches);
    if (found) return found;
    if (!hasMore || data.length === 0) return null;
    startingAfter = data.at(-1)!.id;
  }
  return null;
}

/** The processor's own event that carries its truth about the discrepancy's object. */
async function processorTruth(
  gateway: PaymentGateway,
  d: ReconciliationDiscrepancy,
): Promise<ProcessorEvent | null> {
  const objectId = d.processorObjectId;
  if (!objectId) return null;
  switch (d.kind) {
    case 'session_paid_open_locally':
      return latestEventFor(gateway, SESSION_EVENTS, (e) => e.objectId === objectId);
    case 'missing_locally':
    case 'amount_mismatch':
    case 'status_mismatch':
      return latestEventFor(gateway, PAYMENT_INTENT_EVENTS, (e) => e.objectId === objectId);
    case 'refund_missing': {
      // The refund is applied through its charge's `charge.refunded` (the charge carries
      // the processor's cumulative refunded amount).
      let chargeId: string | null = null;
      let startingAfter: string | undefined;
      const createdGte = new Date(Date.now() - EVENT_HORIZON_MS);
      for (let page = 0; page < MAX_EVENT_PAGES && !chargeId; page += 1) {
        const refunds = await gateway.listRefunds({
          createdGte,
          limit: 100,
          ...(startingAfter ? { startingAfter } : {}),
        });
        chargeId = refunds.data.find((r) => r.id === objectId)?.chargeId ?? null;
        if (!refunds.hasMore || refunds.data.length === 0) break;
        startingAfter = refunds.data.at(-1)!.id;
      }
      if (!chargeId) return null;
      return latestEventFor(gateway, ['charge.refunded'], (e) => e.objectId === chargeId);
    }
    default:
      return null;
  }
}

/** Stores the event in the ledger (once: its id is unique) and applies it like the applier. */
async function applyThroughLedger(ctx: TenantContext, event: ProcessorEvent) {
  const envelope = event.envelope;
  await ctx.tx.$executeRaw`
    INSERT INTO processor_events
      (id, "orgId", processor, "eventId", type, status, payload, "objectId", "eventCreatedAt",
       "receivedAt", "nextAttemptAt")
    VALUES (gen_random_uuid(), ${ctx.orgId}::uuid, 'stripe', ${envelope.id}, ${envelope.type},
       'received', ${JSON.stringify(envelope)}::jsonb, ${objectIdOf(envelope)},
       to_timestamp(${envelope.created}) AT TIME ZONE 'UTC', now() AT TIME ZONE 'UTC',
       now() AT TIME ZONE 'UTC')
    ON CONFLICT (processor, "eventId") DO NOTHING`;
  const rows = await ctx.tx.$queryRaw<(EventRow & { status: string })[]>`
    SELECT id, "eventId", type, payload, attempts, "receivedAt", status::text AS status
    FROM processor_events WHERE processor = 'stripe' AND "eventId" = ${envelope.id} FOR UPDATE`;
  const row = rows[0];
  if (!row) {
    // Stored under another org (its metadata or object index named it): not this org's to apply.
    throw new AppError(
      'CONFLICT',
      'The processor event for this discrepancy belongs to another organization',
    );
  }
  const { outcomes, appeared } = await applyEventRows(ctx.tx, ctx.orgId, [row]);
  await recordOutcomes(ctx.tx, outcomes, appeared);
  const outcome = outcomes.get(row.id)!;
  if (outcome.status !== 'processed') {
    throw new AppError(
      'CONFLICT',
      `Souk could not apply the processor's event yet: ${outcome.error}`,
    );
  }
  return {
    eventId: envelope.id,
    type: envelope.type,
    wasInLedger: row.status !== 'received' || row.attempts > 0,
  };
}

/**
 * Resolves one discrepancy (spec 000): `apply` feeds the processor's own event for the
 * object through the same ledger and applier as webhooks (the ledger's unique event id
 * and the appliers' by-state rules mean side effects such as the confirmation email
 * happen once); `explain` records why the difference is expected; `reopen` puts it back
 * in the queue. Each is audited with before and after, in the transaction that changes it.
 */
export async function resolveDiscrepancy({
  scope,
  input,
}: {
  scope: OrgScope;
  input: ResolveDiscrepancyInput;
}) {
  const { discrepancyId: id, action } = input;
  const userId = scope.actor?.userId ?? null;
  if (action !== 'apply') {
    return scope.transaction(async (ctx) => {
      const before = await load(ctx, id);
      if (action === 'explain') {
        if (!input.note) {
          throw AppError.field(
            'note',
            'Say why the difference is expected (a note of 1 to 500 characters)',
          );
        }
        if (before.status !== 'open') {
          throw new AppError(
            'CONFLICT',
            `This discrepancy is already ${before.status}; re-open it first`,
          );
        }
      } else if (before.status === 'open') {
        throw new AppError('CONFLICT', 'This discrepancy is already open');
      }
      const after = await ctx.tx.reconciliationDiscrepancy.update({
        where: { id },
        data:
          action === 'explain'
            ? {
                status: 'explained',
                note: input.note,
                resolvedByUserId: userId,
                resolvedAt: new Date(),
              }
            : {
                status: 'open',
                resolvedByUserId: null,
                resolvedAt: null,
                ...(input.note ? { note: input.note } : {}),
              },
      });
      await recordAudit(ctx, {
        action:
          action === 'explain'
            ? 'reconciliation.discrepancy_explained'
            : 'reconciliation.discrepancy_reopened',
        entityType: 'reconciliation_discrepancy',
        entityId: id,
        before: snapshot(before),
        after: snapshot(after),
      });
      return after;
    });
  }

  const current = await scope.transaction((ctx) => load(ctx, id));
  if (current.status !== 'open') {
    throw new AppError(
      'CONFLICT',
      `This discrepancy is already ${current.status}; re-open it first`,
    );
  }
  if (current.kind === 'unknown_to_processor') {
    throw new AppError(
      'CONFLICT',
      'The processor has no record of this payment, so there is nothing to apply: explain it instead',
    );
  }
  // The processor is asked before the transaction opens, never inside it.
  const event = await processorTruth(await scope.gateway(), current);
  if (!event) {
    throw new AppError(
      'CONFLICT',
      'The processor has no event for this object in the last 30 days, so there is nothing to apply: explain it instead',
    );
  }
  return scope.transaction(async (ctx) => {
    const before = await load(ctx, id);
    if (before.status !== 'open') {
      throw new AppError('CONFLICT', `This discrepancy is already ${before.status}`);
    }
    const applied = await applyThroughLedger(ctx, event);
    const after = await ctx.tx.reconciliationDiscrepancy.update({
      where: { id },
      data: {
        status: 'resolved',
        resolvedByUserId: userId,
        resolvedAt: new Date(),
        ...(input.note ? { note: input.note } : {}),
      },
    });
    await recordAudit(ctx, {
      action: 'reconciliation.discrepancy_applied',
      entityType: 'reconciliation_discrepancy',
      entityId: id,
      before: snapshot(before),
      after: { ...snapshot(after), event: applied },
    });
    return after;
  });
}
