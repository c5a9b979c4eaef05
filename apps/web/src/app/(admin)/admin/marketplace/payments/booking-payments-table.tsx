'use client';

import { keepPreviousData, useQuery } from '@tanstack/react-query';
import Link from 'next/link';
import { formatMoney } from '@souk/core/money';
import { StatusBadge, StatusFilter } from '@souk/ui';
import type { RouterInputs } from '@souk/api';
import { useTRPC } from '@/trpc/react';
import { dateTime } from '../_components/format';
import { useListQuery } from '../_components/hooks';
import { ListShell } from '../_components/list-shell';
import { PAYMENT_STATUSES } from '../_components/options';

type ListInput = RouterInputs['marketplace']['admin']['payments'];

export function BookingPaymentsTable({ initialQuery }: { initialQuery: ListInput }) {
  const trpc = useTRPC();
  const { query, filter, paging } = useListQuery(initialQuery);
  const list = useQuery({
    ...trpc.marketplace.admin.payments.queryOptions(query),
    placeholderData: keepPreviousData,
  });

  return (
    <ListShell
      title="Booking payments"
      intro="Deposits, full payments and balances organizers paid through a PaymentIntent."
      filterLabel="Filter booking payments"
      filters={
        <StatusFilter
          id="booking-payment-status-filter"
          value={query.status}
          options={PAYMENT_STATUSES}
          onChange={(status) => filter({ status })}
        />
      }
      list={list}
      tableLabel="Booking payments"
      emptyText="No booking payments match."
      paging={paging}
      head={
        <>
          <th>Booking #</th>
          <th>Kind</th>
          <th className="num">Amount</th>
          <th className="num">Refunded</th>
          <th>Status</th>
          <th>Failure</th>
          <th>PaymentIntent</th>
          <th>Created</th>
        </>
      }
    >
      {list.data?.rows.map((payment) => (
        <tr key={payment.id}>
          <td>
            <Link href={`/admin/marketplace/bookings/${payment.bookingId}`}>
              #{payment.booking.number}
            </Link>
          </td>
          <td>{payment.kind}</td>
          <td className="num">{formatMoney(payment.amountCents, payment.currency)}</td>
          <td className="num">{formatMoney(payment.amountRefundedCents, payment.currency)}</td>
          <td>
            <StatusBadge status={payment.status} />
          </td>
          <td>{payment.failureMessage ?? ''}</td>
          <td>
            <code>{payment.processorPaymentIntentId}</code>
          </td>
          <td>{dateTime(payment.createdAt)}</td>
        </tr>
      ))}
    </ListShell>
  );
}
