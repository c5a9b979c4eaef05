'use client';

import {
  flexRender,
  functionalUpdate,
  getCoreRowModel,
  useReactTable,
  type ColumnDef,
  type ColumnFiltersState,
  type PaginationState,
  type SortingState,
  type Updater,
} from '@tanstack/react-table';
import {
  Fragment,
  useEffect,
  useId,
  useMemo,
  useRef,
  useState,
  type FormEvent,
  type ReactNode,
} from 'react';
import { Notice } from './notice';

export type SortOrder = 'asc' | 'desc';

/** What the server is asked for: the page, its size, the sort, the search and each filter. */
export interface TableState {
  page: number;
  pageSize: number;
  sort?: string;
  order?: SortOrder;
  search?: string;
  /** By filter key; undefined is "All". */
  filters: Readonly<Record<string, string | undefined>>;
}

export interface TableStatePatch {
  page?: number;
  pageSize?: number;
  sort?: string;
  order?: SortOrder;
  search?: string | undefined;
  filters?: Readonly<Record<string, string | undefined>>;
}

/**
 * Where the state lives. The web app keeps it in the URL (`useUrlTableState`); the kit
 * only reads it and asks for changes, so it never depends on a router.
 */
export interface TableStateControl {
  state: TableState;
  update: (patch: TableStatePatch) => void;
  /** The query parameter a state key is written to; the toolbar's GET form uses it. */
  paramName?: (key: string) => string;
  /** Parameters a plain GET submit of the toolbar must carry along (the sort, the page size). */
  carried?: readonly (readonly [name: string, value: string])[];
}

export interface DataTableColumn<T> {
  id: string;
  header: string;
  /** The header is read by screen readers only (an actions column). */
  hideHeader?: boolean;
  cell: (row: T) => ReactNode;
  /** Sorted by the server under this column's id; the header becomes a button. */
  sortable?: boolean;
  /** On the header and every cell, e.g. "num". */
  className?: string;
}

export type FilterOption = string | { value: string; label: string };

export interface SelectFilter {
  kind: 'select';
  key: string;
  id: string;
  label: string;
  options: readonly FilterOption[];
}

export interface TextFilter {
  kind: 'text';
  key: string;
  id: string;
  label: string;
  placeholder?: string;
  /** An error in words, or undefined; a filter with an error is not applied. */
  validate?: (value: string) => string | undefined;
}

export type TableFilter = SelectFilter | TextFilter;

export interface TableSearch {
  id: string;
  label: string;
  placeholder?: string;
}

export interface DataTableProps<T> {
  /** The table's accessible name. */
  label: string;
  columns: readonly DataTableColumn<T>[];
  /** The current page's rows; undefined until the first load. */
  data: readonly T[] | undefined;
  /** Rows across all pages. */
  total: number | undefined;
  getRowId: (row: T) => string;
  /** Sort, filter and page state; without it the table shows every row it is given. */
  control?: TableStateControl;
  search?: TableSearch;
  filters?: readonly TableFilter[];
  /** The filter form's name when there is no search box. */
  filterLabel?: string;
  /** Text of the button that applies text filters (the search box has "Search"). */
  submitLabel?: string;
  isLoading?: boolean;
  error?: string | null;
  emptyText: string;
  /** Words for the status line: [one, many]. */
  noun?: readonly [string, string];
  /** Between the toolbar and the table: notices about actions taken on rows. */
  notices?: ReactNode;
  /** A full-width row under a row (expanded details), or null. */
  renderDetail?: (row: T) => ReactNode;
  pageSizeOptions?: readonly number[];
}

const NO_ROWS: never[] = [];
const DEFAULT_PAGE_SIZES = [10, 25, 50, 100] as const;

function optionOf(option: FilterOption): { value: string; label: string } {
  return typeof option === 'string' ? { value: option, label: option } : option;
}

/**
 * A list read from the server a page at a time: TanStack Table keeps the sort, paging
 * and filter state (all manual: the server does the work), this component draws an
 * accessible table, its toolbar, a status line and the pager.
 */
