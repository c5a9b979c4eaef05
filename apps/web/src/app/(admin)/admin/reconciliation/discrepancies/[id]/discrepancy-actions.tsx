'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import { useMutation } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { DISCREPANCY_NOTE_MAX, explainDiscrepancyForm } from '@souk/core/client';
import { ConfirmDialog, Field, fieldControlProps, Notice } from '@souk/ui';
import { applyFormErrors, errorMessage } from '@/lib/form-errors';
import { useTRPC } from '@/trpc/react';

/**
 * Apply (the processor's own event through the webhook applier), Explain (with a note) and
 * Re-open, each asked in a dialog first. The page is server-rendered, so it is refreshed after.
 */
export function DiscrepancyActions({
  discrepancyId,
  status,
  canApply,
}: {
  discrepancyId: string;
  status: 'open' | 'resolved' | 'explained';
  canApply: boolean;
}) {
  const trpc = useTRPC();
  const router = useRouter();
  const [notice, setNotice] = useState<{ kind: 'success' | 'error'; text: string } | null>(null);
  const resolve = useMutation(trpc.reconciliation.resolveDiscrepancy.mutationOptions());
  const form = useForm({
    resolver: zodResolver(explainDiscrepancyForm),
    defaultValues: { note: '' },
  });
  const { errors } = form.formState;

  async function run(action: () => Promise<string>) {
    setNotice(null);
    try {
      setNotice({ kind: 'success', text: await action() });
    } catch (error) {
      setNotice({ kind: 'error', text: errorMessage(error) });
    }
    router.refresh();
  }

  const explain = form.handleSubmit(async ({ note }) => {
    setNotice(null);
    try {
      await resolve.mutateAsync({ discrepancyId, action: 'explain', note });
      form.reset({ note: '' });
      setNotice({ kind: 'success', text: 'Marked explained.' });
      router.refresh();
    } catch (error) {
      setNotice({
        kind: 'error',
        text: applyFormErrors(form.setError, error, { shown: ['note'] }) ?? errorMessage(error),
      });
    }
  });

  return (
    <section aria-labelledby="discrepancy-actions">
      <h2 id="discrepancy-actions">Resolve</h2>
      <Notice kind={notice?.kind ?? 'success'}>{notice?.text}</Notice>
      {status === 'open' ? (
        <>
          {canApply ? (
            <div className="inline-actions">
              <ConfirmDialog
                trigger={
                  <button type="button" className="button-primary" disabled={resolve.isPending}>
                    Apply the processor&apos;s version
                  </button>
                }
                title="Apply the processor's version?"
                description="Souk takes the processor's own event for this object through the same steps as a webhook: the order, invoice and payment are brought in line, and a confirmation email goes out only if the customer has not had one."
                confirmLabel="Apply"
                pendingLabel="Applying…"
                onConfirm={() =>
                  run(async () => {
                    await resolve.mutateAsync({ discrepancyId, action: 'apply' });
                    return 'Applied: Souk now follows the processor.';
                  })
                }
              />
            </div>
          ) : null}
          <form
            aria-labelledby="explain-heading"
            noValidate
            onSubmit={(e) => {
              // Sent from the dialog's confirm button only.
              e.preventDefault();
            }}
          >
            <h3 id="explain-heading">Explain</h3>
            <Field
              id="discrepancy-note"
              label="Note"
              error={errors.note?.message}
              hint={`Why the difference is expected; up to ${DISCREPANCY_NOTE_MAX} characters`}
            >
              <textarea
                rows={3}
                {...fieldControlProps('discrepancy-note', errors.note?.message)}
                {...form.register('note')}
              />
            </Field>
            <div className="form-actions">
              <ConfirmDialog
                trigger={
                  <button type="button" disabled={resolve.isPending}>
                    Mark explained
                  </button>
                }
                title="Mark this discrepancy explained?"
                description="Nothing changes in Souk or at the processor; the note is kept with the discrepancy and in the audit log."
                confirmLabel="Mark explained"
                pendingLabel="Saving…"
                onConfirm={() => explain()}
              />
            </div>
          </form>
        </>
      ) : (
        <div className="inline-actions">
          <ConfirmDialog
            trigger={
              <button type="button" disabled={resolve.isPending}>
                Re-open
              </button>
            }
            title="Re-open this discrepancy?"
            description="It goes back into the queue as open."
            confirmLabel="Re-open"
            pendingLabel="Re-opening…"
            onConfirm={() =>
              run(async () => {
                await resolve.mutateAsync({ discrepancyId, action: 'reopen' });
                return 'Re-opened.';
              })
            }
          />
        </div>
      )}
    </section>
  );
}
