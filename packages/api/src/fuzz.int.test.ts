// Every procedure, whatever it is sent, answers in words (4xx), never a 500, and a
// refused call writes nothing. Procedures and their leaves are discovered from the router
// and the zod input schemas, so a new procedure is covered without touching this file.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TRPCError } from '@trpc/server';
import { z } from 'zod';
import { coreEnv, isSafeSchema, page, text } from '@souk/core';
import { createTestDatabase, type TestDatabase } from '@souk/db/testing';
import type { Db } from '@souk/db';
import type { SoukSession } from '@souk/auth';
import { apiEnv } from './env';
import { appRouter } from './root';
import { callerAs, seededCallers, sessionFor } from './test/harness';

type Schema = z.core.$ZodType;
type Path = (string | number)[];

interface Procedure {
  path: string;
  type: string;
  inputs: Schema[];
}

function defOf(schema: Schema): Record<string, unknown> & { type: string } {
  return schema._zod.def as never;
}

function procedures(): Procedure[] {
  const record = appRouter._def.procedures as Record<string, unknown>;
  return Object.entries(record).map(([path, proc]) => {
    const def = (proc as { _def: { type: string; inputs: Schema[]; middlewares: unknown[] } })._def;
    return { path, type: def.type, inputs: def.inputs };
  });
}

// ---------------------------------------------------------------------------------------
// The guard: every free-form leaf (string, number, date, ...) comes from @souk/core's
// validation.ts, so none can skip the NUL / length / range / year checks.

const WRAPPERS = new Set([
  'optional',
  'nullable',
  'default',
  'prefault',
  'catch',
  'readonly',
  'nonoptional',
  'success',
]);
const CLOSED = new Set(['enum', 'literal', 'boolean', 'null', 'undefined', 'void', 'never']);

const fmt = (path: Path) => (path.length === 0 ? '(input)' : path.join('.'));

function unsafeLeaves(schema: Schema, path: Path = [], ancestors: Schema[] = []): string[] {
  if (isSafeSchema(schema)) return [];
  if (ancestors.includes(schema)) return []; // a recursive (lazy) schema, already walked
  const def = defOf(schema);
  const walk = (child: unknown, at: Path) =>
    unsafeLeaves(child as Schema, at, [...ancestors, schema]);
  if (WRAPPERS.has(def.type)) return walk(def.innerType, path);
  if (CLOSED.has(def.type)) return [];
  switch (def.type) {
    case 'object': {
      const shape = def.shape as Record<string, Schema>;
      const out = Object.entries(shape).flatMap(([key, child]) => walk(child, [...path, key]));
      if (def.catchall && defOf(def.catchall as Schema).type !== 'never') {
        out.push(...walk(def.catchall, [...path, '*']));
      }
      return out;
    }
    case 'array':
      return walk(def.element, [...path, '[]']);
    case 'union':
      return (def.options as Schema[]).flatMap((option) => walk(option, path));
    case 'intersection':
      return [...walk(def.left, path), ...walk(def.right, path)];
    case 'record':
    case 'map':
      return [...walk(def.keyType, [...path, '<key>']), ...walk(def.valueType, [...path, '*'])];
    case 'set':
      return walk(def.valueType, [...path, '[]']);
    case 'tuple':
      return (def.items as Schema[]).flatMap((item, i) => walk(item, [...path, i]));
    case 'pipe':
      // A transform's output is not input; a pipe into a schema validates both ends.
      return defOf(def.out as Schema).type === 'transform'
        ? walk(def.in, path)
        : [...walk(def.in, path), ...walk(def.out, path)];
    case 'transform':
      return [];
    case 'lazy':
      return walk((def.getter as () => Schema)(), path);
    default:
      // string (and its formats: uuid, url, email, iso date), number, bigint, date, any,
      // unknown, custom, template_literal, file...: free-form, so it must be a shared one.
      return [`${fmt(path)} (${def.type})`];
  }
}

// ---------------------------------------------------------------------------------------
// Generating a valid-looking input and the leaves to break, one at a time.

type LeafKind = 'string' | 'number' | 'date' | 'closed' | 'key';
interface Leaf {
  path: Path;
  kind: LeafKind;
}

const STRING_CANDIDATES = [
  'valid-sample',
  '5b0c7c9e-7d2a-4e55-9a53-2f4c1f1d9a10',
  'https://example.test/return',
  new URL('/return', coreEnv.PUBLIC_WEB_URL).toString(),
  'someone@example.test',
  '2031-06-15',
  '2031-06-15T10:00:00.000Z',
  'image/png',
  'sk_test_abcdefgh1234',
  'whsec_abcdefgh1234',
  'A valid sample text',
];
const NUMBER_CANDIDATES = [1, 100, 0, 10_000];

