'use client';

import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTRPC } from '@/trpc/react';

/** locked -> eligible (or held while a dispute is open); an admin then approves the transfer. */
export function RequestPayoutButton({
  payoutId,
  onDone,
  onError,
}: {
  payoutId: string;
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
  return (
    <button
      type="button"
      className="button-small"
      disabled={request.isPending}
      onClick={() => request.mutate({ id: payoutId })}
    >
      Request payout
    </button>
  );
}
