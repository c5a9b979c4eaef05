// The supervisor against real child processes (tiny inline node scripts).
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  createSupervisor,
  type ChildSpec,
  type Supervisor,
  type SupervisorOptions,
} from './supervisor';

const IDLE = 'setInterval(() => {}, 1000)';

let dir: string;
let supervisors: Supervisor[] = [];
let pids: number[] = [];

beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'souk-supervisor-'));
});

afterEach(async () => {
  await Promise.all(supervisors.map((s) => s.kill()));
  supervisors = [];
  for (const pid of pids) if (alive(pid)) process.kill(pid, 'SIGKILL');
  pids = [];
  rmSync(dir, { recursive: true, force: true });
});

function child(name: string, script: string): ChildSpec {
  return { name, command: process.execPath, args: ['-e', script], cwd: dir, env: process.env };
}

function supervise(specs: ChildSpec[], options: SupervisorOptions = {}) {
  const lines: string[] = [];
  const supervisor = createSupervisor(specs, {
    baseDelayMs: 50,
    stdio: 'ignore',
    log: (line) => lines.push(line),
    ...options,
  });
  supervisors.push(supervisor);
  supervisor.start();
  return { supervisor, lines };
}

/** True while the process runs; a zombie (dead, not yet reaped by init) counts as gone. */
function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch {
    return false;
  }
  try {
    // /proc/<pid>/stat: "pid (comm) state ..."
    return !/\) Z /.test(readFileSync(`/proc/${pid}/stat`, 'utf8'));
  } catch {
    return process.platform !== 'linux';
  }
}

/** Polls until `read` returns something truthy; generous because CI is a busy 2-core box. */
async function waitFor<T>(
  read: () => T,
  what: string,
  timeoutMs = 20_000,
): Promise<NonNullable<T>> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = read();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

function runningPid(supervisor: Supervisor, name: string): Promise<number> {
  return waitFor(() => supervisor.pid(name), `${name} to run`).then((pid) => {
    pids.push(pid);
    return pid;
  });
}

// Generous: real processes on a busy 2-core CI machine.
describe('supervisor', { timeout: 60_000 }, () => {
  it('restarts a child killed with SIGKILL, announcing the restart and the new pid', async () => {
    const { supervisor, lines } = supervise([child('worker', IDLE)]);
    const first = await runningPid(supervisor, 'worker');
    expect(lines).toContain(`worker started (pid ${first})`);

    process.kill(first, 'SIGKILL');
    await waitFor(() => lines.some((l) => l.includes('restarting')), 'the restart announcement');
    const second = await waitFor(() => {
      const pid = supervisor.pid('worker');
      return pid !== undefined && pid !== first ? pid : undefined;
    }, 'a new worker pid');
    pids.push(second);

    expect(lines).toEqual([
      `worker started (pid ${first})`,
      'worker exited (signal SIGKILL); restarting in 50ms (restart 1)',
      `worker started (pid ${second})`,
    ]);
    expect(alive(first)).toBe(false);
    expect(alive(second)).toBe(true);

    await supervisor.stop();
    expect(alive(second)).toBe(false);
  });

  it('doubles the delay on each quick crash, up to the cap', async () => {
    const { supervisor, lines } = supervise([child('flaky', 'process.exit(3)')], {
      maxDelayMs: 400,
    });
    await waitFor(() => lines.some((l) => l.includes('(restart 6)')), 'six restarts');
    await supervisor.stop();

    const delays = lines
      .filter((l) => l.includes('restarting'))
      .slice(0, 6)
      .map((l) => /exited \(code 3\); restarting in (\S+) \(restart \d+\)/.exec(l)?.[1]);
    expect(delays).toEqual(['50ms', '100ms', '200ms', '400ms', '400ms', '400ms']);
  });

  it('starts the backoff afresh after a child stayed up long enough', async () => {
    // Each run lasts 300 ms, longer than resetAfterMs: every restart uses the base delay.
    const { supervisor, lines } = supervise(
      [child('steady', 'setTimeout(() => process.exit(1), 300)')],
      { resetAfterMs: 100 },
    );
    await waitFor(() => lines.some((l) => l.includes('(restart 3)')), 'three restarts');
    await supervisor.stop();

    const announced = lines.filter((l) => l.includes('restarting')).slice(0, 3);
    expect(announced).toEqual([
      'steady exited (code 1); restarting in 50ms (restart 1)',
      'steady exited (code 1); restarting in 50ms (restart 2)',
      'steady exited (code 1); restarting in 50ms (restart 3)',
    ]);
  });

  it('stop() after a child died by a signal resolves and leaves no live child', async () => {
    const { supervisor, lines } = supervise([child('worker', IDLE), child('web', IDLE)], {
      baseDelayMs: 60_000, // the restart stays pending for the whole test
      killAfterMs: 30_000, // so a resolved stop() means nothing was waited out
    });
    const worker = await runningPid(supervisor, 'worker');
    const web = await runningPid(supervisor, 'web');

    process.kill(worker, 'SIGKILL');
    await waitFor(() => lines.some((l) => l.includes('worker exited (signal SIGKILL)')), 'exit');
    const started = Date.now();
    await supervisor.stop();

    expect(Date.now() - started).toBeLessThan(15_000);
    expect(alive(worker)).toBe(false);
    expect(alive(web)).toBe(false);
    expect(supervisor.pid('worker')).toBeUndefined();
    expect(supervisor.pid('web')).toBeUndefined();
    expect(lines.filter((l) => l.startsWith('worker started'))).toHaveLength(1);
  });

  it('stop() while a restart is pending cancels it', async () => {
    const { supervisor, lines } = supervise([child('worker', IDLE)], { baseDelayMs: 300 });
    const worker = await runningPid(supervisor, 'worker');

    process.kill(worker, 'SIGKILL');
    await waitFor(() => lines.some((l) => l.includes('restarting in 300ms')), 'the restart');
    await supervisor.stop();
    // A negative check needs some time to pass: well past the 300 ms restart delay.
    await new Promise((r) => setTimeout(r, 1500));

    expect(lines.filter((l) => l.startsWith('worker started'))).toHaveLength(1);
    expect(supervisor.pid('worker')).toBeUndefined();
  });

  it('SIGKILLs a child that ignores SIGTERM after the grace period', async () => {
    const ready = path.join(dir, 'ready');
    const stubborn = `process.on('SIGTERM', () => {}); require('fs').writeFileSync(${JSON.stringify(ready)}, ''); ${IDLE}`;
    const { supervisor, lines } = supervise([child('stubborn', stubborn)], { killAfterMs: 300 });
    const pid = await runningPid(supervisor, 'stubborn');
    await waitFor(() => existsSync(ready), 'the SIGTERM handler');

    await supervisor.stop();

    expect(alive(pid)).toBe(false);
    expect(lines).toContain('stubborn still running; sending SIGKILL');
    expect(lines.some((l) => l.includes('restarting'))).toBe(false);
  });

  it('kill() (a second Ctrl-C) does not wait for the grace period', async () => {
    const ready = path.join(dir, 'ready');
    const stubborn = `process.on('SIGTERM', () => {}); require('fs').writeFileSync(${JSON.stringify(ready)}, ''); ${IDLE}`;
    const { supervisor } = supervise([child('stubborn', stubborn)], { killAfterMs: 120_000 });
    const pid = await runningPid(supervisor, 'stubborn');
    await waitFor(() => existsSync(ready), 'the SIGTERM handler');

    const stopped = supervisor.stop();
    await supervisor.kill();
    await stopped;

    expect(alive(pid)).toBe(false);
  });
});
