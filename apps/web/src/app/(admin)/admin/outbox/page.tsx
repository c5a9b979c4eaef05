import type { Metadata } from 'next';
import { can } from '@souk/auth';
import { requireStaff } from '@/lib/session';
import { parseTableQuery } from '@/lib/url-table-state';
import { getQueryClient, HydrateClient, trpc } from '@/trpc/server';
import { OUTBOX_TABLE } from './outbox-query';
import { OutboxTable } from './outbox-table';

export const metadata: Metadata = { title: 'Outbox' };

export default async function OutboxPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const session = await requireStaff('/admin/outbox');
  if (!can(session.role, 'outbox.read')) {
    return (
      <>
        <h1>No access</h1>
        <p className="muted">Your role ({session.role}) does not include the outbox.</p>
      </>
    );
  }
  // Awaited: the rows arrive with the HTML. A query still pending here would render
  // "Loading…" on the server and rows in the browser (#418).
  await getQueryClient().prefetchQuery(
    trpc.outbox.listMessages.queryOptions(parseTableQuery(await searchParams, OUTBOX_TABLE)),
  );
  return (
    <HydrateClient>
      <OutboxTable canReplay={can(session.role, 'outbox.replay')} />
    </HydrateClient>
  );
}
