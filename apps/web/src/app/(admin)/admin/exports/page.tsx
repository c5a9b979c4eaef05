import type { Metadata } from 'next';
import { can } from '@souk/auth';
import { requireStaff } from '@/lib/session';
import { parseTableQuery } from '@/lib/url-table-state';
import { getQueryClient, HydrateClient, trpc } from '@/trpc/server';
import { AccountingCsvForm } from './accounting-csv-form';
import { ExportMonthForm } from './export-month-form';
import { EXPORTS_TABLE } from './exports-query';
import { ExportsTable } from './exports-table';

export const metadata: Metadata = { title: 'Accounting exports' };

export default async function ExportsPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const session = await requireStaff('/admin/exports');
  if (!can(session.role, 'finance.read')) {
    return (
      <>
        <h1>No access</h1>
        <p className="muted">Your role ({session.role}) does not include accounting exports.</p>
      </>
    );
  }
  // Awaited: the rows arrive with the HTML, not after a "Loading…" flash.
  await getQueryClient().prefetchQuery(
    trpc.finance.listExportEvents.queryOptions(parseTableQuery(await searchParams, EXPORTS_TABLE)),
  );
  return (
    <HydrateClient>
      <div className="page-head">
        <h1>Accounting exports</h1>
      </div>
      <p className="muted">
        One CSV per month with every invoice&apos;s stored totals, succeeded payments and balance.
        The monthly job writes last month&apos;s file on the 1st; with webhook delivery the file is
        also posted to the accounting system, and a failed delivery shows in the outbox&apos;s dead
        letters.
      </p>
      <section aria-labelledby="accounting-csv-heading">
        <h2 id="accounting-csv-heading">Download invoices as CSV</h2>
        <AccountingCsvForm />
      </section>
      {can(session.role, 'finance.manage') ? (
        <section aria-labelledby="export-month-heading">
          <h2 id="export-month-heading">Export a month</h2>
          <ExportMonthForm />
        </section>
      ) : null}
      <section aria-labelledby="exports-heading">
        <h2 id="exports-heading">Monthly exports</h2>
        <ExportsTable />
      </section>
    </HydrateClient>
  );
}
