import Link from 'next/link';
import type { ReactNode } from 'react';
import { getSoukSession, isStaffRole } from '@souk/auth';
import { SandboxBadge } from '@/components/sandbox-badge';
import { SignOutButton } from '@/components/sign-out-button';

export default async function StorefrontLayout({ children }: { children: ReactNode }) {
  const session = await getSoukSession();
  // The same checks as the admin layout and the vendor gate: staff work in the admin
  // console; everyone else signed in may use the vendor portal (it offers onboarding to
  // customers who are not vendors yet).
  const isStaff = session !== null && isStaffRole(session.role);
  return (
    <>
      <header className="topbar">
        <Link href="/" className="brand">
          Souk
        </Link>
        <SandboxBadge />
        <nav className="topnav" aria-label="Marketplace">
          <Link href="/vendors">Vendors</Link>
          <Link href="/templates">Event templates</Link>
          <Link href="/bookings">My bookings</Link>
        </nav>
        <span className="spacer" />
        {session ? (
          <>
            {isStaff ? <Link href="/admin">Admin</Link> : <Link href="/vendor">Vendor portal</Link>}
            <Link href="/account">My account</Link>
            <SignOutButton callbackUrl="/" />
          </>
        ) : (
          // Without a callbackUrl sign-in lands on /admin, which a customer cannot open.
          <>
            <Link href="/signin?callbackUrl=%2F">Sign in</Link>
            <Link href="/signup">Create account</Link>
          </>
        )}
      </header>
      <main className="container" id="main" tabIndex={-1}>
        {children}
      </main>
    </>
  );
}
