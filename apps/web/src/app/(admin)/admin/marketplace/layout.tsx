import type { ReactNode } from 'react';

// Scopes the marketplace styles (status badges, inline reason forms) in globals.css.
export default function MarketplaceLayout({ children }: { children: ReactNode }) {
  return <div className="admin-marketplace">{children}</div>;
}
