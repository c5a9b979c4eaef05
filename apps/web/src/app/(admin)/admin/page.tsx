import type { Metadata } from 'next';
import Link from 'next/link';
import { TRPCError } from '@trpc/server';
import { can } from '@souk/auth';
import type { RouterOutputs } from '@souk/api';
import { fieldErrorsOf, resolveDashboardRange } from '@souk/core/client';
import { formatMoney } from '@souk/core/money';
import { formatDate, formatNumber, formatStatus } from '@souk/ui';
import type { SearchParams } from '@/components/page-links';
import { requireStaff } from '@/lib/session';
import { serverCaller } from '@/trpc/server';
import { formatBps, changeText } from './_dashboard/change';
import { KpiCard } from './_dashboard/kpi-card';
import { RangeForm } from './_dashboard/range-form';
import { SalesCharts } from './_dashboard/sales-chart';

export const metadata: Metadata = { title: 'Dashboard' };

type Dashboard = RouterOutputs['dashboard']['getDashboard'];

const param = (value: string | string[] | undefined) =>
  typeof value === 'string' && value !== '' ? value : undefined;

export default async function AdminDashboardPage({ searchParams }: { searchParams: SearchParams }) {
  const session = await requireStaff('/admin');
  const params = await searchParams;
  const input = { from: param(params.from), to: param(params.to) };
  if (!can(session.role, 'orders.read')) {
    return (
      <>
        <h1>Dashboard</h1>
        <p>Your role cannot see the store&apos;s figures. Use the menu to reach your work.</p>
      </>
    );
  }

  let dashboard: Dashboard | undefined;
  let errors: Record<string, string[]> | undefined;
  try {
    dashboard = await (await serverCaller()).dashboard.getDashboard(input);
  } catch (error) {
    if (!(error instanceof TRPCError) || error.code !== 'BAD_REQUEST') throw error;
    errors = fieldErrorsOf(error.cause) ?? { from: [error.message] };
  }
  // Refused ranges keep what was typed in the fields, beside its error.
  const shown = dashboard?.range ?? {
    ...resolveDashboardRange({}),
    ...(input.from ? { from: input.from } : {}),
    ...(input.to ? { to: input.to } : {}),
  };

  return (
    <>
      <h1>Dashboard</h1>
      <RangeForm from={shown.from} to={shown.to} errors={errors} />
      {dashboard ? (
        <DashboardFigures
          dashboard={dashboard}
          canSeeOutbox={can(session.role, 'outbox.read')}
          canSeePayments={can(session.role, 'payments.read')}
        />
      ) : null}
    </>
  );
}

