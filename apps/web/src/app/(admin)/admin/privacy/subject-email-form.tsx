'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import type { z } from 'zod';
import { Field, fieldControlProps, Notice } from '@souk/ui';
import { applyFormErrors } from '@/lib/form-errors';
import { useTRPC } from '@/trpc/react';

export interface SubjectEmailInput {
  email: string;
}

/**
 * A privacy request about the person with one email address (export, deletion): the
 * outcome in words above the field, and the requests table refreshed either way.
 */
export function SubjectEmailForm({
  label,
  id,
  schema,
  hint,
  submitLabel,
  clearOnDone = false,
  send,
}: {
  /** The form's accessible name. */
  label: string;
  id: string;
  /** The core input schema, so the browser checks what the server will. */
  schema: z.ZodType<SubjectEmailInput, SubjectEmailInput>;
  hint?: string;
  submitLabel: string;
  clearOnDone?: boolean;
  /** Sends the request (`mutateAsync`) and says in words what it did. */
  send: (input: SubjectEmailInput) => Promise<string>;
}) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [summary, setSummary] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const form = useForm({ resolver: zodResolver(schema), defaultValues: { email: '' } });
  const { errors, isSubmitting } = form.formState;
  const submit = form.handleSubmit(async (input) => {
    setSummary(null);
    setDone(null);
    try {
      setDone(await send(input));
      if (clearOnDone) form.reset();
    } catch (error) {
      setSummary(applyFormErrors(form.setError, error, { shown: ['email'] }));
    } finally {
      void queryClient.invalidateQueries({ queryKey: trpc.privacy.pathKey() });
    }
  });
  return (
    <form aria-label={label} noValidate onSubmit={(e) => void submit(e)}>
      <Notice kind="error">{summary}</Notice>
      <Notice kind="success">{done}</Notice>
      <Field id={id} label="Email address" error={errors.email?.message} hint={hint}>
        <input
          {...fieldControlProps(id, errors.email?.message)}
          {...form.register('email')}
          type="email"
          autoComplete="off"
        />
      </Field>
      <div className="form-actions">
        <button type="submit" className="button-primary" disabled={isSubmitting}>
          {submitLabel}
        </button>
      </div>
    </form>
  );
}
