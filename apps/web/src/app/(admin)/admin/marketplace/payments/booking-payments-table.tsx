'use client';

import { keepPreviousData, useQuery } from '@tanstack/react-query';
import Link from 'next/link';
import { formatMoney } from '@souk/core/money';
import { DataTable, StatusBadge, type DataTableColumn } from '@souk/ui';
import type { RouterOutputs } from '@souk/api';
import { useUrlTableState } from '@/lib/use-url-table-state';
import { useTRPC } from '@/trpc/react';
import { dateTime } from '../_components/format';
import { PAYMENT_STATUSES } from '../_components/options';
import { BOOKING_PAYMENTS_TABLE } from '../_components/table-specs';

type Payment = RouterOutputs['marketplace']['admin']['listPayments']['items'][number];

const COLUMNS: DataTableColumn<Payment>[] = [
  {
    id: 'booking',
    header: 'Booking #',
    cell: (payment) => (
      <Link href={`/admin/marketplace/bookings/${payment.bookingId}`}>
        #{payment.booking.number}
      </Link>
    ),
  },
  { id: 'kind', header: 'Kind', cell: (payment) => payment.kind },
  {
    id: 'amount',
    header: 'Amount',
    className: 'num',
    cell: (payment) => formatMoney(payment.amountCents, payment.currency),
  },
  {
    id: 'refunded',
    header: 'Refunded',
    className: 'num',
    cell: (payment) => formatMoney(payment.amountRefundedCents, payment.currency),
  },
  { id: 'status', header: 'Status', cell: (payment) => <StatusBadge status={payment.status} /> },
  { id: 'failure', header: 'Failure', cell: (payment) => payment.failureMessage ?? '' },
  {
    id: 'paymentIntent',
    header: 'PaymentIntent',
    cell: (payment) => <code>{payment.processorPaymentIntentId}</code>,
  },
  { id: 'createdAt', header: 'Created', cell: (payment) => dateTime(payment.createdAt) },
];

export function BookingPaymentsTable() {
  const trpc = useTRPC();
  const { query, control } = useUrlTableState(BOOKING_PAYMENTS_TABLE);
  const list = useQuery({
    ...trpc.marketplace.admin.listPayments.queryOptions(query),
    placeholderData: keepPreviousData,
  });

  return (
    <>
      <h1>Booking payments</h1>
      <p className="muted">
        Deposits, full payments and balances organizers paid through a PaymentIntent.
      </p>
      <DataTable
        label="Booking payments"
        noun={['payment', 'payments']}
        columns={COLUMNS}
        data={list.data?.items}
        total={list.data?.total}
        getRowId={(payment) => payment.id}
        control={control}
        filterLabel="Filter booking payments"
        filters={[
          {
            kind: 'select',
            key: 'status',
            id: 'booking-payment-status-filter',
            label: 'Status',
            options: PAYMENT_STATUSES,
          },
        ]}
        isLoading={list.isLoading}
        error={list.error?.message}
        emptyText="No booking payments match."
      />
    </>
  );
}
