import type { OrgScope } from '../context';
import { csvCell } from '../export/csv-cell';
import { csvOptions, type CsvColumn } from '../export/export-csv';
import { stringify } from 'csv-stringify/sync';
import type { Keyset } from '../export/list-export';
import {
  ACCOUNTING_COLUMNS,
  accountingKeyOf,
  accountingPage,
  type AccountingPeriod,
  type AccountingRow,
} from './accounting-rows';

const BATCH_SIZE = 1000;
/**
 * The whole CSV as text, written by csv-stringify with the streamed downloads' options
 * (`csvOptions`) and cells through the same `csvCell`: a stored monthly file is byte for
 * byte the download of the same period.
 */
export function csvText<Row>(columns: readonly CsvColumn<Row>[], rows: Iterable<Row>): string {
  const records = [...rows].map((row) => columns.map((c) => csvCell(c.value(row))));
  return stringify(records, csvOptions(columns));
}

/**
 * The accounting CSV of a period as text, for an `export_events` row or an outbox
 * webhook: the same rows and columns as the `/api/export/accounting` download, read
 * in keyset pages of short transactions.
 */
export async function accountingCsvText({
  scope,
  period,
  batchSize = BATCH_SIZE,
}: {
  scope: OrgScope;
  period: AccountingPeriod;
  batchSize?: number;
}): Promise<{ csv: string; rowCount: number }> {
  const rows: AccountingRow[] = [];
  let after: Keyset | null = null;
  for (;;) {
    const page = await scope.transaction(({ tx }) =>
      accountingPage({ tx, period, after, take: batchSize }),
    );
    rows.push(...page);
    const last = page[page.length - 1];
    if (page.length < batchSize || !last) break;
    after = accountingKeyOf(last);
  }
  return { csv: csvText(ACCOUNTING_COLUMNS, rows), rowCount: rows.length };
}
