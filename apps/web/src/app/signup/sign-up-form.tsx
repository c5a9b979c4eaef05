'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import { useMutation } from '@tanstack/react-query';
import { signIn } from 'next-auth/react';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { signUpInput } from '@souk/core/client';
import { Field, fieldControlProps } from '@souk/ui';
import { applyFormErrors, invalidSubmitSummary } from '@/lib/form-errors';
import { useTRPC } from '@/trpc/react';

const FIELDS = [
  ['email', 'Email', 'email', 'email', undefined],
  ['name', 'Name', 'text', 'name', undefined],
  ['password', 'Password', 'password', 'new-password', 'At least 10 characters, hard to guess'],
] as const;

export function SignUpForm({ callbackUrl }: { callbackUrl: string }) {
  const trpc = useTRPC();
  const router = useRouter();
  const form = useForm({
    resolver: zodResolver(signUpInput),
    defaultValues: { email: '', name: '', password: '' },
  });
  const { errors } = form.formState;
  const [summary, setSummary] = useState<string | null>(null);
  const [signingIn, setSigningIn] = useState(false);

  const signUp = useMutation(
    trpc.auth.signUp.mutationOptions({
      onError: (error) => setSummary(applyFormErrors(form.setError, error)),
      onSuccess: async (_data, input) => {
        // The account exists: signing in is the usual credentials sign-in, which opens
        // the server-side session like any other.
        setSigningIn(true);
        const result = await signIn('credentials', {
          redirect: false,
          email: input.email,
          password: input.password,
          callbackUrl,
        });
        setSigningIn(false);
        if (!result || result.error) {
          router.push(`/signin?callbackUrl=${encodeURIComponent(callbackUrl)}`);
          return;
        }
        router.push(callbackUrl);
        router.refresh();
      },
    }),
  );
  const submit = form.handleSubmit(
    (input) => {
      setSummary(null);
      signUp.mutate(input);
    },
    (invalid) => setSummary(invalidSubmitSummary(invalid)),
  );
  const pending = signUp.isPending || signingIn;

  return (
    <form onSubmit={(e) => void submit(e)} noValidate>
      {summary ? (
        <div className="notice notice-error" role="alert">
          {summary}
        </div>
      ) : null}
      {FIELDS.map(([name, label, type, autoComplete, hint]) => {
        const error = errors[name]?.message;
        return (
          <div key={name} style={{ marginBottom: '0.75rem' }}>
            <Field id={`signup-${name}`} label={label} error={error} hint={hint} required>
              <input
                {...fieldControlProps(`signup-${name}`, error)}
                {...form.register(name)}
                type={type}
                autoComplete={autoComplete}
              />
            </Field>
          </div>
        );
      })}
      <div className="form-actions">
        <button type="submit" className="button-primary" disabled={pending}>
          {pending ? 'Creating your account…' : 'Create account'}
        </button>
      </div>
    </form>
  );
}
