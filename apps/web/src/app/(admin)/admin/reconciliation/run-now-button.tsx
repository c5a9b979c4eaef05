'use client';

import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { ConfirmDialog, formatNumber, Notice } from '@souk/ui';
import { errorMessage } from '@/lib/form-errors';
import { useTRPC } from '@/trpc/react';

/** "Run now" (spec 004's admin trigger): the last 24 hours, 100 objects a page, asked first. */
export function RunNowButton() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [notice, setNotice] = useState<{ kind: 'success' | 'error'; text: string } | null>(null);
  const start = useMutation(trpc.reconciliation.startRun.mutationOptions());
  return (
    <section aria-label="Start a run">
      <Notice kind={notice?.kind ?? 'success'}>{notice?.text}</Notice>
      <div className="inline-actions">
        <ConfirmDialog
          trigger={
            <button type="button" className="button-primary" disabled={start.isPending}>
              Run now
            </button>
          }
          title="Run a reconciliation now?"
          description="Souk reads the processor's payments, refunds and checkout sessions of the last 24 hours (and anything since the last run) and lists what disagrees. Nothing is changed."
          confirmLabel="Run now"
          pendingLabel="Running…"
          onConfirm={async () => {
            setNotice(null);
            try {
              const run = await start.mutateAsync({ hours: 24, limit: 100 });
              setNotice({
                kind: 'success',
                text: `Compared ${formatNumber(run.objectsSeen)} processor objects; ${formatNumber(run.discrepanciesFound)} new discrepancies.`,
              });
            } catch (error) {
              setNotice({ kind: 'error', text: errorMessage(error) });
            }
            await queryClient.invalidateQueries({ queryKey: trpc.reconciliation.pathKey() });
          }}
        />
      </div>
    </section>
  );
}
