import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { TRPCError } from '@trpc/server';
import { can } from '@souk/auth';
import type { RouterOutputs } from '@souk/api';
import { DISCREPANCY_KIND_WORDS } from '@souk/core/client';
import { formatDateTime, formatStatus, StatusBadge } from '@souk/ui';
import { uuidParam, validParam } from '@/lib/params';
import { requireStaff } from '@/lib/session';
import { serverCaller } from '@/trpc/server';
import { NoFinanceAccess } from '../../../invoices/no-access';
import { sideAmount } from '../discrepancy-words';
import { DiscrepancyActions } from './discrepancy-actions';

export const metadata: Metadata = { title: 'Discrepancy' };

type Discrepancy = RouterOutputs['reconciliation']['getDiscrepancy'];

const sidesStyle = {
  display: 'grid',
  gridTemplateColumns: 'max-content 1fr',
  gap: '0.35rem 1.25rem',
} as const;

/** Another org's discrepancy answers exactly like a missing one. */
async function discrepancyOrNotFound(discrepancyId: string): Promise<Discrepancy> {
  try {
    return await (await serverCaller()).reconciliation.getDiscrepancy({ discrepancyId });
  } catch (error) {
    if (error instanceof TRPCError && (error.code === 'NOT_FOUND' || error.code === 'BAD_REQUEST'))
      notFound();
    throw error;
  }
}

/** Where the local side lives in the admin, when it has a page. */
function localLink(d: Discrepancy) {
  if (!d.localEntityId) return <span className="muted">No record</span>;
  if (d.localEntityType === 'invoice') {
    return <Link href={`/admin/invoices/${d.localEntityId}`}>Invoice</Link>;
  }
  if (d.localEntityType === 'order') {
    return <Link href={`/admin/orders/${d.localEntityId}`}>Order</Link>;
  }
  return (
    <span>
      {formatStatus(d.localEntityType ?? 'record')} <span className="muted">{d.localEntityId}</span>
    </span>
  );
}

export default async function DiscrepancyPage({ params }: { params: Promise<{ id: string }> }) {
  const id = validParam(uuidParam, (await params).id) ?? notFound();
  const session = await requireStaff(`/admin/reconciliation/discrepancies/${id}`);
  if (!can(session.role, 'finance.read')) return <NoFinanceAccess role={session.role} />;
  const d = await discrepancyOrNotFound(id);

  return (
    <>
      <p>
        <Link href="/admin/reconciliation/discrepancies">← Discrepancies</Link>
      </p>
      <div className="page-head">
        <h1>{DISCREPANCY_KIND_WORDS[d.kind]}</h1>
        <StatusBadge status={d.status} />
      </div>
      <p className="muted">
        Found {formatDateTime(d.createdAt)} by{' '}
        <Link href={`/admin/reconciliation/discrepancies?runId=${d.runId}`}>its run</Link> ·
        Severity: {formatStatus(d.severity)}
      </p>

      <div>
        <section aria-labelledby="processor-side">
          <h2 id="processor-side">At the processor</h2>
          <dl className="summary-list" style={sidesStyle}>
            <dt>Object</dt>
            <dd>
              {d.processorObjectKind ? formatStatus(d.processorObjectKind) : '—'}{' '}
              <span className="muted">{d.processorObjectId ?? ''}</span>
            </dd>
            <dt>Amount</dt>
            <dd>{sideAmount(d.processorAmountCents, d.currency)}</dd>
            <dt>Status</dt>
            <dd>
              {d.processorStatus ? formatStatus(d.processorStatus) : 'Unknown to the processor'}
            </dd>
          </dl>
        </section>
        <section aria-labelledby="local-side">
          <h2 id="local-side">In Souk</h2>
          <dl className="summary-list" style={sidesStyle}>
            <dt>Record</dt>
            <dd>{localLink(d)}</dd>
            <dt>Amount</dt>
            <dd>{sideAmount(d.localAmountCents, d.currency)}</dd>
            <dt>Status</dt>
            <dd>{d.localStatus ? formatStatus(d.localStatus) : 'No record'}</dd>
          </dl>
        </section>
      </div>

      {d.note || d.resolvedAt ? (
        <section aria-labelledby="resolution">
          <h2 id="resolution">Resolution</h2>
          {d.resolvedAt ? (
            <p>
              {formatStatus(d.status)} {formatDateTime(d.resolvedAt)}
            </p>
          ) : null}
          {d.note ? <p>Note: {d.note}</p> : null}
        </section>
      ) : null}

      {can(session.role, 'finance.manage') ? (
        <DiscrepancyActions
          discrepancyId={d.id}
          status={d.status}
          canApply={d.kind !== 'unknown_to_processor'}
        />
      ) : null}
    </>
  );
}