function accepts(schema: Schema, value: unknown): boolean {
  return z.safeParse(schema, value).success;
}

function sample(schema: Schema, path: Path, leaves: Leaf[], optionals: Path[] = []): unknown {
  const def = defOf(schema);
  const recurse = (child: unknown, at: Path) => sample(child as Schema, at, leaves, optionals);
  if (WRAPPERS.has(def.type)) return recurse(def.innerType, path);
  switch (def.type) {
    case 'object': {
      const out: Record<string, unknown> = {};
      for (const [key, child] of Object.entries(def.shape as Record<string, Schema>)) {
        if (accepts(child, undefined)) optionals.push([...path, key]);
        out[key] = recurse(child, [...path, key]);
      }
      return out;
    }
    case 'array':
      return [recurse(def.element, [...path, 0])];
    case 'union':
      return recurse((def.options as Schema[])[0], path);
    case 'record': {
      leaves.push({ path, kind: 'key' });
      const key = STRING_CANDIDATES.find((c) => accepts(def.keyType as Schema, c)) ?? 'key';
      return { [key]: recurse(def.valueType, [...path, key]) };
    }
    case 'pipe':
      return recurse(def.in, path);
    case 'lazy':
      return recurse((def.getter as () => Schema)(), path);
    case 'enum': {
      leaves.push({ path, kind: 'closed' });
      return Object.values(def.entries as Record<string, unknown>)[0];
    }
    case 'literal':
      leaves.push({ path, kind: 'closed' });
      return (def.values as unknown[])[0];
    case 'boolean':
      leaves.push({ path, kind: 'closed' });
      return true;
    case 'number':
      leaves.push({ path, kind: 'number' });
      return NUMBER_CANDIDATES.find((c) => accepts(schema, c)) ?? 1;
    case 'date':
      leaves.push({ path, kind: 'date' });
      return new Date('2031-06-15T10:00:00.000Z');
    case 'string':
      leaves.push({ path, kind: 'string' });
      return STRING_CANDIDATES.find((c) => accepts(schema, c)) ?? 'valid-sample';
    default:
      leaves.push({ path, kind: 'string' });
      return 'valid-sample';
  }
}

type Node = Record<string | number, unknown>;

/** A copy of root with the leaf at path replaced; ancestors root left out come from sources. */
function setAt(root: unknown, path: Path, value: unknown, sources: unknown[] = []): unknown {
  if (path.length === 0) return value;
  const copy = structuredClone(root) as Node;
  let cursor = copy;
  for (const [depth, key] of path.slice(0, -1).entries()) {
    if (cursor[key] === undefined || cursor[key] === null) {
      const at = path.slice(0, depth + 1);
      const source = sources.map((s) => getAt(s, at)).find((v) => v != null);
      cursor[key] = structuredClone(source);
    }
    cursor = cursor[key] as Node;
  }
  cursor[path[path.length - 1]!] = value;
  return copy;
}

function deleteAt(root: unknown, path: Path): unknown {
  const copy = structuredClone(root) as Node;
  const parent = getAt(copy, path.slice(0, -1)) as Node | undefined;
  if (parent) delete parent[path[path.length - 1]!];
  return copy;
}

function issueCount(schema: Schema, value: unknown): number {
  const result = z.safeParse(schema, value);
  return result.success ? 0 : result.error.issues.length;
}

/**
 * A valid-looking input: every field filled in, then optional fields dropped (deepest
 * first) while the whole is still refused, e.g. a min/max value on a text custom field.
 */
function validLooking(schema: Schema, full: unknown, optionals: Path[]): unknown {
  let base = full;
  let issues = issueCount(schema, base);
  for (const path of [...optionals].reverse()) {
    if (issues === 0) break;
    const without = deleteAt(base, path);
    const remaining = issueCount(schema, without);
    if (remaining <= issues) {
      base = without;
      issues = remaining;
    }
  }
  return base;
}

/** The same with every optional field left out that can be: one leaf set, the rest bare. */
function minimal(schema: Schema, valid: unknown, optionals: Path[]): unknown {
  let base = valid;
  for (const path of [...optionals].reverse()) {
    const without = deleteAt(base, path);
    if (accepts(schema, without)) base = without;
  }
  return base;
}

const HUGE = 'x'.repeat(100_000);
const MIN_JS_DATE = new Date(-8.64e15); // -271821-04-20
const YEAR_ZERO = new Date('0000-01-01T00:00:00.000Z');

