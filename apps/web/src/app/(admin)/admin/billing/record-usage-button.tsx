'use client';

import { useMutation } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { ConfirmDialog, Notice } from '@souk/ui';
import { errorMessage } from '@/lib/form-errors';
import { useTRPC } from '@/trpc/react';

/** Sets the recorded counters to what the records show, after asking. */
export function RecordUsageButton({ month }: { month: string }) {
  const trpc = useTRPC();
  const router = useRouter();
  const [notice, setNotice] = useState<{ kind: 'success' | 'error'; text: string } | null>(null);
  const record = useMutation(trpc.billing.recordUsage.mutationOptions());

  async function run() {
    setNotice(null);
    try {
      await record.mutateAsync({ month });
      setNotice({ kind: 'success', text: `Counters for ${month} now match the records.` });
    } catch (error) {
      setNotice({ kind: 'error', text: errorMessage(error) });
    }
    router.refresh();
  }

  return (
    <div>
      <Notice kind={notice?.kind ?? 'success'}>{notice?.text}</Notice>
      <ConfirmDialog
        trigger={
          <button type="button" disabled={record.isPending}>
            Record usage
          </button>
        }
        title="Record usage?"
        description={`The recorded counters for workers, storage and ${month}'s bookings are set to what the records show now. The change is audited.`}
        confirmLabel="Record usage"
        pendingLabel="Recording…"
        onConfirm={run}
      />
    </div>
  );
}
