// Prisma's schema engine, run as WebAssembly over our own pg connection.
// The native engine (what `prisma migrate` downloads) cannot be fetched on these
// machines; see ../../README.md and shared/notes/toolchain-facts.md for the
// pitfalls each workaround below answers.
import { AsyncLocalStorage } from 'node:async_hooks';
import { createRequire } from 'node:module';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import pg from 'pg';
import { PrismaPg } from '@prisma/adapter-pg';
import { bindMigrationAwareSqlAdapterFactory } from '@prisma/driver-adapter-utils';
import type { SchemaEngine as SchemaEngineType } from '@prisma/schema-engine-wasm';
import type * as BgModule from '@prisma/schema-engine-wasm/schema_engine_bg';

type Bindings = typeof BgModule;

// Node has WebAssembly at run time; its types live in lib.dom, which this package does not load.
interface WasmApi {
  instantiate(
    bytes: Uint8Array,
    imports: Record<string, unknown>,
  ): Promise<{ instance: { exports: Record<string, unknown> } }>;
}
const wasmApi = (globalThis as unknown as { WebAssembly: WasmApi }).WebAssembly;

let bindingsPromise: Promise<Bindings> | undefined;

// Pitfall 1: the package entry imports *.wasm, which Node cannot; instantiate it by hand.
async function loadBindings(): Promise<Bindings> {
  bindingsPromise ??= (async () => {
    const require = createRequire(import.meta.url);
    const dir = path.dirname(require.resolve('@prisma/schema-engine-wasm'));
    const bg = (await import('@prisma/schema-engine-wasm/schema_engine_bg')) as Bindings & {
      __wbg_set_wasm(exports: Record<string, unknown>): void;
    };
    (globalThis as { PRISMA_WASM_PANIC_REGISTRY?: unknown }).PRISMA_WASM_PANIC_REGISTRY = {
      set_message(message: string) {
        throw new Error(`schema engine panicked: ${message}`);
      },
    };
    const bytes = await readFile(path.join(dir, 'schema_engine_bg.wasm'));
    const { instance } = await wasmApi.instantiate(bytes, { './schema_engine_bg.js': bg });
    bg.__wbg_set_wasm(instance.exports);
    (instance.exports.__wbindgen_start as () => void)();
    return bg;
  })();
  return bindingsPromise;
}

export interface PgTarget {
  host: string;
  port: number;
  user: string;
  password: string | undefined;
  database: string;
}

