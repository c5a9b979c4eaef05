import { applyDueEvents, drainProcessorEvents } from '@souk/core';
import type { Logger } from '@souk/core/logger';
import type { Db, RouterPool } from '@souk/db';
import type { Metrics } from '../metrics';

export interface Applier {
  /** A delivery was stored: run a pass now instead of at the next poll. */
  wake(): void;
  /** Applies until nothing is due (tests); runs between the loop's passes, never beside them. */
  drain(): Promise<void>;
  stop(): Promise<void>;
}

/**
 * Applies stored processor events off the request path: a pass as soon as the
 * ingest stores something, back-to-back while there is work, and every
 * `intervalMs` otherwise (waiting events coming due, deliveries to other replicas).
 */
export function startApplier({
  db,
  router,
  intervalMs,
  enabled,
  log,
  metrics,
}: {
  db: Db;
  router: RouterPool;
  intervalMs: number;
  enabled: boolean;
  log: Logger;
  metrics: Metrics;
}): Applier {
  let running = enabled;
  let timer: NodeJS.Timeout | undefined;
  let current: Promise<unknown> = Promise.resolve();
  let wakeRequested = false;
  let looping = false;

  const exclusive = <T>(fn: () => Promise<T>): Promise<T> => {
    const next = current.then(fn, fn);
    current = next.catch(() => undefined);
    return next;
  };

  const loop = async (): Promise<void> => {
    if (looping || !running) return;
    looping = true;
    clearTimeout(timer);
    try {
      for (;;) {
        wakeRequested = false;
        const tick = await exclusive(() => applyDueEvents({ db, router }));
        metrics.eventsApplied.inc(tick.applied);
        metrics.eventsRescheduled.inc(tick.rescheduled);
        const busy = tick.applied + tick.rescheduled + tick.routed > 0;
        if (!running || (!busy && !wakeRequested)) break;
      }
    } catch (error) {
      metrics.loopErrors.inc({ loop: 'applier' });
      log.error({ err: error, loop: 'applier' }, 'loop pass failed');
    } finally {
      looping = false;
      metrics.loopLastRun.set({ loop: 'applier' }, Date.now() / 1000);
      if (running) timer = setTimeout(() => void loop(), intervalMs);
    }
  };
  if (running) timer = setTimeout(() => void loop(), 0);

  return {
    wake() {
      wakeRequested = true;
      if (!looping) void loop();
    },
    drain: () => exclusive(() => drainProcessorEvents({ db, router })).then(() => undefined),
    async stop() {
      running = false;
      clearTimeout(timer);
      await current;
    },
  };
}
