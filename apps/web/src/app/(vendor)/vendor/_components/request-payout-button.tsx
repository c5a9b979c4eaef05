'use client';

import { useMutation, useQueryClient } from '@tanstack/react-query';
import Link from 'next/link';
import { useTRPC } from '@/trpc/react';

/** locked -> eligible (or held while a dispute is open); an admin then approves the transfer. */
export function RequestPayoutButton({
  payoutId,
  blockedReason = null,
  setupPath,
  onDone,
  onError,
}: {
  payoutId: string;
  /** Why no payout can be requested yet (e.g. payout setup unfinished): the button is disabled. */
  blockedReason?: string | null;
  /** Where the vendor finishes payout setup, linked under a blocked button. */
  setupPath?: string;
  onDone: (message: string) => void;
  onError: (error: unknown) => void;
}) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const request = useMutation(
    trpc.marketplace.vendor.requestPayout.mutationOptions({
      onError,
      onSuccess: async (payout) => {
        onDone(
          payout.status === 'held'
            ? 'Payout requested. It is on hold while the dispute on this booking is open.'
            : 'Payout requested. An admin will approve the transfer.',
        );
        await queryClient.invalidateQueries({ queryKey: trpc.marketplace.vendor.pathKey() });
      },
    }),
  );
  const reasonId = `payout-blocked-${payoutId}`;
  return (
    <>
      <button
        type="button"
        className="button-small"
        disabled={request.isPending || blockedReason !== null}
        aria-describedby={blockedReason ? reasonId : undefined}
        onClick={() => request.mutate({ id: payoutId })}
      >
        Request payout
      </button>
      {blockedReason ? (
        <p id={reasonId} className="muted">
          {blockedReason}.{' '}
          {setupPath && !blockedReason.startsWith('Payouts are paused') ? (
            <Link href={setupPath}>Finish payout setup</Link>
          ) : null}
        </p>
      ) : null}
    </>
  );
}
