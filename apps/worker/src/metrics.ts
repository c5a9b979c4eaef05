import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

/** One registry per worker instance (tests start several in one process). */
export function createMetrics() {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  return {
    registry,
    httpRequests: new Counter({
      name: 'souk_worker_http_requests_total',
      help: 'HTTP requests handled by the worker',
      labelNames: ['method', 'route', 'status'] as const,
      registers: [registry],
    }),
    httpDuration: new Histogram({
      name: 'souk_worker_http_request_duration_seconds',
      help: 'HTTP request duration',
      labelNames: ['method', 'route', 'status'] as const,
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
      registers: [registry],
    }),
    jobsCompleted: new Counter({
      name: 'souk_jobs_completed_total',
      help: 'Jobs that finished successfully',
      labelNames: ['queue'] as const,
      registers: [registry],
    }),
    jobsFailed: new Counter({
      name: 'souk_jobs_failed_total',
      help: 'Jobs that threw (pg-boss retries them)',
      labelNames: ['queue'] as const,
      registers: [registry],
    }),
    lastHeartbeat: new Gauge({
      name: 'souk_job_last_heartbeat_timestamp_seconds',
      help: 'Unix time of the last heartbeat job run',
      registers: [registry],
    }),
  };
}
export type Metrics = ReturnType<typeof createMetrics>;
