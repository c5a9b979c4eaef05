import pg from 'pg';
import PgBoss from 'pg-boss';
import { isLastAttempt, listOrgIds, retryDelaySeconds, type RetryPolicy } from '@souk/core';
import type { Logger } from '@souk/core/logger';
import type { Db } from '@souk/db';
import type { Metrics } from '../metrics';
import { jobRunLog, type JobRunLog } from './job-runs';

export interface JobContext {
  /** The org this run works for (per-org jobs); null otherwise. */
  orgId: string | null;
  /** 1 for the scheduled run, then 2, 3 … for its retries. */
  attempt: number;
  log: Logger;
}

export interface JobDefinition {
  queue: string;
  /** Cron expression (UTC); pg-boss fires it once across all worker replicas. */
  cron?: string;
  /**
   * A cadence cron cannot express (pg-boss cron has minute resolution): each scheduled
   * run queues the next one this many seconds later, and a per-minute cron restarts
   * the chain when a crashed run broke it.
   */
  everySeconds?: number;
  /** A scheduled run fans out one job per org (singletonKey = org id); `handler` runs per org. */
  perOrg?: boolean;
  /** Spec 000's max_attempts, base_backoff_seconds, backoff_multiplier, max_backoff_seconds, jitter_seconds. */
  retry: RetryPolicy;
  handler: (ctx: JobContext) => Promise<void>;
}

interface JobData {
  orgId?: string;
  attempt?: number;
}

/** Scheduled sends share one singleton key, so a queue never holds two scheduled runs. */
const SCHEDULED = 'scheduled';

/** Where a job goes after its last attempt failed (pg-boss dead letter). */
export const deadLetterQueue = (queue: string): string => `${queue}_dead`;

/**
 * Starts pg-boss (its own `pgboss` schema) with one stately queue per job: at most one
 * queued and one running job per singleton key, so a slow org never piles up runs and
 * two replicas never work the same org at once.
 *
 * Retries: pg-boss 10 can only double `retryDelay` (with up to 100 % random jitter) and
 * has no cap, so it cannot follow spec 000's multiplier, maximum and jitter. The queues
 * therefore have `retryLimit: 0`; after a failed attempt the runner sends the next one
 * itself, delayed by `retryDelaySeconds(policy, attempt)`, and only the last attempt
 * carries `deadLetter`, so pg-boss moves exactly that one to `<queue>_dead`.
 */
export async function startJobRunner({
  ownerUrl,
  db,
  jobs,
  unscheduled = [],
  metrics,
  log,
}: {
  ownerUrl: string;
  /** App-role client: lists the orgs and writes `job_runs`. */
  db: Db;
  jobs: JobDefinition[];
  /** Queues switched off here: their schedules (kept in the database) are removed. */
  unscheduled?: string[];
  metrics: Metrics;
  log: Logger;
}): Promise<PgBoss> {
  const boss = new PgBoss({ connectionString: ownerUrl, application_name: 'souk-worker', max: 4 });
  boss.on('error', (error) => log.error({ err: error }, 'job runner error'));
  await boss.start();
  const runs = jobRunLog(db);

  await withQueueSetupLock(ownerUrl, async () => {
    for (const queue of unscheduled) await boss.unschedule(queue);
    for (const job of jobs) await ensureQueue(boss, job.queue);
  });
  for (const job of jobs) {
    // Series exist from boot at 0, so rate()/increase() see the first job and alerts on failures work.
    metrics.jobsCompleted.inc({ queue: job.queue }, 0);
    metrics.jobsFailed.inc({ queue: job.queue }, 0);
    if (job.everySeconds) {
      await boss.schedule(job.queue, '* * * * *', {}, { tz: 'UTC', ...scheduledOptions(job) });
      // Like the first pass of a polling loop: one interval after boot (a no-op when queued).
      await boss.send(job.queue, {}, scheduledOptions(job, job.everySeconds));
    } else if (job.cron) {
      await boss.schedule(job.queue, job.cron, {}, { tz: 'UTC', ...scheduledOptions(job) });
    }
    const workOptions = {
      batchSize: 10,
      includeMetadata: true as const,
      // Poll at least twice per interval (pg-boss default 2 s, minimum 0.5 s).
      pollingIntervalSeconds: Math.min(2, Math.max(0.5, (job.everySeconds ?? 4) / 2)),
    };
    await boss.work<JobData>(job.queue, workOptions, async (batch) => {
      // Each job is completed or failed on its own; pg-boss's batch completion then
      // finds none of them active and changes nothing.
      for (const item of batch) await runJob({ boss, db, job, item, runs, metrics, log });
    });
  }
  return boss;
}

/**
 * pg-boss 10 creates a queue's partition with ALTER TABLE … ATTACH PARTITION: replicas
 * booting together deadlock on it. One replica at a time sets the queues up.
 */
