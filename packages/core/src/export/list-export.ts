import type { z } from 'zod';
import type { Tx } from '@souk/db';
import type { OrgScope } from '../context';
import { AppError, fieldErrorsOf } from '../errors';
import { exportCsv, type CsvColumn } from './export-csv';

/** Rows per keyset page; each page is read in a transaction of its own. */
export const EXPORT_BATCH_SIZE = 1000;

/** The permission of the list procedure an export mirrors (names from @souk/auth's table). */
export type ExportPermission =
  | 'catalog.read'
  | 'audit.read'
  | 'outbox.read'
  | 'checkout.read'
  | 'payments.read'
  | 'marketplace.read'
  | 'customers.read'
  | 'orders.read'
  | 'finance.read';

/** A URL's query: a parameter given more than once (`?status=a&status=b`) arrives as a list. */
export type ExportFilters = Readonly<Record<string, string | readonly string[]>>;

/** Where a page ends in a newest-first list: its last row's timestamp and id. */
export interface Keyset {
  at: Date;
  id: string;
}

export interface ListExportDefinition<Filters, Row> {
  permission: ExportPermission;
  /** The list procedure's own input schema without its paging. */
  filters: z.ZodType<Filters>;
  /**
   * Up to `take` rows after `after` (null: from the start), newest first with the id
   * breaking ties: keyset paging, so the hundredth page costs what the first does.
   */
  page(options: { tx: Tx; filters: Filters; after: Keyset | null; take: number }): Promise<Row[]>;
  keyOf(row: Row): Keyset;
  columns: readonly CsvColumn<Row>[];
}

export interface ListExport {
  readonly permission: ExportPermission;
  /**
   * The list as CSV for the scope's org (RLS applies). Bad filters throw
   * AppError('BAD_REQUEST') naming the filter, before anything is read.
   */
  open(options: {
    scope: OrgScope;
    filters: ExportFilters;
    batchSize?: number;
  }): ReadableStream<Uint8Array>;
}

export function defineListExport<Filters, Row>(
  definition: ListExportDefinition<Filters, Row>,
): ListExport {
  return {
    permission: definition.permission,
    open({ scope, filters, batchSize = EXPORT_BATCH_SIZE }) {
      const parsed = definition.filters.safeParse(withoutEmpty(filters));
      if (!parsed.success) {
        const fieldErrors = fieldErrorsOf(parsed.error) ?? {};
        const problems = Object.entries(fieldErrors).map(
          ([field, messages]) => `the ${field} filter: ${messages.join(', ')}`,
        );
        throw new AppError('BAD_REQUEST', `Cannot export with ${problems.join('; ')}`, {
          fieldErrors,
        });
      }
      return exportCsv({
        columns: definition.columns,
        batches: keysetPages(scope, definition, parsed.data, batchSize),
      });
    },
  };
}

// In the list URLs an empty filter means "All" (url-table-state.ts), so it is no filter here.
function withoutEmpty(filters: ExportFilters): Record<string, string | readonly string[]> {
  return Object.fromEntries(
    Object.entries(filters)
      .map(
        ([key, value]) => [key, typeof value === 'string' ? value : value.filter(Boolean)] as const,
      )
      .filter(([, value]) => value.length > 0),
  );
}

async function* keysetPages<Filters, Row>(
  scope: OrgScope,
  definition: ListExportDefinition<Filters, Row>,
  filters: Filters,
  take: number,
): AsyncGenerator<Row[]> {
  let after: Keyset | null = null;
  for (;;) {
    // A short transaction per page: a slow download never holds one open.
    const rows = await scope.transaction(({ tx }) => definition.page({ tx, filters, after, take }));
    if (rows.length > 0) yield rows;
    if (rows.length < take) return;
    const last = rows[rows.length - 1];
    after = last ? definition.keyOf(last) : null;
  }
}
