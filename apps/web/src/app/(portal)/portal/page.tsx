import type { Metadata } from 'next';
import Link from 'next/link';
import { PORTAL_LINK_PROBLEMS, PORTAL_SIGNED_OUT } from '@souk/core/client';
import { portalMe } from '@/lib/portal';
import { PortalLinkForm } from './portal-link-form';

export const metadata: Metadata = { title: 'Client portal' };
export const dynamic = 'force-dynamic';

const ERRORS: Record<string, string> = { ...PORTAL_LINK_PROBLEMS, signed_out: PORTAL_SIGNED_OUT };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function PortalHome({ searchParams }: { searchParams: SearchParams }) {
  const { error, signedOut } = await searchParams;
  const me = await portalMe();
  const problem = typeof error === 'string' ? ERRORS[error] : undefined;
  const alert = problem ? (
    <div className="notice notice-error" role="alert">
      {problem}
    </div>
  ) : null;
  if (me) {
    // A link opened again while signed in: still say why it did nothing.
    return (
      <>
        <h1>Client portal</h1>
        {alert}
        <p>
          Signed in as {me.email} at {me.orgName}.
        </p>
        <ul className="plain-list">
          <li>
            <Link href="/portal/bookings">Your bookings</Link>
          </li>
          <li>
            <Link href="/portal/invoices">Your invoices</Link>
          </li>
          <li>
            <Link href="/portal/orders">Your orders</Link>
          </li>
        </ul>
      </>
    );
  }
  return (
    <div className="card portal-request">
      <h1>Client portal</h1>
      {alert}
      {signedOut ? (
        <p className="notice notice-success" role="status">
          You are signed out of the client portal.
        </p>
      ) : null}
      <p className="muted">
        See your bookings, invoices, orders and the photos of your events. Enter the email you
        booked or ordered with and we will send you a sign-in link; no password needed.
      </p>
      <PortalLinkForm />
    </div>
  );
}
