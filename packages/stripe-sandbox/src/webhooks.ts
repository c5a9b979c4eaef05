// At-least-once webhook delivery, signed like Stripe, with test controls for
// duplicates, delays, reordering and pausing.
import { signPayload } from './signature';
import { type StripeEvent } from './types';

export interface EndpointConfig {
  id: string;
  url: string;
  secret: string;
  enabledEvents: string[];
  /**
   * A Connect endpoint (`connect=true` on create): it receives only events that carry
   * `account` (from connected accounts); an account endpoint receives only the others.
   * Kept internally; Stripe's webhook_endpoint object has no such field.
   */
  connect: boolean;
  created: number;
  /** Set through the API (`description`, `metadata[…]`); endpoints from options have none. */
  description?: string | null;
  metadata?: Record<string, string>;
}

export interface DeliveryMode {
  /** Send every event this many extra times. */
  duplicate: number;
  /** Wait this long before the first attempt of each delivery. */
  delayMs: number;
  /** Buffer deliveries; flushDeliveries() sends the buffer in reverse order. */
  reorder: boolean;
  /** Hold every delivery until unpaused or flushed. */
  paused: boolean;
}

export interface DeliveryRecord {
  eventId: string;
  type: string;
  url: string;
  attempt: number;
  status: number | 'error';
  /** Epoch milliseconds of the attempt's completion. */
  at: number;
  error?: string;
}

export interface RetryOptions {
  maxAttempts: number;
  baseDelayMs: number;
}

interface Job {
  event: StripeEvent;
  endpoint: EndpointConfig;
  payload: string;
}

const MAX_DELAY_MS = 30_000;
const ATTEMPT_TIMEOUT_MS = 10_000;

export function endpointWants(endpoint: { enabledEvents: string[] }, type: string): boolean {
  const enabled = endpoint.enabledEvents;
  if (enabled.length === 0 || enabled.includes('*') || enabled.includes(type)) return true;
  return enabled.some((e) => e.endsWith('.*') && type.startsWith(e.slice(0, -1)));
}

/**
 * Whether Stripe would send `event` to `endpoint`: events with `account` go only to Connect
 * endpoints, events without it only to account endpoints, and only types the endpoint wants.
 */
export function endpointReceives(
  endpoint: { enabledEvents: string[]; connect: boolean },
  event: { type: string; account?: string },
): boolean {
  return Boolean(event.account) === endpoint.connect && endpointWants(endpoint, event.type);
}

export class WebhookDeliverer {
  private mode: DeliveryMode = { duplicate: 0, delayMs: 0, reorder: false, paused: false };
  private held: Job[] = [];
  private readonly tasks = new Set<Promise<void>>();
  private readonly log: DeliveryRecord[] = [];
  private readonly sleeps = new Set<{ timer: NodeJS.Timeout; resolve: () => void }>();
  private readonly delivered = new Set<string>();
  private readonly abort = new AbortController();
  private stopped = false;

  constructor(
    private readonly endpoints: () => EndpointConfig[],
    private readonly retry: RetryOptions,
  ) {}

  enqueue(event: StripeEvent): void {
    if (this.stopped) return;
    const payload = JSON.stringify(event);
    const jobs: Job[] = [];
    for (const endpoint of this.endpoints()) {
      if (!endpointReceives(endpoint, event)) continue;
      for (let i = 0; i <= this.mode.duplicate; i++) jobs.push({ event, endpoint, payload });
    }
    if (this.mode.paused || this.mode.reorder) {
      this.held.push(...jobs);
      return;
    }
    for (const job of jobs) this.track(this.deliver(job));
  }

  getMode(): DeliveryMode {
    return { ...this.mode };
  }

