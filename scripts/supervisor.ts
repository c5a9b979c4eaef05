// A tiny process supervisor for `pnpm start`: runs long-lived children, restarts
// one that dies unexpectedly (any exit code or signal) with exponential backoff,
// and stops them all on request: SIGTERM, then SIGKILL for any still alive after
// a grace period. Pure Node, no dependencies.
//
// Signals go to the child process itself, so a child should be the server, not a
// launcher in front of it (`pnpm exec next start` is pnpm plus a node grandchild:
// if pnpm died alone the grandchild would keep the port and every restart would
// fail). Children stay in our process group, so a Ctrl-C in the terminal reaches
// them even if this process is gone.
import { spawn, type ChildProcess, type StdioOptions } from 'node:child_process';

export interface ChildSpec {
  name: string;
  command: string;
  args: string[];
  cwd: string;
  env: NodeJS.ProcessEnv;
}

export interface SupervisorOptions {
  /** Where announcements go (default: console.log with a `[souk]` prefix). */
  log?: (message: string) => void;
  /** First restart delay; doubles per consecutive crash (default 1 s). */
  baseDelayMs?: number;
  /** Longest restart delay (default 30 s). */
  maxDelayMs?: number;
  /** A child that stayed up this long starts its backoff afresh (default 60 s). */
  resetAfterMs?: number;
  /** Grace period between SIGTERM and SIGKILL on stop (default 10 s). */
  killAfterMs?: number;
  /** stdio for the children (default 'inherit'). */
  stdio?: StdioOptions;
}

export interface Supervisor {
  /** Spawns every child. */
  start(): void;
  /**
   * Stops everything: cancels pending restarts, sends SIGTERM to live children and
   * SIGKILL to any still alive after the grace period. Children that already exited
   * are not waited for. Idempotent: every call returns the same promise.
   */
  stop(): Promise<void>;
  /** SIGKILL every child now (a second Ctrl-C); also begins stop() if not yet stopping. */
  kill(): Promise<void>;
  readonly stopping: boolean;
  /** The pid of each child that is currently running (undefined while down). */
  pid(name: string): number | undefined;
}

interface Slot {
  spec: ChildSpec;
  proc: ChildProcess | null;
  /** Resolves when `proc` has exited (or failed to spawn). */
  exited: Promise<void>;
  startedAt: number;
  /** Consecutive quick crashes: the exponent of the next delay. */
  failures: number;
  restarts: number;
  timer: NodeJS.Timeout | null;
}

function isRunning(proc: ChildProcess): boolean {
  return proc.pid !== undefined && proc.exitCode === null && proc.signalCode === null;
}

function formatDelay(ms: number): string {
  return ms < 1000 ? `${ms}ms` : `${ms / 1000}s`;
}

export function createSupervisor(specs: ChildSpec[], options: SupervisorOptions = {}): Supervisor {
  const log = options.log ?? ((message: string) => console.log(`[souk] ${message}`));
  const baseDelayMs = options.baseDelayMs ?? 1000;
  const maxDelayMs = options.maxDelayMs ?? 30_000;
  const resetAfterMs = options.resetAfterMs ?? 60_000;
  const killAfterMs = options.killAfterMs ?? 10_000;
  const stdio = options.stdio ?? 'inherit';

  const slots: Slot[] = specs.map((spec) => ({
    spec,
    proc: null,
    exited: Promise.resolve(),
    startedAt: 0,
    failures: 0,
    restarts: 0,
    timer: null,
  }));
  let stopping = false;
  let stopped: Promise<void> | null = null;

  function send(slot: Slot, signal: NodeJS.Signals): void {
    if (slot.proc && isRunning(slot.proc)) slot.proc.kill(signal);
  }

  function launch(slot: Slot): void {
    const { name, command, args, cwd, env } = slot.spec;
    const proc = spawn(command, args, { cwd, env, stdio });
    slot.proc = proc;
    slot.startedAt = Date.now();
    if (proc.pid !== undefined) log(`${name} started (pid ${proc.pid})`);
    slot.exited = new Promise((resolve) => {
      let done = false;
      const ended = (code: number | null, signal: NodeJS.Signals | null): void => {
        if (done) return;
        done = true;
        resolve();
        onExit(slot, proc, code, signal);
      };
      proc.once('exit', ended);
      proc.on('error', (error) => {
        if (proc.pid === undefined) {
          log(`${name} failed to start: ${error.message}`);
          ended(null, null);
        } else {
          log(`${name}: ${error.message}`);
        }
      });
    });
  }

  function onExit(
    slot: Slot,
    proc: ChildProcess,
    code: number | null,
    signal: NodeJS.Signals | null,
  ): void {
    if (slot.proc === proc) slot.proc = null;
    if (stopping) return;
    if (Date.now() - slot.startedAt >= resetAfterMs) slot.failures = 0;
    const delay = Math.min(baseDelayMs * 2 ** slot.failures, maxDelayMs);
    slot.failures += 1;
    slot.restarts += 1;
    const how = signal ? `signal ${signal}` : code !== null ? `code ${code}` : 'failed to start';
    log(
      `${slot.spec.name} exited (${how}); restarting in ${formatDelay(delay)} (restart ${slot.restarts})`,
    );
    slot.timer = setTimeout(() => {
      slot.timer = null;
      if (stopping) return;
      launch(slot);
    }, delay);
  }

  function forceKill(): void {
    for (const slot of slots) {
      if (slot.proc && isRunning(slot.proc))
        log(`${slot.spec.name} still running; sending SIGKILL`);
      send(slot, 'SIGKILL');
    }
  }

  function stop(): Promise<void> {
    if (stopped) return stopped;
    stopping = true;
    stopped = (async () => {
      for (const slot of slots) {
        if (slot.timer) clearTimeout(slot.timer);
        slot.timer = null;
      }
      // Only live children are waited for: one that already exited (exitCode or
      // signalCode set) has no exit event left to wait for.
      const live = slots.filter((slot) => slot.proc !== null && isRunning(slot.proc));
      const graceTimer = setTimeout(forceKill, killAfterMs);
      for (const slot of live) send(slot, 'SIGTERM');
      await Promise.all(live.map((slot) => slot.exited));
      clearTimeout(graceTimer);
    })();
    return stopped;
  }

  return {
    start() {
      for (const slot of slots) if (!slot.proc && !stopping) launch(slot);
    },
    stop,
    kill() {
      const done = stop();
      forceKill();
      return done;
    },
    get stopping() {
      return stopping;
    },
    pid(name) {
      const proc = slots.find((slot) => slot.spec.name === name)?.proc;
      return proc && isRunning(proc) ? proc.pid : undefined;
    },
  };
}
