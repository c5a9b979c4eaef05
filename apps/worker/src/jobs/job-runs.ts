import type { RetryPolicy } from '@souk/core';
import type { Db } from '@souk/db';
import type { JobDefinition } from './runner';

export const PRUNE_JOB_RUNS_QUEUE = 'prune_job_runs';

export interface JobRunStart {
  queue: string;
  jobId: string | null;
  orgId: string | null;
  attempt: number;
  startedAt: Date;
}

export interface JobRunEnd {
  outcome: 'ok' | 'failed';
  finishedAt: Date;
  durationMs: number;
  error?: string;
}

/** Writes `job_runs`: a row when a run starts, completed when it ends (the jobs status page). */
export interface JobRunLog {
  start(run: JobRunStart): Promise<string>;
  finish(id: string, end: JobRunEnd): Promise<void>;
}

export function jobRunLog(db: Db): JobRunLog {
  return {
    async start(run) {
      const [row] = await db.$queryRaw<{ id: string }[]>`
        INSERT INTO job_runs (id, queue, "jobId", "forOrgId", attempt, "startedAt")
        VALUES (gen_random_uuid(), ${run.queue}, ${run.jobId}::uuid, ${run.orgId}::uuid,
                ${run.attempt}, ${run.startedAt})
        RETURNING id`;
      return row!.id;
    },
    async finish(id, end) {
      // Consecutive failures continue from the previous finished run of the same queue
      // and org; stately queues run one job per org at a time, so runs never interleave.
      await db.$executeRaw`
        UPDATE job_runs r SET
          "finishedAt" = ${end.finishedAt},
          outcome = ${end.outcome}::"JobRunOutcome",
          "durationMs" = ${Math.max(0, Math.round(end.durationMs))},
          error = ${end.error?.slice(0, 2000) ?? null},
          "consecutiveFailures" = CASE WHEN ${end.outcome} = 'ok' THEN 0 ELSE 1 + COALESCE((
            SELECT p."consecutiveFailures" FROM job_runs p
            WHERE p.queue = r.queue AND p.id <> r.id AND p."finishedAt" IS NOT NULL
              AND (p."forOrgId" = r."forOrgId" OR (p."forOrgId" IS NULL AND r."forOrgId" IS NULL))
            ORDER BY p."startedAt" DESC LIMIT 1), 0) END
        WHERE r.id = ${id}::uuid`;
    },
  };
}

export interface QueueRunSummary {
  lastRunStartedAt: Date | null;
  lastRunFinishedAt: Date | null;
  /** The latest finished run's error, when it failed. */
  lastError: string | null;
  runs: number;
  failedRuns: number;
}

/** What /fulfillment/health and /fulfillment/metrics report, across every replica. */
export async function summarizeQueueRuns(db: Db, queue: string): Promise<QueueRunSummary> {
  const [row] = await db.$queryRaw<
    {
      lastRunStartedAt: Date | null;
      lastRunFinishedAt: Date | null;
      lastError: string | null;
      runs: bigint;
      failedRuns: bigint;
    }[]
  >`
    SELECT max("startedAt") AS "lastRunStartedAt", max("finishedAt") AS "lastRunFinishedAt",
      (SELECT CASE WHEN outcome = 'failed' THEN error END FROM job_runs
        WHERE queue = ${queue} AND "finishedAt" IS NOT NULL
        ORDER BY "finishedAt" DESC LIMIT 1) AS "lastError",
      count(*) AS runs, count(*) FILTER (WHERE outcome = 'failed') AS "failedRuns"
    FROM job_runs WHERE queue = ${queue}`;
  return {
    lastRunStartedAt: row?.lastRunStartedAt ?? null,
    lastRunFinishedAt: row?.lastRunFinishedAt ?? null,
    lastError: row?.lastError ?? null,
    runs: Number(row?.runs ?? 0),
    failedRuns: Number(row?.failedRuns ?? 0),
  };
}

const PRUNE_RETRY: RetryPolicy = {
  maxAttempts: 3,
  baseBackoffSeconds: 300,
  backoffMultiplier: 2,
  maxBackoffSeconds: 3_600,
  jitterSeconds: 60,
};

/** Outbox delivery alone records thousands of runs a day: keep `retentionDays` of them. */
export function pruneJobRunsJob({
  db,
  cron = '17 3 * * *',
  retentionDays = 7,
}: {
  db: Db;
  cron?: string;
  retentionDays?: number;
}): JobDefinition {
  return {
    queue: PRUNE_JOB_RUNS_QUEUE,
    cron,
    retry: PRUNE_RETRY,
    handler: async () => {
      await db.$executeRaw`
        DELETE FROM job_runs WHERE "startedAt" < now() - make_interval(days => ${retentionDays})`;
    },
  };
}
