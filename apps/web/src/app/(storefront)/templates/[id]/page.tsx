import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { TRPCError } from '@trpc/server';
import { can } from '@souk/auth';
import { uuidParam, validParam } from '@/lib/params';
import { CustomerOnly } from '@/components/organizer/customer-only';
import { requireSession } from '@/lib/session';
import { getQueryClient, HydrateClient, serverCaller, trpc } from '@/trpc/server';
import { TemplateDetail } from './template-detail';

export const metadata: Metadata = { title: 'Event template' };
export const dynamic = 'force-dynamic';

export default async function TemplatePage({ params }: { params: Promise<{ id: string }> }) {
  const id = validParam(uuidParam, (await params).id) ?? notFound();
  const session = await requireSession(`/templates/${id}`);
  if (!can(session.role, 'marketplace.book')) return <CustomerOnly title="Event template" />;

  const caller = await serverCaller();
  const [teasers, subscription] = await Promise.all([
    caller.marketplace.public.listTemplates({}),
    caller.marketplace.organizer.getSubscription(),
  ]);
  let template = null;
  try {
    template = await caller.marketplace.organizer.getTemplate({ id });
  } catch (error) {
    // A missing template is checked before the subscription, so FORBIDDEN means it exists.
    if (error instanceof TRPCError && (error.code === 'NOT_FOUND' || error.code === 'BAD_REQUEST'))
      notFound();
    if (!(error instanceof TRPCError && error.code === 'FORBIDDEN')) throw error;
  }

  // Seed the client cache with what was just loaded instead of fetching it twice.
  const queryClient = getQueryClient();
  queryClient.setQueryData(trpc.marketplace.organizer.getSubscription.queryKey(), subscription);
  if (template) {
    queryClient.setQueryData(trpc.marketplace.organizer.getTemplate.queryKey({ id }), template);
  }
  const teaser = teasers.find((t) => t.id === id) ?? null;

  return (
    <>
      <p>
        <Link href="/templates">← Event templates</Link>
      </p>
      <HydrateClient>
        <TemplateDetail id={id} teaser={teaser} />
      </HydrateClient>
    </>
  );
}
