import type { Metadata } from 'next';
import { can } from '@souk/auth';
import { requireStaff } from '@/lib/session';
import { parseTableQuery } from '@/lib/url-table-state';
import { getQueryClient, HydrateClient, trpc } from '@/trpc/server';
import { EVENTS_TABLE } from './events-query';
import { EventsTable } from './events-table';

export const metadata: Metadata = { title: 'Payment events' };

export default async function PaymentEventsPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
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
  const query = parseTableQuery(await searchParams, EVENTS_TABLE);
  await Promise.all([
    queryClient.prefetchQuery(trpc.payments.listEvents.queryOptions(query)),
    queryClient.prefetchQuery(trpc.payments.getEventsSummary.queryOptions()),
  ]);
  return (
    <HydrateClient>
      <EventsTable canReplay={can(session.role, 'payments.replay')} />
    </HydrateClient>
  );
}
