'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { requestDeletionInput } from '@souk/core/client';
import { Field, fieldControlProps, Notice } from '@souk/ui';
import { applyFormErrors } from '@/lib/form-errors';
import { useTRPC } from '@/trpc/react';

export function DeletionForm() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [summary, setSummary] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const form = useForm({
    resolver: zodResolver(requestDeletionInput),
    defaultValues: { email: '' },
  });
  const { errors } = form.formState;
  const run = useMutation(
    trpc.privacy.requestDeletion.mutationOptions({
      onMutate: () => {
        setSummary(null);
        setDone(null);
      },
      onSuccess: ({ created, matched }) => {
        const found = matched.account
          ? `an account and ${matched.orders} orders`
          : `${matched.orders} orders`;
        setDone(
          created
            ? `Deletion requested (${found} found). Retention cleanup erases them.`
            : `A deletion request for this person is already pending (${found} found).`,
        );
        form.reset();
      },
      onError: (error) => setSummary(applyFormErrors(form.setError, error, { shown: ['email'] })),
      onSettled: () => queryClient.invalidateQueries({ queryKey: trpc.privacy.pathKey() }),
    }),
  );
  const submit = form.handleSubmit((input) => run.mutate(input));
  const id = 'privacy-deletion-email';
  return (
    <form aria-label="Request deletion" noValidate onSubmit={(e) => void submit(e)}>
      <Notice kind="error">{summary}</Notice>
      <Notice kind="success">{done}</Notice>
      <Field
        id={id}
        label="Email address"
        error={errors.email?.message}
        hint="Orders placed as a guest with this email count too."
      >
        <input
          {...fieldControlProps(id, errors.email?.message)}
          {...form.register('email')}
          type="email"
          autoComplete="off"
        />
      </Field>
      <div className="form-actions">
        <button type="submit" className="button-primary" disabled={run.isPending}>
          Request deletion
        </button>
      </div>
    </form>
  );
}
