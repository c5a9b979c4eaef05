'use client';

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { centsToDecimalString, formatMoney, minorUnits, parseMoney } from '@souk/core/money';
import { EmptyState, Field, fieldControlProps, formatDateTime, Notice } from '@souk/ui';
import { useTRPC } from '@/trpc/react';
import { attentionSummary, formErrors, type FieldMessages } from '@/lib/form-errors';
import { RequestPayoutButton } from '../../_components/request-payout-button';
import {
  BOOKING_STATUS_TEXT,
  canRequestPayout,
  formatEventDate,
  MILESTONE_TEXT,
  StatusPill,
  type VendorBooking,
} from '../../_components/vendor-words';

// Organizers accept counters, pay and complete from their side: poll so it shows up here.
const POLL_MS = 5_000;

const ROLE_TEXT: Record<VendorBooking['linkage']['role'], string> = {
  venue: 'Venue',
  service: 'Service',
};

function money(cents: number | null, currency: string): string {
  return cents === null ? '—' : formatMoney(cents, currency);
}

function exampleAmount(currency: string): string {
  return centsToDecimalString(minorUnits(currency) === 0 ? 1250 : 125_000, currency);
}

export function BookingDetail({ bookingId }: { bookingId: string }) {
  const trpc = useTRPC();
  // Kept here: a successful answer closes the forms, and the confirmation must outlive them.
  const [answered, setAnswered] = useState<string | null>(null);
  const detail = useQuery({
    ...trpc.marketplace.vendor.booking.queryOptions({ bookingId }),
    refetchInterval: POLL_MS,
  });
  const data = detail.data;
  if (!data) {
    return detail.error ? (
      <Notice kind="error">{detail.error.message}</Notice>
    ) : (
      <EmptyState>Loading…</EmptyState>
    );
  }
  const { booking, linkage, payouts } = data;
  const isOpen =
    booking.status === 'awaiting_vendor_approval' &&
    (linkage.status === 'pending' || linkage.status === 'countered');
  const isPaid = booking.status === 'paid' || booking.status === 'completed';

  return (
    <>
      {/* A failed poll keeps the last good view on screen and says why it is stale. */}
      <Notice kind="error">{detail.error?.message}</Notice>
      <section aria-labelledby="booking-details-heading" className="card">
        <h2 id="booking-details-heading" className="vendor-card-heading">
          Details
        </h2>
        <dl className="vendor-details">
          <dt>Status</dt>
          <dd>
            <StatusPill status={booking.status} text={BOOKING_STATUS_TEXT[booking.status]} />
          </dd>
          <dt>Event date</dt>
          <dd>{formatEventDate(booking.eventDate)}</dd>
          <dt>Guests</dt>
          <dd>{booking.guestCount ?? '—'}</dd>
          <dt>Location</dt>
          <dd>{booking.locationText || '—'}</dd>
          <dt>Event template</dt>
          <dd>{booking.template?.name ?? '—'}</dd>
          <dt>Organizer</dt>
          <dd>{booking.organizer.name ?? '—'}</dd>
          <dt>Requested budget</dt>
          <dd>{money(booking.requestedBudgetCents, booking.currency)}</dd>
          <dt>Notes</dt>
          <dd className="vendor-prewrap">{booking.notes || '—'}</dd>
        </dl>
      </section>

      <section aria-labelledby="your-answer-heading">
        <h2 id="your-answer-heading">Your answer</h2>
        <dl className="vendor-details card">
          <dt>Status</dt>
          <dd>
            <StatusPill status={linkage.status} />
          </dd>
          <dt>You are booked as</dt>
          <dd>{ROLE_TEXT[linkage.role]}</dd>
          <dt>Agreed price</dt>
          <dd>{money(linkage.agreedAmountCents, booking.currency)}</dd>
          <dt>Proposed price</dt>
          <dd>{money(linkage.proposedAmountCents, booking.currency)}</dd>
          <dt>Your note</dt>
          <dd className="vendor-prewrap">{linkage.vendorNote || '—'}</dd>
          <dt>Answered</dt>
          <dd>{formatDateTime(linkage.respondedAt)}</dd>
        </dl>
        {linkage.status === 'countered' && isOpen ? (
          <p className="muted">
            Your counter-offer is waiting for the organizer. You can still approve, change the offer
            or decline.
          </p>
        ) : null}
        <Notice kind="success">{answered}</Notice>
        {isOpen ? (
          <AnswerForms
            bookingId={bookingId}
            onAnswered={setAnswered}
            currency={booking.currency}
            proposedAmountCents={linkage.proposedAmountCents}
          />
        ) : null}
      </section>

      <BookingPayouts
        payouts={payouts}
        bookingStatus={booking.status}
        isPaid={isPaid}
        blockedReason={data.requestBlockedReason}
        setupPath={data.payoutSetupPath}
      />

      {isPaid ? <DisputeForm bookingId={bookingId} /> : null}
    </>
  );
}

