'use client';

import { useState } from 'react';
import type { DataTableColumn } from '@souk/ui';

/**
 * A column of buttons that open a row's details under it (the table's `renderDetail`),
 * one row at a time.
 */
export function useRowDetail<T extends { id: string }>(button: {
  id: string;
  header: string;
  show: string;
  hide: string;
}) {
  const [open, setOpen] = useState<string | null>(null);
  const column: DataTableColumn<T> = {
    id: button.id,
    header: button.header,
    hideHeader: true,
    cell: (row) => (
      <button
        type="button"
        className="button-small"
        aria-expanded={open === row.id}
        onClick={() => setOpen(open === row.id ? null : row.id)}
      >
        {open === row.id ? button.hide : button.show}
      </button>
    ),
  };
  return { column, isOpen: (row: T) => open === row.id };
}
