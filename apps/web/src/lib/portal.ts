import 'server-only';
import { redirect } from 'next/navigation';
import { cache } from 'react';
import { TRPCError } from '@trpc/server';
import type { RouterOutputs } from '@souk/api';
import { serverCaller } from '@/trpc/server';

export type PortalMe = RouterOutputs['portal']['getMe'];

/** The portal client of this request (souk_portal cookie), or null when signed out. */
export const portalMe = cache(async (): Promise<PortalMe | null> => {
  try {
    return await (await serverCaller()).portal.getMe();
  } catch (error) {
    if (error instanceof TRPCError && error.code === 'UNAUTHORIZED') return null;
    throw error;
  }
});

/** Page guard: without a live portal session, back to the link request form. */
export async function requirePortal(): Promise<PortalMe> {
  return (await portalMe()) ?? redirect('/portal?error=signed_out');
}
