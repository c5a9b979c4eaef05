import type { Metadata } from 'next';
import Link from 'next/link';
import { SignOutButton } from '@/components/sign-out-button';
import { requireSession } from '@/lib/session';

export const metadata: Metadata = { title: 'Vendor portal' };
export const dynamic = 'force-dynamic';

export default async function VendorPortal() {
  const session = await requireSession('/vendor');
  const isVendor = session.role === 'VENDOR';
  return (
    <>
      <header className="topbar">
        <Link href="/" className="brand">
          Souk
        </Link>
        <span>Vendor portal</span>
        <span className="spacer" />
        <span className="who">{session.user.email}</span>
        <SignOutButton />
      </header>
      <main className="container">
        <h1>Vendor portal</h1>
        {isVendor ? (
          <p className="muted">
            Booking requests, counters, payouts and your profile will appear here. This part of Souk
            arrives with the marketplace release; nothing is missing from your account.
          </p>
        ) : (
          <p className="muted">
            This portal is for vendors. Your role ({session.role}) has no vendor profile.
          </p>
        )}
      </main>
    </>
  );
}
