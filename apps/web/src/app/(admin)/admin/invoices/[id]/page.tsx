import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { TRPCError } from '@trpc/server';
import { can } from '@souk/auth';
import type { RouterOutputs } from '@souk/api';
import { formatMoney } from '@souk/core/money';
import { formatDate, formatDateTime, formatStatus, StatusBadge } from '@souk/ui';
import { formatRate } from '@/components/invoice-document';
import { ListTable } from '@/components/list-table';
import { uuidParam, validParam } from '@/lib/params';
import { requireStaff } from '@/lib/session';
import { serverCaller } from '@/trpc/server';
import { NoFinanceAccess } from '../no-access';
import { InvoiceActions } from './invoice-actions';

export const metadata: Metadata = { title: 'Invoice' };

type Invoice = RouterOutputs['finance']['getInvoice'];

const summaryStyle = {
  display: 'grid',
  gridTemplateColumns: 'max-content 1fr',
  gap: '0.35rem 1.25rem',
} as const;

/** Another org's invoice answers exactly like a missing one. */
async function invoiceOrNotFound(invoiceId: string): Promise<Invoice> {
  try {
    return await (await serverCaller()).finance.getInvoice({ invoiceId });
  } catch (error) {
    if (error instanceof TRPCError && (error.code === 'NOT_FOUND' || error.code === 'BAD_REQUEST'))
      notFound();
    throw error;
  }
}

/** An audit snapshot in words: "Status: Paid · Paid: $10.00 · …". */
function snapshotWords(value: unknown, currency: string): string {
  if (!value || typeof value !== 'object') return '—';
  return Object.entries(value as Record<string, unknown>)
    .map(([key, v]) => {
      const label = formatStatus(key.replace(/([A-Z])/g, '_$1').toLowerCase());
      if (typeof v === 'number' && key.endsWith('Cents')) {
        return `${label.replace(/ cents$/, '')}: ${formatMoney(v, currency)}`;
      }
      if (key === 'status' && typeof v === 'string') return `${label}: ${formatStatus(v)}`;
      return `${label}: ${String(v)}`;
    })
    .join(' · ');
}

