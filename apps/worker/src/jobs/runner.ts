import PgBoss from 'pg-boss';
import type { Logger } from '@souk/core/logger';
import type { Metrics } from '../metrics';

export interface JobDefinition {
  queue: string;
  /** Cron expression; pg-boss fires it once across all worker replicas. */
  cron?: string;
  handler: (data: unknown) => Promise<void>;
}

/** Starts pg-boss (its own `pgboss` schema), creates queues, schedules and workers. */
export async function startJobRunner({
  ownerUrl,
  jobs,
  metrics,
  log,
}: {
  ownerUrl: string;
  jobs: JobDefinition[];
  metrics: Metrics;
  log: Logger;
}): Promise<PgBoss> {
  const boss = new PgBoss({ connectionString: ownerUrl, application_name: 'souk-worker', max: 4 });
  boss.on('error', (error) => log.error({ err: error }, 'job runner error'));
  await boss.start();
  for (const job of jobs) {
    // pg-boss 10: a queue must exist before send/work/schedule.
    await boss.createQueue(job.queue, { name: job.queue, retryLimit: 3, retryBackoff: true });
    // Series exist from boot at 0, so rate()/increase() see the first job and alerts on failures work.
    metrics.jobsCompleted.inc({ queue: job.queue }, 0);
    metrics.jobsFailed.inc({ queue: job.queue }, 0);
    if (job.cron) await boss.schedule(job.queue, job.cron, {}, { tz: 'UTC' });
    await boss.work(job.queue, async (batch) => {
      for (const item of batch) {
        try {
          await job.handler(item.data);
          metrics.jobsCompleted.inc({ queue: job.queue });
        } catch (error) {
          metrics.jobsFailed.inc({ queue: job.queue });
          log.error({ err: error, queue: job.queue, jobId: item.id }, 'job failed');
          throw error;
        }
      }
    });
  }
  return boss;
}
