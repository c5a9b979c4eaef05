import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { TRPCError } from '@trpc/server';
import { can } from '@souk/auth';
import { uuidParam, validParam } from '@/lib/params';
import { requireStaff } from '@/lib/session';
import { getQueryClient, HydrateClient, serverCaller, trpc } from '@/trpc/server';
import { OrchestrationPanel } from './orchestration-panel';

export const metadata: Metadata = { title: 'Order' };

export default async function OrderPage({ params }: { params: Promise<{ id: string }> }) {
  const id = validParam(uuidParam, (await params).id) ?? notFound();
  const session = await requireStaff(`/admin/orders/${id}`);
  if (!can(session.role, 'checkout.read')) {
    return (
      <>
        <h1>No access</h1>
        <p className="muted">Your role ({session.role}) does not include checkout orchestration.</p>
      </>
    );
  }
  let view;
  try {
    view = await (await serverCaller()).checkout.getOrchestration({ orderId: id });
  } catch (error) {
    // Another org's order answers exactly like a missing one.
    if (error instanceof TRPCError && (error.code === 'NOT_FOUND' || error.code === 'BAD_REQUEST'))
      notFound();
    throw error;
  }
  // Seed the client cache with what was just loaded instead of fetching it twice.
  getQueryClient().setQueryData(trpc.checkout.getOrchestration.queryKey({ orderId: id }), view);
  return (
    <>
      <p>
        <Link href="/admin/checkout">← Checkout sessions</Link>
      </p>
      <h1>Order #{view.orderNumber}</h1>
      <HydrateClient>
        <OrchestrationPanel orderId={id} canManage={can(session.role, 'checkout.manage')} />
      </HydrateClient>
    </>
  );
}
