export function SortableHeader<K extends string>({
  label,
  column,
  sort,
  order,
  onSort,
  className,
}: {
  label: string;
  column: K;
  sort: K;
  order: 'asc' | 'desc';
  onSort: (column: K, order: 'asc' | 'desc') => void;
  className?: string;
}) {
  const active = sort === column;
  const next = active && order === 'asc' ? 'desc' : 'asc';
  return (
    <th
      className={className}
      aria-sort={active ? (order === 'asc' ? 'ascending' : 'descending') : 'none'}
    >
      <button type="button" onClick={() => onSort(column, next)}>
        {label}
        {active ? (order === 'asc' ? ' ▲' : ' ▼') : ''}
      </button>
    </th>
  );
}
