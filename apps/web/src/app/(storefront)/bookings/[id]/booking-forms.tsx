'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { cancelBookingInput, openDisputeInput, reportModerationInput } from '@souk/core/client';
import { Field, fieldControlProps, Notice } from '@souk/ui';
import type { MyBooking } from '@/components/organizer/booking-words';
import { TextForm } from '@/components/text-form';
import { applyFormErrors } from '@/lib/form-errors';
import { useTRPC } from '@/trpc/react';

const REPORT_KINDS = [
  { value: 'message', label: 'Message' },
  { value: 'review', label: 'Review' },
  { value: 'profile', label: 'Profile' },
  { value: 'booking_note', label: 'Booking note' },
  { value: 'other', label: 'Other' },
] as const;

const report = reportModerationInput.pick({ kind: true, text: true });

/** Before payment the organizer may withdraw the request, with a reason. */
export function CancelBookingForm({
  bookingId,
  onCancelled,
}: {
  bookingId: string;
  onCancelled: (booking: MyBooking) => void;
}) {
  const trpc = useTRPC();
  const [open, setOpen] = useState(false);
  const cancel = useMutation(
    trpc.marketplace.organizer.cancelBooking.mutationOptions({
      onSuccess: (booking) => {
        setOpen(false);
        onCancelled(booking);
      },
    }),
  );

  return (
    <section aria-labelledby="cancel-heading" className="booking-section">
      <h2 id="cancel-heading">Cancel this booking</h2>
      {!open ? (
        <button type="button" className="button-danger" onClick={() => setOpen(true)}>
          Cancel booking
        </button>
      ) : (
        <TextForm
          label="Cancel booking"
          id="cancel-reason"
          fieldLabel="Reason"
          schema={cancelBookingInput.shape.reason}
          name="reason"
          required
          maxLength={500}
          actions={[
            {
              label: 'Confirm cancellation',
              className: 'button-danger',
              send: (reason) => cancel.mutateAsync({ bookingId, reason }),
            },
          ]}
        >
          <button type="button" onClick={() => setOpen(false)}>
            Keep booking
          </button>
        </TextForm>
      )}
    </section>
  );
}

/** Paid or completed: a problem goes to the platform, and the vendors' payouts wait. */
export function DisputeForm({
  bookingId,
  onOpened,
}: {
  bookingId: string;
  onOpened: () => Promise<void>;
}) {
  const trpc = useTRPC();
  const open = useMutation(trpc.marketplace.openDispute.mutationOptions({ onSuccess: onOpened }));

  return (
    <>
      <h3>Open a dispute</h3>
      {open.isSuccess ? (
        <Notice kind="success">
          Dispute opened. Vendor payouts for this booking are on hold until it is resolved.
        </Notice>
      ) : null}
      <TextForm
        label="Open a dispute"
        id="dispute-reason"
        fieldLabel="Describe the problem"
        schema={openDisputeInput.shape.reason}
        name="reason"
        maxLength={4000}
        actions={[
          { label: 'Open dispute', send: (reason) => open.mutateAsync({ bookingId, reason }) },
        ]}
      />
    </>
  );
}

/** Anything the trust team should look at, tied to this booking. */
export function ReportForm({ bookingId }: { bookingId: string }) {
  const trpc = useTRPC();
  const form = useForm({
    resolver: zodResolver(report),
    defaultValues: { kind: 'message' as const, text: '' },
  });
  const { errors } = form.formState;
  const [summary, setSummary] = useState<string | null>(null);
  const send = useMutation(
    trpc.marketplace.reportContent.mutationOptions({
      onMutate: () => setSummary(null),
      onError: (error) =>
        setSummary(applyFormErrors(form.setError, error, { shown: ['kind', 'text'] })),
      onSuccess: () => form.resetField('text'),
    }),
  );
  const submit = form.handleSubmit((input) => send.mutate({ ...input, bookingId }));

  return (
    <section aria-labelledby="report-heading" className="booking-section">
      <h2 id="report-heading">Report a problem</h2>
      <form aria-label="Report a problem" noValidate onSubmit={(e) => void submit(e)}>
        <Notice kind="error">{summary}</Notice>
        {send.isSuccess ? (
          <Notice kind="success">Thanks — our trust team will review it.</Notice>
        ) : null}
        <div className="form-grid">
          <Field id="report-kind" label="Kind" error={errors.kind?.message}>
            <select
              {...fieldControlProps('report-kind', errors.kind?.message)}
              {...form.register('kind')}
            >
              {REPORT_KINDS.map((k) => (
                <option key={k.value} value={k.value}>
                  {k.label}
                </option>
              ))}
            </select>
          </Field>
        </div>
        <Field id="report-text" label="What happened" error={errors.text?.message}>
          <textarea
            {...fieldControlProps('report-text', errors.text?.message)}
            {...form.register('text')}
            maxLength={4000}
          />
        </Field>
        <div className="form-actions">
          <button type="submit" disabled={send.isPending} aria-busy={send.isPending}>
            Send report
          </button>
        </div>
      </form>
    </section>
  );
}
