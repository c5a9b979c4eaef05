import type PgBoss from 'pg-boss';
import type { Db, JobRun } from '@souk/db';

/**
 * Fires a job now, as its schedule would (a per-org job fans out), and waits for the
 * run that `orgId` (null: an org-less job) started from then on to finish. For tests
 * and operators' scripts; the worker itself only runs jobs on their schedules.
 */
export async function runJobNow({
  boss,
  db,
  queue,
  orgId,
  timeoutMs = 30_000,
}: {
  boss: PgBoss;
  db: Db;
  queue: string;
  orgId: string | null;
  timeoutMs?: number;
}): Promise<JobRun> {
  const since = new Date(Date.now() - 50);
  await boss.send(queue, {});
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const run = await db.jobRun.findFirst({
      where: { queue, forOrgId: orgId, startedAt: { gte: since }, finishedAt: { not: null } },
      orderBy: { startedAt: 'asc' },
    });
    if (run) return run;
    if (Date.now() > deadline) throw new Error(`no finished ${queue} run within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
