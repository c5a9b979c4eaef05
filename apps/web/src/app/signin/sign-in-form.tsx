'use client';

import { signIn } from 'next-auth/react';
import { useRouter } from 'next/navigation';
import { useState, type FormEvent } from 'react';

export function describeSignInError(error: string | null): string | null {
  if (!error) return null;
  if (error.startsWith('RateLimited')) {
    const seconds = Number(error.split(':')[1]);
    return `Too many sign-in attempts. Try again in ${Number.isFinite(seconds) && seconds > 0 ? seconds : 60} seconds.`;
  }
  if (error === 'CredentialsSignin') return 'Email or password is incorrect.';
  if (error === 'SessionRequired') return 'Please sign in to continue.';
  if (error === 'PasswordChanged') return 'Password changed. Sign in with your new password.';
  return 'Sign-in failed. Please try again.';
}

export function SignInForm({
  callbackUrl,
  initialError,
}: {
  callbackUrl: string;
  initialError: string | null;
}) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(describeSignInError(initialError));
  const [pending, setPending] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const text = (name: string) => {
      const value = form.get(name);
      return typeof value === 'string' ? value : '';
    };
    setPending(true);
    setError(null);
    const result = await signIn('credentials', {
      redirect: false,
      email: text('email'),
      password: text('password'),
      callbackUrl,
    });
    setPending(false);
    if (!result || result.error) {
      setError(describeSignInError(result?.error ?? 'Unknown'));
      return;
    }
    router.push(callbackUrl);
    router.refresh();
  }

  return (
    <form onSubmit={(e) => void onSubmit(e)} noValidate>
      {error ? (
        <div role="alert" className="notice notice-error">
          {error}
        </div>
      ) : null}
      <div className="field">
        <label htmlFor="email">Email</label>
        <input id="email" name="email" type="email" autoComplete="username" required />
      </div>
      <div className="field" style={{ marginTop: '0.75rem' }}>
        <label htmlFor="password">Password</label>
        <input
          id="password"
          name="password"
          type="password"
          autoComplete="current-password"
          required
        />
      </div>
      <div className="form-actions">
        <button type="submit" className="button-primary" disabled={pending}>
          {pending ? 'Signing in…' : 'Sign in'}
        </button>
      </div>
    </form>
  );
}
