import { notFound } from 'next/navigation';
import { TRPCError } from '@trpc/server';
import type { RouterOutputs } from '@souk/api';
import { formatStatus } from '@souk/ui';
import { serverCaller } from '@/trpc/server';

// Server-only helpers shared by the order page and its printable invoice.

export type OrderDetail = RouterOutputs['orders']['getOrder'];

/** The order, or the not-found page: another org's order answers exactly like a missing one. */
export async function orderOrNotFound(id: string): Promise<OrderDetail> {
  try {
    return await (await serverCaller()).orders.getOrder({ id });
  } catch (error) {
    if (error instanceof TRPCError && (error.code === 'NOT_FOUND' || error.code === 'BAD_REQUEST'))
      notFound();
    throw error;
  }
}

/** "Growth (Monthly)", or the plan's name alone when its cycle is no longer known. */
export function planWords(plan: NonNullable<OrderDetail['items'][number]['plan']>): string {
  return plan.billingCycle ? `${plan.label} (${formatStatus(plan.billingCycle)})` : plan.label;
}
