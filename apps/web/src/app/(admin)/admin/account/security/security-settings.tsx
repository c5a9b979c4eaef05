'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import { useMutation } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { useState, useTransition } from 'react';
import { useForm } from 'react-hook-form';
import { z } from 'zod';
import { text } from '@souk/core/validation';
import { Field, fieldControlProps, Notice } from '@souk/ui';
import { applyFormErrors } from '@/lib/form-errors';
import { useTRPC } from '@/trpc/react';
import { startEnrollmentAction, type StartEnrollmentResult } from './actions';

const codeForm = z.object({
  code: text({
    min: 1,
    max: 32,
    label: 'Code',
    minMessage: 'Enter the 6-digit code from your authenticator app',
  }),
});

/** One code field and its button; errors from the server land beside the field. */
function CodeForm({
  id,
  submitLabel,
  pending,
  submit,
}: {
  id: string;
  submitLabel: string;
  pending: boolean;
  submit: (code: string) => Promise<unknown>;
}) {
  const form = useForm({ resolver: zodResolver(codeForm), defaultValues: { code: '' } });
  const [summary, setSummary] = useState<string | null>(null);
  const onSubmit = form.handleSubmit(async ({ code }) => {
    setSummary(null);
    try {
      await submit(code);
    } catch (error) {
      setSummary(applyFormErrors(form.setError, error));
    }
  });
  const error = form.formState.errors.code?.message;
  return (
    <form onSubmit={(e) => void onSubmit(e)} noValidate>
      {summary ? <Notice kind="error">{summary}</Notice> : null}
      <div style={{ marginBottom: '0.75rem', maxWidth: 240 }}>
        <Field id={id} label="6-digit code" error={error}>
          <input
            {...fieldControlProps(id, error)}
            {...form.register('code')}
            type="text"
            inputMode="numeric"
            autoComplete="one-time-code"
            maxLength={32}
          />
        </Field>
      </div>
      <button type="submit" className="button-primary" disabled={pending}>
        {submitLabel}
      </button>
    </form>
  );
}

/** Recovery codes, in clear text this once: copy, download, then they are gone. */
function RecoveryCodes({ codes, onDone }: { codes: string[]; onDone: () => void }) {
  const [copied, setCopied] = useState(false);
  const body = `Souk recovery codes (each works once)\n\n${codes.join('\n')}\n`;
  return (
    <section aria-labelledby="recovery-codes-title">
      <h2 id="recovery-codes-title" style={{ marginTop: 0 }}>
        Your recovery codes
      </h2>
      <p>
        Keep these somewhere safe. Each one signs you in once if you lose your authenticator app.{' '}
        <strong>This is the only time they are shown.</strong>
      </p>
      <ul
        aria-label="Recovery codes"
        style={{ columns: 2, listStyle: 'none', paddingLeft: 0, fontSize: '1.1rem' }}
      >
        {codes.map((code) => (
          <li key={code}>
            <code>{code}</code>
          </li>
        ))}
      </ul>
      <div className="form-actions">
        <button
          type="button"
          onClick={() =>
            void navigator.clipboard.writeText(codes.join('\n')).then(() => setCopied(true))
          }
        >
          Copy codes
        </button>
        <a
          className="button"
          href={`data:text/plain;charset=utf-8,${encodeURIComponent(body)}`}
          download="souk-recovery-codes.txt"
        >
          Download codes
        </a>
        <button type="button" className="button-primary" onClick={onDone}>
          I have saved them
        </button>
      </div>
      {copied ? <Notice kind="success">Copied to the clipboard.</Notice> : null}
    </section>
  );
}

type Enrollment = Extract<StartEnrollmentResult, { ok: true }>;

export function SecuritySettings({
  enabled,
  enrolledAt,
  recoveryCodesLeft,
}: {
  enabled: boolean;
  enrolledAt: string | null;
  recoveryCodesLeft: number;
}) {
  const trpc = useTRPC();
  const router = useRouter();
  const [enrollment, setEnrollment] = useState<Enrollment | null>(null);
  const [codes, setCodes] = useState<string[] | null>(null);
  const [summary, setSummary] = useState<string | null>(null);
  const [starting, startTransition] = useTransition();

  const confirm = useMutation(
    trpc.mfa.confirmEnrollment.mutationOptions({
      onSuccess: ({ recoveryCodes }) => {
        setEnrollment(null);
        setCodes(recoveryCodes);
      },
    }),
  );
  const regenerate = useMutation(
    trpc.mfa.regenerateRecoveryCodes.mutationOptions({
      onSuccess: ({ recoveryCodes }) => setCodes(recoveryCodes),
    }),
  );

  function start() {
    setSummary(null);
    startTransition(async () => {
      const result = await startEnrollmentAction();
      if (result.ok) setEnrollment(result);
      else setSummary(result.message);
    });
  }

  if (codes) {
    return (
      <RecoveryCodes
        codes={codes}
        onDone={() => {
          setCodes(null);
          // The session is verified now: the layout lets the rest of the console through.
          router.refresh();
        }}
      />
    );
  }

  return (
    <>
      {summary ? <Notice kind="error">{summary}</Notice> : null}
      <p>
        Status: <strong>{enabled ? 'On' : 'Off'}</strong>
        {enabled ? (
          <>
            {' '}
            since {enrolledAt} · {recoveryCodesLeft} of 10 recovery codes left
          </>
        ) : null}
      </p>
      {enabled ? (
        <section aria-labelledby="regenerate-title">
          <h2 id="regenerate-title">New recovery codes</h2>
          <p className="muted">
            Replaces all your recovery codes: the old ones stop working. Enter a code from your
            authenticator app to confirm.
          </p>
          <CodeForm
            id="regenerate-code"
            submitLabel="Create new recovery codes"
            pending={regenerate.isPending}
            submit={(code) => regenerate.mutateAsync({ code })}
          />
        </section>
      ) : enrollment ? (
        <section aria-labelledby="setup-title">
          <h2 id="setup-title">Scan the QR code</h2>
          <ol>
            <li>
              Open an authenticator app (Google Authenticator, 1Password, Authy…) and scan this
              code.
            </li>
            <li>Enter the 6-digit code the app then shows.</li>
          </ol>
          {/* A PNG data URL drawn on the server (CSP allows data: images). */}
          <img
            src={enrollment.qrDataUrl}
            width={220}
            height={220}
            alt="QR code to add Souk to your authenticator app. Can't scan it? Use the setup key below."
          />
          <p>
            Can&apos;t scan it? Enter this setup key in the app instead:
            <br />
            <code aria-label="Setup key" data-testid="totp-secret">
              {enrollment.secret}
            </code>
          </p>
          <CodeForm
            id="enroll-code"
            submitLabel="Turn on two-step verification"
            pending={confirm.isPending}
            submit={(code) => confirm.mutateAsync({ code })}
          />
        </section>
      ) : (
        <>
          <p className="muted">
            Two-step verification asks for a code from an app on your phone each time you sign in,
            so a stolen password alone is not enough. Turning it on signs you out on your other
            devices.
          </p>
          <button type="button" className="button-primary" onClick={start} disabled={starting}>
            Set up two-step verification
          </button>
        </>
      )}
    </>
  );
}
