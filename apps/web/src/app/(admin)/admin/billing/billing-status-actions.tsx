'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import { useMutation } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { billingReasonInput, REASON_CODE_MAX } from '@souk/core/client';
import { ConfirmDialog, Field, fieldControlProps, Notice } from '@souk/ui';
import { applyFormErrors } from '@/lib/form-errors';
import { useTRPC } from '@/trpc/react';

const COPY = {
  active: {
    heading: 'Pause billing',
    button: 'Pause billing',
    pending: 'Pausing…',
    title: 'Pause billing?',
    description:
      'Organizers cannot send new booking requests while billing is paused. Limits and plan details stay as they are.',
    done: 'Billing is paused.',
  },
  paused: {
    heading: 'Resume billing',
    button: 'Resume billing',
    pending: 'Resuming…',
    title: 'Resume billing?',
    description: 'Organizers can send booking requests again.',
    done: 'Billing is active again.',
  },
} as const;

/**
 * Pause (when active) or resume (when paused), each with a reason code and asked in a
 * dialog first. The reason is checked by the same schema the server uses; the page is
 * server-rendered, so it is refreshed afterwards.
 */
export function BillingStatusActions({ status }: { status: 'active' | 'paused' }) {
  const trpc = useTRPC();
  const router = useRouter();
  const copy = COPY[status];
  const [summary, setSummary] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const form = useForm({
    resolver: zodResolver(billingReasonInput),
    defaultValues: { reasonCode: '' },
  });
  const { errors } = form.formState;
  const pause = useMutation(trpc.billing.pauseBilling.mutationOptions());
  const resume = useMutation(trpc.billing.resumeBilling.mutationOptions());
  const mutation = status === 'active' ? pause : resume;

  const send = form.handleSubmit(async (input) => {
    setSummary(null);
    setDone(null);
    try {
      await mutation.mutateAsync(input);
      form.reset({ reasonCode: '' });
      setDone(copy.done);
      router.refresh();
    } catch (error) {
      setSummary(applyFormErrors(form.setError, error, { shown: ['reasonCode'] }));
    }
  });

  const id = 'billing-reason-code';
  return (
    <form
      aria-labelledby="billing-action-heading"
      noValidate
      onSubmit={(e) => {
        // Sent from the dialog's confirm button only.
        e.preventDefault();
      }}
    >
      <h3 id="billing-action-heading">{copy.heading}</h3>
      <Notice kind="error">{summary}</Notice>
      <Notice kind="success">{done}</Notice>
      <Field
        id={id}
        label="Reason code"
        error={errors.reasonCode?.message}
        hint={`Up to ${REASON_CODE_MAX} characters, e.g. customer_request`}
      >
        <input
          {...fieldControlProps(id, errors.reasonCode?.message)}
          {...form.register('reasonCode')}
        />
      </Field>
      <div className="form-actions">
        <ConfirmDialog
          trigger={
            <button
              type="button"
              className={status === 'active' ? 'button-danger' : 'button-primary'}
              disabled={mutation.isPending}
            >
              {copy.button}
            </button>
          }
          title={copy.title}
          description={copy.description}
          confirmLabel={copy.button}
          pendingLabel={copy.pending}
          tone={status === 'active' ? 'danger' : 'primary'}
          onConfirm={() => send()}
        />
      </div>
    </form>
  );
}
