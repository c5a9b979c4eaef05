'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { useForm, type FieldErrors } from 'react-hook-form';
import { openDisputeInput, vendorApproveInput, vendorCounterInput } from '@souk/core/client';
import { centsToDecimalString, formatMoney, minorUnits, parseMoney } from '@souk/core/money';
import { EmptyState, Field, fieldControlProps, formatDateTime, Notice } from '@souk/ui';
import { BookingFiles } from '@/components/booking-files';
import { ListTable } from '@/components/list-table';
import { TextForm } from '@/components/text-form';
import { draftSchema } from '@/lib/draft-schema';
import { useTRPC } from '@/trpc/react';
import { applyFormErrors, formErrors, invalidSubmitSummary } from '@/lib/form-errors';
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

/**
 * The answer forms' resolver schemas: amounts typed as text become cents (never floats)
 * and are checked with the core approve and counter inputs.
 */
function answerSchemas(currency: string) {
  const invalid = `Enter an amount like ${exampleAmount(currency)}`;
  const cents = (text: string, field: string, errors: Record<string, string>) => {
    const value = parseMoney(text, currency);
    if (value === null) errors[field] = invalid;
    return value ?? undefined;
  };
  return {
    approve: draftSchema({
      schema: vendorApproveInput.omit({ bookingId: true }),
      toInput: (draft: { agreedAmountCents: string; note: string }) => {
        const errors: Record<string, string> = {};
        const agreed = draft.agreedAmountCents.trim();
        const input = {
          agreedAmountCents: agreed ? cents(agreed, 'agreedAmountCents', errors) : undefined,
          note: draft.note.trim() || undefined,
        };
        return { input, errors };
      },
    }),
    counter: draftSchema({
      schema: vendorCounterInput.pick({ proposedAmountCents: true }),
      toInput: (draft: { proposedAmountCents: string }) => {
        const errors: Record<string, string> = {};
        const proposed = draft.proposedAmountCents.trim();
        if (!proposed) errors.proposedAmountCents = 'Enter the amount you propose';
        const parsed = proposed ? cents(proposed, 'proposedAmountCents', errors) : undefined;
        // NaN is never sent: the field's error refuses the draft first.
        return { input: { proposedAmountCents: parsed ?? Number.NaN }, errors };
      },
    }),
  };
}

