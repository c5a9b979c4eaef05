'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import { useMutation } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { percentToBps, taxRateForm } from '@souk/core/client';
import { ConfirmDialog, Field, fieldControlProps, Notice } from '@souk/ui';
import { applyFormErrors } from '@/lib/form-errors';
import { useTRPC } from '@/trpc/react';

/** The tax rate as a percentage; sent as basis points (8.25% = 825), never via a float. */
export function TaxRateForm({ percent }: { percent: string }) {
  const trpc = useTRPC();
  const router = useRouter();
  const [summary, setSummary] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const form = useForm({ resolver: zodResolver(taxRateForm), defaultValues: { percent } });
  const { errors } = form.formState;
  const update = useMutation(trpc.org.updateTaxRate.mutationOptions());

  const send = form.handleSubmit(async ({ percent: typed }) => {
    setSummary(null);
    setDone(null);
    try {
      await update.mutateAsync({ taxRateBps: percentToBps(typed) });
      setDone(`The tax rate is now ${typed}% for new invoices.`);
      router.refresh();
    } catch (error) {
      setSummary(
        applyFormErrors(form.setError, error, {
          toField: (path) => (path === 'taxRateBps' ? 'percent' : null),
        }),
      );
    }
  });

  const id = 'tax-rate-percent';
  return (
    <form aria-label="Change the tax rate" noValidate onSubmit={(e) => e.preventDefault()}>
      <Notice kind="error">{summary}</Notice>
      <Notice kind="success">{done}</Notice>
      <Field
        id={id}
        label="Tax rate (%)"
        error={errors.percent?.message}
        hint="0 to 100, at most two decimals (8.25 for 8.25%)"
      >
        <input
          {...fieldControlProps(id, errors.percent?.message)}
          {...form.register('percent')}
          inputMode="decimal"
        />
      </Field>
      <div className="form-actions">
        <ConfirmDialog
          trigger={
            <button type="button" className="button-primary" disabled={update.isPending}>
              Save tax rate
            </button>
          }
          title="Change the tax rate?"
          description="Invoices issued from now on use the new rate. Invoices already issued keep theirs."
          confirmLabel="Save tax rate"
          pendingLabel="Saving…"
          onConfirm={() => send()}
        />
      </div>
    </form>
  );
}