function AnswerForms({
  bookingId,
  onAnswered,
  currency,
  proposedAmountCents,
}: {
  bookingId: string;
  onAnswered: (message: string | null) => void;
  currency: string;
  proposedAmountCents: number | null;
}) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [agreed, setAgreed] = useState('');
  const [proposed, setProposed] = useState('');
  const [note, setNote] = useState('');
  const [summary, setSummary] = useState<string | null>(null);
  const [errors, setErrors] = useState<FieldMessages>({});

  const options = (message: string) => ({
    onMutate: () => {
      onAnswered(null);
      setSummary(null);
      setErrors({});
    },
    onError: (error: unknown) => {
      const parsed = formErrors(error, {
        shown: ['agreedAmountCents', 'proposedAmountCents', 'note'],
      });
      setSummary(parsed.summary);
      setErrors(parsed.fieldErrors);
    },
    onSuccess: async () => {
      setAgreed('');
      setProposed('');
      setNote('');
      onAnswered(message);
      await queryClient.invalidateQueries({ queryKey: trpc.marketplace.vendor.pathKey() });
    },
  });
  const approve = useMutation(
    trpc.marketplace.vendor.approve.mutationOptions(options('You approved this booking.')),
  );
  const counter = useMutation(
    trpc.marketplace.vendor.counter.mutationOptions(options('Counter-offer sent.')),
  );
  const decline = useMutation(
    trpc.marketplace.vendor.decline.mutationOptions(options('You declined this booking.')),
  );
  const pending = approve.isPending || counter.isPending || decline.isPending;

  const fail = (field: string, message: string) => {
    onAnswered(null);
    setErrors({ [field]: message });
    setSummary(attentionSummary(1));
  };
  const noteInput = () => note.trim() || undefined;
  const example = exampleAmount(currency);
  const err = (name: string) => errors[name] ?? null;

  return (
    <div className="vendor-answer">
      <Notice kind="error">{summary}</Notice>
      <form
        aria-label="Approve"
        className="card"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          let cents: number | undefined;
          if (agreed.trim()) {
            const parsed = parseMoney(agreed, currency);
            if (parsed === null)
              return fail('agreedAmountCents', `Enter an amount like ${example}`);
            cents = parsed;
          }
          approve.mutate({ bookingId, agreedAmountCents: cents, note: noteInput() });
        }}
      >
        <fieldset disabled={pending} className="vendor-fieldset">
          <div className="form-grid">
            <Field
              id="answer-agreed"
              label="Agreed amount"
              error={err('agreedAmountCents')}
              hint={
                proposedAmountCents === null
                  ? `Your price in ${currency}, e.g. ${example}`
                  : `Leave empty to approve at your proposed ${formatMoney(proposedAmountCents, currency)}`
              }
            >
              <input
                {...fieldControlProps('answer-agreed', err('agreedAmountCents'))}
                inputMode="decimal"
                autoComplete="off"
                value={agreed}
                onChange={(e) => setAgreed(e.target.value)}
              />
            </Field>
          </div>
          <div style={{ marginTop: '0.75rem' }}>
            <Field
              id="answer-note"
              label="Note to organizer"
              error={err('note')}
              hint="Sent with your approval or your decline."
            >
              <textarea
                {...fieldControlProps('answer-note', err('note'))}
                value={note}
                maxLength={2000}
                onChange={(e) => setNote(e.target.value)}
              />
            </Field>
          </div>
          <div className="form-actions">
            <button type="submit" className="button-primary">
              Approve
            </button>
          </div>
        </fieldset>
      </form>

      <form
        aria-label="Counter-offer"
        className="card"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          if (!proposed.trim()) return fail('proposedAmountCents', 'Enter the amount you propose');
          const cents = parseMoney(proposed, currency);
          if (cents === null) return fail('proposedAmountCents', `Enter an amount like ${example}`);
          counter.mutate({ bookingId, proposedAmountCents: cents, note: noteInput() });
        }}
      >
        <fieldset disabled={pending} className="vendor-fieldset">
          <div className="form-grid">
            <Field
              id="answer-proposed"
              label="Proposed amount"
              error={err('proposedAmountCents')}
              hint={`In ${currency}; the organizer accepts or declines it.`}
            >
              <input
                {...fieldControlProps('answer-proposed', err('proposedAmountCents'))}
                inputMode="decimal"
                autoComplete="off"
                value={proposed}
                onChange={(e) => setProposed(e.target.value)}
              />
            </Field>
          </div>
          <div className="form-actions">
            <button type="submit">Send counter-offer</button>
          </div>
        </fieldset>
      </form>

      <div className="form-actions">
        <button
          type="button"
          className="button-danger"
          disabled={pending}
          onClick={() => decline.mutate({ bookingId, note: noteInput() })}
        >
          Decline
        </button>
        <span className="muted">Declining sends the note above to the organizer.</span>
      </div>
    </div>
  );
}

