import { z } from 'zod';
import type { SortOrder, TableState } from '@souk/ui';

/**
 * A list's state in the query string (`?page=2&sort=name&order=asc&search=x&status=draft`),
 * read the same way by the server page (for its prefetch) and by the client table, so the
 * first page arrives with the HTML and a link or a reload shows the same rows.
 */

/** Allowed values of a select filter, free text, or an id (a uuid; anything else is ignored). */
export type FilterKind = readonly string[] | 'text' | 'uuid';

export interface TableSpec {
  pageSize: number;
  maxPageSize?: number;
  sort?: { columns: readonly string[]; default: string; order: SortOrder };
  search?: boolean;
  filters?: Readonly<Record<string, FilterKind>>;
  /** A filter's value when the URL does not name it (the payouts queue is "eligible"). */
  defaults?: Readonly<Record<string, string>>;
  /** Prefixes every parameter, for a second list on the same page. */
  prefix?: string;
}

type FilterValue<K> = K extends readonly (infer V)[] ? V : string;
type SortPart<T> = T extends { sort: { columns: readonly (infer S)[] } }
  ? { sort: S; order: SortOrder }
  : unknown;
type SearchPart<T> = T extends { search: true } ? { search?: string } : unknown;
type FilterPart<T> = T extends { filters: infer F }
  ? { [K in keyof F]?: FilterValue<F[K]> }
  : unknown;

/** The procedure input a spec describes: page, pageSize, and sort, search and filters if any. */
export type TableQuery<T extends TableSpec> = { page: number; pageSize: number } & SortPart<T> &
  SearchPart<T> &
  FilterPart<T>;

export function defineTableSpec<const T extends TableSpec>(spec: T): T {
  return spec;
}

/** `searchParams` of a page, or the URLSearchParams of the browser. */
type Params =
  Pick<URLSearchParams, 'get'> | Readonly<Record<string, string | string[] | undefined>>;

const MAX_TEXT = 200;
const uuid = z.uuid();

function getter(params: Params): (name: string) => string | null {
  if (typeof params.get === 'function') {
    const search = params as Pick<URLSearchParams, 'get'>;
    return (name) => search.get(name);
  }
  const record = params as Readonly<Record<string, string | string[] | undefined>>;
  return (name) => {
    const value = record[name];
    return (Array.isArray(value) ? value[0] : value) ?? null;
  };
}

function wholeNumber(raw: string | null, min: number, max: number): number | undefined {
  if (raw === null || !/^\d{1,6}$/.test(raw)) return undefined;
  const value = Number(raw);
  return value >= min && value <= max ? value : undefined;
}

/** A filter value from the URL, or undefined when it cannot be one (never an error page). */
function filterValue(kind: FilterKind, raw: string): string | undefined {
  const value = raw.trim();
  if (!value || value.length > MAX_TEXT || value.includes('\u0000')) return undefined;
  if (kind === 'text') return value;
  if (kind === 'uuid') return uuid.safeParse(value).success ? value.toLowerCase() : undefined;
  return kind.includes(value) ? value : undefined;
}

/**
 * The check for a typed id filter, with the same rule as the URL and the API (a uuid): a
 * malformed id is explained next to its field and never sent. `noun`: "invoice", "booking".
 */
export function idFilterProblem(noun: string): (value: string) => string | undefined {
  const article = /^[aeiou]/i.test(noun) ? 'an' : 'a';
  return (value) =>
    uuid.safeParse(value.trim()).success
      ? undefined
      : `Not ${article} ${noun} id: paste the whole id (36 characters with dashes).`;
}

export function nameOf(spec: TableSpec, key: string): string {
  return spec.prefix ? `${spec.prefix}${key[0]?.toUpperCase() ?? ''}${key.slice(1)}` : key;
}

/** The kit's view of the state: sort, search and filters as plain strings. */
export function readTableState(params: Params, spec: TableSpec): TableState {
  const get = getter(params);
  const read = (key: string) => get(nameOf(spec, key));
  const state: TableState = {
    page: wholeNumber(read('page'), 1, 100_000) ?? 1,
    pageSize: wholeNumber(read('pageSize'), 1, spec.maxPageSize ?? 100) ?? spec.pageSize,
    filters: {},
  };
  if (spec.sort) {
    const sort = read('sort');
    const order = read('order');
    state.sort = sort && spec.sort.columns.includes(sort) ? sort : spec.sort.default;
    state.order = order === 'asc' || order === 'desc' ? order : spec.sort.order;
  }
  if (spec.search) {
    const search = filterValue('text', read('search') ?? '');
    if (search) state.search = search;
  }
  const filters: Record<string, string | undefined> = {};
  for (const [key, kind] of Object.entries(spec.filters ?? {})) {
    const raw = read(key);
    // Present but empty is "All", even where the list has a default.
    filters[key] = raw === null ? spec.defaults?.[key] : filterValue(kind, raw);
  }
  state.filters = filters;
  return state;
}

/** The procedure input for a state: only the keys that have a value. */
export function tableQuery<T extends TableSpec>(state: TableState, spec: T): TableQuery<T> {
  const query: Record<string, unknown> = { page: state.page, pageSize: state.pageSize };
  if (spec.sort) {
    query.sort = state.sort ?? spec.sort.default;
    query.order = state.order ?? spec.sort.order;
  }
  if (spec.search && state.search) query.search = state.search;
  for (const [key, value] of Object.entries(state.filters)) {
    if (value !== undefined) query[key] = value;
  }
  return query as TableQuery<T>;
}

/** Reads a page's `searchParams` (server) into the procedure input its table will ask for. */
export function parseTableQuery<T extends TableSpec>(params: Params, spec: T): TableQuery<T> {
  return tableQuery(readTableState(params, spec), spec);
}

/** Writes a state into `params`, leaving out what equals the defaults; other parameters stay. */
export function writeTableState(params: URLSearchParams, state: TableState, spec: TableSpec): void {
  const set = (key: string, value: string | undefined) => {
    if (value === undefined) params.delete(nameOf(spec, key));
    else params.set(nameOf(spec, key), value);
  };
  set('page', state.page > 1 ? String(state.page) : undefined);
  set('pageSize', state.pageSize !== spec.pageSize ? String(state.pageSize) : undefined);
  if (spec.sort) {
    const isDefault = state.sort === spec.sort.default && state.order === spec.sort.order;
    set('sort', isDefault ? undefined : state.sort);
    set('order', isDefault ? undefined : state.order);
  }
  if (spec.search) set('search', state.search || undefined);
  for (const key of Object.keys(spec.filters ?? {})) {
    const value = state.filters[key];
    const fallback = spec.defaults?.[key];
    if (value === fallback) set(key, undefined);
    else set(key, value ?? ''); // "All" where the list has a default: say so
  }
}
