import Link from 'next/link';

const TABS = [
  { href: '/admin/invoices', label: 'All invoices' },
  { href: '/admin/invoices/queue', label: 'Queue' },
  { href: '/admin/invoices/mismatches', label: 'Mismatches' },
] as const;

/** The invoices pages, one link each; the current one is marked for screen readers too. */
export function InvoiceTabs({ current }: { current: (typeof TABS)[number]['href'] }) {
  return (
    <nav className="inline-actions" aria-label="Invoice views">
      {TABS.map((tab) => (
        <Link
          key={tab.href}
          href={tab.href}
          className="button button-small"
          aria-current={tab.href === current ? 'page' : undefined}
        >
          {tab.label}
        </Link>
      ))}
    </nav>
  );
}