/** Malformed values for a leaf; the first two of each kind are always sent. */
function malformedFor(kind: LeafKind, valid: unknown): unknown[] {
  const asText = typeof valid === 'string' ? valid : 'valid-sample';
  const wrongTypes = [null, [], {}, 42, true];
  switch (kind) {
    case 'number':
      return [1e20, -1e20, -1, 'NaN', Number.NaN, 2_147_483_648, 0.5, ...wrongTypes.slice(0, 3)];
    case 'date':
      return [
        YEAR_ZERO,
        MIN_JS_DATE,
        '0000-01-01',
        '-271821-04-20',
        '-271821-04-20T00:00:00.000Z',
        'not a date',
        ...wrongTypes.slice(0, 3),
      ];
    case 'closed':
      return [`${asText}\u0000`, HUGE, 1e20, ...wrongTypes];
    case 'string':
    case 'key':
      return [
        `${asText}\u0000`,
        HUGE,
        '\u0000',
        `${asText}\uD800`,
        '0000-01-01',
        '-271821-04-20',
        YEAR_ZERO,
        1e20,
        ...wrongTypes,
      ];
  }
}

/**
 * Values no column of that kind can take, whatever the schema says: they are sent even
 * when a schema accepts them, and accepting one is a failure.
 */
function isPoison(kind: LeafKind, value: unknown): boolean {
  if (typeof value === 'string') {
    if (kind === 'date') return /^(0000|-271821)-/.test(value);
    return (
      value.includes('\u0000') ||
      /[\uD800-\uDBFF](?![\uDC00-\uDFFF])/.test(value) ||
      value.length > 50_000
    );
  }
  if (typeof value === 'number') {
    return kind === 'number' && (!Number.isFinite(value) || Math.abs(value) > 2 ** 31);
  }
  if (value instanceof Date && kind === 'date') {
    const year = value.getUTCFullYear();
    return Number.isNaN(year) || year < 1900 || year > 2200;
  }
  return false;
}

interface Case {
  label: string;
  input: unknown;
  poison: boolean;
}

const MAX_CASES_PER_PROCEDURE = 90;

function casesFor(schema: Schema): { cases: Case[]; baseIsValid: boolean } {
  const leaves: Leaf[] = [];
  const optionals: Path[] = [];
  const filled = sample(schema, [], leaves, optionals);
  const full = validLooking(schema, filled, optionals);
  // Leaves are broken on the bare input, so no other field (an unknown id in an optional
  // list, say) stops the call before the broken value reaches the database.
  const base = accepts(schema, full) ? minimal(schema, full, optionals) : full;
  const cases: Case[] = [42, 'x\u0000', [], null, HUGE].map((input) => ({
    label: describeValue(input),
    input,
    poison: false,
  }));
  leaves.forEach((leaf, index) => {
    const at = fmt(leaf.path);
    const valid = leaf.kind === 'key' ? undefined : getAt(filled, leaf.path);
    const values = malformedFor(leaf.kind, valid);
    // Bounded: the first two values for every leaf, then a rotating pick of the rest.
    const picks = [values[0], values[1], values[2 + (index % (values.length - 2))]];
    for (const value of picks) {
      const poison = isPoison(leaf.kind, value);
      if (leaf.kind === 'key') {
        if (typeof value !== 'string') continue;
        const record = (getAt(base, leaf.path) ?? getAt(filled, leaf.path)) as Node;
        const input = setAt(base, leaf.path, { [value]: Object.values(record)[0] }, [full, filled]);
        cases.push({ label: `${at}<key>=${describeValue(value)}`, input, poison });
      } else {
        const input = setAt(base, leaf.path, value, [full, filled]);
        cases.push({ label: `${at}=${describeValue(value)}`, input, poison });
      }
    }
  });
  // Only inputs that are malformed: refused by the schema, or poison whatever it says.
  return {
    cases: cases
      .filter((c) => c.poison || !accepts(schema, c.input))
      .slice(0, MAX_CASES_PER_PROCEDURE),
    baseIsValid: accepts(schema, base),
  };
}

function getAt(root: unknown, path: Path): unknown {
  let cursor = root as Node | undefined;
  for (const key of path) cursor = cursor?.[key] as Node | undefined;
  return cursor;
}

function describeValue(value: unknown): string {
  if (typeof value === 'string') {
    const shown = value.length > 30 ? `${value.slice(0, 10)}…(${value.length})` : value;
    return JSON.stringify(shown);
  }
  if (value instanceof Date)
    return `Date(${Number.isNaN(value.getTime()) ? 'NaN' : value.getTime()})`;
  return JSON.stringify(value) ?? String(value);
}

// ---------------------------------------------------------------------------------------

let testDb: TestDatabase;
let owner: SoukSession;

