import type { TenantContext } from '../../context';

export interface Applied {
  invoiceId?: string | null;
  bookingId?: string | null;
  /** Processor ids this event made known or ready: events waiting for them are woken. */
  appeared?: string[];
}
export interface EventMeta {
  eventId: string;
  /** The processor's `created` (Unix seconds). */
  created: number;
}
export type Handler = (
  ctx: TenantContext,
  object: Record<string, unknown>,
  meta: EventMeta,
) => Promise<Applied>;
