import type { Metadata } from 'next';
import { can } from '@souk/auth';
import { requireStaff } from '@/lib/session';
import { parseTableQuery } from '@/lib/url-table-state';
import { getQueryClient, HydrateClient, trpc } from '@/trpc/server';
import { CleanupButton } from './cleanup-button';
import { DeletionForm } from './deletion-form';
import { ExportForm } from './export-form';
import { DATA_REQUESTS_TABLE } from './privacy-query';
import { RequestsTable } from './requests-table';

export const metadata: Metadata = { title: 'Privacy' };

export default async function PrivacyPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const session = await requireStaff('/admin/privacy');
  if (!can(session.role, 'privacy.manage')) {
    return (
      <>
        <h1>No access</h1>
        <p className="muted">
          Your role ({session.role}) does not include data exports and deletion requests.
        </p>
      </>
    );
  }
  // Awaited: the rows arrive with the HTML, not after a "Loading…" flash.
  await getQueryClient().prefetchQuery(
    trpc.privacy.listDataRequests.queryOptions(
      parseTableQuery(await searchParams, DATA_REQUESTS_TABLE),
    ),
  );
  return (
    <HydrateClient>
      <div className="page-head">
        <h1>Privacy</h1>
      </div>
      <p className="muted">
        Personal data requests (GDPR). Every export and deletion request is recorded and audited.
      </p>
      <section aria-labelledby="privacy-export-heading">
        <h2 id="privacy-export-heading">Export a person&apos;s data</h2>
        <p className="muted">
          A JSON file with their account, orders, invoices, payments, bookings and file details
          (names and sizes, never the files or links to them).
        </p>
        <ExportForm />
      </section>
      <section aria-labelledby="privacy-deletion-heading">
        <h2 id="privacy-deletion-heading">Request deletion</h2>
        <p className="muted">
          The person is marked for deletion; retention cleanup (daily, or now below) deletes their
          files and erases their personal data. Invoice totals, tax and payments are kept for the
          accounts.
        </p>
        <DeletionForm />
      </section>
      <section aria-labelledby="privacy-cleanup-heading">
        <h2 id="privacy-cleanup-heading">Retention cleanup</h2>
        <CleanupButton />
      </section>
      <section aria-labelledby="privacy-requests-heading">
        <h2 id="privacy-requests-heading">Requests</h2>
        <RequestsTable />
      </section>
    </HydrateClient>
  );
}
