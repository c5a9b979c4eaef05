import { Prisma, type ReconciliationTrigger, type Tx } from '@souk/db';
import {
  pageThrough,
  type PaymentGateway,
  type ProcessorCharge,
  type ProcessorCheckoutSessionSummary,
  type ProcessorListCall,
  type ProcessorPaymentIntentSummary,
} from '@souk/payments';
import type { OrgScope } from '../context';
import { AppError, isAppError } from '../errors';
import { createLogger } from '../logger';
import {
  compareCharges,
  compareCheckoutSessions,
  comparePaymentIntents,
  compareRefunds,
  type Finding,
} from './compare-processor-page';
import { recordDiscrepancies } from './record-discrepancies';
import type { ReconciledObjectKindName } from './reconciliation-schemas';

const log = createLogger('reconciliation');

const HOUR_MS = 3_600_000;
/** A running run that made no checkpoint for this long was killed: the next run takes over. */
export const STALE_RUN_MS = 15 * 60_000;
/** Processor lookups of local payments at once: enough to overlap latency, polite to the API. */
const RETRIEVE_CONCURRENCY = 5;

type Compare = (tx: Tx, orgId: string, objects: never[]) => Promise<Finding[]>;

interface Walk {
  kind: Exclude<ReconciledObjectKindName, 'event'>;
  list: (gateway: PaymentGateway) => ProcessorListCall<{ id: string; created: Date }>;
  compare: Compare;
  /** The PaymentIntents a page proves the processor has, so the local check skips them. */
  seen: (objects: never[]) => (string | null)[];
}

// Events are not walked: every disagreement they could show is found on the objects
// themselves, and resolving fetches the object's own event.
const WALKS: Walk[] = [
  {
    kind: 'checkout_session',
    list: (g) => g.listCheckoutSessions,
    compare: compareCheckoutSessions,
    seen: (sessions: ProcessorCheckoutSessionSummary[]) => sessions.map((s) => s.paymentIntentId),
  },
  {
    kind: 'payment_intent',
    list: (g) => g.listPaymentIntents,
    compare: comparePaymentIntents,
    seen: (intents: ProcessorPaymentIntentSummary[]) => intents.map((pi) => pi.id),
  },
  {
    kind: 'charge',
    list: (g) => g.listCharges,
    compare: compareCharges,
    seen: (charges: ProcessorCharge[]) => charges.map((c) => c.paymentIntentId),
  },
  { kind: 'refund', list: (g) => g.listRefunds, compare: compareRefunds, seen: () => [] },
];

/** Checkpoints a run keeps (the latest): a long run's list stays readable and its row small. */
export const MAX_CHECKPOINTS = 200;

export interface ReconciliationCheckpoint {
  kind: string;
  /** The last object compared (resume after it), or null once the kind's walk is done. */
  cursor: string | null;
  objects: number;
  found: number;
  /** True on the first page of a walk that picked up an earlier run's checkpoint. */
  resumed?: boolean;
  done?: boolean;
  at: string;
}

interface Plan {
  walk: Walk;
  createdGte: Date;
  createdLte: Date;
  startingAfter: string | undefined;
}

export interface RunReconciliationOptions {
  scope: OrgScope;
  trigger: ReconciliationTrigger;
  hours: number;
  limit: number;
  actorUserId?: string | null;
  /** Tests: called after each page's checkpoint commits (throw to stop the run there). */
  afterPage?: (checkpoint: ReconciliationCheckpoint) => Promise<void> | void;
  now?: Date;
}

/** Appends one checkpoint, keeping the latest MAX_CHECKPOINTS. */
function appendCheckpoint(entry: ReconciliationCheckpoint) {
  return Prisma.sql`(
    SELECT COALESCE(jsonb_agg(e ORDER BY n), '[]'::jsonb) FROM (
      SELECT e, n FROM jsonb_array_elements(checkpoints || ${JSON.stringify([entry])}::jsonb)
        WITH ORDINALITY AS t(e, n)
      ORDER BY n DESC LIMIT ${MAX_CHECKPOINTS}) kept)`;
}

function describe(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return (message.trim().split('\n').pop() ?? 'error').slice(0, 1000);
}

/**
 * One reconciliation run for the scope's org (spec 000, 004): pages through the
 * processor's checkout sessions, PaymentIntents, charges and refunds from each kind's
 * durable cursor, compares each page with Souk's rows in one short transaction that also
 * records the page's discrepancies and checkpoints the cursor, then asks the processor
 * about the window's local payments. A killed run's next run resumes after its last
 * checkpoint. Processor calls happen between transactions, never inside one.
 */
