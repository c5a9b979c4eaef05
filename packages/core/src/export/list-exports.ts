import { accountingExport } from '../finance/accounting-export';
import { auditExport } from './audit-export';
import { bookingsExport } from './bookings-export';
import { checkoutSessionsExport } from './checkout-sessions-export';
import { customersExport } from './customers-export';
import { profitAndLossExport, taxReportExport } from './finance-report-exports';
import type { ListExport } from './list-export';
import { ordersExport } from './orders-export';
import { outboxExport } from './outbox-export';
import { paymentEventsExport } from './payment-events-export';
import { payoutsExport } from './payouts-export';
import { productsExport } from './products-export';
import { vendorsExport } from './vendors-export';

/** Every admin list that can be downloaded as CSV, by its name in `/api/export/<name>`. */
const LIST_EXPORTS = {
  products: productsExport,
  audit: auditExport,
  outbox: outboxExport,
  'checkout-sessions': checkoutSessionsExport,
  'payment-events': paymentEventsExport,
  vendors: vendorsExport,
  bookings: bookingsExport,
  payouts: payoutsExport,
  customers: customersExport,
  orders: ordersExport,
  'tax-report': taxReportExport,
  'profit-and-loss': profitAndLossExport,
  accounting: accountingExport,
} satisfies Record<string, ListExport>;

export type ListExportName = keyof typeof LIST_EXPORTS;

export function listExportNamed(name: string): ListExport | undefined {
  // Own keys only: "constructor" or "__proto__" from a URL must not find anything.
  return Object.hasOwn(LIST_EXPORTS, name) ? LIST_EXPORTS[name as ListExportName] : undefined;
}
