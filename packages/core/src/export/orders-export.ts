import { orderListSelect, orderListWhere } from '../orders/list-orders';
import { listOrdersInput } from '../orders/schemas';
import { NEWEST_FIRST } from '../page';
import { money } from './csv-cell';
import { createdBefore } from './keyset';
import { defineListExport } from './list-export';

// The list's sort is not kept: rows come newest first, the order keyset paging can follow
// while new orders arrive during the download.
export const ordersExport = defineListExport({
  permission: 'orders.read',
  filters: listOrdersInput.omit({ page: true, pageSize: true, sort: true, order: true }),
  page: ({ tx, filters, after, take }) =>
    tx.order.findMany({
      where: { AND: [orderListWhere(filters), createdBefore(after)] },
      orderBy: NEWEST_FIRST,
      take,
      select: orderListSelect,
    }),
  keyOf: (row) => ({ at: row.createdAt, id: row.id }),
  columns: [
    { header: 'Order number', value: (o) => o.number },
    { header: 'Created at', value: (o) => o.createdAt },
    { header: 'Status', value: (o) => o.status },
    { header: 'Customer email', value: (o) => o.customerEmail },
    { header: 'Customer name', value: (o) => o.customer?.name ?? null },
    {
      header: 'Items',
      value: (o) => o.items.map((i) => `${i.quantity} × ${i.productName}`).join('; '),
    },
    { header: 'Subtotal', value: (o) => money(o.subtotalCents, o.currency) },
    { header: 'Tax', value: (o) => money(o.taxCents, o.currency) },
    { header: 'Total', value: (o) => money(o.totalCents, o.currency) },
    { header: 'Currency', value: (o) => o.currency },
    { header: 'Paid at', value: (o) => o.paidAt },
    { header: 'Customer ID', value: (o) => o.customerId },
    { header: 'Order ID', value: (o) => o.id },
  ],
});
