'use client';

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import Link from 'next/link';
import { useState } from 'react';
import { formatMoney } from '@souk/core/money';
import { formatStatus, Notice, StatusBadge } from '@souk/ui';
import { BookingFiles } from '@/components/booking-files';
import { ListTable, type ListColumn } from '@/components/list-table';
import {
  PAYMENT_KIND_TEXT,
  ROLE_TEXT,
  formatEventDate,
  isPriced,
  type MyBooking,
} from '@/components/organizer/booking-words';
import { formErrors } from '@/lib/form-errors';
import { useTRPC } from '@/trpc/react';
import { CancelBookingForm, DisputeForm, ReportForm } from './booking-forms';
import { CardPayment } from './card-payment';
import { isStillPayable, payStep, type PayStep } from './pay-step';

export type RedirectStatus = 'succeeded' | 'canceled' | null;
type PayMode = 'deposit' | 'full' | 'balance';
type Linkage = MyBooking['vendors'][number];
type Payment = MyBooking['payments'][number];

// Vendor answers and the payment webhook arrive on their own: poll so they show without a reload.
const POLL_MS = 3_000;
// Just back from paying: look more often so the confirmation follows the webhook closely.
const CONFIRM_POLL_MS = 1_500;

const COUNTER_ANSWERS = [
  { accept: true, label: 'Accept counter-offer', className: 'button-small button-primary' },
  { accept: false, label: 'Decline counter-offer', className: 'button-small button-danger' },
] as const;

const PAYMENT_COLUMNS: readonly ListColumn<Payment>[] = [
  { header: 'Kind', cell: (payment) => PAYMENT_KIND_TEXT[payment.kind] },
  {
    header: 'Amount',
    className: 'num',
    cell: (payment) =>
      formatMoney(payment.amountCents, payment.currency) +
      (payment.amountRefundedCents > 0
        ? ` (${formatMoney(payment.amountRefundedCents, payment.currency)} refunded)`
        : ''),
  },
  { header: 'Status', cell: (payment) => formatStatus(payment.status) },
  { header: 'Problem', cell: (payment) => payment.failureMessage ?? '' },
];

/** A failed action in words, for the notice beside its buttons. */
function refusal(error: unknown): string | null {
  return error ? formErrors(error, { shown: [] }).summary : null;
}

const BEFORE_PAYMENT: readonly MyBooking['status'][] = [
  'draft',
  'awaiting_vendor_approval',
  'ready_for_payment',
];

/**
 * Back from the hosted payment page with "succeeded": the payment is confirmed once the
 * webhook has marked that PaymentIntent succeeded (or, without its id, once nothing is open).
 */
function paymentOutcome(
  booking: MyBooking,
  paymentIntentId: string | null,
): 'confirmed' | 'failed' | 'waiting' {
  if (paymentIntentId) {
    const payment = booking.payments.find((p) => p.processorPaymentIntentId === paymentIntentId);
    if (payment?.status === 'succeeded') return 'confirmed';
    if (payment?.status === 'failed' || payment?.status === 'canceled') return 'failed';
    return 'waiting';
  }
  const settled =
    booking.payments.some((p) => p.status === 'succeeded') &&
    !booking.payments.some((p) => p.status === 'requires_payment');
  return settled ? 'confirmed' : 'waiting';
}

