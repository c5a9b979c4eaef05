import type { Metadata } from 'next';
import { TRPCError } from '@trpc/server';
import { can } from '@souk/auth';
import type { RouterOutputs } from '@souk/api';
import { fieldErrorsOf } from '@souk/core/client';
import { formatDateTime, StatusBadge } from '@souk/ui';
import type { SearchParams } from '@/components/page-links';
import { requireStaff } from '@/lib/session';
import { serverCaller } from '@/trpc/server';
import { BillingStatusActions } from './billing-status-actions';
import { formatUsage } from './format-usage';
import { MonthForm } from './month-form';
import { RecordUsageButton } from './record-usage-button';
import { UsageTable } from './usage-table';

export const metadata: Metadata = { title: 'Billing' };

type UsageReport = RouterOutputs['billing']['getUsageReport'];

const summaryStyle = {
  display: 'grid',
  gridTemplateColumns: 'max-content 1fr',
  gap: '0.35rem 1.25rem',
  margin: 0,
} as const;

const param = (value: string | string[] | undefined) =>
  typeof value === 'string' && value !== '' ? value : undefined;

export default async function BillingPage({ searchParams }: { searchParams: SearchParams }) {
  const session = await requireStaff('/admin/billing');
  if (!can(session.role, 'finance.read')) {
    return (
      <>
        <h1>Billing</h1>
        <p className="muted">Your role ({session.role}) does not include billing.</p>
      </>
    );
  }
  const month = param((await searchParams).month);
  const caller = await serverCaller();
  const status = await caller.billing.getBillingStatus();
  let report: UsageReport | undefined;
  let monthError: string | undefined;
  try {
    report = await caller.billing.getUsageReport({ month });
  } catch (error) {
    if (!(error instanceof TRPCError) || error.code !== 'BAD_REQUEST') throw error;
    monthError = fieldErrorsOf(error.cause)?.month?.[0] ?? error.message;
  }
  const canManage = can(session.role, 'finance.manage');

  return (
    <>
      <h1>Billing</h1>
      <section className="card" aria-labelledby="plan-heading">
        <h2 id="plan-heading" style={{ marginTop: 0 }}>
          Plan and status
        </h2>
        <dl style={summaryStyle}>
          <dt>Status</dt>
          <dd>
            <StatusBadge status={status.status} />
          </dd>
          <dt>Plan</dt>
          <dd>{status.planCode}</dd>
          <dt>Last paused</dt>
          <dd>
            {status.pausedAt
              ? `${formatDateTime(status.pausedAt)} — reason: ${status.pauseReasonCode ?? '—'}`
              : 'Never'}
          </dd>
          <dt>Last resumed</dt>
          <dd>
            {status.resumedAt
              ? `${formatDateTime(status.resumedAt)} — reason: ${status.resumeReasonCode ?? '—'}`
              : 'Never'}
          </dd>
          <dt>Limits</dt>
          <dd>
            {formatUsage('workers', status.maxWorkers)} workers,{' '}
            {formatUsage('bookings', status.maxBookingsPerMonth)} bookings a month,{' '}
            {formatUsage('storage_bytes', status.maxStorageBytes)} of storage
          </dd>
        </dl>
        <p className="muted">
          While billing is paused, organizers cannot send new booking requests to vendors. The
          plan&apos;s limits and details stay as they are.
        </p>
        {canManage ? <BillingStatusActions status={status.status} /> : null}
      </section>

      <section className="card" aria-labelledby="usage-heading">
        <h2 id="usage-heading" style={{ marginTop: 0 }}>
          Usage
        </h2>
        <MonthForm month={report?.month ?? month ?? ''} error={monthError} />
        {report ? (
          <>
            <p>
              {report.overLimit
                ? 'Over the plan in at least one metric.'
                : 'Within the plan on every metric.'}{' '}
              {report.driftDetected
                ? 'Some recorded counters differ from what the records show.'
                : 'Recorded counters match the records.'}
            </p>
            <UsageTable report={report} />
            <p className="muted">
              Workers and storage are counted as they stand now; bookings are those created in{' '}
              {report.month} (UTC).
            </p>
            {canManage ? <RecordUsageButton month={report.month} /> : null}
          </>
        ) : null}
      </section>
    </>
  );
}
