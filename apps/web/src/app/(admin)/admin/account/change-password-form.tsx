'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import { useMutation } from '@tanstack/react-query';
import { signOut } from 'next-auth/react';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { z } from 'zod';
import { text } from '@souk/core/validation';
import { Field, fieldControlProps } from '@souk/ui';
import { applyFormErrors } from '@/lib/form-errors';
import { useTRPC } from '@/trpc/react';

// Strength and reuse are the server's rules (it answers on the field); here only what a
// person can see without asking: something typed, and the same new password twice.
const passwordChange = z
  .object({
    // Not trimmed: spaces are part of a password.
    currentPassword: text({ min: 1, max: 1024, trim: false, label: 'Current password' }),
    newPassword: text({ min: 1, max: 1024, trim: false, label: 'New password' }),
    confirmPassword: z.string(),
  })
  .refine((v) => v.newPassword === v.confirmPassword, {
    path: ['confirmPassword'],
    message: 'The two new passwords do not match',
  });

const FIELDS = [
  ['currentPassword', 'Current password', 'current-password'],
  ['newPassword', 'New password', 'new-password'],
  ['confirmPassword', 'Repeat new password', 'new-password'],
] as const;

export function ChangePasswordForm() {
  const trpc = useTRPC();
  const form = useForm({
    resolver: zodResolver(passwordChange),
    defaultValues: { currentPassword: '', newPassword: '', confirmPassword: '' },
  });
  const { errors } = form.formState;
  const [summary, setSummary] = useState<string | null>(null);
  const change = useMutation(
    trpc.auth.changePassword.mutationOptions({
      onSuccess: () => void signOut({ callbackUrl: '/signin?error=PasswordChanged' }),
      onError: (error) => setSummary(applyFormErrors(form.setError, error)),
    }),
  );
  const submit = form.handleSubmit(({ currentPassword, newPassword }) => {
    setSummary(null);
    change.mutate({ currentPassword, newPassword });
  });

  return (
    <form onSubmit={(e) => void submit(e)} noValidate>
      {summary ? (
        <div className="notice notice-error" role="alert">
          {summary}
        </div>
      ) : null}
      {FIELDS.map(([name, label, autoComplete]) => {
        const error = errors[name]?.message;
        return (
          <div key={name} style={{ marginBottom: '0.75rem' }}>
            <Field
              id={`pw-${name}`}
              label={label}
              error={error}
              hint={name === 'newPassword' ? 'At least 10 characters' : undefined}
            >
              <input
                {...fieldControlProps(`pw-${name}`, error)}
                {...form.register(name)}
                type="password"
                autoComplete={autoComplete}
              />
            </Field>
          </div>
        );
      })}
      <button type="submit" className="button-primary" disabled={change.isPending}>
        Change password
      </button>
    </form>
  );
}
