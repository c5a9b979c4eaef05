import { EmptyState } from './empty-state';

type Option<T extends string> = T | { value: T; label: string };

/** The "Status" select above a list: "All" (undefined) or one status. */
export function StatusFilter<T extends string>({
  id,
  value,
  options,
  onChange,
}: {
  id: string;
  value: T | undefined;
  options: readonly Option<T>[];
  onChange: (value: T | undefined) => void;
}) {
  return (
    <>
      <label htmlFor={id}>Status</label>
      <select
        id={id}
        className="search-input"
        value={value ?? ''}
        onChange={(e) => onChange((e.target.value || undefined) as T | undefined)}
      >
        <option value="">All</option>
        {options.map((option) => {
          const { value: v, label } =
            typeof option === 'string' ? { value: option, label: option } : option;
          return (
            <option key={v} value={v}>
              {label}
            </option>
          );
        })}
      </select>
    </>
  );
}

/** What a list shows instead of rows: its empty message, or that it is loading. */
export function ListState({
  isLoading,
  isEmpty,
  emptyText,
}: {
  isLoading: boolean;
  isEmpty: boolean;
  emptyText: string;
}) {
  if (isLoading) return <EmptyState>Loading…</EmptyState>;
  return isEmpty ? <EmptyState>{emptyText}</EmptyState> : null;
}
