import type { ReactNode } from 'react';
import { EmptyState } from '@souk/ui';

export interface ListColumn<T> {
  header: string;
  /** The header is read by screen readers only (an actions column). */
  hideHeader?: boolean;
  /** On the header and every cell, e.g. "num". */
  className?: string;
  cell: (row: T) => ReactNode;
}

export interface ListTableProps<T> {
  /** Names the region and the table. */
  label: string;
  columns: readonly ListColumn<T>[];
  rows: readonly T[];
  /** Shown under the headers when there are no rows. */
  emptyText?: string;
}

/**
 * A short list shown whole (no paging, no sorting: `DataTable` is for those), in a region
 * that scrolls sideways on a narrow screen. Renders on the server as well as in the browser.
 */
export function ListTable<T extends { id: string }>({
  label,
  columns,
  rows,
  emptyText,
}: ListTableProps<T>) {
  return (
    <div className="table-wrap" role="region" aria-label={label} tabIndex={0}>
      <table aria-label={label}>
        <thead>
          <tr>
            {columns.map((column) => (
              <th key={column.header} className={column.className}>
                {column.hideHeader ? (
                  <span className="visually-hidden">{column.header}</span>
                ) : (
                  column.header
                )}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.id}>
              {columns.map((column) => (
                <td key={column.header} className={column.className}>
                  {column.cell(row)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
      {rows.length === 0 && emptyText ? <EmptyState>{emptyText}</EmptyState> : null}
    </div>
  );
}