function DashboardFigures({
  dashboard: d,
  canSeeOutbox,
  canSeePayments,
}: {
  dashboard: Dashboard;
  canSeeOutbox: boolean;
  canSeePayments: boolean;
}) {
  const { range } = d;
  const count = (value: number) => formatNumber(value);
  return (
    <>
      <p className="muted">
        {formatDate(range.from)} to {formatDate(range.to)} ({range.days}{' '}
        {range.days === 1 ? 'day' : 'days'}, UTC), compared with {formatDate(range.previousFrom)} to{' '}
        {formatDate(range.previousTo)}.
      </p>

      <section aria-labelledby="sales-heading">
        <h2 id="sales-heading">Sales</h2>
        {d.sales.length === 0 ? <p className="muted">No sales in this range.</p> : null}
        {d.sales.map((s) => {
          const money = (cents: number) => formatMoney(cents, s.currency);
          return (
            <div key={s.currency}>
              {d.sales.length > 1 ? <h3>{s.currency}</h3> : null}
              <dl className="grid-cards">
                <KpiCard label="Gross sales" {...s.grossCents} format={money} />
                <KpiCard label="Net after refunds" {...s.netCents} format={money} />
                <KpiCard label="Refunds" {...s.refundedCents} format={money} />
                <KpiCard label="Orders" {...s.orders} format={count} />
                <KpiCard label="Average order value" {...s.averageOrderCents} format={money} />
              </dl>
              <SalesCharts currency={s.currency} bucket={range.bucket} series={s.series} />
            </div>
          );
        })}
      </section>

      <section aria-labelledby="checkout-heading">
        <h2 id="checkout-heading">Checkout</h2>
        <dl className="grid-cards">
          <KpiCard
            label="Checkout conversion (sessions to paid)"
            current={d.checkout.current.conversionBps}
            previous={d.checkout.previous.conversionBps}
            format={(bps) => formatBps(bps)}
          />
          <KpiCard
            label="Checkout sessions"
            current={d.checkout.current.sessions}
            previous={d.checkout.previous.sessions}
            format={count}
          />
          <KpiCard
            label="Recovered checkouts (paid after a recovery email)"
            current={d.checkout.current.recovered}
            previous={d.checkout.previous.recovered}
            format={count}
          />
        </dl>
      </section>

      <section aria-labelledby="bookings-heading">
        <h2 id="bookings-heading">Bookings</h2>
        {/* The table may scroll sideways on a phone: the region takes focus so keys can too. */}
        <div className="card" role="region" aria-label="Bookings by status" tabIndex={0}>
          <table>
            <caption className="visually-hidden">Bookings created in the range, by status</caption>
            <thead>
              <tr>
                <th scope="col">Status</th>
                <th scope="col" className="num">
                  This period
                </th>
                <th scope="col" className="num">
                  Previous period
                </th>
                <th scope="col">Change</th>
              </tr>
            </thead>
            <tbody>
              {[...d.bookings.byStatus, { status: 'total', ...d.bookings.total }].map((row) => (
                <tr key={row.status}>
                  <th scope="row">{row.status === 'total' ? 'All' : formatStatus(row.status)}</th>
                  <td className="num">{count(row.current)}</td>
                  <td className="num">{count(row.previous)}</td>
                  <td>{changeText(row.current, row.previous)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        {d.bookingPayments.map((p) => {
          const money = (cents: number) => formatMoney(cents, p.currency);
          return (
            <div key={p.currency}>
              <h3>Booking payments collected ({p.currency})</h3>
              <dl className="grid-cards">
                <KpiCard label="Deposits" {...p.depositCents} format={money} />
                <KpiCard label="Balances" {...p.balanceCents} format={money} />
                <KpiCard label="Paid in full" {...p.fullCents} format={money} />
              </dl>
            </div>
          );
        })}
      </section>

      <section aria-labelledby="payouts-heading">
        <h2 id="payouts-heading">Commission and payouts</h2>
        {d.commission.length === 0 && d.payouts.length === 0 ? (
          <p className="muted">No commission or payouts yet.</p>
        ) : null}
        {d.commission.map((c) => (
          <dl className="grid-cards" key={`commission-${c.currency}`}>
            <KpiCard
              label={`Commission earned (${c.currency})`}
              {...c.commissionCents}
              format={(cents) => formatMoney(cents, c.currency)}
            />
          </dl>
        ))}
        {d.payouts.map((p) => {
          const money = (cents: number) => formatMoney(cents, p.currency);
          return (
            <dl className="grid-cards" key={`payouts-${p.currency}`}>
              <KpiCard label={`Payouts paid (${p.currency})`} {...p.paidCents} format={money} />
              <div className="card">
                <dt className="muted">Payouts due now</dt>
                <dd>
                  <strong>{money(p.dueCents)}</strong> ({count(p.dueCount)})
                </dd>
              </div>
              <div className="card">
                <dt className="muted">Payouts held now</dt>
                <dd>
                  <strong>{money(p.heldCents)}</strong> ({count(p.heldCount)})
                </dd>
              </div>
            </dl>
          );
        })}
      </section>

      <section aria-labelledby="ops-heading">
        <h2 id="ops-heading">Operations now</h2>
        <dl className="grid-cards">
          <OpsCount
            label="Outbox backlog (pending)"
            value={d.ops.outboxPending}
            href={canSeeOutbox ? '/admin/outbox?status=pending' : undefined}
          />
          <OpsCount
            label="Dead letters"
            value={d.ops.outboxDead}
            href={canSeeOutbox ? '/admin/outbox?status=dead' : undefined}
          />
          <OpsCount
            label="Failed payment events"
            value={d.ops.failedPaymentEvents}
            href={canSeePayments ? '/admin/payments?status=failed' : undefined}
          />
        </dl>
      </section>
    </>
  );
}

function OpsCount({ label, value, href }: { label: string; value: number; href?: string }) {
  return (
    <div className="card">
      <dt className="muted">{label}</dt>
      <dd>
        <strong>{formatNumber(value)}</strong>
        {href ? (
          <>
            {' '}
            <Link href={href}>
              Open<span className="visually-hidden"> {label.toLowerCase()}</span>
            </Link>
          </>
        ) : null}
      </dd>
    </div>
  );
}
