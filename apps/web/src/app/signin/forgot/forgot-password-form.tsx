'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { requestPasswordResetInput } from '@souk/core/client';
import { Field, fieldControlProps } from '@souk/ui';
import { applyFormErrors } from '@/lib/form-errors';
import { useTRPC } from '@/trpc/react';

// The same words whether or not the address has an account: the form tells nobody who does.
const SENT = 'If an account exists for this email, we sent a link to reset the password.';

export function ForgotPasswordForm() {
  const trpc = useTRPC();
  const form = useForm({
    resolver: zodResolver(requestPasswordResetInput),
    defaultValues: { email: '' },
  });
  const error = form.formState.errors.email?.message;
  const [summary, setSummary] = useState<string | null>(null);
  const request = useMutation(
    trpc.auth.requestPasswordReset.mutationOptions({
      onError: (e) => setSummary(applyFormErrors(form.setError, e)),
    }),
  );
  const submit = form.handleSubmit((input) => {
    setSummary(null);
    request.mutate(input);
  });

  if (request.isSuccess) {
    return (
      <p className="notice notice-success" role="status">
        {SENT} It works for 30 minutes.
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
      <Field id="forgot-email" label="Email" error={error} required>
        <input
          {...fieldControlProps('forgot-email', error)}
          {...form.register('email')}
          type="email"
          autoComplete="email"
        />
      </Field>
      <div className="form-actions">
        <button type="submit" className="button-primary" disabled={request.isPending}>
          {request.isPending ? 'Sending…' : 'Send reset link'}
        </button>
      </div>
    </form>
  );
}
