import type { Metadata } from 'next';
import { connection } from 'next/server';
import type { ReactNode } from 'react';
import { TRPCReactProvider } from '@/trpc/react';
import './globals.css';
import '@souk/ui/data-table.css';

export const metadata: Metadata = {
  title: { default: 'Souk', template: '%s · Souk' },
  description: 'Commerce and marketplace platform',
};

export default async function RootLayout({ children }: { children: ReactNode }) {
  // Every page is rendered per request: its scripts carry the CSP nonce proxy.ts made
  // for this response, and a page prerendered at build time would have none (so under
  // 'strict-dynamic' none of its scripts would run).
  await connection();
  return (
    <html lang="en">
      <body>
        {/* Every layout's <main> is #main: keyboard users skip the header and navigation. */}
        <a className="skip-link" href="#main">
          Skip to content
        </a>
        <TRPCReactProvider>{children}</TRPCReactProvider>
      </body>
    </html>
  );
}
