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
      help: 'Job runs that failed (retried by the job policy, dead-lettered after the last attempt)',
      labelNames: ['queue'] as const,
      registers: [registry],
    }),
    lastHeartbeat: new Gauge({
      name: 'souk_job_last_heartbeat_timestamp_seconds',
      help: 'Unix time of the last heartbeat job run',
      registers: [registry],
    }),
    webhookEvents: new Counter({
      name: 'souk_webhook_events_total',
      help: 'Processor webhook deliveries by event type and outcome',
      labelNames: ['type', 'outcome'] as const,
      registers: [registry],
    }),
    eventsApplied: new Counter({
      name: 'souk_processor_events_applied_total',
      help: 'Stored processor events that reached processed or failed',
      registers: [registry],
    }),
    eventsRescheduled: new Counter({
      name: 'souk_processor_events_rescheduled_total',
      help: 'Processor event attempts that could not apply yet and were rescheduled',
      registers: [registry],
    }),
    outboxDelivered: new Counter({
      name: 'souk_outbox_delivered_total',
      help: 'Outbox messages delivered',
      registers: [registry],
    }),
    outboxRetried: new Counter({
      name: 'souk_outbox_retried_total',
      help: 'Outbox delivery attempts that failed and were rescheduled',
      registers: [registry],
    }),
    outboxDead: new Counter({
      name: 'souk_outbox_dead_total',
      help: 'Outbox messages moved to the dead-letter state',
      registers: [registry],
    }),
    fulfillmentProcessed: new Counter({
      name: 'souk_fulfillment_tasks_processed_total',
      help: 'Fulfillment tasks completed',
      registers: [registry],
    }),
    fulfillmentFailed: new Counter({
      name: 'souk_fulfillment_tasks_failed_total',
      help: 'Fulfillment task attempts that failed',
      registers: [registry],
    }),
    loopErrors: new Counter({
      name: 'souk_worker_loop_errors_total',
      help: 'Polling loop passes that threw',
      labelNames: ['loop'] as const,
      registers: [registry],
    }),
    loopLastRun: new Gauge({
      name: 'souk_worker_loop_last_run_timestamp_seconds',
      help: 'Unix time the loop last finished a pass',
      labelNames: ['loop'] as const,
      registers: [registry],
    }),
  };
}
export type Metrics = ReturnType<typeof createMetrics>;
