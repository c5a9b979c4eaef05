import type { Metadata } from 'next';
import { can } from '@souk/auth';
import type { RouterInputs } from '@souk/api';
import { requireStaff } from '@/lib/session';
import { HydrateClient, prefetch, trpc } from '@/trpc/server';
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
  prefetch(trpc.payments.listEvents.queryOptions(INITIAL_EVENTS_QUERY));
  return (
    <HydrateClient>
      <EventsTable
        initialQuery={INITIAL_EVENTS_QUERY}
        canReplay={can(session.role, 'payments.replay')}
      />
    </HydrateClient>
  );
}
