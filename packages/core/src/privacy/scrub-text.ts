import type { Tx } from '@souk/db';
import { ERASED } from './subject';

// Tables whose text is handled row by row, never by the blanket scrub: a pending request
// must keep its email until the erasure that reads it has completed.
// The catalogue is the org's own writing, never a person's data: a customer called "Rose"
// must not take the word out of a product named "Rose Bouquet".
const SKIPPED_TABLES = new Set([
  'data_requests',
  'products',
  'product_option_groups',
  'product_options',
  'product_add_ons',
  'product_custom_fields',
  'product_subscription_plans',
  'event_templates',
]);
// A tombstoned upload's storage key is what its retried delete needs; erased once deleted.
const SKIPPED_COLUMNS = new Set(['uploads.key']);

const MIN_NEEDLE = 3;

/** A case-insensitive Postgres regular expression matching any of the needles literally. */
export function needlePattern(needles: readonly string[]): string | null {
  const usable = [...new Set(needles.map((n) => n.trim()).filter((n) => n.length >= MIN_NEEDLE))];
  if (usable.length === 0) return null;
  // Longest first, so an email wins over a name inside it.
  usable.sort((a, b) => b.length - a.length);
  const alternatives = usable.map((n) => n.replace(/[\\^$.|?*+()[\]{}]/g, '\\$&')).join('|');
  // Whole words only: erasing "Ann" must leave "Annual plan" alone.
  return `(?<![[:alnum:]_])(?:${alternatives})(?![[:alnum:]_])`;
}

export interface TextColumn {
  table: string;
  column: string;
  dataType: string;
}

/**
 * Every text, varchar, json and jsonb column of the tenant tables (those with `orgId`), read
 * from the catalogue so a table added later is covered without touching this file.
 */
export async function tenantTextColumns(tx: Tx): Promise<Map<string, TextColumn[]>> {
  const rows = await tx.$queryRaw<{ table: string; column: string; dataType: string }[]>`
    SELECT c.table_name AS "table", c.column_name AS "column", c.data_type AS "dataType"
    FROM information_schema.columns c
    WHERE c.table_schema = 'public'
      AND c.data_type IN ('text', 'character varying', 'json', 'jsonb')
      AND EXISTS (
        SELECT 1 FROM information_schema.columns o
        WHERE o.table_schema = 'public' AND o.table_name = c.table_name AND o.column_name = 'orgId')
    ORDER BY c.table_name, c.ordinal_position`;
  const byTable = new Map<string, TextColumn[]>();
  for (const row of rows) {
    if (SKIPPED_TABLES.has(row.table) || SKIPPED_COLUMNS.has(`${row.table}.${row.column}`)) {
      continue;
    }
    byTable.set(row.table, [...(byTable.get(row.table) ?? []), row]);
  }
  return byTable;
}

const quote = (identifier: string) => `"${identifier.replace(/"/g, '""')}"`;

/**
 * Replaces every occurrence of the pattern in one table's text and JSON columns (this org's
 * rows only: RLS) with `[erased]`. Inside JSON the replacement is plain text in a string, so
 * the document stays valid. Returns the number of rows changed.
 */
export async function scrubTable(
  tx: Tx,
  table: string,
  columns: readonly TextColumn[],
  pattern: string,
): Promise<number> {
  const sets = columns.map(({ column, dataType }) => {
    const col = quote(column);
    const cast = dataType === 'json' ? '::json' : dataType === 'jsonb' ? '::jsonb' : '';
    return `${col} = CASE WHEN ${col}::text ~* $1 THEN regexp_replace(${col}::text, $1, $2, 'gi')${cast} ELSE ${col} END`;
  });
  const where = columns.map(({ column }) => `${quote(column)}::text ~* $1`).join(' OR ');
  // Identifiers come from the catalogue, quoted; the pattern and replacement are parameters.
  return tx.$executeRawUnsafe(
    `UPDATE ${quote(table)} SET ${sets.join(', ')} WHERE ${where}`,
    pattern,
    ERASED,
  );
}

/**
 * Names and phone numbers a processor event carries about the payer (Stripe's
 * `customer_details`, `billing_details`, `shipping`): erased wherever else they appear too.
 */
export function payerDetails(payload: unknown): string[] {
  const found: string[] = [];
  const DETAIL_KEYS = new Set([
    'customer_details',
    'billing_details',
    'shipping',
    'shipping_details',
  ]);
  const walk = (v: unknown, inDetails: boolean): void => {
    if (Array.isArray(v)) return v.forEach((item) => walk(item, inDetails));
    if (!v || typeof v !== 'object') return;
    for (const [key, inner] of Object.entries(v)) {
      if (inDetails && (key === 'name' || key === 'phone') && typeof inner === 'string') {
        found.push(inner);
      } else walk(inner, inDetails || DETAIL_KEYS.has(key));
    }
  };
  walk(payload, false);
  return found;
}
