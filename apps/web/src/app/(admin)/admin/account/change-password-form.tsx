'use client';

import { useMutation } from '@tanstack/react-query';
import { TRPCClientError } from '@trpc/client';
import { signOut } from 'next-auth/react';
import { useState, type FormEvent } from 'react';
import { Field, fieldControlProps } from '@souk/ui';
import { useTRPC } from '@/trpc/react';

export function ChangePasswordForm() {
  const trpc = useTRPC();
  const [errors, setErrors] = useState<Record<string, string>>({});
  const change = useMutation(
    trpc.auth.changePassword.mutationOptions({
      onSuccess: () => void signOut({ callbackUrl: '/signin?error=PasswordChanged' }),
      onError: (error) => {
        const fields =
          error instanceof TRPCClientError
            ? (error.data as { fieldErrors?: Record<string, string[]> | null })?.fieldErrors
            : null;
        setErrors(
          Object.fromEntries(
            Object.entries(fields ?? { _: [error.message] }).map(([k, v]) => [
              k,
              v[0] ?? 'Invalid',
            ]),
          ),
        );
      },
    }),
  );

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const text = (name: string) => {
      const value = form.get(name);
      return typeof value === 'string' ? value : '';
    };
    if (text('newPassword') !== text('confirmPassword')) {
      setErrors({ confirmPassword: 'The two new passwords do not match' });
      return;
    }
    setErrors({});
    change.mutate({ currentPassword: text('currentPassword'), newPassword: text('newPassword') });
  }

  return (
    <form onSubmit={onSubmit} noValidate>
      {errors._ ? (
        <div className="notice notice-error" role="alert">
          {errors._}
        </div>
      ) : null}
      {(
        [
          ['currentPassword', 'Current password', 'current-password'],
          ['newPassword', 'New password', 'new-password'],
          ['confirmPassword', 'Repeat new password', 'new-password'],
        ] as const
      ).map(([name, label, autoComplete]) => (
        <div key={name} style={{ marginBottom: '0.75rem' }}>
          <Field
            id={`pw-${name}`}
            label={label}
            error={errors[name]}
            hint={name === 'newPassword' ? 'At least 10 characters' : undefined}
          >
            <input
              {...fieldControlProps(`pw-${name}`, errors[name])}
              name={name}
              type="password"
              autoComplete={autoComplete}
            />
          </Field>
        </div>
      ))}
      <button type="submit" className="button-primary" disabled={change.isPending}>
        Change password
      </button>
    </form>
  );
}
