'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import { useMutation } from '@tanstack/react-query';
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { z } from 'zod';
import { resetPasswordInput } from '@souk/core/client';
import { Field, fieldControlProps } from '@souk/ui';
import { applyFormErrors, formErrors } from '@/lib/form-errors';
import { useTRPC } from '@/trpc/react';

// The token rides along from the link (the server checks it); the person types the new
// password twice.
const resetForm = resetPasswordInput
  .omit({ token: true })
  .extend({ confirmPassword: z.string() })
  .refine((v) => v.password === v.confirmPassword, {
    path: ['confirmPassword'],
    message: 'The two passwords do not match',
  });

const FIELDS = [
  ['password', 'New password', 'At least 10 characters, hard to guess'],
  ['confirmPassword', 'Repeat new password', undefined],
] as const;

export function ResetPasswordForm({ token }: { token: string }) {
  const trpc = useTRPC();
  const router = useRouter();
  const form = useForm({
    resolver: zodResolver(resetForm),
    defaultValues: { password: '', confirmPassword: '' },
  });
  const { errors } = form.formState;
  const [summary, setSummary] = useState<string | null>(null);
  const [linkProblem, setLinkProblem] = useState<string | null>(null);
  const reset = useMutation(
    trpc.auth.resetPassword.mutationOptions({
      onSuccess: () => router.push('/signin?error=PasswordChanged'),
      onError: (error) => {
        // The token is not a field anyone can fix: its error gets a way to a new link.
        setLinkProblem(formErrors(error).fieldErrors.token ?? null);
        setSummary(applyFormErrors(form.setError, error, { shown: ['password'] }));
      },
    }),
  );
  const submit = form.handleSubmit(({ password }) => {
    setSummary(null);
    setLinkProblem(null);
    reset.mutate({ token, password });
  });

  return (
    <form onSubmit={(e) => void submit(e)} noValidate>
      {linkProblem ? (
        <div className="notice notice-error" role="alert">
          {linkProblem}. <Link href="/signin/forgot">Ask for a new link</Link>
        </div>
      ) : summary ? (
        <div className="notice notice-error" role="alert">
          {summary}
        </div>
      ) : null}
      {FIELDS.map(([name, label, hint]) => {
        const error = errors[name]?.message;
        return (
          <div key={name} style={{ marginBottom: '0.75rem' }}>
            <Field id={`reset-${name}`} label={label} error={error} hint={hint}>
              <input
                {...fieldControlProps(`reset-${name}`, error)}
                {...form.register(name)}
                type="password"
                autoComplete="new-password"
              />
            </Field>
          </div>
        );
      })}
      <div className="form-actions">
        <button type="submit" className="button-primary" disabled={reset.isPending}>
          {reset.isPending ? 'Saving…' : 'Set new password'}
        </button>
      </div>
    </form>
  );
}