async function withQueueSetupLock(ownerUrl: string, fn: () => Promise<void>): Promise<void> {
  const client = new pg.Client({ connectionString: ownerUrl, application_name: 'souk-worker' });
  await client.connect();
  const key = 'souk-worker:queue-setup';
  try {
    await client.query('SELECT pg_advisory_lock(hashtext($1))', [key]);
    await fn();
  } finally {
    // Closing the session releases the lock as well, even when the unlock fails.
    await client.query('SELECT pg_advisory_unlock(hashtext($1))', [key]).catch(() => undefined);
    await client.end();
  }
}

async function ensureQueue(boss: PgBoss, queue: string): Promise<void> {
  // pg-boss 10: a queue (and its dead-letter queue) must exist before send/work/schedule.
  await boss.createQueue(deadLetterQueue(queue), { name: deadLetterQueue(queue) });
  const options = { name: queue, policy: 'stately' as const, retryLimit: 0, retryBackoff: false };
  await boss.createQueue(queue, options);
  // createQueue leaves an existing queue as it was (older releases made them standard).
  await boss.updateQueue(queue, options);
}

/** Options of a scheduled first attempt (a dead letter already when one attempt is all there is). */
function scheduledOptions(job: JobDefinition, startAfterSeconds?: number): PgBoss.SendOptions {
  return {
    singletonKey: SCHEDULED,
    ...(startAfterSeconds ? { startAfter: Math.max(1, Math.round(startAfterSeconds)) } : {}),
    ...(isLastAttempt(job.retry, 1) ? { deadLetter: deadLetterQueue(job.queue) } : {}),
  };
}

/** Sends attempt `attempt` of a job; the last one the policy allows carries the dead letter. */
function sendAttempt(
  boss: PgBoss,
  job: JobDefinition,
  data: JobData,
  singletonKey: string | null,
  attempt: number,
  startAfterSeconds?: number,
): Promise<string | null> {
  return boss.send(
    job.queue,
    { ...data, attempt },
    {
      ...(singletonKey ? { singletonKey } : {}),
      ...(startAfterSeconds ? { startAfter: Math.max(1, Math.round(startAfterSeconds)) } : {}),
      ...(isLastAttempt(job.retry, attempt) ? { deadLetter: deadLetterQueue(job.queue) } : {}),
    },
  );
}

/** One job: recorded in `job_runs`, retried by the job's policy, dead-lettered after the last attempt. */
async function runJob({
  boss,
  db,
  job,
  item,
  runs,
  metrics,
  log,
}: {
  boss: PgBoss;
  db: Db;
  job: JobDefinition;
  item: PgBoss.JobWithMetadata<JobData>;
  runs: JobRunLog;
  metrics: Metrics;
  log: Logger;
}): Promise<void> {
  const data = item.data ?? {};
  const orgId = data.orgId ?? null;
  const attempt = data.attempt ?? 1;
  const isFanOut = job.perOrg === true && orgId === null;
  const startedAt = new Date();
  const runLog = log.child({ queue: job.queue, jobId: item.id, orgId, attempt });
  const elapsed = () => ({ finishedAt: new Date(), durationMs: Date.now() - startedAt.getTime() });
  let runId: string | null = null;
  let failure: { error: unknown } | null = null;
  try {
    runId = await runs.start({ queue: job.queue, jobId: item.id, orgId, attempt, startedAt });
    if (isFanOut) {
      for (const org of await listOrgIds(db)) {
        // Null when that org already has a run queued: it is not queued twice.
        await sendAttempt(boss, job, { orgId: org }, org, 1);
      }
    } else {
      await job.handler({ orgId, attempt, log: runLog });
    }
  } catch (error) {
    failure = { error };
  }

  try {
    if (!failure) {
      await runs.finish(runId!, { outcome: 'ok', ...elapsed() });
      await boss.complete(job.queue, item.id);
      metrics.jobsCompleted.inc({ queue: job.queue });
      return;
    }
    const { error } = failure;
    const message = error instanceof Error ? error.message : String(error);
    const last = isLastAttempt(job.retry, attempt);
    metrics.jobsFailed.inc({ queue: job.queue });
    runLog.error({ err: error, deadLettered: last }, 'job failed');
    if (runId) await runs.finish(runId, { outcome: 'failed', error: message, ...elapsed() });
    if (!last) {
      const delay = retryDelaySeconds(job.retry, attempt);
      await sendAttempt(boss, job, data, item.singletonKey, attempt + 1, delay);
    }
    await boss.fail(job.queue, item.id, { message });
  } finally {
    // The next scheduled run of an interval job; a no-op while a retry holds the slot.
    if (job.everySeconds && item.singletonKey === SCHEDULED) {
      await boss
        .send(job.queue, {}, scheduledOptions(job, job.everySeconds))
        .catch((error: unknown) =>
          log.error({ err: error, queue: job.queue }, 'reschedule failed'),
        );
    }
  }
}
