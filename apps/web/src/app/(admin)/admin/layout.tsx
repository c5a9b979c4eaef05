import type { Metadata } from 'next';
import Link from 'next/link';
import type { ReactNode } from 'react';
import { can, isStaffRole } from '@souk/auth';
import { SandboxBadge } from '@/components/sandbox-badge';
import { SignOutButton } from '@/components/sign-out-button';
import { requireSession } from '@/lib/session';

export const metadata: Metadata = { title: { default: 'Admin', template: '%s · Souk admin' } };
export const dynamic = 'force-dynamic';

export default async function AdminLayout({ children }: { children: ReactNode }) {
  const session = await requireSession('/admin');
  const header = (
    <header className="topbar">
      <Link href="/admin" className="brand">
        Souk admin
      </Link>
      <span>{session.orgName}</span>
      <SandboxBadge />
      <span className="spacer" />
      <span className="who">
        {session.user.email} · {session.role}
      </span>
      <SignOutButton />
    </header>
  );
  if (!isStaffRole(session.role)) {
    return (
      <>
        {header}
        <main className="container">
          <h1>No access</h1>
          <p className="muted">
            The admin console is for staff. Your role ({session.role}) does not include it.
          </p>
          <Link href="/">Back to the store</Link>
        </main>
      </>
    );
  }
  return (
    <>
      {header}
      <div className="admin-shell">
        <nav className="admin-nav" aria-label="Admin">
          <Link href="/admin/products">Products</Link>
          <Link href="/admin/audit">Audit log</Link>
          {can(session.role, 'checkout.read') ? (
            <Link href="/admin/checkout">Checkout sessions</Link>
          ) : null}
          {can(session.role, 'payments.read') ? (
            <Link href="/admin/payments">Payment events</Link>
          ) : null}
          {can(session.role, 'outbox.read') ? <Link href="/admin/outbox">Outbox</Link> : null}
          {can(session.role, 'marketplace.read') ? (
            <>
              <span className="admin-nav-heading">Marketplace</span>
              <Link href="/admin/marketplace/vendors">Vendors</Link>
              <Link href="/admin/marketplace/bookings">Bookings</Link>
              <Link href="/admin/marketplace/payments">Booking payments</Link>
              <Link href="/admin/marketplace/payouts">Payouts</Link>
              <Link href="/admin/marketplace/disputes">Disputes</Link>
              <Link href="/admin/marketplace/moderation">Moderation</Link>
              <Link href="/admin/marketplace/templates">Event templates</Link>
              <Link href="/admin/marketplace/subscriptions">Subscriptions</Link>
            </>
          ) : null}
          {can(session.role, 'users.manage') ? <Link href="/admin/users">Users</Link> : null}
          <Link href="/admin/account">Account</Link>
          <Link href="/">View storefront</Link>
        </nav>
        <main className="admin-main">{children}</main>
      </div>
    </>
  );
}
