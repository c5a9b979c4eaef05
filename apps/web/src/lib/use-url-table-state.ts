'use client';

import { usePathname, useSearchParams } from 'next/navigation';
import { useCallback, useMemo } from 'react';
import type { TableState, TableStateControl, TableStatePatch } from '@souk/ui';
import {
  nameOf,
  readTableState,
  tableQuery,
  writeTableState,
  type TableSpec,
} from './url-table-state';

function merge(state: TableState, patch: TableStatePatch): TableState {
  return { ...state, ...patch, filters: { ...state.filters, ...patch.filters } };
}

/**
 * The state of one list in the URL, for DataTable. Changes replace the URL through the
 * History API, which Next's router picks up (useSearchParams follows): the table refetches
 * on the client without a server round trip, and the controls never snap back while one runs.
 */
export function useUrlTableState<const T extends TableSpec>(spec: T) {
  const searchParams = useSearchParams();
  const pathname = usePathname();
  const state = useMemo(() => readTableState(searchParams, spec), [searchParams, spec]);
  const query = useMemo(() => tableQuery(state, spec), [state, spec]);

  const update = useCallback(
    (patch: TableStatePatch) => {
      // From the URL as it is now, so two changes in one event both land.
      const params = new URLSearchParams(window.location.search);
      writeTableState(params, merge(readTableState(params, spec), patch), spec);
      const search = params.toString();
      window.history.replaceState(null, '', search ? `${pathname}?${search}` : pathname);
    },
    [pathname, spec],
  );

  const control: TableStateControl = useMemo(() => {
    const carried: [string, string][] = [];
    for (const key of ['pageSize', 'sort', 'order']) {
      const value = searchParams.get(nameOf(spec, key));
      if (value !== null) carried.push([nameOf(spec, key), value]);
    }
    return { state, update, paramName: (key) => nameOf(spec, key), carried };
  }, [searchParams, spec, state, update]);

  return { query, control };
}
