import type { ListExportName } from '@souk/core/export';

// The table's own state, not a filter: the export holds every row, newest first.
const NOT_FILTERS = new Set(['page', 'pageSize', 'sort', 'order']);

/**
 * The CSV download of a list with the filters its table shows: built from the table's
 * query (`useUrlTableState`), so a list's default filter, such as the payouts queue's
 * "eligible", is exported too.
 */
export function exportHref(list: ListExportName, query: object): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (NOT_FILTERS.has(key) || value === undefined || value === null || value === '') continue;
    params.set(key, String(value));
  }
  const search = params.toString();
  return `/api/export/${list}${search ? `?${search}` : ''}`;
}
