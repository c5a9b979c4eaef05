import type { Metadata } from 'next';
import Link from 'next/link';
import type { ReactNode } from 'react';
import { portalMe } from '@/lib/portal';
import { PortalSignOut } from './portal-sign-out';

export const metadata: Metadata = {
  title: { default: 'Client portal', template: '%s · Souk client portal' },
};
export const dynamic = 'force-dynamic';

export default async function PortalLayout({ children }: { children: ReactNode }) {
  const me = await portalMe();
  return (
    <>
      <header className="topbar">
        <Link href="/" className="brand">
          Souk
        </Link>
        <span>Client portal</span>
        {me ? (
          <nav className="topnav" aria-label="Client portal">
            <Link href="/portal/bookings">Bookings</Link>
            <Link href="/portal/invoices">Invoices</Link>
            <Link href="/portal/orders">Orders</Link>
          </nav>
        ) : null}
        <span className="spacer" />
        {me ? (
          <>
            <span className="who">{me.email}</span>
            <PortalSignOut />
          </>
        ) : null}
      </header>
      <main className="container" id="main" tabIndex={-1}>
        {children}
      </main>
    </>
  );
}
