'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import { useMutation } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { z } from 'zod';
import { text } from '@souk/core/validation';
import { ConfirmDialog, Field, fieldControlProps, Notice } from '@souk/ui';
import { applyFormErrors } from '@/lib/form-errors';
import { useTRPC } from '@/trpc/react';

// The key formats are the server's rules (it answers beside the field); here only what a
// person can see without asking.
const credentialsForm = z.object({
  secretKey: text({ min: 1, max: 500, label: 'Secret key' }),
  webhookSecret: text({ max: 500, label: 'Webhook signing secret' }),
});

/** Replaces the org's Stripe keys. The values go to the server once and are never shown again. */
export function StripeCredentialsForm() {
  const trpc = useTRPC();
  const router = useRouter();
  const [summary, setSummary] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const form = useForm({
    resolver: zodResolver(credentialsForm),
    defaultValues: { secretKey: '', webhookSecret: '' },
  });
  const { errors } = form.formState;
  const set = useMutation(trpc.payments.setCredentials.mutationOptions());

  const send = form.handleSubmit(async ({ secretKey, webhookSecret }) => {
    setSummary(null);
    setDone(null);
    try {
      const saved = await set.mutateAsync({
        secretKey,
        webhookSecret: webhookSecret === '' ? undefined : webhookSecret,
      });
      form.reset({ secretKey: '', webhookSecret: '' });
      setDone(
        saved.source === 'org'
          ? `Saved: the secret key ending in ${saved.secretKeyLast4} is in use.`
          : 'Saved.',
      );
      router.refresh();
    } catch (error) {
      setSummary(applyFormErrors(form.setError, error));
    }
  });

  const fields = [
    ['secretKey', 'Secret key', 'sk_test_… or sk_live_…'],
    ['webhookSecret', 'Webhook signing secret (optional)', 'whsec_…'],
  ] as const;
  return (
    <form aria-labelledby="stripe-form-heading" noValidate onSubmit={(e) => e.preventDefault()}>
      <h3 id="stripe-form-heading">Replace the keys</h3>
      <Notice kind="error">{summary}</Notice>
      <Notice kind="success">{done}</Notice>
      {fields.map(([name, label, hint]) => {
        const id = `stripe-${name}`;
        const error = errors[name]?.message;
        return (
          <Field key={name} id={id} label={label} error={error} hint={hint}>
            <input
              {...fieldControlProps(id, error)}
              {...form.register(name)}
              type="password"
              autoComplete="off"
              spellCheck={false}
            />
          </Field>
        );
      })}
      <div className="form-actions">
        <ConfirmDialog
          trigger={
            <button type="button" className="button-primary" disabled={set.isPending}>
              Save keys
            </button>
          }
          title="Replace the Stripe keys?"
          description="Payments and webhooks use the new keys from now on. Check they belong to the right Stripe account."
          confirmLabel="Save keys"
          pendingLabel="Saving…"
          onConfirm={() => send()}
        />
      </div>
    </form>
  );
}
