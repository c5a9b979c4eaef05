import Link from 'next/link';
import type { ReactNode } from 'react';
import { SandboxBadge } from '@/components/sandbox-badge';

export default function StorefrontLayout({ children }: { children: ReactNode }) {
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
        <Link href="/vendor">Vendor portal</Link>
        <Link href="/account">My account</Link>
        <Link href="/admin">Admin</Link>
      </header>
      <main className="container" id="main" tabIndex={-1}>
        {children}
      </main>
    </>
  );
}
