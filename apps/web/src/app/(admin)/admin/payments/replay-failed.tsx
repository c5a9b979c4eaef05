'use client';

import { useMutation } from '@tanstack/react-query';
import { ConfirmDialog } from '@souk/ui';
import { useTRPC } from '@/trpc/react';

/** "Replay all failed", asked in a dialog first: it requeues every failed event at once. */
export function ReplayFailed({
  failedCount,
  onStart,
  onDone,
  onError,
}: {
  /** The failed count the summary shows; the server requeues whatever is failed now. */
  failedCount: number | undefined;
  onStart: () => void;
  onDone: (requeued: number) => Promise<unknown>;
  onError: (error: unknown) => void;
}) {
  const trpc = useTRPC();
  const replayAll = useMutation(
    trpc.payments.replayFailedEvents.mutationOptions({
      onMutate: onStart,
      onError,
      onSuccess: ({ requeued }) => onDone(requeued),
    }),
  );
  const what =
    failedCount === undefined
      ? 'every failed event'
      : `${failedCount} failed ${failedCount === 1 ? 'event' : 'events'}`;
  return (
    <ConfirmDialog
      trigger={
        // Nothing to requeue by the summary's count (refreshed after every replay).
        <button type="button" disabled={failedCount === 0 || replayAll.isPending}>
          Replay all failed
        </button>
      }
      title="Replay all failed events?"
      description={<p>Put {what} back in the queue for one more attempt each?</p>}
      confirmLabel="Yes, requeue them"
      pendingLabel="Requeuing…"
      // Errors are reported by onError; the dialog only waits for the outcome.
      onConfirm={() => replayAll.mutateAsync().catch(() => undefined)}
    />
  );
}
