'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import { useForm } from 'react-hook-form';
import { resolveDisputeInput } from '@souk/core/client';
import { Field, fieldControlProps } from '@souk/ui';
import type { RouterInputs } from '@souk/api';
import { DISPUTE_RESOLUTIONS } from '../_components/options';

type Resolution = RouterInputs['marketplace']['admin']['resolveDispute']['status'];

const resolution = resolveDisputeInput.pick({ status: true, note: true });

/** The page's notice shows how the resolution went, so `onResolve` only starts it. */
export function ResolveForm({
  disputeId,
  pending,
  onResolve,
}: {
  disputeId: string;
  pending: boolean;
  onResolve: (status: Resolution, note: string) => void;
}) {
  // No default resolution: releasing or reversing money is always an explicit choice.
  const form = useForm({ resolver: zodResolver(resolution), defaultValues: { note: '' } });
  const { errors } = form.formState;
  const selectId = `dispute-resolution-${disputeId}`;
  const noteId = `dispute-note-${disputeId}`;
  const submit = form.handleSubmit(({ status, note }) => onResolve(status, note));
  return (
    <form
      className="reason-form"
      aria-label="Resolve dispute"
      noValidate
      onSubmit={(e) => void submit(e)}
    >
      <Field id={selectId} label="Resolution" error={errors.status?.message}>
        <select
          {...fieldControlProps(selectId, errors.status?.message)}
          {...form.register('status')}
        >
          <option value="">Choose…</option>
          {DISPUTE_RESOLUTIONS.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </select>
      </Field>
      <Field id={noteId} label="Resolution note" error={errors.note?.message}>
        <textarea
          {...fieldControlProps(noteId, errors.note?.message)}
          {...form.register('note')}
          rows={3}
        />
      </Field>
      <div className="inline-actions">
        <button type="submit" className="button-small button-primary" disabled={pending}>
          Resolve
        </button>
      </div>
    </form>
  );
}
