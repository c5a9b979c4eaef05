// Keeps the sandbox's state in one JSON file across restarts (`stateFile`): loaded on start,
// written shortly after each change and on a clean stop. Each write goes to a temporary file
// that is renamed over the old one, so a crash leaves either the old state or the new one.
import {
  closeSync,
  existsSync,
  fsyncSync,
  mkdirSync,
  openSync,
  readFileSync,
  renameSync,
  writeSync,
} from 'node:fs';
import path from 'node:path';
import { isRecord } from './params';
import { type SandboxStore } from './state';
import { type EndpointConfig } from './webhooks';

const FORMAT = 'souk-stripe-sandbox-state';
const VERSION = 1;
/** Changes within this window share one write; a busy sandbox still writes this often. */
const DEFAULT_WRITE_DELAY_MS = 200;

/**
 * Objects whose own fields are the state: every field is saved (Maps and Sets at any depth
 * included) except functions and the names in SKIPPED, so state added to the store later is
 * kept without touching this file.
 */
export type PersistedTargets = Record<string, object>;

// The store's wiring (clock, public URL, event hook) comes from the options of this start.
const SKIPPED = new Set(['options']);

function replacer(_key: string, value: unknown): unknown {
  if (value instanceof Map) return { $map: [...value.entries()] };
  if (value instanceof Set) return { $set: [...value.values()] };
  return value;
}

function reviver(_key: string, value: unknown): unknown {
  if (isRecord(value) && Object.keys(value).length === 1) {
    if (Array.isArray(value['$map'])) return new Map(value['$map'] as [unknown, unknown][]);
    if (Array.isArray(value['$set'])) return new Set(value['$set'] as unknown[]);
  }
  return value;
}

function fieldsOf(target: object): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(target)) {
    if (SKIPPED.has(key) || typeof value === 'function') continue;
    out[key] = value;
  }
  return out;
}

/** Fills the target's own collections in place: code holding a reference to them keeps it. */
function restoreInto(target: object, fields: Record<string, unknown>): void {
  const record = target as Record<string, unknown>;
  for (const [key, saved] of Object.entries(fields)) {
    if (SKIPPED.has(key) || !(key in record)) continue;
    const current = record[key];
    if (current instanceof Map && saved instanceof Map) {
      current.clear();
      for (const [k, v] of saved) current.set(k, v);
    } else if (current instanceof Set && saved instanceof Set) {
      current.clear();
      for (const v of saved) current.add(v);
    } else {
      record[key] = saved;
    }
  }
}

function serialize(targets: PersistedTargets): string {
  const state: Record<string, unknown> = {};
  for (const [name, target] of Object.entries(targets)) state[name] = fieldsOf(target);
  return JSON.stringify({ format: FORMAT, version: VERSION, savedAt: Date.now(), state }, replacer);
}

function writeAtomically(file: string, contents: string): void {
  mkdirSync(path.dirname(file), { recursive: true });
  const temp = `${file}.${process.pid}.tmp`;
  const fd = openSync(temp, 'w', 0o600);
  try {
    writeSync(fd, contents);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  renameSync(temp, file);
}

/**
 * Loads `file` into the targets. False when there is no file yet. A file this version cannot
 * read stops the start rather than being overwritten: it holds accounts vendors onboarded.
 */
export function loadSandboxState(file: string, targets: PersistedTargets): boolean {
  if (!existsSync(file)) return false;
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(file, 'utf8'), reviver);
  } catch (err) {
    throw new Error(
      `Stripe sandbox state file ${file} is not valid JSON (${(err as Error).message}); move it away to start with an empty sandbox.`,
    );
  }
  if (!isRecord(parsed) || parsed['format'] !== FORMAT || parsed['version'] !== VERSION) {
    throw new Error(
      `Stripe sandbox state file ${file} is not a version ${VERSION} sandbox state; move it away to start with an empty sandbox.`,
    );
  }
  const state = isRecord(parsed['state']) ? parsed['state'] : {};
  for (const [name, target] of Object.entries(targets)) {
    const fields = state[name];
    if (isRecord(fields)) restoreInto(target, fields);
  }
  return true;
}

export interface SandboxPersistence {
  readonly file: string;
  /** True when the start found and loaded a saved state. */
  readonly restored: boolean;
  /** Something changed: write within the delay (changes in between share the write). */
  markDirty(): void;
  /** Writes now if anything changed since the last write. */
  flush(): void;
  /** Final flush (a clean stop); later changes are not written. */
  close(): void;
}

export interface SandboxPersistenceOptions {
  delayMs?: number;
  /** A failed write (disk full, permissions) is reported and retried on the next change. */
  onError?: (error: unknown) => void;
}

/** Loads `file` into the targets, then keeps it up to date. */
export function openSandboxState(
  file: string,
  targets: PersistedTargets,
  options: SandboxPersistenceOptions = {},
): SandboxPersistence {
  const delayMs = options.delayMs ?? DEFAULT_WRITE_DELAY_MS;
  const onError =
    options.onError ??
    ((error: unknown) => {
      console.error(`stripe-sandbox: could not save state to ${file}:`, error);
    });
  const restored = loadSandboxState(file, targets);
  let dirty = false;
  let closed = false;
  let timer: NodeJS.Timeout | undefined;

  function flush(): void {
    if (timer !== undefined) {
      clearTimeout(timer);
      timer = undefined;
    }
    if (!dirty) return;
    dirty = false;
    try {
      // The store changes only synchronously, so this snapshot is never half a request.
      writeAtomically(file, serialize(targets));
    } catch (error) {
      dirty = true;
      onError(error);
    }
  }

  return {
    file,
    restored,
    markDirty() {
      if (closed) return;
      dirty = true;
      if (timer !== undefined) return;
      timer = setTimeout(flush, delayMs);
      timer.unref();
    },
    flush,
    close() {
      if (closed) return;
      flush();
      closed = true;
    },
  };
}

/**
 * A configured endpoint (start option) after a restart: the saved one with the same URL and
 * kind takes the configured secret and events, so restarts do not pile up twins that each
 * get every event. `claimed` keeps two configured endpoints from sharing one saved one.
 */
export function configureEndpoint(
  store: SandboxStore,
  endpoint: { url: string; secret: string; enabledEvents?: string[]; connect?: boolean },
  claimed: Set<string>,
): void {
  const connect = endpoint.connect ?? false;
  const enabledEvents = endpoint.enabledEvents ?? ['*'];
  const saved = [...store.endpoints.values()].find(
    (e: EndpointConfig) => e.url === endpoint.url && e.connect === connect && !claimed.has(e.id),
  );
  if (saved) {
    saved.secret = endpoint.secret;
    saved.enabledEvents = enabledEvents;
    claimed.add(saved.id);
    return;
  }
  const created = store.addEndpoint(endpoint.url, endpoint.secret, enabledEvents, connect);
  claimed.add(created.id);
}
