import type { Metadata } from 'next';
import { can } from '@souk/auth';
import { requireStaff } from '@/lib/session';
import { parseTableQuery } from '@/lib/url-table-state';
import { getQueryClient, HydrateClient, trpc } from '@/trpc/server';
import { QUEUE_TABLE } from '../invoices-query';
import { NoFinanceAccess } from '../no-access';
import { QueueTable } from './queue-table';

export const metadata: Metadata = { title: 'Invoices queue' };

export default async function InvoiceQueuePage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const session = await requireStaff('/admin/invoices/queue');
  if (!can(session.role, 'finance.read')) return <NoFinanceAccess role={session.role} />;
  await getQueryClient().prefetchQuery(
    trpc.finance.listInvoiceQueue.queryOptions(parseTableQuery(await searchParams, QUEUE_TABLE)),
  );
  return (
    <HydrateClient>
      <QueueTable />
    </HydrateClient>
  );
}
