'use client';

import { useMutation, useQuery } from '@tanstack/react-query';
import Link from 'next/link';
import { useState, type ReactNode } from 'react';
import { canTransition } from '@souk/core/client';
import { formatMoney } from '@souk/core/money';
import { EmptyState, Notice, StatusBadge } from '@souk/ui';
import { useTRPC } from '@/trpc/react';
import { dateOnly, dateTime, moneyOrDash, plural } from '../../_components/format';
import { useAdminActions } from '../../_components/hooks';
import { FlashNotice } from '../../_components/flash-notice';
import { ReasonForm } from '../../_components/reason-form';

function DetailTable({
  title,
  head,
  isEmpty,
  emptyText,
  children,
}: {
  title: string;
  head: ReactNode;
  isEmpty: boolean;
  emptyText: string;
  children: ReactNode;
}) {
  return (
    <section aria-label={title}>
      <h2>{title}</h2>
      <div className="table-wrap" role="region" aria-label={title} tabIndex={0}>
        <table aria-label={title}>
          <thead>
            <tr>{head}</tr>
          </thead>
          <tbody>{children}</tbody>
        </table>
        {isEmpty ? <EmptyState>{emptyText}</EmptyState> : null}
      </div>
    </section>
  );
}

export function BookingDetail({ bookingId, canManage }: { bookingId: string; canManage: boolean }) {
  const trpc = useTRPC();
  const view = useQuery(trpc.marketplace.admin.booking.queryOptions({ bookingId }));
  const { flash, succeed, handlers } = useAdminActions();
  const [isCancelling, setCancelling] = useState(false);
  const forceComplete = useMutation(
    trpc.marketplace.admin.forceComplete.mutationOptions({
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

  const money = (cents: number) => formatMoney(cents, data.currency);
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
          danger
          pending={busy}
          onSubmit={(reason) => cancel.mutate({ bookingId, reason })}
        />
      ) : null}

      <DetailTable
        title="Vendors"
        isEmpty={data.vendors.length === 0}
        emptyText="No vendors on this booking."
        head={
          <>
            <th>Name</th>
            <th>Role</th>
            <th>Answer</th>
            <th className="num">Agreed</th>
            <th className="num">Proposed</th>
            <th>Note</th>
          </>
        }
      >
        {data.vendors.map((linkage) => (
          <tr key={linkage.id}>
            <td>{linkage.vendor.displayName}</td>
            <td>{linkage.role}</td>
            <td>
              <StatusBadge status={linkage.status} />
            </td>
            <td className="num">{moneyOrDash(linkage.agreedAmountCents, data.currency)}</td>
            <td className="num">{moneyOrDash(linkage.proposedAmountCents, data.currency)}</td>
            <td>{linkage.vendorNote ?? ''}</td>
          </tr>
        ))}
      </DetailTable>

      <DetailTable
        title="Payments"
        isEmpty={data.payments.length === 0}
        emptyText="No payments yet."
        head={
          <>
            <th>Kind</th>
            <th className="num">Amount</th>
            <th>Status</th>
            <th className="num">Refunded</th>
            <th>PaymentIntent id</th>
            <th>Created</th>
          </>
        }
      >
        {data.payments.map((payment) => (
          <tr key={payment.id}>
            <td>{payment.kind}</td>
            <td className="num">{formatMoney(payment.amountCents, payment.currency)}</td>
            <td>
              <StatusBadge status={payment.status} />
              {payment.failureMessage ? (
                <div className="muted">{payment.failureMessage}</div>
              ) : null}
            </td>
            <td className="num">{formatMoney(payment.amountRefundedCents, payment.currency)}</td>
            <td>
              <code>{payment.processorPaymentIntentId}</code>
            </td>
            <td>{dateTime(payment.createdAt)}</td>
          </tr>
        ))}
      </DetailTable>

      <DetailTable
        title="Allocations"
        isEmpty={data.allocations.length === 0}
        emptyText="Nothing allocated: allocations are made when a payment succeeds."
        head={
          <>
            <th>Vendor</th>
            <th className="num">Gross</th>
            <th className="num">Commission</th>
            <th className="num">Net</th>
          </>
        }
      >
        {data.allocations.map((allocation) => (
          <tr key={allocation.id}>
            <td>{vendorName.get(allocation.vendorId) ?? allocation.vendorId}</td>
            <td className="num">{formatMoney(allocation.grossCents, allocation.currency)}</td>
            <td className="num">{formatMoney(allocation.commissionCents, allocation.currency)}</td>
            <td className="num">{formatMoney(allocation.netCents, allocation.currency)}</td>
          </tr>
        ))}
      </DetailTable>

      <DetailTable
        title="Payouts"
        isEmpty={data.payouts.length === 0}
        emptyText="No payouts yet."
        head={
          <>
            <th>Vendor</th>
            <th>Milestone</th>
            <th className="num">Amount</th>
            <th>Status</th>
          </>
        }
      >
        {data.payouts.map((payout) => (
          <tr key={payout.id}>
            <td>{payout.vendor.displayName}</td>
            <td>{payout.milestone}</td>
            <td className="num">{formatMoney(payout.amountCents, payout.currency)}</td>
            <td>
              <StatusBadge status={payout.status} />
              {payout.heldReason ? <div className="muted">{payout.heldReason}</div> : null}
            </td>
          </tr>
        ))}
      </DetailTable>

      <DetailTable
        title="Ledger"
        isEmpty={data.ledger.length === 0}
        emptyText="No ledger entries yet."
        head={
          <>
            <th>Type</th>
            <th className="num">Amount</th>
            <th>Created</th>
          </>
        }
      >
        {data.ledger.map((entry) => (
          <tr key={entry.id}>
            <td>{entry.type}</td>
            <td className="num">{formatMoney(entry.amountCents, entry.currency)}</td>
            <td>{dateTime(entry.createdAt)}</td>
          </tr>
        ))}
      </DetailTable>

      <DetailTable
        title="Disputes"
        isEmpty={data.disputes.length === 0}
        emptyText="No disputes."
        head={
          <>
            <th>Status</th>
            <th>Opened as</th>
            <th>Reason</th>
            <th>Resolution note</th>
            <th>Created</th>
          </>
        }
      >
        {data.disputes.map((dispute) => (
          <tr key={dispute.id}>
            <td>
              <StatusBadge status={dispute.status} />
            </td>
            <td>{dispute.openedAs}</td>
            <td>{dispute.reason}</td>
            <td>{dispute.resolutionNote ?? ''}</td>
            <td>{dateTime(dispute.createdAt)}</td>
          </tr>
        ))}
      </DetailTable>
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
