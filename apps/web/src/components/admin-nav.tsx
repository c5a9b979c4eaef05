'use client';

import Link from 'next/link';
import { usePathname } from 'next/navigation';
import { useId, useState } from 'react';

export interface NavGroup {
  title: string;
  links: readonly { href: string; label: string }[];
}

function isCurrent(pathname: string, href: string): boolean {
  if (href === '/') return false;
  // The dashboard is the admin's root: every other admin page sits below it.
  if (href === '/admin') return pathname === href;
  return pathname === href || pathname.startsWith(`${href}/`);
}

/**
 * The admin's links, grouped. On a narrow screen they fold behind a "Menu" button so the
 * page content comes first; on a wide one they stay open beside it (CSS decides).
 */
export function AdminNav({ groups }: { groups: readonly NavGroup[] }) {
  const pathname = usePathname();
  // Open for the page it was opened on: following a link closes it.
  const [openOn, setOpenOn] = useState<string | null>(null);
  const open = openOn === pathname;
  const listId = useId();

  return (
    <nav className="admin-nav" aria-label="Admin" data-open={open ? 'true' : 'false'}>
      <button
        type="button"
        className="admin-nav-toggle button-small"
        aria-expanded={open}
        aria-controls={listId}
        onClick={() => setOpenOn(open ? null : pathname)}
      >
        {open ? 'Close menu' : 'Menu'}
      </button>
      <div className="admin-nav-groups" id={listId}>
        {groups.map((group) => {
          const headingId = `${listId}-${group.title.replace(/\W+/g, '-').toLowerCase()}`;
          return (
            <div key={group.title}>
              <p className="admin-nav-heading" id={headingId}>
                {group.title}
              </p>
              <ul aria-labelledby={headingId}>
                {group.links.map((link) => (
                  <li key={link.href}>
                    <Link
                      href={link.href}
                      aria-current={isCurrent(pathname, link.href) ? 'page' : undefined}
                    >
                      {link.label}
                    </Link>
                  </li>
                ))}
              </ul>
            </div>
          );
        })}
      </div>
    </nav>
  );
}
