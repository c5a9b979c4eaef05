import { describe, expect, it } from 'vitest';
import {
  defineTableSpec,
  idFilterProblem,
  parseTableQuery,
  readTableState,
  tableQuery,
  writeTableState,
} from './url-table-state';

const products = defineTableSpec({
  pageSize: 20,
  sort: { columns: ['name', 'updatedAt'], default: 'updatedAt', order: 'desc' },
  search: true,
  filters: { status: ['active', 'draft'], bookingId: 'uuid', type: 'text' },
});

const payouts = defineTableSpec({
  pageSize: 25,
  filters: { status: ['eligible', 'paid'] },
  defaults: { status: 'eligible' },
});

const ID = '0b8e4c3a-9d7e-4c1b-8a51-3f2d6e7a9b10';

const DEFAULTS = { page: 1, pageSize: 20, sort: 'updatedAt', order: 'desc' };

// Each parameter of `products`: what a person may type, what is read from it, and a
// value that cannot be one (dropped, so the default stands).
const PARAMS = [
  ['page', '3', 3, '0'],
  ['pageSize', '50', 50, '1000'],
  ['sort', 'name', 'name', 'password'],
  ['order', 'asc', 'asc', 'sideways'],
  ['search', '  growth ', 'growth', 'x'.repeat(201)],
  ['status', 'draft', 'draft', 'deleted'],
  ['bookingId', ID.toUpperCase(), ID, 'INV-42'],
  ['type', 'charge.refunded', 'charge.refunded', 'a\u0000b'],
] as const;

describe('parseTableQuery', () => {
  it('gives the defaults for an empty query string', () => {
    expect(parseTableQuery({}, products)).toEqual(DEFAULTS);
  });

  it('reads page, size, sort, search and filters from a page searchParams record', () => {
    const record = Object.fromEntries(PARAMS.map(([name, typed]) => [name, typed]));
    expect(parseTableQuery(record, products)).toEqual(
      Object.fromEntries(PARAMS.map(([name, , read]) => [name, read])),
    );
  });

  it('reads URLSearchParams the same way as the record (server and client agree)', () => {
    const qs = 'page=2&search=abc&status=active&sort=name&order=asc';
    const record = Object.fromEntries(new URLSearchParams(qs));
    expect(parseTableQuery(new URLSearchParams(qs), products)).toEqual(
      parseTableQuery(record, products),
    );
  });

  it('ignores what cannot be a value instead of failing the page', () => {
    const record = Object.fromEntries(PARAMS.map(([name, , , refused]) => [name, refused]));
    expect(parseTableQuery(record, products)).toEqual(DEFAULTS);
  });

  it.each(PARAMS)('drops a %s it cannot read on its own too', (name, _typed, _read, refused) => {
    expect(parseTableQuery({ [name]: refused }, products)).toEqual(DEFAULTS);
  });

  it('takes the first of repeated parameters', () => {
    expect(parseTableQuery({ status: ['draft', 'active'] }, products)).toMatchObject({
      status: 'draft',
    });
  });

  it('uses a default filter when the URL names none, and "All" when it names it empty', () => {
    expect(parseTableQuery({}, payouts)).toEqual({ page: 1, pageSize: 25, status: 'eligible' });
    expect(parseTableQuery({ status: '' }, payouts)).toEqual({ page: 1, pageSize: 25 });
    expect(parseTableQuery({ status: 'paid' }, payouts)).toMatchObject({ status: 'paid' });
  });

  it('reads prefixed parameters for a second list on the page', () => {
    const runs = defineTableSpec({ pageSize: 10, prefix: 'runs' });
    expect(parseTableQuery({ page: '4', runsPage: '2' }, runs)).toEqual({ page: 2, pageSize: 10 });
  });
});

describe('writeTableState', () => {
  it('writes only what differs from the defaults and keeps other parameters', () => {
    const params = new URLSearchParams('deleted=1&page=3');
    const state = readTableState(params, products);
    writeTableState(
      params,
      { ...state, page: 1, search: 'growth', filters: { status: 'draft' } },
      products,
    );
    expect(params.toString()).toBe('deleted=1&search=growth&status=draft');
  });

  it('round-trips through the URL', () => {
    const state = readTableState(
      { page: '2', sort: 'name', order: 'asc', status: 'active', search: 'x' },
      products,
    );
    const params = new URLSearchParams();
    writeTableState(params, state, products);
    expect(tableQuery(readTableState(params, products), products)).toEqual(
      tableQuery(state, products),
    );
  });

  it('writes "All" explicitly where the list has a default filter', () => {
    const params = new URLSearchParams();
    writeTableState(params, { page: 1, pageSize: 25, filters: { status: undefined } }, payouts);
    expect(params.toString()).toBe('status=');
    writeTableState(params, { page: 1, pageSize: 25, filters: { status: 'eligible' } }, payouts);
    expect(params.toString()).toBe('');
  });
});

describe('idFilterProblem', () => {
  it('names a malformed id in words and accepts a whole uuid in any case', () => {
    expect(idFilterProblem('invoice')(ID)).toBeUndefined();
    expect(idFilterProblem('booking')(` ${ID.toUpperCase()} `)).toBeUndefined();
    expect(idFilterProblem('invoice')('INV-0042')).toBe(
      'Not an invoice id: paste the whole id (36 characters with dashes).',
    );
    expect(idFilterProblem('booking')(`${ID}x`)).toMatch(/^Not a booking id/);
  });
});
