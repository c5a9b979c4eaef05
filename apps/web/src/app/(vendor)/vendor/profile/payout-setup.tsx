'use client';

import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { useEffect, useRef, useState } from 'react';
import { Notice } from '@souk/ui';
import { useTRPC } from '@/trpc/react';
import { formErrors } from '@/lib/form-errors';

type PayoutState = {
  payoutsEnabled: boolean;
  payoutsDisabled: boolean;
  connectedAccountId: string | null;
};

/**
 * Payout onboarding happens at the processor: we send the vendor there and, when they
 * come back (`?payouts=return`), ask the processor once whether transfers can start.
 */
export function PayoutSetup({
  initial,
  returnedFrom,
}: {
  initial: PayoutState;
  returnedFrom: 'return' | 'refresh' | null;
}) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const router = useRouter();
  const [failed, setFailed] = useState<string | null>(null);
  const [checked, setChecked] = useState<string | null>(null);

  const start = useMutation(
    trpc.marketplace.vendor.startPayoutSetup.mutationOptions({
      onMutate: () => setFailed(null),
      onError: (error) => setFailed(formErrors(error, { shown: [] }).summary),
      onSuccess: (result) => window.location.assign(result.url),
    }),
  );
  const refresh = useMutation(
    trpc.marketplace.vendor.refreshPayoutStatus.mutationOptions({
      onError: (error) => setFailed(formErrors(error, { shown: [] }).summary),
      onSuccess: async (vendor) => {
        setChecked(
          vendor.payoutsEnabled
            ? 'Payout setup is complete: payouts are enabled.'
            : 'Payout setup is not finished yet. Use "Set up payouts" to continue where you left off.',
        );
        await queryClient.invalidateQueries({ queryKey: trpc.marketplace.vendor.pathKey() });
        // Drop ?payouts=return so a reload does not ask the processor again.
        router.replace('/vendor/profile', { scroll: false });
      },
    }),
  );

  // Once per return from the processor, even when React runs effects twice in development.
  const refreshed = useRef(false);
  const { mutate: refreshStatus } = refresh;
  useEffect(() => {
    if (returnedFrom !== 'return' || refreshed.current) return;
    refreshed.current = true;
    refreshStatus();
  }, [returnedFrom, refreshStatus]);

  const current: PayoutState = refresh.data
    ? {
        payoutsEnabled: refresh.data.payoutsEnabled,
        payoutsDisabled: refresh.data.payoutsDisabled,
        connectedAccountId: refresh.data.connectedAccountId,
      }
    : initial;

  return (
    <div className="card">
      {current.payoutsDisabled ? (
        <div className="notice notice-warning" role="status">
          Payouts are disabled by the platform.
        </div>
      ) : null}
      {refresh.isPending ? (
        <p className="muted" role="status">
          Checking your payout account…
        </p>
      ) : null}
      <Notice kind="success">{checked}</Notice>
      {returnedFrom === 'refresh' && !checked ? (
        <div className="notice notice-info" role="status">
          The payout setup link expired. Choose &quot;Set up payouts&quot; to get a new one.
        </div>
      ) : null}
      <Notice kind="error">{failed}</Notice>
      {current.payoutsEnabled ? (
        <p>
          <strong>Payouts enabled</strong>
          {current.connectedAccountId ? (
            <>
              {' '}
              <small className="muted">({current.connectedAccountId})</small>
            </>
          ) : null}
        </p>
      ) : (
        <>
          <p className="muted">
            {current.connectedAccountId
              ? 'Your payout account is not ready to receive transfers yet.'
              : 'Connect a payout account so approved payouts can be sent to you.'}
          </p>
          <button
            type="button"
            className="button-primary"
            disabled={start.isPending || start.isSuccess}
            onClick={() => {
              const origin = window.location.origin;
              start.mutate({
                returnUrl: `${origin}/vendor/profile?payouts=return`,
                refreshUrl: `${origin}/vendor/profile?payouts=refresh`,
              });
            }}
          >
            Set up payouts
          </button>
        </>
      )}
    </div>
  );
}
