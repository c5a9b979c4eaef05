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
        <span className="spacer" />
        <Link href="/account">My account</Link>
        <Link href="/admin">Admin</Link>
      </header>
      <main className="container">{children}</main>
    </>
  );
}