function BookingPayouts({
  payouts,
  bookingStatus,
  isPaid,
  blockedReason,
  setupPath,
}: {
  payouts: VendorBooking['payouts'];
  bookingStatus: VendorBooking['booking']['status'];
  isPaid: boolean;
  blockedReason: string | null;
  setupPath: string;
}) {
  const [done, setDone] = useState<string | null>(null);
  const [failed, setFailed] = useState<string | null>(null);
  return (
    <section aria-labelledby="booking-payouts-heading">
      <h2 id="booking-payouts-heading">Payouts for this booking</h2>
      <Notice kind="success">{done}</Notice>
      <Notice kind="error">{failed}</Notice>
      <div className="table-wrap" role="region" aria-label="Payouts for this booking" tabIndex={0}>
        <table aria-label="Payouts for this booking">
          <thead>
            <tr>
              <th>Milestone</th>
              <th className="num">Amount</th>
              <th>Status</th>
              <th>
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {payouts.map((payout) => (
              <tr key={payout.id}>
                <td>{MILESTONE_TEXT[payout.milestone]}</td>
                <td className="num">{formatMoney(payout.amountCents, payout.currency)}</td>
                <td>
                  <StatusPill status={payout.status} />
                  {payout.heldReason ? <div className="muted">{payout.heldReason}</div> : null}
                </td>
                <td>
                  {canRequestPayout(payout, bookingStatus) ? (
                    <RequestPayoutButton
                      payoutId={payout.id}
                      blockedReason={blockedReason}
                      setupPath={setupPath}
                      onDone={(message) => {
                        setFailed(null);
                        setDone(message);
                      }}
                      onError={(error) => {
                        setDone(null);
                        setFailed(formErrors(error, { shown: [] }).summary);
                      }}
                    />
                  ) : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        {payouts.length === 0 ? (
          <EmptyState>
            {isPaid
              ? 'No payouts for this booking.'
              : 'No payouts yet: they are created when the organizer pays.'}
          </EmptyState>
        ) : null}
      </div>
    </section>
  );
}

function DisputeForm({ bookingId }: { bookingId: string }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [reason, setReason] = useState('');
  const [summary, setSummary] = useState<string | null>(null);
  const [errors, setErrors] = useState<FieldMessages>({});
  const [done, setDone] = useState<string | null>(null);
  const open = useMutation(
    trpc.marketplace.openDispute.mutationOptions({
      onMutate: () => setDone(null),
      onError: (error) => {
        const parsed = formErrors(error, { shown: ['reason'] });
        setSummary(parsed.summary);
        setErrors(parsed.fieldErrors);
      },
      onSuccess: async (dispute) => {
        setSummary(null);
        setErrors({});
        setReason('');
        setDone(
          `Dispute opened. An admin will look into it${
            dispute.heldPayouts > 0
              ? `; ${dispute.heldPayouts} payout${dispute.heldPayouts === 1 ? ' is' : 's are'} on hold until then`
              : ''
          }.`,
        );
        await queryClient.invalidateQueries({ queryKey: trpc.marketplace.vendor.pathKey() });
      },
    }),
  );
  const error = errors.reason ?? null;
  return (
    <section aria-labelledby="dispute-heading">
      <h2 id="dispute-heading">Open a dispute</h2>
      <p className="muted">
        Something went wrong with this booking? An admin reviews every dispute; payouts of the
        booking wait until it is resolved.
      </p>
      <Notice kind="error">{summary}</Notice>
      <Notice kind="success">{done}</Notice>
      <form
        aria-label="Open a dispute"
        className="card"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          open.mutate({ bookingId, reason });
        }}
      >
        <fieldset disabled={open.isPending} className="vendor-fieldset">
          <Field id="dispute-reason" label="Describe the problem" error={error} required>
            <textarea
              {...fieldControlProps('dispute-reason', error)}
              value={reason}
              maxLength={4000}
              onChange={(e) => setReason(e.target.value)}
            />
          </Field>
          <div className="form-actions">
            <button type="submit" className="button-danger">
              Open dispute
            </button>
          </div>
        </fieldset>
      </form>
    </section>
  );
}
