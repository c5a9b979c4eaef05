'use client';

import { signOut } from 'next-auth/react';

/** `callbackUrl`: where the signed-out person lands (the storefront sends them to its home). */
export function SignOutButton({ callbackUrl = '/signin' }: { callbackUrl?: string }) {
  return (
    <button type="button" className="button-small" onClick={() => void signOut({ callbackUrl })}>
      Sign out
    </button>
  );
}