export function BookingDetail({ bookingId }: { bookingId: string }) {
  const trpc = useTRPC();
  // Kept here: a successful answer closes the forms, and the confirmation must outlive them.
  const [answered, setAnswered] = useState<string | null>(null);
  const detail = useQuery({
    ...trpc.marketplace.vendor.getBooking.queryOptions({ bookingId }),
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

      {/* Having declined, the vendor is no longer part of the booking's files. */}
      {linkage.status === 'declined' ? null : (
        <BookingFiles
          bookingId={bookingId}
          intro="Photos and files of this booking: the organizer sees them here and in their client portal."
        />
      )}

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
  const schemas = useMemo(() => answerSchemas(currency), [currency]);
  // The note belongs to the approve form and goes with every answer.
  const approveForm = useForm({
    resolver: zodResolver(schemas.approve),
    defaultValues: { agreedAmountCents: '', note: '' },
  });
  const counterForm = useForm({
    resolver: zodResolver(schemas.counter),
    defaultValues: { proposedAmountCents: '' },
  });
  const [summary, setSummary] = useState<string | null>(null);

  // Each answer's refusals land on the form that sent it.
  const options = (message: string, refused: (error: unknown) => string | null) => ({
    onMutate: () => {
      onAnswered(null);
      setSummary(null);
    },
    onError: (error: unknown) => setSummary(refused(error)),
    onSuccess: async () => {
      approveForm.reset();
      counterForm.reset();
      onAnswered(message);
      await queryClient.invalidateQueries({ queryKey: trpc.marketplace.vendor.pathKey() });
    },
  });
  const toApproveForm = (shown: string[]) => (error: unknown) =>
    applyFormErrors(approveForm.setError, error, { shown });
  const approve = useMutation(
    trpc.marketplace.vendor.approveBooking.mutationOptions(
      options('You approved this booking.', toApproveForm(['agreedAmountCents', 'note'])),
    ),
  );
  const counter = useMutation(
    trpc.marketplace.vendor.counterBooking.mutationOptions(
      options('Counter-offer sent.', (error) =>
        applyFormErrors(counterForm.setError, error, { shown: ['proposedAmountCents'] }),
      ),
    ),
  );
  const decline = useMutation(
    trpc.marketplace.vendor.declineBooking.mutationOptions(
      options('You declined this booking.', toApproveForm(['note'])),
    ),
  );
  const pending = approve.isPending || counter.isPending || decline.isPending;

  const refuse = (invalid: FieldErrors) => {
    onAnswered(null);
    setSummary(invalidSubmitSummary(invalid));
  };
  /** The note once the approve form's check passes; null when it fails (the error shows beside it). */
  const checkedNote = async () => {
    if (!(await approveForm.trigger('note'))) return null;
    return { note: approveForm.getValues('note').trim() || undefined };
  };
  const submitApprove = approveForm.handleSubmit(
    (input) => approve.mutate({ bookingId, ...input }),
    refuse,
  );
  const submitCounter = counterForm.handleSubmit(async (input) => {
    const note = await checkedNote();
    if (note) counter.mutate({ bookingId, ...input, ...note });
  }, refuse);
  const sendDecline = async () => {
    const note = await checkedNote();
    if (note) decline.mutate({ bookingId, ...note });
  };
  const example = exampleAmount(currency);
  const approveErrors = approveForm.formState.errors;
  const counterErrors = counterForm.formState.errors;

  return (
    <div className="vendor-answer">
      <Notice kind="error">{summary}</Notice>
      <form
        aria-label="Approve"
        className="card"
        noValidate
        onSubmit={(e) => void submitApprove(e)}
      >
        <fieldset disabled={pending} className="vendor-fieldset">
          <div className="form-grid">
            <Field
              id="answer-agreed"
              label="Agreed amount"
              error={approveErrors.agreedAmountCents?.message}
              hint={
                proposedAmountCents === null
                  ? `Your price in ${currency}, e.g. ${example}`
                  : `Leave empty to approve at your proposed ${formatMoney(proposedAmountCents, currency)}`
              }
            >
              <input
                {...fieldControlProps('answer-agreed', approveErrors.agreedAmountCents?.message)}
                {...approveForm.register('agreedAmountCents')}
                inputMode="decimal"
                autoComplete="off"
              />
            </Field>
          </div>
          <div style={{ marginTop: '0.75rem' }}>
            <Field
              id="answer-note"
              label="Note to organizer"
              error={approveErrors.note?.message}
              hint="Sent with your approval or your decline."
            >
              <textarea
                {...fieldControlProps('answer-note', approveErrors.note?.message)}
                {...approveForm.register('note')}
                maxLength={2000}
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
        onSubmit={(e) => void submitCounter(e)}
      >
        <fieldset disabled={pending} className="vendor-fieldset">
          <div className="form-grid">
            <Field
              id="answer-proposed"
              label="Proposed amount"
              error={counterErrors.proposedAmountCents?.message}
              hint={`In ${currency}; the organizer accepts or declines it.`}
            >
              <input
                {...fieldControlProps(
                  'answer-proposed',
                  counterErrors.proposedAmountCents?.message,
                )}
                {...counterForm.register('proposedAmountCents')}
                inputMode="decimal"
                autoComplete="off"
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
          onClick={() => void sendDecline()}
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
      <ListTable
        label="Payouts for this booking"
        rows={payouts}
        emptyText={
          isPaid
            ? 'No payouts for this booking.'
            : 'No payouts yet: they are created when the organizer pays.'
        }
        columns={[
          { header: 'Milestone', cell: (payout) => MILESTONE_TEXT[payout.milestone] },
          {
            header: 'Amount',
            className: 'num',
            cell: (payout) => formatMoney(payout.amountCents, payout.currency),
          },
          {
            header: 'Status',
            cell: (payout) => (
              <>
                <StatusPill status={payout.status} />
                {payout.heldReason ? <div className="muted">{payout.heldReason}</div> : null}
              </>
            ),
          },
          {
            header: 'Actions',
            hideHeader: true,
            cell: (payout) =>
              canRequestPayout(payout, bookingStatus) ? (
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
              ) : null,
          },
        ]}
      />
    </section>
  );
}

function DisputeForm({ bookingId }: { bookingId: string }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const open = useMutation(
    trpc.marketplace.openDispute.mutationOptions({
      onSuccess: () =>
        queryClient.invalidateQueries({ queryKey: trpc.marketplace.vendor.pathKey() }),
    }),
  );
  const held = open.data?.heldPayouts ?? 0;
  return (
    <section aria-labelledby="dispute-heading">
      <h2 id="dispute-heading">Open a dispute</h2>
      <p className="muted">
        Something went wrong with this booking? An admin reviews every dispute; payouts of the
        booking wait until it is resolved.
      </p>
      {open.isSuccess ? (
        <Notice kind="success">
          Dispute opened. An admin will look into it
          {held > 0 ? `; ${held} payout${held === 1 ? ' is' : 's are'} on hold until then` : ''}.
        </Notice>
      ) : null}
      <TextForm
        label="Open a dispute"
        className="card"
        id="dispute-reason"
        fieldLabel="Describe the problem"
        schema={openDisputeInput.shape.reason}
        name="reason"
        required
        maxLength={4000}
        actions={[
          {
            label: 'Open dispute',
            className: 'button-danger',
            send: (reason) => open.mutateAsync({ bookingId, reason }),
          },
        ]}
      />
    </section>
  );
}
