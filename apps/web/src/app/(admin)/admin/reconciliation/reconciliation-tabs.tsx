import Link from 'next/link';

const TABS = [
  { href: '/admin/reconciliation', label: 'Runs' },
  { href: '/admin/reconciliation/discrepancies', label: 'Discrepancies' },
] as const;

/** The reconciliation pages, one link each; the current one is marked for screen readers too. */
export function ReconciliationTabs({ current }: { current: (typeof TABS)[number]['href'] }) {
  return (
    <nav className="inline-actions" aria-label="Reconciliation views">
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
