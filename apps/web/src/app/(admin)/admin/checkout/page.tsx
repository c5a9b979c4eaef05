import type { Metadata } from 'next';
import { can } from '@souk/auth';
import type { RouterInputs } from '@souk/api';
import { requireStaff } from '@/lib/session';
import { HydrateClient, prefetch, trpc } from '@/trpc/server';
import { SessionsTable } from './sessions-table';

export const metadata: Metadata = { title: 'Checkout sessions' };

// Defined here, not in the 'use client' file: values exported from there reach server
// code only as references. The client table receives it as a plain prop.
const INITIAL_SESSIONS_QUERY = {
  page: 1,
  pageSize: 25,
} satisfies RouterInputs['checkout']['listSessions'];

export default async function CheckoutSessionsPage() {
  const session = await requireStaff('/admin/checkout');
  if (!can(session.role, 'checkout.read')) {
    return (
      <>
        <h1>No access</h1>
        <p className="muted">Your role ({session.role}) does not include checkout sessions.</p>
      </>
    );
  }
  // RSC prefetch: the first page arrives with the HTML, then the client takes over.
  prefetch(trpc.checkout.listSessions.queryOptions(INITIAL_SESSIONS_QUERY));
  prefetch(trpc.checkout.listRecoveryRuns.queryOptions({ page: 1, pageSize: 10 }));
  return (
    <HydrateClient>
      <SessionsTable
        initialQuery={INITIAL_SESSIONS_QUERY}
        canManage={can(session.role, 'checkout.manage')}
      />
    </HydrateClient>
  );
}
