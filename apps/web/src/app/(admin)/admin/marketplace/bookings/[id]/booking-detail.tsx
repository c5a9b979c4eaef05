'use client';

import { useMutation, useQuery } from '@tanstack/react-query';
import Link from 'next/link';
import { useState } from 'react';
import { cancelBookingInput, canTransition } from '@souk/core/client';
import { formatMoney } from '@souk/core/money';
import { Notice, StatusBadge } from '@souk/ui';
import type { RouterOutputs } from '@souk/api';
import { ListTable, type ListColumn, type ListTableProps } from '@/components/list-table';
import { useTRPC } from '@/trpc/react';
import { dateOnly, dateTime, moneyOrDash, plural } from '../../_components/format';
import { useAdminActions } from '../../_components/hooks';
import { FlashNotice } from '../../_components/flash-notice';
import { ReasonForm } from '../../_components/reason-form';

type Booking = RouterOutputs['marketplace']['admin']['getBooking'];
type Row<K extends keyof Booking> = Booking[K] extends readonly (infer R)[] ? R : never;
/** One of the booking's lists, all but its rows. */
type TableSpec<K extends keyof Booking> = Omit<ListTableProps<Row<K>>, 'rows'>;

/** A money column: the amount in the row's own currency. */
function amount<T extends { currency: string }>(
  header: string,
  cents: (row: T) => number,
): ListColumn<T> {
  return { header, className: 'num', cell: (row) => formatMoney(cents(row), row.currency) };
}

/** A status column, with the reason it is held or failed under it. */
function status<T extends { status: string }>(why?: (row: T) => string | null): ListColumn<T> {
  return {
    header: 'Status',
    cell: (row) => (
      <>
        <StatusBadge status={row.status} />
        {why?.(row) ? <div className="muted">{why(row)}</div> : null}
      </>
    ),
  };
}

function vendorsTable(currency: string): TableSpec<'vendors'> {
  return {
    label: 'Vendors',
    emptyText: 'No vendors on this booking.',
    columns: [
      { header: 'Name', cell: (linkage) => linkage.vendor.displayName },
      { header: 'Role', cell: (linkage) => linkage.role },
      { header: 'Answer', cell: (linkage) => <StatusBadge status={linkage.status} /> },
      {
        header: 'Agreed',
        className: 'num',
        cell: (l) => moneyOrDash(l.agreedAmountCents, currency),
      },
      {
        header: 'Proposed',
        className: 'num',
        cell: (l) => moneyOrDash(l.proposedAmountCents, currency),
      },
      { header: 'Note', cell: (linkage) => linkage.vendorNote ?? '' },
    ],
  };
}

const PAYMENTS_TABLE: TableSpec<'payments'> = {
  label: 'Payments',
  emptyText: 'No payments yet.',
  columns: [
    { header: 'Kind', cell: (payment) => payment.kind },
    amount('Amount', (payment) => payment.amountCents),
    status((payment) => payment.failureMessage),
    amount('Refunded', (payment) => payment.amountRefundedCents),
    {
      header: 'PaymentIntent id',
      cell: (payment) => <code>{payment.processorPaymentIntentId}</code>,
    },
    { header: 'Created', cell: (payment) => dateTime(payment.createdAt) },
  ],
};

function allocationsTable(vendorName: Map<string, string>): TableSpec<'allocations'> {
  return {
    label: 'Allocations',
    emptyText: 'Nothing allocated: allocations are made when a payment succeeds.',
    columns: [
      { header: 'Vendor', cell: (a) => vendorName.get(a.vendorId) ?? a.vendorId },
      amount('Gross', (allocation) => allocation.grossCents),
      amount('Commission', (allocation) => allocation.commissionCents),
      amount('Net', (allocation) => allocation.netCents),
    ],
  };
}

const PAYOUTS_TABLE: TableSpec<'payouts'> = {
  label: 'Payouts',
  emptyText: 'No payouts yet.',
  columns: [
    { header: 'Vendor', cell: (payout) => payout.vendor.displayName },
    { header: 'Milestone', cell: (payout) => payout.milestone },
    amount('Amount', (payout) => payout.amountCents),
    status((payout) => payout.heldReason),
  ],
};

const LEDGER_TABLE: TableSpec<'ledger'> = {
  label: 'Ledger',
  emptyText: 'No ledger entries yet.',
  columns: [
    { header: 'Type', cell: (entry) => entry.type },
    amount('Amount', (entry) => entry.amountCents),
    { header: 'Created', cell: (entry) => dateTime(entry.createdAt) },
  ],
};

const DISPUTES_TABLE: TableSpec<'disputes'> = {
  label: 'Disputes',
  emptyText: 'No disputes.',
  columns: [
    status(),
    { header: 'Opened as', cell: (dispute) => dispute.openedAs },
    { header: 'Reason', cell: (dispute) => dispute.reason },
    { header: 'Resolution note', cell: (dispute) => dispute.resolutionNote ?? '' },
    { header: 'Created', cell: (dispute) => dateTime(dispute.createdAt) },
  ],
};