export function DataTable<T>({
  label,
  columns,
  data,
  total,
  getRowId,
  control,
  search,
  filters = [],
  filterLabel,
  submitLabel = 'Filter',
  isLoading = false,
  error,
  emptyText,
  noun = ['row', 'rows'],
  notices,
  renderDetail,
  pageSizeOptions = DEFAULT_PAGE_SIZES,
}: DataTableProps<T>) {
  const state = control?.state;
  const update = control?.update;
  const paramName = control?.paramName ?? ((key: string) => key);

  const sorting: SortingState = state?.sort
    ? [{ id: state.sort, desc: state.order === 'desc' }]
    : [];
  const pagination: PaginationState = {
    pageIndex: (state?.page ?? 1) - 1,
    pageSize: state?.pageSize ?? data?.length ?? 0,
  };
  const columnFilters: ColumnFiltersState = Object.entries(state?.filters ?? {}).flatMap(
    ([id, value]) => (value === undefined ? [] : [{ id, value }]),
  );

  const columnDefs = useMemo(
    () =>
      columns.map((column): ColumnDef<T> => {
        const header = column.hideHeader
          ? () => <span className="visually-hidden">{column.header}</span>
          : column.header;
        const cell = ({ row }: { row: { original: T } }) => column.cell(row.original);
        // Sorting is done by the server; an accessor is what makes TanStack offer it.
        return column.sortable
          ? { id: column.id, header, cell, accessorFn: () => column.id, enableSorting: true }
          : { id: column.id, header, cell, enableSorting: false };
      }),
    [columns],
  );
  const columnsById = useMemo(() => new Map(columns.map((c) => [c.id, c])), [columns]);

  const table = useReactTable<T>({
    data: (data ?? NO_ROWS) as T[],
    columns: columnDefs,
    getRowId: (row) => getRowId(row),
    getCoreRowModel: getCoreRowModel(),
    manualSorting: true,
    manualPagination: true,
    manualFiltering: true,
    // Like a spreadsheet: a new column sorts ascending first, a second click flips it.
    sortDescFirst: false,
    enableSortingRemoval: false,
    enableMultiSort: false,
    rowCount: total ?? data?.length ?? 0,
    state: { sorting, pagination, columnFilters, globalFilter: state?.search ?? '' },
    onSortingChange: (updater) => {
      const [next] = functionalUpdate(updater, sorting);
      if (next) update?.({ sort: next.id, order: next.desc ? 'desc' : 'asc', page: 1 });
    },
    onPaginationChange: (updater) => {
      const next = functionalUpdate(updater, pagination);
      update?.({ page: next.pageIndex + 1, pageSize: next.pageSize });
    },
    onColumnFiltersChange: (updater) => {
      const next = functionalUpdate(updater, columnFilters);
      const values: Record<string, string | undefined> = {};
      for (const key of Object.keys(state?.filters ?? {})) values[key] = undefined;
      for (const f of next) values[f.id] = typeof f.value === 'string' ? f.value : undefined;
      update?.({ filters: values, page: 1 });
    },
    onGlobalFilterChange: (updater: Updater<string>) => {
      const next = functionalUpdate(updater, state?.search ?? '');
      update?.({ search: next || undefined, page: 1 });
    },
  });

  const [errors, setErrors] = useState<Record<string, string | undefined>>({});
  const searchRef = useFollowValue(state?.search ?? '');
  const pageSizeId = useId();
  const textFilters = filters.filter((f): f is TextFilter => f.kind === 'text');
  const hasToolbar = Boolean(search) || filters.length > 0;

  const setFilter = (key: string, value: string | undefined) =>
    table.setColumnFilters((old) => [
      ...old.filter((f) => f.id !== key),
      ...(value === undefined ? [] : [{ id: key, value }]),
    ]);

  const submit = (e: FormEvent<HTMLFormElement>) => {
    // Before hydration the form is a plain GET with the same parameters; after it, the
    // state changes here without a round trip.
    e.preventDefault();
    const formData = new FormData(e.currentTarget);
    const read = (name: string) => {
      const raw = formData.get(paramName(name));
      return typeof raw === 'string' ? raw.trim() : '';
    };
    const nextErrors: Record<string, string | undefined> = {};
    const values: Record<string, string | undefined> = {};
    for (const filter of textFilters) {
      const value = read(filter.key);
      const problem = value ? filter.validate?.(value) : undefined;
      if (problem) nextErrors[filter.key] = problem;
      values[filter.key] = value || undefined;
    }
    setErrors(nextErrors);
    if (Object.values(nextErrors).some(Boolean)) return; // the field says what is wrong
    if (search) table.setGlobalFilter(read('search'));
    if (textFilters.length > 0) {
      table.setColumnFilters((old) => [
        ...old.filter((f) => !(f.id in values)),
        ...Object.entries(values).flatMap(([id, value]) => (value ? [{ id, value }] : [])),
      ]);
    }
  };

  const pageRows = table.getRowModel().rows;
  const count = total ?? data?.length;
  const page = (state?.page ?? 1) - 1;
  const first = page * pagination.pageSize + 1;
  const last = page * pagination.pageSize + pageRows.length;
  const [one, many] = noun;
  let status = '';
  if (count !== undefined) {
    if (count === 0 || pageRows.length === 0) status = `${count} ${count === 1 ? one : many}`;
    else if (pageRows.length === count) status = `${count} ${count === 1 ? one : many}`;
    else status = `${first}–${last} of ${count} ${many}`;
  }
  const pageCount = control ? Math.max(1, table.getPageCount()) : 1;

  return (
    <>
      {hasToolbar ? (
        <form
          className="toolbar data-table-toolbar"
          role={search ? 'search' : undefined}
          aria-label={search ? undefined : filterLabel}
          method="get"
          noValidate
          onSubmit={submit}
        >
          {search ? (
            <div className="data-table-search">
              <label htmlFor={search.id} className="visually-hidden">
                {search.label}
              </label>
              <input
                id={search.id}
                ref={searchRef}
                className="search-input"
                type="search"
                // Uncontrolled, with a name: what a person types before the page hydrates
                // is kept, and a search submitted then is a plain GET the page reads back.
                name={paramName('search')}
                placeholder={search.placeholder}
                defaultValue={state?.search ?? ''}
              />
              <button type="submit">Search</button>
            </div>
          ) : null}
          {filters.map((filter) =>
            filter.kind === 'select' ? (
              <div key={filter.key} className="field data-table-filter">
                <label htmlFor={filter.id}>{filter.label}</label>
                <select
                  id={filter.id}
                  name={paramName(filter.key)}
                  className="search-input"
                  value={state?.filters[filter.key] ?? ''}
                  onChange={(e) => setFilter(filter.key, e.target.value || undefined)}
                >
                  <option value="">All</option>
                  {filter.options.map(optionOf).map(({ value, label: text }) => (
                    <option key={value} value={value}>
                      {text}
                    </option>
                  ))}
                </select>
              </div>
            ) : (
              <TextFilterField
                key={filter.key}
                filter={filter}
                name={paramName(filter.key)}
                value={state?.filters[filter.key] ?? ''}
                error={errors[filter.key]}
                onEdit={() => setErrors((old) => ({ ...old, [filter.key]: undefined }))}
              />
            ),
          )}
          {textFilters.length > 0 && !search ? <button type="submit">{submitLabel}</button> : null}
          {control?.carried?.map(([name, value]) => (
            <input key={name} type="hidden" name={name} value={value} />
          ))}
        </form>
      ) : null}
      {notices}
      <Notice kind="error">{error}</Notice>
      {/* Wide tables scroll inside their card; focusable so the keyboard can scroll it too. */}
      <div
        className="table-wrap data-table-scroll"
        role="region"
        aria-label={`${label} table`}
        tabIndex={0}
      >
        <table aria-label={label} className="data-table">
          <thead>
            {table.getHeaderGroups().map((group) => (
              <tr key={group.id}>
                {group.headers.map((header) => {
                  const column = columnsById.get(header.column.id);
                  const sorted = header.column.getIsSorted();
                  const content = flexRender(header.column.columnDef.header, header.getContext());
                  if (!header.column.getCanSort() || !control) {
                    return (
                      <th key={header.id} scope="col" className={column?.className}>
                        {content}
                      </th>
                    );
                  }
                  return (
                    <th
                      key={header.id}
                      scope="col"
                      className={column?.className}
                      aria-sort={
                        sorted === 'asc' ? 'ascending' : sorted === 'desc' ? 'descending' : 'none'
                      }
                    >
                      <button
                        type="button"
                        className="data-table-sort"
                        onClick={header.column.getToggleSortingHandler()}
                      >
                        {content}
                        <span aria-hidden="true" className="data-table-sort-mark">
                          {sorted === 'asc' ? '▲' : sorted === 'desc' ? '▼' : '↕'}
                        </span>
                      </button>
                    </th>
                  );
                })}
              </tr>
            ))}
          </thead>
          <tbody>
            {pageRows.map((row) => {
              const detail = renderDetail?.(row.original);
              return (
                <Fragment key={row.id}>
                  <tr>
                    {row.getVisibleCells().map((cell) => (
                      <td key={cell.id} className={columnsById.get(cell.column.id)?.className}>
                        {flexRender(cell.column.columnDef.cell, cell.getContext())}
                      </td>
                    ))}
                  </tr>
                  {detail === null || detail === undefined ? null : (
                    <tr className="data-table-detail">
                      <td colSpan={columns.length}>{detail}</td>
                    </tr>
                  )}
                </Fragment>
              );
            })}
          </tbody>
        </table>
        {/* Outside the table body: a list with nothing to show has no rows at all. */}
        {isLoading && data === undefined ? (
          <div className="empty">Loading…</div>
        ) : data !== undefined && data.length === 0 ? (
          <div className="empty">{emptyText}</div>
        ) : null}
      </div>
      <div className="data-table-footer">
        <p className="data-table-status" aria-live="polite">
          {status}
        </p>
        {control && count !== undefined ? (
          <nav className="pagination" aria-label={`${label} pages`}>
            <button
              type="button"
              className="button-small"
              disabled={!table.getCanPreviousPage()}
              onClick={() => table.previousPage()}
            >
              Previous
            </button>
            <span>
              Page {page + 1} of {pageCount}
            </span>
            <button
              type="button"
              className="button-small"
              disabled={!table.getCanNextPage()}
              onClick={() => table.nextPage()}
            >
              Next
            </button>
            {count > Math.min(...pageSizeOptions) ? (
              <span className="data-table-page-size">
                <label htmlFor={pageSizeId}>Rows per page</label>
                <select
                  id={pageSizeId}
                  className="search-input"
                  value={pagination.pageSize}
                  onChange={(e) => table.setPageSize(Number(e.target.value))}
                >
                  {[...new Set([...pageSizeOptions, pagination.pageSize])]
                    .sort((a, b) => a - b)
                    .map((size) => (
                      <option key={size} value={size}>
                        {size}
                      </option>
                    ))}
                </select>
              </span>
            ) : null}
          </nav>
        ) : null}
      </div>
    </>
  );
}

