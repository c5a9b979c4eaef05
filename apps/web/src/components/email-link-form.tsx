'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import type { UseMutationResult } from '@tanstack/react-query';
import { useState, type ReactNode } from 'react';
import { useForm } from 'react-hook-form';
import type { z } from 'zod';
import { Field, fieldControlProps } from '@souk/ui';
import { applyFormErrors } from '@/lib/form-errors';

export interface EmailInput {
  email: string;
}

/**
 * "Email me a link" (portal sign-in, password reset): one email field, then the same notice
 * whether or not the address is known, so the form tells nobody who has an account.
 */
export function EmailLinkForm<TData, TError>({
  id,
  schema,
  mutation,
  submitLabel,
  sent,
}: {
  /** The email field's id. */
  id: string;
  /** The procedure's input schema from core, so the browser checks what the server will. */
  schema: z.ZodType<EmailInput, EmailInput>;
  /** The procedure that sends the link. */
  mutation: UseMutationResult<TData, TError, EmailInput>;
  submitLabel: string;
  /** The notice shown once the request is accepted. */
  sent: (data: TData) => ReactNode;
}) {
  const form = useForm({ resolver: zodResolver(schema), defaultValues: { email: '' } });
  const error = form.formState.errors.email?.message;
  const [summary, setSummary] = useState<string | null>(null);
  const submit = form.handleSubmit((input) => {
    setSummary(null);
    mutation.mutate(input, {
      onError: (e) => setSummary(applyFormErrors(form.setError, e)),
    });
  });

  if (mutation.isSuccess) {
    return (
      <p className="notice notice-success" role="status">
        {sent(mutation.data)}
      </p>
    );
  }
  return (
    <form onSubmit={(e) => void submit(e)} noValidate>
      {summary ? (
        <div className="notice notice-error" role="alert">
          {summary}
        </div>
      ) : null}
      <Field id={id} label="Email" error={error} required>
        <input
          {...fieldControlProps(id, error)}
          {...form.register('email')}
          type="email"
          autoComplete="email"
        />
      </Field>
      <div className="form-actions">
        <button type="submit" className="button-primary" disabled={mutation.isPending}>
          {mutation.isPending ? 'Sending…' : submitLabel}
        </button>
      </div>
    </form>
  );
}