export function parsePgUrl(url: string): PgTarget {
  const u = new URL(url);
  return {
    host: decodeURIComponent(u.hostname) || '127.0.0.1',
    port: Number(u.port || 5432),
    user: decodeURIComponent(u.username) || 'postgres',
    password: u.password ? decodeURIComponent(u.password) : undefined,
    database: decodeURIComponent(u.pathname.replace(/^\//, '')) || 'postgres',
  };
}

interface PatchableQueryable {
  performIO(query: unknown): Promise<{ fields: { dataTypeID: number }[] }>;
  queryRaw(query: unknown): Promise<{ columnTypes: number[] }>;
}

interface PatchableAdapter extends PatchableQueryable {
  client: { query(sql: string): Promise<unknown> };
  executeScript(script: string): Promise<void>;
  startTransaction(isolation?: unknown): Promise<unknown>;
  onError(error: unknown): never;
  dispose(): Promise<void>;
}

const PG_CHAR_OID = 18;
const PG_TEXT_OID = 25;
const COLUMN_TYPE_CHARACTER = 6; // ColumnTypeEnum.Character in @prisma/driver-adapter-utils
const charColumns = new AsyncLocalStorage<number[]>();

// Pitfall 3: the engine's introspection selects Postgres' internal "char" (OID 18),
// which the adapter rejects. Let the adapter read it as text, then hand the engine
// the Character column type it expects for those columns.
function patchQueryable(queryable: PatchableQueryable): void {
  const performIO = queryable.performIO.bind(queryable);
  const queryRaw = queryable.queryRaw.bind(queryable);
  queryable.performIO = async (query) => {
    const result = await performIO(query);
    const marks = charColumns.getStore();
    result.fields.forEach((field, index) => {
      if (field.dataTypeID !== PG_CHAR_OID) return;
      field.dataTypeID = PG_TEXT_OID;
      marks?.push(index);
    });
    return result;
  };
  queryable.queryRaw = (query) =>
    charColumns.run([], async () => {
      const result = await queryRaw(query);
      for (const index of charColumns.getStore() ?? [])
        result.columnTypes[index] = COLUMN_TYPE_CHARACTER;
      return result;
    });
}

function patchAdapter<T>(adapter: T): T {
  const a = adapter as unknown as PatchableAdapter;
  patchQueryable(a);
  // Pitfall 4: the adapter splits scripts on ';' (breaking $$ bodies) and runs the
  // pieces one by one. One simple-protocol query runs the whole script atomically.
  a.executeScript = async (script: string) => {
    try {
      await a.client.query(script);
    } catch (error) {
      a.onError(error);
    }
  };
  const startTransaction = a.startTransaction.bind(a);
  a.startTransaction = async (isolation?: unknown) => {
    const tx = (await startTransaction(isolation)) as PatchableAdapter;
    patchQueryable(tx);
    return tx;
  };
  return adapter;
}

function poolConfig(target: PgTarget): pg.PoolConfig {
  // Pitfall 2: never a connectionString (it overrides `database` for the shadow DB).
  return {
    host: target.host,
    port: target.port,
    user: target.user,
    password: target.password,
    database: target.database,
    max: 2,
  };
}

async function adminQuery(target: PgTarget, sql: string): Promise<void> {
  const client = new pg.Client({ ...poolConfig(target), database: 'postgres' });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

function adapterFactoryFor(target: PgTarget, opened: PatchableAdapter[], shadows: Set<string>) {
  const main = new PrismaPg(poolConfig(target));
  const factory = {
    provider: 'postgres' as const,
    adapterName: main.adapterName,
    async connect() {
      const adapter = patchAdapter(await main.connect());
      opened.push(adapter as unknown as PatchableAdapter);
      return adapter;
    },
    // Pitfall 2 again: our own shadow database, dropped WITH (FORCE) after its pool closes.
    async connectToShadowDb() {
      const name = `souk_shadow_${crypto.randomUUID().replace(/-/g, '')}`;
      await adminQuery(target, `CREATE DATABASE "${name}"`);
      shadows.add(name);
      const adapter = patchAdapter(
        await new PrismaPg({ ...poolConfig(target), database: name }).connect(),
      );
      const dispose = adapter.dispose.bind(adapter);
      adapter.dispose = async () => {
        await dispose();
        await adminQuery(target, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
        shadows.delete(name);
      };
      return adapter;
    },
  };
  return bindMigrationAwareSqlAdapterFactory(factory);
}

export interface EngineHandle {
  engine: SchemaEngineType;
  close(): Promise<void>;
}

export async function openEngine(
  ownerUrl: string,
  datamodels: [string, string][],
): Promise<EngineHandle> {
  const bg = await loadBindings();
  const logs: string[] = [];
  const opened: PatchableAdapter[] = [];
  const shadows = new Set<string>();
  const target = parsePgUrl(ownerUrl);
  const engine = await bg.SchemaEngine.new(
    { datamodels },
    (line: string) => logs.push(line),
    adapterFactoryFor(target, opened, shadows),
  );
  return {
    engine,
    // Freeing the engine does not close its pools; an idle connection left behind
    // would block CREATE DATABASE ... TEMPLATE and DROP DATABASE.
    close: async () => {
      engine.free();
      await Promise.all(opened.map((adapter) => adapter.dispose()));
      // Safety net: the engine disposes its shadow connection even when a migration
      // fails, but after a panic it would not, and the database would stay behind.
      for (const name of shadows) {
        await adminQuery(target, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      }
    },
  };
}
