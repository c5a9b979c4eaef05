export { StatusBadge } from './status-badge';
export { Field, fieldControlProps } from './field';
export { Pagination } from './pagination';
export { EmptyState } from './empty-state';
export { SortableHeader } from './sortable-header';
export { Notice } from './notice';
export { ListState, StatusFilter } from './list-controls';