export default async function InvoicePage({ params }: { params: Promise<{ id: string }> }) {
  const id = validParam(uuidParam, (await params).id) ?? notFound();
  const session = await requireStaff(`/admin/invoices/${id}`);
  if (!can(session.role, 'finance.read')) return <NoFinanceAccess role={session.role} />;
  const invoice = await invoiceOrNotFound(id);
  const money = (cents: number) => formatMoney(cents, invoice.currency);
  const canManage = can(session.role, 'finance.manage');

  return (
    <>
      <p>
        <Link href="/admin/invoices">← Invoices</Link>
      </p>
      <div className="page-head">
        <h1>Invoice #{invoice.number}</h1>
        <StatusBadge status={invoice.status} />
      </div>
      {canManage ? (
        <InvoiceActions
          invoiceId={invoice.id}
          invoiceNumber={invoice.number}
          canReconcile={invoice.status !== 'void'}
          canRecalculate={invoice.status === 'open' || invoice.status === 'overdue'}
        />
      ) : null}

      <section aria-labelledby="invoice-summary">
        <h2 id="invoice-summary">Summary</h2>
        <dl className="summary-list" style={summaryStyle}>
          <dt>Order</dt>
          <dd>
            <Link href={`/admin/orders/${invoice.order.id}`}>Order #{invoice.order.number}</Link>{' '}
            <StatusBadge status={invoice.order.status} />
          </dd>
          <dt>Customer</dt>
          <dd>{invoice.order.customerEmail}</dd>
          <dt>Issued</dt>
          <dd>{formatDateTime(invoice.issuedAt)}</dd>
          <dt>Due</dt>
          <dd>{invoice.dueAt ? formatDate(invoice.dueAt) : 'At checkout'}</dd>
          <dt>Paid in full</dt>
          <dd>{formatDateTime(invoice.paidAt, 'Not yet')}</dd>
          <dt>Paid</dt>
          <dd>{money(invoice.amountPaidCents)}</dd>
          <dt>Refunded</dt>
          <dd>{money(invoice.amountRefundedCents)}</dd>
          <dt>Outstanding</dt>
          <dd>{money(invoice.outstandingCents)}</dd>
        </dl>
      </section>

      <section aria-labelledby="invoice-tax">
        <h2 id="invoice-tax">Tax snapshot</h2>
        <p className="muted">
          Stored when the invoice was issued; later tax settings do not change it.
        </p>
        <dl className="summary-list" style={summaryStyle}>
          <dt>Subtotal</dt>
          <dd>{money(invoice.subtotalCents)}</dd>
          <dt>Taxable subtotal</dt>
          <dd>{money(invoice.taxableSubtotalCents)}</dd>
          <dt>Tax rate</dt>
          <dd>{formatRate(invoice.taxRateBps)}</dd>
          <dt>Tax</dt>
          <dd>{money(invoice.taxCents)}</dd>
          <dt>Total</dt>
          <dd>{money(invoice.totalCents)}</dd>
        </dl>
        <ListTable
          label="Invoice lines"
          rows={invoice.lineItems}
          columns={[
            { header: 'Description', cell: (l) => l.description },
            { header: 'Quantity', className: 'num', cell: (l) => l.quantity },
            { header: 'Unit', className: 'num', cell: (l) => money(l.unitAmountCents) },
            { header: 'Tax rate', className: 'num', cell: (l) => formatRate(l.taxRateBps) },
            { header: 'Total', className: 'num', cell: (l) => money(l.totalCents) },
          ]}
        />
      </section>

      <section aria-labelledby="invoice-payments">
        <h2 id="invoice-payments">Payments</h2>
        <ListTable
          label="Payments"
          rows={invoice.payments}
          emptyText="No payments yet."
          columns={[
            { header: 'When', cell: (p) => formatDateTime(p.createdAt) },
            { header: 'Amount', className: 'num', cell: (p) => money(p.amountCents) },
            { header: 'Refunded', className: 'num', cell: (p) => money(p.amountRefundedCents) },
            { header: 'Status', cell: (p) => <StatusBadge status={p.status} /> },
            {
              header: 'Payment intent',
              cell: (p) => <span className="muted">{p.processorPaymentIntentId}</span>,
            },
          ]}
        />
        <h3>Refunds</h3>
        <ListTable
          label="Refunds"
          rows={invoice.refunds}
          emptyText="No refunds."
          columns={[
            { header: 'When', cell: (r) => formatDateTime(r.createdAt) },
            { header: 'Amount', className: 'num', cell: (r) => money(r.amountCents) },
            { header: 'Reason', cell: (r) => r.reason },
            {
              header: 'Status',
              cell: (r) => (
                <>
                  <StatusBadge status={r.status} />
                  {r.failureReason ? <div className="muted">{r.failureReason}</div> : null}
                </>
              ),
            },
          ]}
        />
      </section>

      <section aria-labelledby="invoice-timeline">
        <h2 id="invoice-timeline">Timeline</h2>
        <ListTable
          label="Timeline"
          rows={invoice.timeline}
          emptyText="Nothing recorded yet."
          columns={[
            { header: 'When', cell: (t) => formatDateTime(t.createdAt) },
            { header: 'What', cell: (t) => formatStatus(t.action.replace(/^invoice\./, '')) },
            { header: 'Who', cell: (t) => t.actorEmail ?? <span className="muted">System</span> },
            { header: 'Before', cell: (t) => snapshotWords(t.before, invoice.currency) },
            { header: 'After', cell: (t) => snapshotWords(t.after, invoice.currency) },
          ]}
        />
      </section>
    </>
  );
}
