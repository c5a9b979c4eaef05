import type { Metadata } from 'next';
import Link from 'next/link';
import { Fragment } from 'react';
import type { RouterOutputs } from '@souk/api';
import { serverCaller } from '@/trpc/server';

export const metadata: Metadata = { title: 'Vendors' };
export const dynamic = 'force-dynamic';

type PublicVendor = RouterOutputs['marketplace']['public']['listVendors']['items'][number];
type SearchParams = Record<string, string | string[] | undefined>;

const PAGE_SIZE = 24;

// One section per vendor type, each paged on its own (`?venues=2&services=1`).
const SECTIONS = [
  {
    param: 'venues',
    type: 'venue_owner',
    title: 'Venues',
    empty: 'No venues are listed yet.',
  },
  {
    param: 'services',
    type: 'service_provider',
    title: 'Services',
    empty: 'No service providers are listed yet.',
  },
] as const;

type Section = (typeof SECTIONS)[number];

function pageParam(params: SearchParams, name: string): number {
  const raw = params[name];
  return Math.max(1, Number.parseInt(typeof raw === 'string' ? raw : '1', 10) || 1);
}

/** The section's pager; the other section keeps its page. */
function SectionPages({
  section,
  page,
  total,
  params,
}: {
  section: Section;
  page: number;
  total: number;
  params: SearchParams;
}) {
  const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
  if (pages <= 1) return null;
  const href = (p: number) => {
    const next = new URLSearchParams();
    for (const { param } of SECTIONS) {
      const value = param === section.param ? p : pageParam(params, param);
      if (value > 1) next.set(param, String(value));
    }
    const query = next.toString();
    return query ? `/vendors?${query}` : '/vendors';
  };
  return (
    <nav className="pagination" aria-label={`${section.title} pages`}>
      <span>
        Page {page} of {pages}
      </span>
      {page > 1 ? <Link href={href(page - 1)}>Previous</Link> : null}
      {page < pages ? <Link href={href(page + 1)}>Next</Link> : null}
    </nav>
  );
}

function VendorSection({ section, vendors }: { section: Section; vendors: PublicVendor[] }) {
  const id = `${section.param}-heading`;
  return (
    <section aria-labelledby={id} className="account-section">
      <h2 id={id}>{section.title}</h2>
      {vendors.length === 0 ? (
        <p className="empty">{section.empty}</p>
      ) : (
        <div className="grid-cards">
          {vendors.map((vendor) => (
            <article key={vendor.id} className="card vendor-card">
              <h3>{vendor.displayName}</h3>
              {vendor.city ? <p className="muted">{vendor.city}</p> : null}
              {vendor.description ? <p>{vendor.description}</p> : null}
            </article>
          ))}
        </div>
      )}
    </section>
  );
}

/** The public directory: approved vendors only, and only what the profile says (no emails). */
export default async function VendorsPage({
  searchParams,
}: {
  searchParams: Promise<SearchParams>;
}) {
  const params = await searchParams;
  const caller = await serverCaller();
  const lists = await Promise.all(
    SECTIONS.map(async (section) => {
      const page = pageParam(params, section.param);
      const list = await caller.marketplace.public.listVendors({
        type: section.type,
        page,
        pageSize: PAGE_SIZE,
      });
      return { section, page, list };
    }),
  );
  return (
    <>
      <h1>Vendors</h1>
      {lists.map(({ section, page, list }) => (
        <Fragment key={section.param}>
          <VendorSection section={section} vendors={list.items} />
          <SectionPages section={section} page={page} total={list.total} params={params} />
        </Fragment>
      ))}
    </>
  );
}
