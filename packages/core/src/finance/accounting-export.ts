import { defineListExport } from '../export/list-export';
import {
  ACCOUNTING_COLUMNS,
  accountingFilters,
  accountingKeyOf,
  accountingPage,
  periodOfFilters,
} from './accounting-rows';

/**
 * Spec 002 "Accounting export v1": `/api/export/accounting?from=&to=&status=…`, one row
 * per invoice with its stored snapshot totals, succeeded payments and balance. Only
 * reachable through `@souk/core/export` (csv-stringify stays out of the worker).
 */
export const accountingExport = defineListExport({
  permission: 'finance.read',
  filters: accountingFilters,
  page: ({ tx, filters, after, take }) =>
    accountingPage({ tx, period: periodOfFilters(filters), after, take }),
  keyOf: accountingKeyOf,
  columns: ACCOUNTING_COLUMNS,
});
