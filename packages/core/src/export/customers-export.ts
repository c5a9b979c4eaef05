import { customerRows, NEWEST_CUSTOMERS_FIRST } from '../customers/customer-rows';
import { listCustomersInput } from '../customers/schemas';
import { money } from './csv-cell';
import { defineListExport } from './list-export';

// The list's sort is not kept: rows come newest customer first, the order keyset paging
// can follow while orders arrive during the download.
export const customersExport = defineListExport({
  permission: 'customers.read',
  filters: listCustomersInput.omit({ page: true, pageSize: true, sort: true, order: true }),
  page: async ({ tx, filters, after, take }) =>
    (
      await customerRows({
        tx,
        search: filters.search,
        orderBy: NEWEST_CUSTOMERS_FIRST,
        limit: take,
        after,
      })
    ).rows,
  keyOf: (row) => ({ at: row.memberSince, id: row.id }),
  columns: [
    { header: 'Name', value: (c) => c.name },
    { header: 'Email', value: (c) => c.email },
    { header: 'Role', value: (c) => c.role },
    { header: 'Customer since', value: (c) => c.memberSince },
    { header: 'Orders', value: (c) => c.ordersCount },
    { header: 'Bookings', value: (c) => c.bookingsCount },
    { header: 'Lifetime value', value: (c) => money(c.lifetimeValueCents, c.currency) },
    { header: 'Currency', value: (c) => c.currency },
    { header: 'Last order at', value: (c) => c.lastOrderAt },
    { header: 'Customer ID', value: (c) => c.id },
  ],
});
