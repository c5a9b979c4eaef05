'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { exportPersonalDataForm } from '@souk/core/client';
import { Field, fieldControlProps, Notice } from '@souk/ui';
import { applyFormErrors } from '@/lib/form-errors';
import { useTRPC } from '@/trpc/react';

/** Offers the bundle as a file: the browser saves it, nothing is kept on the server. */
function download(fileName: string, bundle: unknown) {
  const blob = new Blob([JSON.stringify(bundle, null, 2)], { type: 'application/json' });
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  URL.revokeObjectURL(url);
}

export function ExportForm() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [summary, setSummary] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const form = useForm({
    resolver: zodResolver(exportPersonalDataForm),
    defaultValues: { email: '' },
  });
  const { errors } = form.formState;
  const run = useMutation(
    trpc.privacy.exportPersonalData.mutationOptions({
      onMutate: () => {
        setSummary(null);
        setDone(null);
      },
      onSuccess: ({ bundle, requestId }) => {
        download(`personal-data-${requestId}.json`, bundle);
        setDone(
          `Downloaded: ${bundle.orders.length} orders, ${bundle.invoices.length} invoices, ` +
            `${bundle.bookings.length} bookings, ${bundle.files.length} files.`,
        );
      },
      onError: (error) => setSummary(applyFormErrors(form.setError, error, { shown: ['email'] })),
      onSettled: () => queryClient.invalidateQueries({ queryKey: trpc.privacy.pathKey() }),
    }),
  );
  const submit = form.handleSubmit((input) => run.mutate(input));
  const id = 'privacy-export-email';
  return (
    <form aria-label="Export personal data" noValidate onSubmit={(e) => void submit(e)}>
      <Notice kind="error">{summary}</Notice>
      <Notice kind="success">{done}</Notice>
      <Field id={id} label="Email address" error={errors.email?.message}>
        <input
          {...fieldControlProps(id, errors.email?.message)}
          {...form.register('email')}
          type="email"
          autoComplete="off"
        />
      </Field>
      <div className="form-actions">
        <button type="submit" className="button-primary" disabled={run.isPending}>
          Download JSON
        </button>
      </div>
    </form>
  );
}
