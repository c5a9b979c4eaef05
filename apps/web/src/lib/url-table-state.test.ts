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

describe('parseTableQuery', () => {
  it('gives the defaults for an empty query string', () => {
    expect(parseTableQuery({}, products)).toEqual({
      page: 1,
      pageSize: 20,
      sort: 'updatedAt',
      order: 'desc',
    });
  });

  it('reads page, size, sort, search and filters from a page searchParams record', () => {
    const query = parseTableQuery(
      {
        page: '3',
        pageSize: '50',
        sort: 'name',
        order: 'asc',
        search: '  growth ',
        status: 'draft',
        bookingId: ID.toUpperCase(),
        type: 'charge.refunded',
      },
      products,
    );
    expect(query).toEqual({
      page: 3,
      pageSize: 50,
      sort: 'name',
      order: 'asc',
      search: 'growth',
      status: 'draft',
      bookingId: ID,
      type: 'charge.refunded',
    });
  });

  it('reads URLSearchParams the same way as the record (server and client agree)', () => {
    const qs = 'page=2&search=abc&status=active&sort=name&order=asc';
    const record = Object.fromEntries(new URLSearchParams(qs));
    expect(parseTableQuery(new URLSearchParams(qs), products)).toEqual(
      parseTableQuery(record, products),
    );
  });

  it('ignores what cannot be a value instead of failing the page', () => {
    const query = parseTableQuery(
      {
        page: '0',
        pageSize: '1000',
        sort: 'password',
        order: 'sideways',
        status: 'deleted',
        bookingId: 'INV-42',
        search: 'x'.repeat(201),
        type: 'a\u0000b',
      },
      products,
    );
    expect(query).toEqual({ page: 1, pageSize: 20, sort: 'updatedAt', order: 'desc' });
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