function TextFilterField({
  filter,
  name,
  value,
  error,
  onEdit,
}: {
  filter: TextFilter;
  name: string;
  value: string;
  error: string | undefined;
  onEdit: () => void;
}) {
  const errorId = `${filter.id}-error`;
  const ref = useFollowValue(value);
  return (
    <div className="field data-table-filter" data-invalid={error ? 'true' : undefined}>
      <label htmlFor={filter.id}>{filter.label}</label>
      <input
        id={filter.id}
        ref={ref}
        name={name}
        className="search-input"
        spellCheck={false}
        placeholder={filter.placeholder}
        defaultValue={value}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? errorId : undefined}
        onChange={onEdit}
      />
      {error ? (
        <span id={errorId} className="field-error" role="alert">
          {error}
        </span>
      ) : null}
    </div>
  );
}

/**
 * An uncontrolled text box that follows its value when the state changes from elsewhere
 * (a link that sets the filter). Not on mount: what was typed before hydration stays.
 */
function useFollowValue(value: string) {
  const ref = useRef<HTMLInputElement>(null);
  const previous = useRef(value);
  useEffect(() => {
    if (previous.current === value) return;
    previous.current = value;
    const input = ref.current;
    if (input && input.value.trim() !== value) input.value = value;
  }, [value]);
  return ref;
}