function DetailTable<T extends { id: string }>(table: ListTableProps<T>) {
  return (
    <section aria-label={table.label}>
      <h2>{table.label}</h2>
      <ListTable {...table} />
    </section>
  );
}

export function BookingDetail({ bookingId, canManage }: { bookingId: string; canManage: boolean }) {
  const trpc = useTRPC();
  const view = useQuery(trpc.marketplace.admin.getBooking.queryOptions({ bookingId }));
  const { flash, succeed, handlers } = useAdminActions();
  const [isCancelling, setCancelling] = useState(false);
  const forceComplete = useMutation(
    trpc.marketplace.admin.forceCompleteBooking.mutationOptions({
      ...handlers,
      onSuccess: (result) =>
        succeed(`Booking completed: ${plural(result.releasedPayouts, 'payout')} released.`),
    }),
  );
  const cancel = useMutation(
    trpc.marketplace.admin.cancelBooking.mutationOptions({
      ...handlers,
      onSuccess: (result) => {
        setCancelling(false);
        succeed(
          `Booking cancelled: ${formatMoney(result.refundedCents, result.currency)} refunded, ${plural(result.voidedPayouts, 'payout')} voided.`,
        );
      },
    }),
  );
  const busy = forceComplete.isPending || cancel.isPending;
  const data = view.data;
  if (!data) return <Notice kind="error">{view.error?.message}</Notice>;

  const { currency } = data;
  const money = (cents: number) => formatMoney(cents, currency);
  const canCancel = canManage && canTransition(data.status, 'cancelled');
  const canComplete = canManage && data.status === 'paid';
  const vendorName = new Map(data.vendors.map((l) => [l.vendor.id, l.vendor.displayName]));

  return (
    <>
      <FlashNotice flash={flash} />
      <Notice kind="error">{view.error?.message}</Notice>
      <section aria-label="Summary">
        <dl className="summary-list">
          <dt>Status</dt>
          <dd>
            <StatusBadge status={data.status} label={data.statusLabel} />
            {data.cancelReason ? <span className="muted"> {data.cancelReason}</span> : null}
          </dd>
          <dt>Organizer</dt>
          <dd>
            {data.organizer
              ? `${data.organizer.email}${data.organizer.name ? ` (${data.organizer.name})` : ''}`
              : '—'}
          </dd>
          <dt>Event date</dt>
          <dd>{dateOnly(data.eventDate)}</dd>
          <dt>Guests</dt>
          <dd>{data.guestCount ?? '—'}</dd>
          <dt>Location</dt>
          <dd>{data.locationText || '—'}</dd>
          {data.template ? (
            <>
              <dt>Template</dt>
              <dd>{data.template.name}</dd>
            </>
          ) : null}
          <dt>Total</dt>
          <dd>{money(data.amounts.totalCents)}</dd>
          <dt>Paid</dt>
          <dd>{money(data.amounts.paidCents)}</dd>
          <dt>Balance due</dt>
          <dd>{money(data.amounts.balanceDueCents)}</dd>
          <dt>Refunded</dt>
          <dd>{money(data.amounts.refundedCents)}</dd>
          {data.notes ? (
            <>
              <dt>Notes</dt>
              <dd>{data.notes}</dd>
            </>
          ) : null}
        </dl>
      </section>

      {canComplete || canCancel ? (
        <div className="form-actions booking-actions">
          {canComplete ? (
            <button
              type="button"
              className="button-primary"
              disabled={busy}
              onClick={() => forceComplete.mutate({ bookingId })}
            >
              Force complete
            </button>
          ) : null}
          {canCancel ? (
            <button
              type="button"
              className="button-danger"
              aria-expanded={isCancelling}
              onClick={() => setCancelling((open) => !open)}
            >
              Cancel booking
            </button>
          ) : null}
        </div>
      ) : null}
      {canCancel && isCancelling ? (
        <ReasonForm
          id="booking-cancel-reason"
          label="Reason"
          submitLabel="Cancel and refund"
          schema={cancelBookingInput.shape.reason}
          danger
          pending={busy}
          onSubmit={(reason) => cancel.mutate({ bookingId, reason })}
        />
      ) : null}

      <DetailTable {...vendorsTable(currency)} rows={data.vendors} />
      <DetailTable {...PAYMENTS_TABLE} rows={data.payments} />
      <DetailTable {...allocationsTable(vendorName)} rows={data.allocations} />
      <DetailTable {...PAYOUTS_TABLE} rows={data.payouts} />
      <DetailTable {...LEDGER_TABLE} rows={data.ledger} />
      <DetailTable {...DISPUTES_TABLE} rows={data.disputes} />
      {data.disputes.length > 0 ? (
        <p>
          <Link href={`/admin/marketplace/disputes?bookingId=${bookingId}`}>
            Open on the disputes page
          </Link>
        </p>
      ) : null}
    </>
  );
}