  setMode(patch: Partial<DeliveryMode>): DeliveryMode {
    const next = { ...this.mode };
    if (patch.duplicate !== undefined) {
      if (!Number.isInteger(patch.duplicate) || patch.duplicate < 0) {
        throw new TypeError('duplicate must be a non-negative integer');
      }
      next.duplicate = patch.duplicate;
    }
    if (patch.delayMs !== undefined) {
      if (!Number.isFinite(patch.delayMs) || patch.delayMs < 0) {
        throw new TypeError('delayMs must be a non-negative number');
      }
      next.delayMs = patch.delayMs;
    }
    if (patch.reorder !== undefined) next.reorder = Boolean(patch.reorder);
    if (patch.paused !== undefined) next.paused = Boolean(patch.paused);
    this.mode = next;
    if (!next.paused && !next.reorder && this.held.length > 0) this.release(false);
    return this.getMode();
  }

  deliveries(): DeliveryRecord[] {
    return this.log.map((record) => ({ ...record }));
  }

  /** Releases held deliveries, then resolves once nothing is pending or in flight. */
  async flush(): Promise<void> {
    if (this.held.length > 0) this.release(this.mode.reorder);
    while (this.tasks.size > 0) await Promise.allSettled([...this.tasks]);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.held = [];
    this.abort.abort();
    for (const sleep of this.sleeps) {
      clearTimeout(sleep.timer);
      sleep.resolve();
    }
    this.sleeps.clear();
    while (this.tasks.size > 0) await Promise.allSettled([...this.tasks]);
  }

  /** Sends a batch one delivery after another so the receiver sees the batch order. */
  private release(reverse: boolean): void {
    const batch = this.held;
    this.held = [];
    if (reverse) batch.reverse();
    this.track(
      (async () => {
        for (const job of batch) await this.deliver(job);
      })(),
    );
  }

  private track(task: Promise<void>): void {
    this.tasks.add(task);
    const done = (): void => {
      this.tasks.delete(task);
    };
    task.then(done, done);
  }

  private async deliver(job: Job): Promise<void> {
    if (this.mode.delayMs > 0) await this.sleep(this.mode.delayMs);
    for (let attempt = 1; attempt <= this.retry.maxAttempts && !this.stopped; attempt++) {
      if (await this.attempt(job, attempt)) {
        const key = `${job.event.id} ${job.endpoint.id}`;
        if (!this.delivered.has(key)) {
          this.delivered.add(key);
          job.event.pending_webhooks = Math.max(0, job.event.pending_webhooks - 1);
        }
        return;
      }
      if (attempt < this.retry.maxAttempts) {
        await this.sleep(Math.min(this.retry.baseDelayMs * 2 ** (attempt - 1), MAX_DELAY_MS));
      }
    }
  }

  private async attempt(job: Job, attempt: number): Promise<boolean> {
    let status: number | 'error';
    let error: string | undefined;
    try {
      const response = await fetch(job.endpoint.url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'user-agent': 'Stripe/1.0 (+https://stripe.com/docs/webhooks)',
          'stripe-signature': signPayload(job.payload, job.endpoint.secret),
        },
        body: job.payload,
        redirect: 'manual',
        signal: AbortSignal.any([this.abort.signal, AbortSignal.timeout(ATTEMPT_TIMEOUT_MS)]),
      });
      status = response.status;
      await response.arrayBuffer().catch(() => undefined);
    } catch (err) {
      status = 'error';
      error = err instanceof Error ? err.message : String(err);
    }
    if (this.stopped) return false;
    const record: DeliveryRecord = {
      eventId: job.event.id,
      type: job.event.type,
      url: job.endpoint.url,
      attempt,
      status,
      at: Date.now(),
    };
    if (error !== undefined) record.error = error;
    this.log.push(record);
    return typeof status === 'number' && status >= 200 && status < 300;
  }

  private sleep(ms: number): Promise<void> {
    if (this.stopped) return Promise.resolve();
    return new Promise((resolve) => {
      const entry = {
        timer: setTimeout(() => {
          this.sleeps.delete(entry);
          resolve();
        }, ms),
        resolve,
      };
      this.sleeps.add(entry);
    });
  }
}