export function BookingView({
  bookingId,
  redirectStatus,
  paymentIntentId,
  publishableKey,
}: {
  bookingId: string;
  redirectStatus: RedirectStatus;
  paymentIntentId: string | null;
  /** NEXT_PUBLIC_STRIPE_PUBLISHABLE_KEY: with real Stripe, enables the card form. */
  publishableKey: string | null;
}) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const bookingKey = trpc.marketplace.organizer.getBooking.queryKey({ bookingId });
  const query = useQuery(
    trpc.marketplace.organizer.getBooking.queryOptions(
      { bookingId },
      {
        refetchInterval: (q) =>
          redirectStatus === 'succeeded' &&
          q.state.data &&
          paymentOutcome(q.state.data, paymentIntentId) === 'waiting'
            ? CONFIRM_POLL_MS
            : POLL_MS,
      },
    ),
  );
  const setBooking = (next: MyBooking) => queryClient.setQueryData(bookingKey, next);
  const refresh = () => queryClient.invalidateQueries({ queryKey: bookingKey });

  // What the last pay click led to, with the page Stripe returns to and the intent it made.
  const [payment, setPayment] = useState<{
    step: PayStep;
    returnUrl: string;
    paymentIntentId: string;
  } | null>(null);
  const [completed, setCompleted] = useState(false);

  const counter = useMutation(
    trpc.marketplace.organizer.answerCounterOffer.mutationOptions({ onSuccess: setBooking }),
  );
  const submit = useMutation(
    trpc.marketplace.organizer.submitBooking.mutationOptions({ onSuccess: refresh }),
  );
  const pay = useMutation(
    trpc.marketplace.organizer.payBooking.mutationOptions({
      onMutate: () => setPayment(null),
      onSuccess: (result, input) => {
        const step = payStep(result, publishableKey);
        setPayment({
          step,
          returnUrl: input.returnUrl ?? window.location.href,
          paymentIntentId: result.paymentIntentId,
        });
        // The sandbox's hosted page; real Stripe stays here for the card form.
        if (step.kind === 'redirect') window.location.assign(step.url);
      },
    }),
  );
  const complete = useMutation(
    trpc.marketplace.organizer.completeBooking.mutationOptions({
      onSuccess: (next) => {
        setBooking(next);
        setCompleted(true);
      },
    }),
  );

  const booking = query.data;
  if (!booking) {
    return (
      <>
        <h1>Booking</h1>
        <Notice kind="error">{query.error?.message}</Notice>
        {query.error ? null : <p className="muted">Loading…</p>}
      </>
    );
  }

  const money = (cents: number) => formatMoney(cents, booking.currency);
  const moneyOrDash = (cents: number | null) => (cents === null ? '—' : money(cents));
  const { amounts, status } = booking;
  const priced = isPriced(booking);
  const outcome = redirectStatus === 'succeeded' ? paymentOutcome(booking, paymentIntentId) : null;
  const confirming = outcome === 'waiting';
  const redirecting = payment?.step.kind === 'redirect';
  const payBusy = pay.isPending || redirecting;
  const canRespondToCounters = status === 'awaiting_vendor_approval';
  const hasCounterActions =
    canRespondToCounters && booking.vendors.some((v) => v.status === 'countered');
  // While a payment is being confirmed nothing more is offered; the first choice is the usual one.
  let payChoices: { mode: PayMode; label: string }[] = [];
  if (!confirming && status === 'ready_for_payment') {
    // DEPOSITS_ENABLED off: the full amount is the only choice (the server refuses a deposit too).
    payChoices = [
      ...(booking.depositsEnabled
        ? [{ mode: 'deposit' as const, label: `Pay deposit ${money(amounts.depositCents)}` }]
        : []),
      { mode: 'full', label: `Pay in full ${money(amounts.totalCents)}` },
    ];
  } else if (!confirming && status === 'paid' && amounts.balanceDueCents > 0) {
    payChoices = [{ mode: 'balance', label: `Pay balance ${money(amounts.balanceDueCents)}` }];
  }
  // The card form replaces the pay buttons until it is cancelled, or the webhook says how
  // that intent ended (a decline fails it: the next click makes a new one).
  const card =
    payment?.step.kind === 'card' &&
    payChoices.length > 0 &&
    isStillPayable(booking.payments, payment.paymentIntentId)
      ? { ...payment.step, returnUrl: payment.returnUrl }
      : null;
  const payWith = (mode: PayMode) =>
    pay.mutate({
      bookingId,
      mode,
      returnUrl: `${window.location.origin}/bookings/${bookingId}`,
    });
  const responseColumns: ListColumn<Linkage>[] = [
    { header: 'Vendor', cell: (linkage) => linkage.vendor.displayName },
    { header: 'Role', cell: (linkage) => ROLE_TEXT[linkage.role] },
    { header: 'Answer', cell: (linkage) => formatStatus(linkage.status) },
    { header: 'Agreed', className: 'num', cell: (l) => moneyOrDash(l.agreedAmountCents) },
    { header: 'Proposed', className: 'num', cell: (l) => moneyOrDash(l.proposedAmountCents) },
    { header: 'Note', className: 'pre-wrap', cell: (linkage) => linkage.vendorNote ?? '' },
  ];
  if (hasCounterActions) {
    responseColumns.push({
      header: 'Actions',
      hideHeader: true,
      cell: (linkage) =>
        linkage.status === 'countered' ? (
          <span className="inline-actions">
            {COUNTER_ANSWERS.map((answer) => (
              <button
                key={answer.label}
                type="button"
                className={answer.className}
                disabled={counter.isPending}
                onClick={() =>
                  counter.mutate({ bookingId, bookingVendorId: linkage.id, accept: answer.accept })
                }
              >
                {answer.label}
              </button>
            ))}
          </span>
        ) : null,
    });
  }

  return (
    <>
      <h1>Booking #{booking.number}</h1>
      <p className="booking-status">
        Status:{' '}
        <strong data-testid="booking-status" aria-live="polite">
          {booking.statusLabel}
        </strong>
      </p>

      {confirming ? (
        <div className="notice" role="status">
          Payment received — confirming…
        </div>
      ) : null}
      {outcome === 'confirmed' ? <Notice kind="success">Payment confirmed.</Notice> : null}
      {outcome === 'failed' || redirectStatus === 'canceled' ? (
        <Notice kind="error">Payment not completed. You can try again.</Notice>
      ) : null}
      {/* A failed poll keeps the last data on screen; say why it may be stale. */}
      <Notice kind="error">{query.error?.message}</Notice>

      <section aria-labelledby="details-heading" className="card booking-section">
        <h2 id="details-heading">Details</h2>
        <dl className="booking-details">
          <dt>Event date</dt>
          <dd>{formatEventDate(booking.eventDate)}</dd>
          <dt>Guests</dt>
          <dd>{booking.guestCount ?? 'Not set'}</dd>
          <dt>Location</dt>
          <dd>{booking.locationText || 'Not set'}</dd>
          <dt>Template</dt>
          <dd>
            {booking.template ? (
              <Link href={`/templates/${booking.template.id}`}>{booking.template.name}</Link>
            ) : (
              'None'
            )}
          </dd>
          <dt>Budget</dt>
          <dd>
            {booking.requestedBudgetCents === null
              ? 'Not given'
              : money(booking.requestedBudgetCents)}
          </dd>
          <dt>Currency</dt>
          <dd>{booking.currency}</dd>
          {booking.notes ? (
            <>
              <dt>Notes</dt>
              <dd className="pre-wrap">{booking.notes}</dd>
            </>
          ) : null}
          {status === 'cancelled' && booking.cancelReason ? (
            <>
              <dt>Cancellation reason</dt>
              <dd>{booking.cancelReason}</dd>
            </>
          ) : null}
        </dl>
        {status === 'draft' ? (
          <div className="form-actions">
            <button
              type="button"
              className="button-primary"
              disabled={submit.isPending}
              onClick={() => submit.mutate({ bookingId })}
            >
              Send request to vendors
            </button>
          </div>
        ) : null}
        <Notice kind="error">{refusal(submit.error)}</Notice>
      </section>

      <section aria-labelledby="responses-heading" className="booking-section">
        <h2 id="responses-heading">Vendor responses</h2>
        <Notice kind="error">{refusal(counter.error)}</Notice>
        <ListTable label="Vendor responses" columns={responseColumns} rows={booking.vendors} />
      </section>

      <section aria-labelledby="amounts-heading" className="card booking-section">
        <h2 id="amounts-heading">Amounts</h2>
        {!priced ? (
          <p className="muted">The total is set once every vendor has approved with a price.</p>
        ) : null}
        <table className="amounts">
          <tbody>
            <tr>
              <th scope="row">Total</th>
              <td className="num">{priced ? money(amounts.totalCents) : '—'}</td>
            </tr>
            {booking.depositsEnabled ? (
              <tr>
                <th scope="row">Deposit</th>
                <td className="num">{priced ? money(amounts.depositCents) : '—'}</td>
              </tr>
            ) : null}
            <tr>
              <th scope="row">Paid</th>
              <td className="num">{money(amounts.paidCents)}</td>
            </tr>
            {amounts.refundedCents > 0 ? (
              <tr>
                <th scope="row">Refunded</th>
                <td className="num">{money(amounts.refundedCents)}</td>
              </tr>
            ) : null}
            <tr>
              <th scope="row">Balance due</th>
              <td className="num">{priced ? money(amounts.balanceDueCents) : '—'}</td>
            </tr>
          </tbody>
        </table>

        {card && publishableKey ? (
          <CardPayment
            // A new intent (deposit <-> full) needs a new Elements: its clientSecret is fixed.
            key={card.clientSecret}
            publishableKey={publishableKey}
            clientSecret={card.clientSecret}
            amountCents={card.amountCents}
            currency={card.currency}
            returnUrl={card.returnUrl}
            onCancel={() => setPayment(null)}
          />
        ) : payChoices.length > 0 ? (
          <div className="form-actions">
            {payChoices.map((choice, i) => (
              <button
                key={choice.mode}
                type="button"
                className={i === 0 ? 'button-primary' : undefined}
                disabled={payBusy}
                onClick={() => payWith(choice.mode)}
              >
                {choice.label}
              </button>
            ))}
          </div>
        ) : null}
        {redirecting ? (
          <p className="muted" role="status">
            Redirecting to the payment page…
          </p>
        ) : null}
        {payment?.step.kind === 'unconfigured' ? (
          <Notice kind="error">
            Card payments are not set up on this site yet: the card form needs the Stripe
            publishable key (NEXT_PUBLIC_STRIPE_PUBLISHABLE_KEY). Nothing was charged.
          </Notice>
        ) : null}
        <Notice kind="error">{refusal(pay.error)}</Notice>

        {status === 'paid' && amounts.balanceDueCents === 0 ? (
          <div className="form-actions">
            <button
              type="button"
              disabled={complete.isPending || booking.completionBlockedReason !== null}
              aria-describedby={
                booking.completionBlockedReason ? 'complete-blocked-reason' : undefined
              }
              onClick={() => complete.mutate({ bookingId })}
            >
              Mark event completed
            </button>
            {booking.completionBlockedReason ? (
              <p id="complete-blocked-reason" className="muted">
                {booking.completionBlockedReason}.
              </p>
            ) : null}
          </div>
        ) : null}
        {completed && status === 'completed' ? (
          <Notice kind="success">The event is marked completed.</Notice>
        ) : null}
        <Notice kind="error">{refusal(complete.error)}</Notice>
      </section>

      <section aria-labelledby="payments-heading" className="booking-section">
        <h2 id="payments-heading">Payments</h2>
        {booking.payments.length === 0 ? (
          <p className="muted">No payments yet.</p>
        ) : (
          <ListTable label="Payments" columns={PAYMENT_COLUMNS} rows={booking.payments} />
        )}
      </section>

      <BookingFiles
        bookingId={bookingId}
        intro="Photos and files of this booking, from you and your vendors. Your vendors see what you attach."
      />

      {BEFORE_PAYMENT.includes(status) ? (
        <CancelBookingForm bookingId={bookingId} onCancelled={setBooking} />
      ) : null}

      {booking.disputes.length > 0 || status === 'paid' || status === 'completed' ? (
        <section aria-labelledby="disputes-heading" className="booking-section">
          <h2 id="disputes-heading">Disputes</h2>
          {booking.disputes.length === 0 ? (
            <p className="muted">No disputes.</p>
          ) : (
            <ul className="dispute-list">
              {booking.disputes.map((dispute) => (
                <li key={dispute.id} className="panel">
                  <StatusBadge status={dispute.status} />
                  <p className="pre-wrap">{dispute.reason}</p>
                  {dispute.resolutionNote ? (
                    <p className="muted">Resolution: {dispute.resolutionNote}</p>
                  ) : null}
                </li>
              ))}
            </ul>
          )}
          {status === 'paid' || status === 'completed' ? (
            <DisputeForm bookingId={bookingId} onOpened={refresh} />
          ) : null}
        </section>
      ) : null}

      <ReportForm bookingId={bookingId} />
    </>
  );
}
