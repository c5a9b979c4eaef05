import type { FormEvent, ReactNode } from 'react';
import { ListState, Notice, Pagination } from '@souk/ui';

export type Flash = { kind: 'error' | 'success'; text: string } | null;

export interface Paging {
  page: number;
  pageSize: number;
  onPage: (page: number) => void;
}

/** The parts of a useQuery result the shell reads. */
export interface ListResult {
  isLoading: boolean;
  error: { message: string } | null;
  data: { rows: readonly unknown[]; total: number } | undefined;
}

export function FlashNotice({ flash }: { flash: Flash }) {
  return flash ? <Notice kind={flash.kind}>{flash.text}</Notice> : null;
}

/**
 * The frame every marketplace list shares: heading, filter toolbar, notices, the
 * table with its empty/loading state, and pagination.
 */
export function ListShell({
  title,
  intro,
  filterLabel,
  filters,
  onFilter,
  flash = null,
  list,
  tableLabel,
  head,
  emptyText,
  paging,
  children,
}: {
  title: string;
  intro?: ReactNode;
  filterLabel?: string;
  filters?: ReactNode;
  /** Submit of the filter form (text filters apply on submit; selects apply at once). */
  onFilter?: () => void;
  flash?: Flash;
  list: ListResult;
  tableLabel: string;
  /** The header cells. */
  head: ReactNode;
  emptyText: string;
  paging?: Paging;
  /** The body rows. */
  children: ReactNode;
}) {
  const submit = (e: FormEvent) => {
    e.preventDefault();
    onFilter?.();
  };
  return (
    <>
      <h1>{title}</h1>
      {intro ? <p className="muted">{intro}</p> : null}
      {filters ? (
        <form
          className="toolbar"
          aria-label={filterLabel ?? `Filter ${tableLabel}`}
          onSubmit={submit}
        >
          {filters}
        </form>
      ) : null}
      <FlashNotice flash={flash} />
      <Notice kind="error">{list.error?.message}</Notice>
      <div className="table-wrap">
        <table aria-label={tableLabel}>
          <thead>
            <tr>{head}</tr>
          </thead>
          <tbody>{children}</tbody>
        </table>
        <ListState
          isLoading={list.isLoading}
          isEmpty={list.data?.rows.length === 0}
          emptyText={emptyText}
        />
      </div>
      {paging && list.data ? (
        <Pagination
          page={paging.page}
          pageSize={paging.pageSize}
          total={list.data.total}
          onPage={paging.onPage}
        />
      ) : null}
    </>
  );
}

type Option<T extends string> = T | { value: T; label: string };

/** A labelled select above a list: "All" (undefined) or one value. StatusFilter, any label. */
export function FilterSelect<T extends string>({
  id,
  label,
  value,
  options,
  onChange,
}: {
  id: string;
  label: string;
  value: T | undefined;
  options: readonly Option<T>[];
  onChange: (value: T | undefined) => void;
}) {
  return (
    <>
      <label htmlFor={id}>{label}</label>
      <select
        id={id}
        className="search-input"
        value={value ?? ''}
        onChange={(e) => onChange((e.target.value || undefined) as T | undefined)}
      >
        <option value="">All</option>
        {options.map((option) => {
          const { value: v, label: text } =
            typeof option === 'string' ? { value: option, label: option } : option;
          return (
            <option key={v} value={v}>
              {text}
            </option>
          );
        })}
      </select>
    </>
  );
}

/** A labelled text filter, applied when the toolbar form is submitted. */
export function FilterText({
  id,
  label,
  value,
  placeholder,
  onChange,
}: {
  id: string;
  label: string;
  value: string;
  placeholder?: string;
  onChange: (value: string) => void;
}) {
  return (
    <>
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        className="search-input"
        placeholder={placeholder}
        value={value}
        onChange={(e) => onChange(e.target.value)}
      />
    </>
  );
}
