'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import { useMutation } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { BREAK_GLASS_TTL_MAX_MINUTES, startBreakGlassInput } from '@souk/core/client';
import { Field, fieldControlProps, Notice } from '@souk/ui';
import { applyFormErrors, errorMessage } from '@/lib/form-errors';
import { useTRPC } from '@/trpc/react';

interface Started {
  token: string;
  expiresAt: Date;
}

/** Starts a break-glass session and shows its token this once, to copy or use here. */
export function StartBreakGlassForm() {
  const trpc = useTRPC();
  const router = useRouter();
  const [summary, setSummary] = useState<string | null>(null);
  const [started, setStarted] = useState<Started | null>(null);
  const [note, setNote] = useState<string | null>(null);
  const [useError, setUseError] = useState<string | null>(null);
  const form = useForm({
    resolver: zodResolver(startBreakGlassInput),
    defaultValues: { reason: '', ttlMinutes: 30 },
  });
  const { errors } = form.formState;
  const start = useMutation(trpc.adminSafety.startBreakGlass.mutationOptions());
  const redeem = useMutation(trpc.adminSafety.redeemBreakGlass.mutationOptions());

  const send = form.handleSubmit(async (input) => {
    setSummary(null);
    setNote(null);
    setUseError(null);
    try {
      const result = await start.mutateAsync(input);
      setStarted({ token: result.token, expiresAt: result.expiresAt });
      form.reset({ reason: '', ttlMinutes: 30 });
      router.refresh();
    } catch (error) {
      setSummary(applyFormErrors(form.setError, error));
    }
  });

  const copy = async () => {
    if (!started) return;
    try {
      await navigator.clipboard.writeText(started.token);
      setNote('Token copied.');
    } catch {
      setNote('Copying is not allowed here: select the token and copy it.');
    }
  };

  const useHere = async () => {
    if (!started) return;
    setUseError(null);
    try {
      await redeem.mutateAsync({ token: started.token });
      setStarted(null);
      setNote('Break-glass is in use in this browser: changes are allowed until it expires.');
      router.refresh();
    } catch (error) {
      setUseError(errorMessage(error));
    }
  };

  return (
    <>
      <form aria-label="Start break-glass" noValidate onSubmit={send}>
        <Notice kind="error">{summary}</Notice>
        <Field
          id="break-glass-reason"
          label="Reason"
          error={errors.reason?.message}
          hint="The incident in a few words; it is recorded with every change made under it."
        >
          <textarea
            {...fieldControlProps('break-glass-reason', errors.reason?.message)}
            {...form.register('reason')}
            rows={3}
            maxLength={500}
          />
        </Field>
        <Field
          id="break-glass-ttl"
          label="Duration (minutes)"
          error={errors.ttlMinutes?.message}
          hint={`1 to ${BREAK_GLASS_TTL_MAX_MINUTES} minutes`}
        >
          <input
            {...fieldControlProps('break-glass-ttl', errors.ttlMinutes?.message)}
            {...form.register('ttlMinutes', { valueAsNumber: true })}
            type="number"
            inputMode="numeric"
            min={1}
            max={BREAK_GLASS_TTL_MAX_MINUTES}
            step={1}
          />
        </Field>
        <div className="form-actions">
          <button type="submit" className="button-primary" disabled={start.isPending}>
            {start.isPending ? 'Starting…' : 'Start break-glass'}
          </button>
        </div>
      </form>
      <Notice kind="success">{note}</Notice>
      {started ? (
        <div role="region" aria-labelledby="break-glass-token-heading" className="card">
          <h3 id="break-glass-token-heading" style={{ marginTop: 0 }}>
            Break-glass token
          </h3>
          <p>
            Shown this once: copy it now or use it in this browser. It works until{' '}
            {started.expiresAt.toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' })}.
          </p>
          <p>
            <code style={{ wordBreak: 'break-all' }}>{started.token}</code>
          </p>
          <Notice kind="error">{useError}</Notice>
          <div className="form-actions">
            <button type="button" onClick={() => void copy()}>
              Copy token
            </button>
            <button
              type="button"
              className="button-primary"
              disabled={redeem.isPending}
              onClick={() => void useHere()}
            >
              {redeem.isPending ? 'Applying…' : 'Use in this browser'}
            </button>
          </div>
        </div>
      ) : null}
    </>
  );
}
