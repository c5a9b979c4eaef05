export { StatusBadge } from './status-badge';
export {
  DISPLAY_LOCALE,
  DISPLAY_TIME_ZONE,
  STATUS_WORDS,
  formatDate,
  formatDateTime,
  formatNumber,
  formatStatus,
  isoDateTime,
  statusOptions,
  statusTone,
  type KnownStatus,
  type StatusTone,
} from './format';
export { Field, fieldControlProps } from './field';
export { EmptyState } from './empty-state';
export { Notice } from './notice';
export {
  DataTable,
  type DataTableColumn,
  type DataTableProps,
  type FilterOption,
  type SelectFilter,
  type SortOrder,
  type TableFilter,
  type TableSearch,
  type TableState,
  type TableStateControl,
  type TableStatePatch,
  type TextFilter,
} from './data-table';
export { ConfirmDialog } from './confirm-dialog';
export { Dialog, DialogClose } from './dialog';
export { Menu, type MenuItem } from './menu';
export { Chart, type ChartRow, type ChartSeries } from './chart';
