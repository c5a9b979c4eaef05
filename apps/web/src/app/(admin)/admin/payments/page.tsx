import type { Metadata } from 'next';
import { can } from '@souk/auth';
import type { RouterInputs } from '@souk/api';
import { requireStaff } from '@/lib/session';
import { getQueryClient, HydrateClient, trpc } from '@/trpc/server';
import { EventsTable } from './events-table';

export const metadata: Metadata = { title: 'Payment events' };

// Defined here, not in the 'use client' file: the client table receives it as a prop.
const INITIAL_EVENTS_QUERY = {
  page: 1,
  pageSize: 25,
} satisfies RouterInputs['payments']['listEvents'];

export default async function PaymentEventsPage() {
  const session = await requireStaff('/admin/payments');
  if (!can(session.role, 'payments.read')) {
    return (
      <>
        <h1>No access</h1>
        <p className="muted">Your role ({session.role}) does not include payment events.</p>
      </>
    );
  }
  // Prefetched and awaited: the ledger and its summary arrive with the HTML. A query still
  // pending here would render "Loading…" on the server and rows in the browser.
  const queryClient = getQueryClient();
  await Promise.all([
    queryClient.prefetchQuery(trpc.payments.listEvents.queryOptions(INITIAL_EVENTS_QUERY)),
    queryClient.prefetchQuery(trpc.payments.eventsSummary.queryOptions()),
  ]);
  return (
    <HydrateClient>
      <EventsTable
        initialQuery={INITIAL_EVENTS_QUERY}
        canReplay={can(session.role, 'payments.replay')}
      />
    </HydrateClient>
  );
}