beforeAll(async () => {
  testDb = await createTestDatabase();
  await seededCallers(testDb.db);
  owner = await sessionFor(testDb.db, 'owner@souk.test');
});
afterAll(async () => {
  await testDb?.drop();
});

/** Row count and a digest of every row of every table: any write shows up. */
async function snapshot(db: Db): Promise<Record<string, string>> {
  const tables = await db.$queryRawUnsafe<{ name: string }[]>(
    `select quote_ident(table_name) as name from information_schema.tables
     where table_schema = 'public' and table_type = 'BASE TABLE' order by table_name`,
  );
  const out: Record<string, string> = {};
  for (const { name } of tables) {
    const [row] = await db.$queryRawUnsafe<{ n: number; digest: string | null }[]>(
      `select count(*)::int as n, md5(string_agg(t::text, '|' order by t::text)) as digest
       from public.${name} t`,
    );
    out[name] = `${row?.n ?? 0}:${row?.digest ?? ''}`;
  }
  return out;
}

function call(db: Db, session: SoukSession | null, path: string, input: unknown) {
  const caller = callerAs(db, session, undefined, { apiKey: apiEnv.CHECKOUT_API_KEY });
  const fn = path
    .split('.')
    .reduce<unknown>((node, key) => (node as Record<string, unknown>)[key], caller);
  return (fn as (input: unknown) => Promise<unknown>)(input);
}

async function inPool<T>(items: T[], size: number, fn: (item: T) => Promise<void>) {
  let next = 0;
  await Promise.all(
    Array.from({ length: size }, async () => {
      while (next < items.length) await fn(items[next++]!);
    }),
  );
}

describe('input guard', () => {
  it('finds raw zod leaves and passes the shared ones (self-check of the walker)', () => {
    const sampleSchema = z.object({
      name: z.string(),
      title: text({ max: 20 }).min(2, 'At least 2'),
      when: z.coerce.date(),
      items: z.array(z.object({ qty: z.number().int(), id: z.uuid() })).default([]),
      tags: z.record(z.string(), text({ max: 5 })),
      page: page(),
      kind: z.enum(['a', 'b']).optional(),
    });
    expect(unsafeLeaves(sampleSchema)).toEqual([
      'name (string)',
      'when (date)',
      'items.[].qty (number)',
      'items.[].id (string)',
      'tags.<key> (string)',
    ]);
    expect(unsafeLeaves(z.object({ ok: text({ max: 3 }).optional() }))).toEqual([]);
  });

  it('every procedure input is built from the shared schemas in @souk/core validation.ts', () => {
    const all = procedures();
    expect(all.length).toBeGreaterThan(80);
    const raw = all.flatMap((p) =>
      p.inputs.flatMap((input) => unsafeLeaves(input).map((leaf) => `${p.path}: ${leaf}`)),
    );
    expect(raw, 'use text()/slug()/uuidId()/int()/dateOnly()... from @souk/core').toEqual([]);
  });
});

describe('malformed input', () => {
  it('never answers INTERNAL_SERVER_ERROR, as the owner or anonymous, and writes nothing', async () => {
    const before = await snapshot(testDb.ownerDb);
    const withInput = procedures().filter((p) => p.inputs.length > 0);
    const generated = withInput.map((p) => ({ p, ...casesFor(p.inputs[0]!) }));
    // Without a valid-looking base every case would be refused for the wrong reason.
    expect(generated.filter((g) => !g.baseIsValid).map((g) => g.p.path)).toEqual([]);
    const jobs = generated.flatMap(({ p, cases }) =>
      cases.flatMap((c) => [
        { p, c, as: owner, who: 'owner' },
        { p, c, as: null, who: 'anonymous' },
      ]),
    );
    const failures: string[] = [];
    await inPool(jobs, 4, async ({ p, c, as, who }) => {
      try {
        await call(testDb.db, as, p.path, c.input);
        if (c.poison) failures.push(`${p.path} as ${who} with ${c.label}: accepted`);
      } catch (error) {
        const code = error instanceof TRPCError ? error.code : 'NOT_A_TRPC_ERROR';
        if (code === 'INTERNAL_SERVER_ERROR' || code === 'NOT_A_TRPC_ERROR') {
          failures.push(`${p.path} as ${who} with ${c.label}: ${code}`);
        }
      }
    });
    const after = await snapshot(testDb.ownerDb);
    const changed = Object.keys(after).filter((t) => after[t] !== before[t]);

    expect(jobs.length).toBeGreaterThan(1000);
    expect(failures, `${failures.length} of ${jobs.length} calls`).toEqual([]);
    expect(changed, 'tables written by refused calls').toEqual([]);
  }, 120_000);
});
