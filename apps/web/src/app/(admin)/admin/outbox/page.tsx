import type { Metadata } from 'next';
import { can } from '@souk/auth';
import type { RouterInputs } from '@souk/api';
import { requireStaff } from '@/lib/session';
import { HydrateClient, prefetch, trpc } from '@/trpc/server';
import { OutboxTable } from './outbox-table';

export const metadata: Metadata = { title: 'Outbox' };

// Defined here, not in the 'use client' file: the client table receives it as a prop.
const INITIAL_OUTBOX_QUERY = {
  page: 1,
  pageSize: 25,
} satisfies RouterInputs['outbox']['list'];

export default async function OutboxPage() {
  const session = await requireStaff('/admin/outbox');
  if (!can(session.role, 'outbox.read')) {
    return (
      <>
        <h1>No access</h1>
        <p className="muted">Your role ({session.role}) does not include the outbox.</p>
      </>
    );
  }
  prefetch(trpc.outbox.list.queryOptions(INITIAL_OUTBOX_QUERY));
  return (
    <HydrateClient>
      <OutboxTable
        initialQuery={INITIAL_OUTBOX_QUERY}
        canReplay={can(session.role, 'outbox.replay')}
      />
    </HydrateClient>
  );
}
