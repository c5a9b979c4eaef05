import Link from 'next/link';
import { formatMoney } from '@souk/core/money';
import { formatDate, formatDateTime, StatusBadge, type DataTableColumn } from '@souk/ui';

/** What the invoices list and the queue show of each invoice. */
export interface InvoiceRow {
  id: string;
  number: number;
  status: string;
  currency: string;
  totalCents: number;
  outstandingCents: number;
  issuedAt: Date;
  dueAt: Date | null;
  orderId: string;
  orderNumber: number;
  customerEmail: string;
}

export function invoiceColumns<T extends InvoiceRow>({
  sortable,
}: {
  sortable: boolean;
}): DataTableColumn<T>[] {
  return [
    {
      id: 'number',
      header: 'Invoice',
      sortable,
      cell: (i) => <Link href={`/admin/invoices/${i.id}`}>#{i.number}</Link>,
    },
    {
      id: 'issuedAt',
      header: 'Issued',
      sortable,
      cell: (i) => formatDateTime(i.issuedAt),
    },
    {
      id: 'dueAt',
      header: 'Due',
      sortable,
      cell: (i) => (i.dueAt ? formatDate(i.dueAt) : <span className="muted">At checkout</span>),
    },
    {
      id: 'customer',
      header: 'Customer',
      cell: (i) => (
        <>
          <div>{i.customerEmail}</div>
          <Link className="muted" href={`/admin/orders/${i.orderId}`}>
            Order #{i.orderNumber}
          </Link>
        </>
      ),
    },
    { id: 'status', header: 'Status', cell: (i) => <StatusBadge status={i.status} /> },
    {
      id: 'totalCents',
      header: 'Total',
      sortable,
      className: 'num',
      cell: (i) => formatMoney(i.totalCents, i.currency),
    },
    {
      id: 'outstandingCents',
      header: 'Outstanding',
      className: 'num',
      cell: (i) => formatMoney(i.outstandingCents, i.currency),
    },
  ];
}
