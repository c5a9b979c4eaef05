import type { Metadata } from 'next';
import Link from 'next/link';
import type { RouterOutputs } from '@souk/api';
import { serverCaller } from '@/trpc/server';

export const metadata: Metadata = { title: 'Vendors' };
export const dynamic = 'force-dynamic';

type PublicVendor = RouterOutputs['marketplace']['public']['vendors']['items'][number];
type SearchParams = Record<string, string | string[] | undefined>;

const PAGE_SIZE = 24;

function pageParam(params: SearchParams, name: string): number {
  const raw = params[name];
  return Math.max(1, Number.parseInt(typeof raw === 'string' ? raw : '1', 10) || 1);
}

/** Each section pages on its own (`?venues=2&services=1`); the other keeps its page. */
function SectionPages({
  label,
  param,
  page,
  total,
  params,
}: {
  label: string;
  param: 'venues' | 'services';
  page: number;
  total: number;
  params: SearchParams;
}) {
  const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
  if (pages <= 1) return null;
  const href = (p: number) => {
    const next = new URLSearchParams();
    for (const key of ['venues', 'services'] as const) {
      const value = key === param ? p : pageParam(params, key);
      if (value > 1) next.set(key, String(value));
    }
    const query = next.toString();
    return query ? `/vendors?${query}` : '/vendors';
  };
  return (
    <nav className="pagination" aria-label={`${label} pages`}>
      <span>
        Page {page} of {pages}
      </span>
      {page > 1 ? <Link href={href(page - 1)}>Previous</Link> : null}
      {page < pages ? <Link href={href(page + 1)}>Next</Link> : null}
    </nav>
  );
}

function VendorSection({
  id,
  title,
  vendors,
  empty,
}: {
  id: string;
  title: string;
  vendors: PublicVendor[];
  empty: string;
}) {
  return (
    <section aria-labelledby={id} className="account-section">
      <h2 id={id}>{title}</h2>
      {vendors.length === 0 ? (
        <p className="empty">{empty}</p>
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
  const venuePage = pageParam(params, 'venues');
  const servicePage = pageParam(params, 'services');
  const caller = await serverCaller();
  const [venues, services] = await Promise.all([
    caller.marketplace.public.vendors({
      type: 'venue_owner',
      page: venuePage,
      pageSize: PAGE_SIZE,
    }),
    caller.marketplace.public.vendors({
      type: 'service_provider',
      page: servicePage,
      pageSize: PAGE_SIZE,
    }),
  ]);
  return (
    <>
      <h1>Vendors</h1>
      <VendorSection
        id="venues-heading"
        title="Venues"
        vendors={venues.items}
        empty="No venues are listed yet."
      />
      <SectionPages
        label="Venues"
        param="venues"
        page={venuePage}
        total={venues.total}
        params={params}
      />
      <VendorSection
        id="services-heading"
        title="Services"
        vendors={services.items}
        empty="No service providers are listed yet."
      />
      <SectionPages
        label="Services"
        param="services"
        page={servicePage}
        total={services.total}
        params={params}
      />
    </>
  );
}
