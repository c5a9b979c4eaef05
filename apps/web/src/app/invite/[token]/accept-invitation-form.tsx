'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import { useMutation } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { z } from 'zod';
import { acceptInvitationInput } from '@souk/core/client';
import { Field, fieldControlProps } from '@souk/ui';
import { applyFormErrors, formErrors, invalidSubmitSummary } from '@/lib/form-errors';
import { useTRPC } from '@/trpc/react';

// Strength is the server's rule (it answers beside the field); here, what a person can
// see without asking: a name for a new account, and the same new password twice.
const newAccountForm = acceptInvitationInput
  .omit({ token: true })
  .extend({ confirmPassword: z.string() })
  .refine((v) => Boolean(v.name?.trim()), { path: ['name'], message: 'Name is required' })
  .refine((v) => v.password === v.confirmPassword, {
    path: ['confirmPassword'],
    message: 'The two passwords do not match',
  });
const existingAccountForm = acceptInvitationInput
  .omit({ token: true, name: true })
  .extend({ name: z.string().optional(), confirmPassword: z.string().optional() });

export function AcceptInvitationForm({
  token,
  hasAccount,
}: {
  token: string;
  hasAccount: boolean;
}) {
  const trpc = useTRPC();
  const router = useRouter();
  const form = useForm({
    resolver: zodResolver(hasAccount ? existingAccountForm : newAccountForm),
    defaultValues: { name: '', password: '', confirmPassword: '' },
  });
  const { errors } = form.formState;
  const [summary, setSummary] = useState<string | null>(null);
  const [linkProblem, setLinkProblem] = useState<string | null>(null);
  const accept = useMutation(
    trpc.auth.acceptInvitation.mutationOptions({
      onSuccess: (joined) =>
        router.push(
          `/signin?joined=${encodeURIComponent(joined.orgSlug)}&callbackUrl=${encodeURIComponent('/admin')}`,
        ),
      onError: (error) => {
        // The link is not a field anyone can fix: it gets its own message.
        setLinkProblem(formErrors(error).fieldErrors.token ?? null);
        setSummary(applyFormErrors(form.setError, error, { shown: ['name', 'password'] }));
      },
    }),
  );
  const submit = form.handleSubmit(
    ({ name, password }) => {
      setSummary(null);
      setLinkProblem(null);
      accept.mutate({ token, password, ...(hasAccount ? {} : { name }) });
    },
    (invalid) => setSummary(invalidSubmitSummary(invalid)),
  );

  const fields = hasAccount
    ? ([['password', 'Password of your Souk account', 'current-password', undefined]] as const)
    : ([
        ['name', 'Name', 'name', undefined],
        ['password', 'Password', 'new-password', 'At least 10 characters, hard to guess'],
        ['confirmPassword', 'Repeat password', 'new-password', undefined],
      ] as const);

  return (
    <form onSubmit={(e) => void submit(e)} noValidate aria-label="Accept the invitation">
      {(linkProblem ?? summary) ? (
        <div className="notice notice-error" role="alert">
          {linkProblem ?? summary}
        </div>
      ) : null}
      {fields.map(([name, label, autoComplete, hint]) => {
        const error = errors[name]?.message;
        return (
          <div key={name} style={{ marginBottom: '0.75rem' }}>
            <Field id={`invite-${name}`} label={label} error={error} hint={hint} required>
              <input
                {...fieldControlProps(`invite-${name}`, error)}
                {...form.register(name)}
                type={name === 'name' ? 'text' : 'password'}
                autoComplete={autoComplete}
              />
            </Field>
          </div>
        );
      })}
      <div className="form-actions">
        <button type="submit" className="button-primary" disabled={accept.isPending}>
          {accept.isPending ? 'Joining…' : 'Accept invitation'}
        </button>
      </div>
    </form>
  );
}
