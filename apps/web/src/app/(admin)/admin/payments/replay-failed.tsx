'use client';

import { useMutation } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { useTRPC } from '@/trpc/react';

/**
 * "Replay all failed", asked twice: the first click only shows what will happen and a
 * confirm button (the ui kit has no dialog, and window.confirm is not ours to use).
 */
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
  const [confirming, setConfirming] = useState(false);
  const confirmRef = useRef<HTMLButtonElement>(null);
  const triggerRef = useRef<HTMLButtonElement>(null);
  const wasConfirming = useRef(false);
  const replayAll = useMutation(
    trpc.payments.replayFailedEvents.mutationOptions({
      onMutate: onStart,
      onError,
      onSuccess: ({ requeued }) => onDone(requeued),
      onSettled: () => setConfirming(false),
    }),
  );

  // Keyboard users land on the question, and back on the trigger once it is answered.
  useEffect(() => {
    if (confirming) confirmRef.current?.focus();
    else if (wasConfirming.current) triggerRef.current?.focus();
    wasConfirming.current = confirming;
  }, [confirming]);

  if (!confirming) {
    return (
      <button
        type="button"
        ref={triggerRef}
        // Nothing to requeue by the summary's count (refreshed after every replay).
        disabled={failedCount === 0}
        onClick={() => setConfirming(true)}
      >
        Replay all failed
      </button>
    );
  }
  const what =
    failedCount === undefined
      ? 'every failed event'
      : `${failedCount} failed ${failedCount === 1 ? 'event' : 'events'}`;
  return (
    <span
      className="inline-actions"
      role="group"
      aria-label="Confirm replay of all failed events"
      onKeyDown={(e) => {
        if (e.key === 'Escape' && !replayAll.isPending) setConfirming(false);
      }}
    >
      <span>Put {what} back in the queue for one more attempt each?</span>
      <button
        type="button"
        ref={confirmRef}
        className="button-primary"
        disabled={replayAll.isPending}
        onClick={() => replayAll.mutate()}
      >
        {replayAll.isPending ? 'Requeuing…' : 'Yes, requeue them'}
      </button>
      <button type="button" disabled={replayAll.isPending} onClick={() => setConfirming(false)}>
        Cancel
      </button>
    </span>
  );
}
