import type { TenantContext } from '../context';
import { chargeRefunded } from './events/charge-refunded';
import { checkoutSessionCompleted } from './events/checkout-session-completed';
import { checkoutSessionExpired } from './events/checkout-session-expired';
import { invoicePaymentFailed } from './events/invoice-payment-failed';
import {
  paymentIntentCanceled,
  paymentIntentFailed,
  paymentIntentSucceeded,
} from './events/payment-intent';

type Handler = (
  ctx: TenantContext,
  object: Record<string, unknown>,
) => Promise<{ invoiceId: string }>;

/** The allowlist: one handler per event type; anything else is stored and left alone. */
export const EVENT_HANDLERS: Record<string, Handler> = {
  'checkout.session.completed': checkoutSessionCompleted,
  'checkout.session.async_payment_succeeded': checkoutSessionCompleted,
  'checkout.session.expired': checkoutSessionExpired,
  'payment_intent.succeeded': paymentIntentSucceeded,
  'payment_intent.payment_failed': paymentIntentFailed,
  'payment_intent.canceled': paymentIntentCanceled,
  'charge.refunded': chargeRefunded,
  'invoice.payment_failed': invoicePaymentFailed,
};

export async function applyProcessorEvent(
  ctx: TenantContext,
  type: string,
  object: Record<string, unknown>,
): Promise<{ invoiceId: string | null; handled: boolean }> {
  const handler = EVENT_HANDLERS[type];
  if (!handler) return { invoiceId: null, handled: false };
  const { invoiceId } = await handler(ctx, object);
  return { invoiceId, handled: true };
}
