'use client';

import { useMutation } from '@tanstack/react-query';
import { useTRPC } from '@/trpc/react';

/** Ends the portal session on the server (the cookie then opens nothing). */
export function PortalSignOut() {
  const trpc = useTRPC();
  const signOut = useMutation(
    trpc.portal.signOut.mutationOptions({
      onSettled: () => window.location.assign('/portal?signedOut=1'),
    }),
  );
  return (
    <button
      type="button"
      className="button-small"
      disabled={signOut.isPending}
      onClick={() => signOut.mutate()}
    >
      Sign out
    </button>
  );
}
