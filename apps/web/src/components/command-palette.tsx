'use client';

import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Command } from 'cmdk';
import { useRouter } from 'next/navigation';
import { useEffect, useState } from 'react';
import type { SearchKind } from '@souk/core/client';
import { useTRPC } from '@/trpc/react';

const LABEL = 'Search orders, customers, products, bookings and vendors';
const DEBOUNCE_MS = 200;
const HEADINGS: Record<SearchKind, string> = {
  order: 'Orders',
  customer: 'Customers',
  product: 'Products',
  booking: 'Bookings',
  vendor: 'Vendors',
};

/** The text typed, once it has stopped changing for a moment: one request per pause. */
function useDebounced(value: string, ms: number): string {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return settled;
}

/**
 * The admin's global search: Ctrl+K (Cmd+K on a Mac) anywhere in the admin, or the Find
 * button. The server matches and ranks, so cmdk's own filtering is off.
 */
export function CommandPalette() {
  const router = useRouter();
  const trpc = useTRPC();
  const [open, setOpen] = useState(false);
  const [text, setText] = useState('');
  const q = useDebounced(text.trim(), DEBOUNCE_MS);

  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 'k') {
        event.preventDefault();
        setOpen((wasOpen) => !wasOpen);
      }
    };
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, []);

  const search = useQuery({
    ...trpc.search.searchAdmin.queryOptions({ q: q.slice(0, 200) }),
    enabled: open && q.length > 0,
    placeholderData: keepPreviousData,
  });
  const groups = q ? (search.data ?? []).filter((group) => group.items.length > 0) : [];
  const waiting = text.trim() !== q || search.isFetching;

  const changeOpen = (next: boolean) => {
    setOpen(next);
    if (!next) setText('');
  };

  return (
    <>
      <button
        type="button"
        className="button-small"
        aria-keyshortcuts="Control+K Meta+K"
        onClick={() => changeOpen(true)}
      >
        {/* Not "Search": the admin lists have Search buttons of their own, one per page. */}
        Find <kbd aria-hidden="true">Ctrl K</kbd>
      </button>
      <Command.Dialog
        open={open}
        onOpenChange={changeOpen}
        label={LABEL}
        shouldFilter={false}
        overlayClassName="dialog-overlay"
        contentClassName="dialog command-palette"
      >
        <Command.Input value={text} onValueChange={setText} placeholder="Search…" />
        <p className="muted" role="status">
          {waiting && groups.length === 0 && text.trim() ? 'Searching…' : null}
        </p>
        {search.isError && !waiting ? <p role="alert">{search.error.message}</p> : null}
        <Command.List>
          {!waiting && q && groups.length === 0 && !search.isError ? (
            <Command.Empty>No results for “{q}”</Command.Empty>
          ) : null}
          {groups.map((group) => (
            <Command.Group key={group.kind} heading={HEADINGS[group.kind]}>
              {group.items.map((item) => (
                <Command.Item
                  key={item.href}
                  value={item.href}
                  onSelect={() => {
                    changeOpen(false);
                    router.push(item.href);
                  }}
                >
                  <span>{item.title}</span>
                  <small className="muted">{item.subtitle}</small>
                </Command.Item>
              ))}
            </Command.Group>
          ))}
        </Command.List>
      </Command.Dialog>
    </>
  );
}