export async function runReconciliation(options: RunReconciliationOptions) {
  const { scope, trigger, hours, limit } = options;
  const orgId = scope.orgId;
  const now = options.now ?? new Date();
  const defaultStart = new Date(now.getTime() - hours * HOUR_MS);

  const { run, plans } = await scope.transaction(async ({ tx }) => {
    // Serializes starts for the org: two "Run now" clicks cannot both pass the check below.
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended('souk.reconcile:' || ${orgId}, 0))`;
    const running = await tx.reconciliationRun.findMany({ where: { status: 'running' } });
    const cursors = await tx.billingSyncCursor.findMany();
    for (const other of running) {
      const lastSign = Math.max(
        other.startedAt.getTime(),
        ...cursors.filter((c) => c.runId === other.id).map((c) => c.updatedAt.getTime()),
      );
      if (now.getTime() - lastSign < STALE_RUN_MS) {
        throw new AppError(
          'CONFLICT',
          'A reconciliation is already running for this organization; wait for it to finish',
        );
      }
      await tx.reconciliationRun.update({
        where: { id: other.id },
        data: {
          status: 'failed',
          finishedAt: now,
          error: 'Stopped before it finished; a later run resumed from its checkpoints',
        },
      });
    }
    const resumedIds = [
      ...new Set(cursors.filter((c) => c.lastObjectId && c.runId).map((c) => c.runId!)),
    ];
    const earlier = new Map(
      (
        await tx.reconciliationRun.findMany({
          where: { id: { in: resumedIds } },
          select: { id: true, windowStart: true, windowEnd: true },
        })
      ).map((r) => [r.id, r]),
    );
    const plans: Plan[] = WALKS.map((walk) => {
      const cursor = cursors.find((c) => c.objectKind === walk.kind);
      const interrupted =
        cursor?.lastObjectId && cursor.runId ? earlier.get(cursor.runId) : undefined;
      if (interrupted && cursor?.lastObjectId) {
        // Finish the interrupted walk over its own window; newer objects come next run.
        return {
          walk,
          createdGte: interrupted.windowStart,
          createdLte: interrupted.windowEnd,
          startingAfter: cursor.lastObjectId,
        };
      }
      // A cursor older than the asked window widens it: nothing since the last run is skipped.
      const since = cursor?.lastCreatedAt;
      return {
        walk,
        createdGte: since && since < defaultStart ? since : defaultStart,
        createdLte: now,
        startingAfter: undefined,
      };
    });
    const windowStart = new Date(Math.min(...plans.map((p) => p.createdGte.getTime())));
    const run = await tx.reconciliationRun.create({
      data: {
        orgId,
        trigger,
        windowStart,
        windowEnd: now,
        pageLimit: limit,
        startedByUserId: options.actorUserId ?? null,
      },
    });
    return { run, plans };
  });

  const checkpoint = async (entry: ReconciliationCheckpoint, objects: number, found: number) => {
    await scope.transaction(
      ({ tx }) =>
        tx.$executeRaw`
        UPDATE reconciliation_runs SET
          "objectsSeen" = "objectsSeen" + ${objects},
          "discrepanciesFound" = "discrepanciesFound" + ${found},
          checkpoints = ${appendCheckpoint(entry)}
        WHERE id = ${run.id}::uuid`,
    );
  };

  try {
    const gateway = await scope.gateway();
    for (const plan of plans) {
      const { walk } = plan;
      const pages = pageThrough(walk.list(gateway), {
        createdGte: plan.createdGte,
        createdLte: plan.createdLte,
        limit,
        ...(plan.startingAfter ? { startingAfter: plan.startingAfter } : {}),
      });
      let first = true;
      for await (const page of pages.byPage()) {
        const entry: ReconciliationCheckpoint = {
          kind: walk.kind,
          cursor: page.cursor,
          objects: page.data.length,
          found: 0,
          ...(first && plan.startingAfter ? { resumed: true } : {}),
          at: new Date().toISOString(),
        };
        first = false;
        // The page's findings, the cursor past it and the run's counts commit together.
        await scope.transaction(async ({ tx }) => {
          const findings = await walk.compare(tx, orgId, page.data as never[]);
          entry.found = await recordDiscrepancies(tx, orgId, run.id, findings);
          const last = page.data.at(-1);
          const position = {
            lastObjectId: page.cursor,
            lastCreatedAt: last?.created ?? null,
            runId: run.id,
          };
          await tx.billingSyncCursor.upsert({
            where: { orgId_objectKind: { orgId, objectKind: walk.kind } },
            create: { orgId, objectKind: walk.kind, ...position },
            update: position,
          });
          await tx.$executeRaw`
            UPDATE reconciliation_runs SET
              "objectsSeen" = "objectsSeen" + ${page.data.length},
              "discrepanciesFound" = "discrepanciesFound" + ${entry.found},
              checkpoints = ${appendCheckpoint(entry)}
            WHERE id = ${run.id}::uuid`;
          const seen = [
            ...new Set(walk.seen(page.data as never[]).filter((id): id is string => !!id)),
          ];
          if (seen.length > 0) {
            await tx.$executeRaw`
              INSERT INTO reconciliation_seen_objects ("orgId", "objectId")
              SELECT ${orgId}::uuid, unnest(${seen}::text[])
              ON CONFLICT DO NOTHING`;
          }
        });
        await options.afterPage?.(entry);
      }
      // The walk is done: the next run starts from this window's end.
      await scope.transaction(({ tx }) =>
        tx.billingSyncCursor.upsert({
          where: { orgId_objectKind: { orgId, objectKind: walk.kind } },
          create: { orgId, objectKind: walk.kind, lastCreatedAt: plan.createdLte, runId: run.id },
          update: { lastObjectId: null, lastCreatedAt: plan.createdLte, runId: run.id },
        }),
      );
      await checkpoint(
        {
          kind: walk.kind,
          cursor: null,
          objects: 0,
          found: 0,
          done: true,
          at: new Date().toISOString(),
        },
        0,
        0,
      );
    }
    await checkLocalPayments({
      scope,
      runId: run.id,
      gateway,
      from: run.windowStart,
      to: now,
      limit,
      checkpoint,
    });
    return await scope.transaction(async ({ tx }) => {
      await tx.reconciliationSeenObject.deleteMany({});
      return tx.reconciliationRun.update({
        where: { id: run.id },
        data: { status: 'completed', finishedAt: new Date() },
      });
    });
  } catch (error) {
    const message = describe(error);
    log.warn({ orgId, runId: run.id, error: message }, 'reconciliation run failed');
    await scope.transaction(({ tx }) =>
      tx.reconciliationRun.update({
        where: { id: run.id },
        data: { status: 'failed', finishedAt: new Date(), error: message },
      }),
    );
    throw error;
  }
}

type LocalRow = {
  id: string;
  processorPaymentIntentId: string;
  amountCents: number;
  currency: string;
  status: string;
  createdAt: Date;
};

function isMissingAtProcessor(error: unknown): boolean {
  return isAppError(error) && error.details.processorCode === 'resource_missing';
}

/** Runs `fn` over `items` with at most `width` in flight. */
async function inBatches<T, R>(items: T[], width: number, fn: (item: T) => Promise<R>) {
  const results: R[] = [];
  for (let i = 0; i < items.length; i += width) {
    results.push(...(await Promise.all(items.slice(i, i + width).map(fn))));
  }
  return results;
}

/**
 * Local payments of the window that Souk counts as paid, a page at a time, each looked up
 * at the processor between transactions: one it has never heard of is reported.
 */
async function checkLocalPayments({
  scope,
  runId,
  gateway,
  from,
  to,
  limit,
  checkpoint,
}: {
  scope: OrgScope;
  runId: string;
  gateway: PaymentGateway;
  from: Date;
  to: Date;
  limit: number;
  checkpoint: (entry: ReconciliationCheckpoint, objects: number, found: number) => Promise<void>;
}) {
  // Only payments no walk of this run (or of a killed one it resumed) listed: normally none,
  // so a large window costs no lookups; each one left is asked about at the processor.
  const sources = [
    { type: 'payment', table: Prisma.sql`payments`, paid: Prisma.sql`('succeeded', 'refunded')` },
    {
      type: 'booking_payment',
      table: Prisma.sql`booking_payments`,
      paid: Prisma.sql`('succeeded')`,
    },
  ].map(({ type, table, paid }) => ({
    type,
    next: (tx: Tx, after: LocalRow | null) =>
      tx.$queryRaw<LocalRow[]>`
        SELECT l.id, l."processorPaymentIntentId", l."amountCents", l.currency,
          l.status::text AS status, l."createdAt"
        FROM ${table} l
        WHERE l.status::text IN ${paid}
          AND l."createdAt" >= ${from} AND l."createdAt" <= ${to}
          AND (${after === null} OR (l."createdAt", l.id) > (${after?.createdAt ?? from}, ${after?.id ?? '00000000-0000-0000-0000-000000000000'}::uuid))
          AND NOT EXISTS (SELECT 1 FROM reconciliation_seen_objects s
                          WHERE s."objectId" = l."processorPaymentIntentId")
        ORDER BY l."createdAt", l.id
        LIMIT ${limit}`,
  }));
  for (const source of sources) {
    let after: LocalRow | null = null;
    for (;;) {
      const rows: LocalRow[] = await scope.transaction(({ tx }) => source.next(tx, after));
      if (rows.length === 0) break;
      const unknown = (
        await inBatches(rows, RETRIEVE_CONCURRENCY, async (row) => {
          try {
            await gateway.retrievePaymentIntent(row.processorPaymentIntentId);
            return null;
          } catch (error) {
            if (isMissingAtProcessor(error)) return row;
            throw error;
          }
        })
      ).filter((row): row is LocalRow => row !== null);
      const findings: Finding[] = unknown.map((row) => ({
        kind: 'unknown_to_processor',
        severity: 'medium',
        processorObjectKind: 'payment_intent',
        processorObjectId: row.processorPaymentIntentId,
        localEntityType: source.type,
        localEntityId: row.id,
        currency: row.currency,
        processorAmountCents: null,
        localAmountCents: row.amountCents,
        processorStatus: null,
        localStatus: row.status,
      }));
      const found = await scope.transaction(({ tx }) =>
        recordDiscrepancies(tx, scope.orgId, runId, findings),
      );
      if (found > 0) {
        await checkpoint(
          {
            kind: `local_${source.type}`,
            cursor: rows.at(-1)!.id,
            objects: 0,
            found,
            at: new Date().toISOString(),
          },
          0,
          found,
        );
      }
      if (rows.length < limit) break;
      after = rows.at(-1)!;
    }
  }
}
