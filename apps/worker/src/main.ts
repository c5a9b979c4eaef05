import { createLogger } from '@souk/core';
import { workerEnv } from './env';
import { startWorker } from './server';

const log = createLogger('worker');

const worker = await startWorker({
  ownerUrl: workerEnv.DATABASE_URL,
  port: workerEnv.WORKER_PORT,
  jobsEnabled: workerEnv.JOBS_ENABLED,
  heartbeatCron: workerEnv.HEARTBEAT_CRON,
});

let stopping = false;
async function shutdown(signal: string): Promise<void> {
  if (stopping) return;
  stopping = true;
  log.info({ signal }, 'shutting down');
  await worker.stop();
  process.exit(0);
}
process.on('SIGTERM', () => void shutdown('SIGTERM'));
process.on('SIGINT', () => void shutdown('SIGINT'));
