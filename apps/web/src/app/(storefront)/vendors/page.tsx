import type { Metadata } from 'next';
import type { RouterOutputs } from '@souk/api';
import { serverCaller } from '@/trpc/server';

export const metadata: Metadata = { title: 'Vendors' };
export const dynamic = 'force-dynamic';

type PublicVendor = RouterOutputs['marketplace']['public']['vendors'][number];

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
export default async function VendorsPage() {
  const vendors = await (await serverCaller()).marketplace.public.vendors({});
  return (
    <>
      <h1>Vendors</h1>
      <VendorSection
        id="venues-heading"
        title="Venues"
        vendors={vendors.filter((v) => v.type === 'venue_owner')}
        empty="No venues are listed yet."
      />
      <VendorSection
        id="services-heading"
        title="Services"
        vendors={vendors.filter((v) => v.type === 'service_provider')}
        empty="No service providers are listed yet."
      />
    </>
  );
}
