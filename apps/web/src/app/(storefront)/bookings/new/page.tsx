import type { Metadata } from 'next';
import Link from 'next/link';
import { can } from '@souk/auth';
import { CustomerOnly } from '@/components/organizer/customer-only';
import { requireSession } from '@/lib/session';
import { serverCaller } from '@/trpc/server';
import { NewBookingForm } from './new-booking-form';

export const metadata: Metadata = { title: 'New booking' };
export const dynamic = 'force-dynamic';

// The directory is paged: the form starts with this many of each type and loads more on request.
const VENDOR_PAGE_SIZE = 100;

export default async function NewBookingPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const raw = (await searchParams).template;
  const templateParam = typeof raw === 'string' ? raw : '';
  const session = await requireSession(
    templateParam ? `/bookings/new?template=${encodeURIComponent(templateParam)}` : '/bookings/new',
  );
  if (!can(session.role, 'marketplace.book')) return <CustomerOnly title="New booking" />;

  const caller = await serverCaller();
  const [venues, services, templates] = await Promise.all([
    caller.marketplace.public.listVendors({ type: 'venue_owner', pageSize: VENDOR_PAGE_SIZE }),
    caller.marketplace.public.listVendors({ type: 'service_provider', pageSize: VENDOR_PAGE_SIZE }),
    caller.marketplace.public.listTemplates({}),
  ]);
  const initialTemplateId = templates.some((t) => t.id === templateParam) ? templateParam : '';

  return (
    <>
      <p>
        <Link href="/bookings">← My bookings</Link>
      </p>
      <h1>New booking</h1>
      <NewBookingForm
        templates={templates.map((t) => ({ id: t.id, name: t.name }))}
        venues={venues}
        services={services}
        vendorPageSize={VENDOR_PAGE_SIZE}
        initialTemplateId={initialTemplateId}
      />
    </>
  );
}
