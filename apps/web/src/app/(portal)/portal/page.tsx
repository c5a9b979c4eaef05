import type { Metadata } from 'next';
import Link from 'next/link';
import { SignOutButton } from '@/components/sign-out-button';
import { requireSession } from '@/lib/session';

export const metadata: Metadata = { title: 'My account' };
export const dynamic = 'force-dynamic';

export default async function ClientPortal() {
  const session = await requireSession('/portal');
  return (
    <>
      <header className="topbar">
        <Link href="/" className="brand">
          Souk
        </Link>
        <span>My account</span>
        <span className="spacer" />
        <span className="who">{session.user.email}</span>
        <SignOutButton />
      </header>
      <main className="container" id="main" tabIndex={-1}>
        <h1>My account</h1>
        <p className="muted">
          Signed in to {session.orgName}. Orders, invoices, bookings and photos will be listed here
          once checkout and the marketplace are live.
        </p>
        <Link href="/">Continue shopping</Link>
      </main>
    </>
  );
}
