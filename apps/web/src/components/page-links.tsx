import Link from 'next/link';
import { MAX_PAGE } from '@souk/core/validation';

/** A page's `searchParams` prop. */
export type SearchParams = Promise<Record<string, string | string[] | undefined>>;

/** The `?page=` a list page was asked for; anything but a page number is page 1. */
export function pageParam(raw: string | string[] | undefined): number {
  const page = typeof raw === 'string' ? Number(raw) : 1;
  return Number.isSafeInteger(page) && page >= 1 && page <= MAX_PAGE ? page : 1;
}

/** Previous / Next links under a list the server draws a page at a time; none for one page. */
export function PageLinks({
  label,
  page,
  pages,
  href,
  count,
}: {
  label: string;
  page: number;
  pages: number;
  /** The URL of another page of the same list. */
  href: (page: number) => string;
  /** How many there are in all, in words ("45 orders"). */
  count?: string;
}) {
  if (pages <= 1) return null;
  return (
    <nav className="pagination" aria-label={label}>
      <span>
        Page {page} of {pages}
        {count ? ` (${count})` : null}
      </span>
      {page > 1 ? (
        <Link href={href(page - 1)} className="button-small">
          Previous
        </Link>
      ) : null}
      {page < pages ? (
        <Link href={href(page + 1)} className="button-small">
          Next
        </Link>
      ) : null}
    </nav>
  );
}
