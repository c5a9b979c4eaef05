import type { Logger } from '@souk/core/logger';

export interface PollerStatus {
  name: string;
  running: boolean;
  intervalMs: number;
  lastRunStartedAt: string | null;
  lastRunFinishedAt: string | null;
  lastError: string | null;
  runs: number;
  loopErrors: number;
}

export interface Poller {
  status(): PollerStatus;
  /** Runs one pass now (tests, admin triggers); waits for a pass already running. */
  runOnce(): Promise<void>;
  stop(): Promise<void>;
}

/**
 * A fixed-delay loop: the next pass starts `intervalMs` after the previous one
 * ended, so a slow pass never overlaps itself. Errors are counted and logged and
 * the loop keeps going. Cross-replica safety is the pass's job (SKIP LOCKED).
 */
export function startPoller({
  name,
  intervalMs,
  log,
  pass,
  onError,
}: {
  name: string;
  intervalMs: number;
  log: Logger;
  pass: () => Promise<void>;
  onError?: (error: unknown) => void;
}): Poller {
  const state: PollerStatus = {
    name,
    running: true,
    intervalMs,
    lastRunStartedAt: null,
    lastRunFinishedAt: null,
    lastError: null,
    runs: 0,
    loopErrors: 0,
  };
  let timer: NodeJS.Timeout | undefined;
  let current: Promise<void> | null = null;

  const run = (): Promise<void> => {
    current ??= (async () => {
      state.lastRunStartedAt = new Date().toISOString();
      try {
        await pass();
        state.lastError = null;
      } catch (error) {
        state.loopErrors += 1;
        state.lastError = error instanceof Error ? error.message : String(error);
        onError?.(error);
        log.error({ err: error, loop: name }, 'loop pass failed');
      } finally {
        state.runs += 1;
        state.lastRunFinishedAt = new Date().toISOString();
        current = null;
      }
    })();
    return current;
  };
  const schedule = () => {
    if (!state.running) return;
    timer = setTimeout(() => void run().then(schedule), intervalMs);
  };
  schedule();

  return {
    status: () => ({ ...state }),
    runOnce: run,
    async stop() {
      state.running = false;
      clearTimeout(timer);
      await current;
    },
  };
}
