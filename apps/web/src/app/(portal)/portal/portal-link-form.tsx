'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { requestPortalLinkInput } from '@souk/core/client';
import { Field, fieldControlProps } from '@souk/ui';
import { applyFormErrors } from '@/lib/form-errors';
import { useTRPC } from '@/trpc/react';

export function PortalLinkForm() {
  const trpc = useTRPC();
  const form = useForm({
    resolver: zodResolver(requestPortalLinkInput),
    defaultValues: { email: '' },
  });
  const error = form.formState.errors.email?.message;
  const [summary, setSummary] = useState<string | null>(null);
  const request = useMutation(
    trpc.portal.requestLink.mutationOptions({
      onError: (e) => setSummary(applyFormErrors(form.setError, e)),
    }),
  );
  const submit = form.handleSubmit((input) => {
    setSummary(null);
    request.mutate(input);
  });

  if (request.isSuccess) {
    // The same words whether or not the address is known (the server says them).
    return (
      <p className="notice notice-success" role="status">
        {request.data.message}. Open it on this device; it works once.
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
      <Field id="portal-email" label="Email" error={error} required>
        <input
          {...fieldControlProps('portal-email', error)}
          {...form.register('email')}
          type="email"
          autoComplete="email"
        />
      </Field>
      <div className="form-actions">
        <button type="submit" className="button-primary" disabled={request.isPending}>
          {request.isPending ? 'Sending…' : 'Email me a link'}
        </button>
      </div>
    </form>
  );
}
