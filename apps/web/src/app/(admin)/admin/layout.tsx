import type { Metadata } from 'next';
import { headers } from 'next/headers';
import { redirect } from 'next/navigation';
import Link from 'next/link';
import type { ReactNode } from 'react';
import { can, isStaffRole } from '@souk/auth';
import type { Role } from '@souk/db';
import { AdminNav, type NavGroup } from '@/components/admin-nav';
import { BreakGlassBanner } from '@/components/break-glass-banner';
import { CommandPalette } from '@/components/command-palette';
import { MfaRequiredNotice } from '@/components/mfa-required-notice';
import { SandboxBadge } from '@/components/sandbox-badge';
import { SignOutButton } from '@/components/sign-out-button';
import { webEnv } from '@/env';
import { requireSession } from '@/lib/session';
import { serverCaller } from '@/trpc/server';

export const metadata: Metadata = { title: { default: 'Admin', template: '%s · Souk admin' } };
export const dynamic = 'force-dynamic';

/** The links a role may follow, grouped as the console is organised. */
function adminNavGroups(role: Role): NavGroup[] {
  const link = (href: string, label: string, allowed = true) => (allowed ? [{ href, label }] : []);
  const groups: NavGroup[] = [
    {
      title: 'Store',
      links: [
        ...link('/admin', 'Dashboard', can(role, 'orders.read')),
        ...link('/admin/orders', 'Orders', can(role, 'orders.read')),
        ...link('/admin/invoices', 'Invoices', can(role, 'finance.read')),
        ...link('/admin/reports', 'Reports', can(role, 'finance.read')),
        ...link('/admin/customers', 'Customers', can(role, 'customers.read')),
        ...link('/admin/products', 'Products'),
        ...link('/admin/checkout', 'Checkout sessions', can(role, 'checkout.read')),
        ...link('/admin/payments', 'Payment events', can(role, 'payments.read')),
        ...link('/admin/reconciliation', 'Reconciliation', can(role, 'finance.read')),
      ],
    },
    {
      title: 'Marketplace',
      links: can(role, 'marketplace.read')
        ? [
            ...link('/admin/marketplace/vendors', 'Vendors'),
            ...link('/admin/marketplace/bookings', 'Bookings'),
            ...link('/admin/marketplace/payments', 'Booking payments'),
            ...link('/admin/marketplace/payouts', 'Payouts'),
            ...link('/admin/marketplace/disputes', 'Disputes'),
            ...link('/admin/marketplace/moderation', 'Moderation'),
            ...link('/admin/marketplace/templates', 'Event templates'),
            ...link('/admin/marketplace/subscriptions', 'Subscriptions'),
          ]
        : [],
    },
    {
      title: 'Operations',
      links: [
        ...link('/admin/outbox', 'Outbox', can(role, 'outbox.read')),
        ...link('/admin/audit', 'Audit log'),
        ...link('/admin/billing', 'Billing', can(role, 'finance.read')),
        ...link('/admin/exports', 'Accounting exports', can(role, 'finance.read')),
        ...link('/admin/system', 'System', can(role, 'ops.read')),
      ],
    },
    {
      title: 'Organisation',
      links: [
        ...link('/admin/users', 'Users', can(role, 'users.manage')),
        ...link('/admin/settings', 'Settings', can(role, 'org.configure')),
        ...link('/admin/privacy', 'Privacy', can(role, 'privacy.manage')),
        ...link('/admin/safety', 'Admin safety', can(role, 'admin.breakGlass')),
        ...link('/admin/account', 'Account'),
        ...link('/', 'View storefront'),
      ],
    },
  ];
  return groups.filter((group) => group.links.length > 0);
}

/** The break-glass banner while this sign-in writes under one (spec 002). */
async function BreakGlassStatus() {
  // Refused (an MFA or IP gate) or gone: the page itself says why; no banner then.
  const status = await (await serverCaller()).adminSafety.getBreakGlassStatus().catch(() => null);
  if (!status?.isActive || !status.reason || !status.expiresAt) return null;
  const until = new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit' }).format(
    status.expiresAt,
  );
  return <BreakGlassBanner reason={status.reason} until={until} />;
}

export default async function AdminLayout({ children }: { children: ReactNode }) {
  const session = await requireSession('/admin');
  const header = (
    <header className="topbar">
      <Link href="/admin" className="brand">
        Souk admin
      </Link>
      <span>{session.orgName}</span>
      <SandboxBadge />
      {isStaffRole(session.role) ? <CommandPalette /> : null}
      <span className="spacer" />
      <span className="who">
        {session.user.email} · {session.role}
      </span>
      <SignOutButton />
    </header>
  );
  // An admin-issued temporary password: choosing a new one comes before anything else
  // (the API refuses the rest too), so there is no navigation, only the account page.
  if (session.mustChangePassword) {
    const path = (await headers()).get('x-souk-pathname');
    if (path && path !== '/admin/account') redirect('/admin/account?must-change=1');
    return (
      <>
        {header}
        <main className="container" id="main" tabIndex={-1}>
          <p className="notice notice-error" role="status">
            Your password is a temporary one set by an admin. Choose a new password to continue:
            enter the temporary password as the current one.
          </p>
          {children}
        </main>
      </>
    );
  }
  // ADMIN_MFA_REQUIRED: an owner/admin who did not sign in with a code sets it up first.
  const needsMfa =
    webEnv.ADMIN_MFA_REQUIRED &&
    (session.role === 'OWNER' || session.role === 'ADMIN') &&
    !session.mfaVerified;
  if (needsMfa) {
    const path = (await headers()).get('x-souk-pathname');
    const setup = '/admin/account/security';
    if (path && path !== setup) redirect(setup);
  }
  if (!isStaffRole(session.role)) {
    return (
      <>
        {header}
        <main className="container" id="main" tabIndex={-1}>
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
        <AdminNav groups={adminNavGroups(session.role)} />
        <main className="admin-main" id="main" tabIndex={-1}>
          {session.breakGlassId && can(session.role, 'admin.breakGlass') ? (
            <BreakGlassStatus />
          ) : null}
          {needsMfa ? <MfaRequiredNotice /> : null}
          {children}
        </main>
      </div>
    </>
  );
}
