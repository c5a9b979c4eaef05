'use client';

import { useMutation } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { errorMessage } from '@/lib/form-errors';
import { useTRPC } from '@/trpc/react';

/**
 * Shown on every admin page while this sign-in writes under break-glass (spec 002), so
 * nobody forgets the window is open; End closes it for the token's API callers too.
 */
/** `until`: the expiry as HH:MM, formatted on the server so both renders agree. */
export function BreakGlassBanner({ reason, until }: { reason: string; until: string }) {
  const trpc = useTRPC();
  const router = useRouter();
  const [problem, setProblem] = useState<string | null>(null);
  const end = useMutation(trpc.adminSafety.endBreakGlass.mutationOptions());
  return (
    <div className="notice notice-error break-glass-banner" role="status">
      <strong>
        Break-glass active until {until} — reason: {reason}
      </strong>{' '}
      <button
        type="button"
        className="button-small"
        disabled={end.isPending}
        onClick={() => {
          setProblem(null);
          end.mutate(undefined, {
            onSuccess: () => router.refresh(),
            onError: (error) => setProblem(errorMessage(error)),
          });
        }}
      >
        {end.isPending ? 'Ending…' : 'End break-glass'}
      </button>
      {problem ? <span role="alert"> {problem}</span> : null}
    </div>
  );
}
