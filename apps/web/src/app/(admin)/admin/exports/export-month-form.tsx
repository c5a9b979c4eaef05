'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { exportMonthInput } from '@souk/core/client';
import { Field, fieldControlProps, Notice } from '@souk/ui';
import { applyFormErrors } from '@/lib/form-errors';
import { useTRPC } from '@/trpc/react';

function lastMonth(): string {
  const now = new Date();
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 1, 1))
    .toISOString()
    .slice(0, 7);
}

/** "Export a month" (finance.manage): the monthly job's builder, for any month. */
export function ExportMonthForm() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [summary, setSummary] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const form = useForm({
    resolver: zodResolver(exportMonthInput),
    defaultValues: { month: lastMonth() },
  });
  const { errors } = form.formState;
  const run = useMutation(
    trpc.finance.exportMonth.mutationOptions({
      onMutate: () => {
        setSummary(null);
        setDone(null);
      },
      onSuccess: ({ exportEvent, created }) =>
        setDone(
          created
            ? `Exported ${exportEvent.fileName} (${exportEvent.rowCount} invoices).`
            : `${exportEvent.fileName} was exported already; it is in the list below.`,
        ),
      onError: (error) => setSummary(applyFormErrors(form.setError, error, { shown: ['month'] })),
      onSettled: () => queryClient.invalidateQueries({ queryKey: trpc.finance.pathKey() }),
    }),
  );
  const submit = form.handleSubmit((input) => run.mutate(input));
  const id = 'export-month';
  return (
    <form aria-label="Export a month" noValidate onSubmit={(e) => void submit(e)}>
      <Notice kind="error">{summary}</Notice>
      <Notice kind="success">{done}</Notice>
      <Field id={id} label="Month" error={errors.month?.message} hint="YYYY-MM, in UTC">
        <input
          {...fieldControlProps(id, errors.month?.message)}
          {...form.register('month')}
          type="month"
        />
      </Field>
      <div className="form-actions">
        <button type="submit" className="button-primary" disabled={run.isPending}>
          Export month
        </button>
      </div>
    </form>
  );
}
