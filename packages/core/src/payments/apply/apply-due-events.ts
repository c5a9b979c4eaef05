import { withOrg, type Db, type RouterPool } from '@souk/db';
import {
  applyEventRows,
  recordOutcomes,
  RETRY_HORIZON_MS,
  type EventRow,
} from './apply-event-batch';

export interface ApplyTick {
  /** Orgs skipped because another applier holds them. */
  busy: number;
  /** Events that reached a final state (processed or failed) in this tick. */
  applied: number;
  /** Events attempted and rescheduled (target missing, or an error). */
  rescheduled: number;
  /** Unrouted events whose object became known and were routed to their org. */
  routed: number;
}

/**
 * Unrouted events whose object Souk now knows get their org; those past the retry
 * horizon fail with a reason an operator can act on.
 */
async function routeUnrouted(router: RouterPool): Promise<number> {
  const routed = await router.query(`
    UPDATE processor_events e
    SET "orgId" = o."orgId", status = 'received', "nextAttemptAt" = now() AT TIME ZONE 'UTC',
        error = NULL
    FROM processor_objects o
    WHERE e.status = 'unrouted' AND e."objectId" <> '' AND o.id = e."objectId"`);
  await router.query(
    `UPDATE processor_events
     SET status = 'failed', error = $1
     WHERE status = 'unrouted' AND "receivedAt" < (now() AT TIME ZONE 'UTC') - make_interval(secs => $2)`,
    [
      'Never routed: no org in its metadata and Souk never recorded its object in 3 days',
      RETRY_HORIZON_MS / 1000,
    ],
  );
  return routed.rowCount ?? 0;
}

async function orgsWithDueEvents(router: RouterPool): Promise<string[]> {
  const { rows } = await router.query<{ orgId: string }>(`
    SELECT DISTINCT "orgId" FROM (
      SELECT "orgId" FROM processor_events
      WHERE status IN ('received', 'waiting') AND "nextAttemptAt" <= now() AT TIME ZONE 'UTC'
        AND "orgId" IS NOT NULL
      ORDER BY "nextAttemptAt" LIMIT 5000) due`);
  return rows.map((r) => r.orgId);
}

/**
 * One org's next batch, in the processor's `created` order (event id breaks ties),
 * applied and marked in one transaction: a crash rolls back both, so nothing is
 * lost or applied twice. One applier per org at a time (an advisory lock), so the
 * order holds across worker replicas; other orgs' batches run elsewhere meanwhile.
 */
export async function applyOrgBatch(
  db: Db,
  orgId: string,
  limit = 500,
): Promise<{ applied: number; rescheduled: number; busy?: boolean }> {
  return withOrg(
    db,
    orgId,
    async (tx) => {
      const [lock] = await tx.$queryRaw<{ ok: boolean }[]>`
        SELECT pg_try_advisory_xact_lock(hashtextextended('souk.applier:' || ${orgId}, 0)) AS ok`;
      if (!lock?.ok) return { applied: 0, rescheduled: 0, busy: true };
      const rows = await tx.$queryRaw<EventRow[]>`
        SELECT id, "eventId", type, payload, attempts, "receivedAt" FROM processor_events
        WHERE status IN ('received', 'waiting') AND "nextAttemptAt" <= now() AT TIME ZONE 'UTC'
        ORDER BY "eventCreatedAt", "eventId"
        LIMIT ${limit}
        FOR UPDATE SKIP LOCKED`;
      if (rows.length === 0) return { applied: 0, rescheduled: 0 };
      const { outcomes, appeared } = await applyEventRows(tx, orgId, rows);
      await recordOutcomes(tx, outcomes, appeared);
      let applied = 0;
      for (const outcome of outcomes.values()) if (outcome.status !== 'waiting') applied += 1;
      return { applied, rescheduled: rows.length - applied };
    },
    { timeoutMs: 120_000 },
  );
}

/** One pass: route what can be routed, then one batch for every org with due events. */
export async function applyDueEvents({
  db,
  router,
  limit,
}: {
  db: Db;
  router: RouterPool;
  limit?: number;
}): Promise<ApplyTick> {
  const routed = await routeUnrouted(router);
  const tick: ApplyTick = { applied: 0, rescheduled: 0, routed, busy: 0 };
  for (const orgId of await orgsWithDueEvents(router)) {
    const result = await applyOrgBatch(db, orgId, limit);
    tick.applied += result.applied;
    tick.rescheduled += result.rescheduled;
    if (result.busy) tick.busy += 1;
  }
  return tick;
}

/**
 * Applies until nothing is due (tests, benchmarks, and a worker catching up).
 * Events rescheduled into the future stay waiting.
 */
export async function drainProcessorEvents(options: {
  db: Db;
  router: RouterPool;
  limit?: number;
}): Promise<ApplyTick> {
  const total: ApplyTick = { applied: 0, rescheduled: 0, routed: 0, busy: 0 };
  for (;;) {
    const tick = await applyDueEvents(options);
    total.applied += tick.applied;
    total.rescheduled += tick.rescheduled;
    total.routed += tick.routed;
    if (tick.busy > 0) {
      // Another applier holds an org: wait for it rather than report a drained ledger.
      await new Promise((resolve) => setTimeout(resolve, 20));
      continue;
    }
    if (tick.applied === 0 && tick.rescheduled === 0 && tick.routed === 0) return total;
  }
}
