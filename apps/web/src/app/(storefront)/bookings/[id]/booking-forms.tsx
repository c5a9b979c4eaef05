'use client';

import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { Field, fieldControlProps, Notice } from '@souk/ui';
import type { MyBooking } from '@/components/organizer/booking-words';
import { formErrors, type FieldMessages } from '@/lib/form-errors';
import { useTRPC } from '@/trpc/react';

const REPORT_KINDS = [
  { value: 'message', label: 'Message' },
  { value: 'review', label: 'Review' },
  { value: 'profile', label: 'Profile' },
  { value: 'booking_note', label: 'Booking note' },
  { value: 'other', label: 'Other' },
] as const;
type ReportKind = (typeof REPORT_KINDS)[number]['value'];

/** Failure state shared by the small forms: the alert text and per-field messages. */
function useFormErrors(shown: readonly string[]) {
  const [summary, setSummary] = useState<string | null>(null);
  const [fields, setFields] = useState<FieldMessages>({});
  return {
    summary,
    fields,
    onError: (error: unknown) => {
      const parsed = formErrors(error, { shown });
      setSummary(parsed.summary);
      setFields(parsed.fieldErrors);
    },
    clear: () => {
      setSummary(null);
      setFields({});
    },
  };
}

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
  const [reason, setReason] = useState('');
  const errors = useFormErrors(['reason']);
  const cancel = useMutation(
    trpc.marketplace.organizer.cancel.mutationOptions({
      onMutate: errors.clear,
      onError: errors.onError,
      onSuccess: (booking) => {
        setOpen(false);
        onCancelled(booking);
      },
    }),
  );
  const id = 'cancel-reason';

  return (
    <section aria-labelledby="cancel-heading" className="booking-section">
      <h2 id="cancel-heading">Cancel this booking</h2>
      {!open ? (
        <button type="button" className="button-danger" onClick={() => setOpen(true)}>
          Cancel booking
        </button>
      ) : (
        <form
          aria-label="Cancel booking"
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            if (!cancel.isPending) cancel.mutate({ bookingId, reason });
          }}
        >
          <Notice kind="error">{errors.summary}</Notice>
          <Field id={id} label="Reason" error={errors.fields.reason} required>
            <textarea
              {...fieldControlProps(id, errors.fields.reason)}
              maxLength={500}
              value={reason}
              onChange={(e) => setReason(e.target.value)}
            />
          </Field>
          <div className="form-actions">
            <button
              type="submit"
              className="button-danger"
              disabled={cancel.isPending}
              aria-busy={cancel.isPending}
            >
              Confirm cancellation
            </button>
            <button
              type="button"
              onClick={() => {
                setOpen(false);
                errors.clear();
              }}
            >
              Keep booking
            </button>
          </div>
        </form>
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
  const [reason, setReason] = useState('');
  const [done, setDone] = useState(false);
  const errors = useFormErrors(['reason']);
  const open = useMutation(
    trpc.marketplace.openDispute.mutationOptions({
      onMutate: () => {
        errors.clear();
        setDone(false);
      },
      onError: errors.onError,
      onSuccess: async () => {
        setReason('');
        setDone(true);
        await onOpened();
      },
    }),
  );
  const id = 'dispute-reason';

  return (
    <form
      aria-labelledby="dispute-form-heading"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        if (!open.isPending) open.mutate({ bookingId, reason });
      }}
    >
      <h3 id="dispute-form-heading">Open a dispute</h3>
      <Notice kind="error">{errors.summary}</Notice>
      {done ? (
        <Notice kind="success">
          Dispute opened. Vendor payouts for this booking are on hold until it is resolved.
        </Notice>
      ) : null}
      <Field id={id} label="Describe the problem" error={errors.fields.reason}>
        <textarea
          {...fieldControlProps(id, errors.fields.reason)}
          maxLength={4000}
          value={reason}
          onChange={(e) => setReason(e.target.value)}
        />
      </Field>
      <div className="form-actions">
        <button type="submit" disabled={open.isPending} aria-busy={open.isPending}>
          Open dispute
        </button>
      </div>
    </form>
  );
}

/** Anything the trust team should look at, tied to this booking. */
export function ReportForm({ bookingId }: { bookingId: string }) {
  const trpc = useTRPC();
  const [kind, setKind] = useState<ReportKind>('message');
  const [text, setText] = useState('');
  const [done, setDone] = useState(false);
  const errors = useFormErrors(['kind', 'text']);
  const report = useMutation(
    trpc.marketplace.report.mutationOptions({
      onMutate: () => {
        errors.clear();
        setDone(false);
      },
      onError: errors.onError,
      onSuccess: () => {
        setText('');
        setDone(true);
      },
    }),
  );

  return (
    <section aria-labelledby="report-heading" className="booking-section">
      <h2 id="report-heading">Report a problem</h2>
      <form
        aria-label="Report a problem"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          if (!report.isPending) report.mutate({ kind, bookingId, text });
        }}
      >
        <Notice kind="error">{errors.summary}</Notice>
        {done ? <Notice kind="success">Thanks — our trust team will review it.</Notice> : null}
        <div className="form-grid">
          <Field id="report-kind" label="Kind" error={errors.fields.kind}>
            <select
              {...fieldControlProps('report-kind', errors.fields.kind)}
              value={kind}
              onChange={(e) => setKind(e.target.value as ReportKind)}
            >
              {REPORT_KINDS.map((k) => (
                <option key={k.value} value={k.value}>
                  {k.label}
                </option>
              ))}
            </select>
          </Field>
        </div>
        <Field id="report-text" label="What happened" error={errors.fields.text}>
          <textarea
            {...fieldControlProps('report-text', errors.fields.text)}
            maxLength={4000}
            value={text}
            onChange={(e) => setText(e.target.value)}
          />
        </Field>
        <div className="form-actions">
          <button type="submit" disabled={report.isPending} aria-busy={report.isPending}>
            Send report
          </button>
        </div>
      </form>
    </section>
  );
}
