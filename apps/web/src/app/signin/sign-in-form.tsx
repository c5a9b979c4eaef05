'use client';

import { signIn } from 'next-auth/react';
import { useRouter } from 'next/navigation';
import { useEffect, useRef, useState, type FormEvent } from 'react';

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

// The server answers `mfa_required` (no code), `mfa_required:invalid` or
// `mfa_required:rate_limited:<seconds>`, and only after a correct password.
export function isMfaRequired(error: string | null | undefined): boolean {
  return error === 'mfa_required' || Boolean(error?.startsWith('mfa_required:'));
}

/** The words beside the code field; null when it simply needs filling in. */
export function describeMfaError(error: string, codeGiven: boolean): string | null {
  if (error.startsWith('mfa_required:rate_limited')) {
    const seconds = Number(error.split(':')[2]);
    return `Too many codes tried. Try again in ${Number.isFinite(seconds) && seconds > 0 ? seconds : 60} seconds.`;
  }
  if (error === 'mfa_required:invalid') {
    return 'That code is not valid. Enter the current 6-digit code from your authenticator app, or an unused recovery code.';
  }
  return codeGiven ? 'Enter the 6-digit code from your authenticator app.' : null;
}

export function SignInForm({
  callbackUrl,
  initialError,
}: {
  callbackUrl: string;
  initialError: string | null;
}) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(
    isMfaRequired(initialError) ? null : describeSignInError(initialError),
  );
  const [pending, setPending] = useState(false);
  // Shown once the password was right and the account has two-step verification on.
  const [needsCode, setNeedsCode] = useState(isMfaRequired(initialError));
  const [codeError, setCodeError] = useState<string | null>(
    initialError && isMfaRequired(initialError) ? describeMfaError(initialError, true) : null,
  );
  const codeRef = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (needsCode) codeRef.current?.focus();
  }, [needsCode]);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const text = (name: string) => {
      const value = form.get(name);
      return typeof value === 'string' ? value : '';
    };
    const code = needsCode ? text('code').trim() : '';
    // An empty code would only spend one of the few sign-in attempts a minute.
    if (needsCode && !code) {
      setCodeError('Enter the 6-digit code from your authenticator app.');
      codeRef.current?.focus();
      return;
    }
    setPending(true);
    setError(null);
    setCodeError(null);
    const result = await signIn('credentials', {
      redirect: false,
      email: text('email'),
      password: text('password'),
      ...(code ? { code } : {}),
      callbackUrl,
    });
    setPending(false);
    if (result?.error && isMfaRequired(result.error)) {
      setNeedsCode(true);
      setCodeError(describeMfaError(result.error, needsCode));
      if (needsCode) codeRef.current?.focus();
      return;
    }
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
      {needsCode ? (
        <div style={{ marginTop: '0.75rem' }}>
          {codeError ? null : (
            <p role="status" className="notice">
              Two-step verification is on for this account: enter the code from your authenticator
              app to finish signing in.
            </p>
          )}
          <div className="field" data-invalid={codeError ? 'true' : undefined}>
            <label htmlFor="code">6-digit code</label>
            <input
              ref={codeRef}
              id="code"
              name="code"
              type="text"
              inputMode="numeric"
              autoComplete="one-time-code"
              maxLength={32}
              aria-invalid={codeError ? true : undefined}
              aria-describedby={codeError ? 'code-hint code-error' : 'code-hint'}
              required
            />
            <span id="code-hint" className="field-hint">
              From your authenticator app, or use one of your recovery codes.
            </span>
            {codeError ? (
              <span id="code-error" className="field-error" role="alert">
                {codeError}
              </span>
            ) : null}
          </div>
        </div>
      ) : null}
      <div className="form-actions">
        <button type="submit" className="button-primary" disabled={pending}>
          {pending ? 'Signing in…' : 'Sign in'}
        </button>
      </div>
    </form>
  );
}
