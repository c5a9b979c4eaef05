'use client';

import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { ConfirmDialog, Notice } from '@souk/ui';
import { errorMessage } from '@/lib/form-errors';
import { useTRPC } from '@/trpc/react';

/** "Run cleanup now": the daily retention job, for this org, after asking. */
export function CleanupButton() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [notice, setNotice] = useState<{ kind: 'success' | 'error'; text: string } | null>(null);
  const cleanup = useMutation(trpc.privacy.runRetentionCleanup.mutationOptions());

  async function run() {
    setNotice(null);
    try {
      const r = await cleanup.mutateAsync();
      setNotice({
        kind: 'success',
        text:
          `${r.requestsCompleted} deletion requests carried out; ${r.filesDeleted} files deleted, ` +
          `${r.filesTombstoned} to retry, ${r.filesRetried} earlier failures deleted` +
          (r.filesGivenUp > 0 ? `, ${r.filesGivenUp} files out of attempts (check storage).` : '.'),
      });
    } catch (error) {
      setNotice({ kind: 'error', text: errorMessage(error) });
    }
    await queryClient.invalidateQueries({ queryKey: trpc.privacy.pathKey() });
  }

  return (
    <div>
      <Notice kind={notice?.kind ?? 'success'}>{notice?.text}</Notice>
      <ConfirmDialog
        trigger={
          <button type="button" disabled={cleanup.isPending}>
            Run cleanup now
          </button>
        }
        title="Run retention cleanup now?"
        description="Every pending deletion request past its grace period is carried out: files are deleted, personal data is erased for good. Invoice totals and payments are kept."
        confirmLabel="Run cleanup"
        pendingLabel="Running…"
        onConfirm={run}
      />
    </div>
  );
}
