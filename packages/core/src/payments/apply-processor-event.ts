import type { TenantContext } from '../context';
import { chargeRefunded } from './events/charge-refunded';
import { checkoutSessionCompleted } from './events/checkout-session-completed';
import { checkoutSessionExpired } from './events/checkout-session-expired';
import { invoicePaymentFailed } from './events/invoice-payment-failed';
import {
  bookingChargeRefunded,
  bookingPaymentSucceeded,
  bookingPaymentUnsuccessful,
  isBookingObject,
} from '../marketplace/booking-payment-events';
import { connectedAccountUpdated } from '../marketplace/account-events';
import {
  paymentIntentCanceled,
  paymentIntentFailed,
  paymentIntentSucceeded,
} from './events/payment-intent';

interface Applied {
  invoiceId?: string | null;
  bookingId?: string | null;
}
type Handler = (ctx: TenantContext, object: Record<string, unknown>) => Promise<Applied>;

/** PaymentIntents and charges carry `bookingId` metadata when they pay a marketplace booking. */
function byTarget(forInvoice: Handler, forBooking: Handler): Handler {
  return async (ctx, object) =>
    (await isBookingObject(ctx, object)) ? forBooking(ctx, object) : forInvoice(ctx, object);
}

/** The allowlist: one handler per event type; anything else is stored and left alone. */
export const EVENT_HANDLERS: Record<string, Handler> = {
  'checkout.session.completed': checkoutSessionCompleted,
  'checkout.session.async_payment_succeeded': checkoutSessionCompleted,
  'checkout.session.expired': checkoutSessionExpired,
  'payment_intent.succeeded': byTarget(paymentIntentSucceeded, bookingPaymentSucceeded),
  'payment_intent.payment_failed': byTarget(paymentIntentFailed, (ctx, object) =>
    bookingPaymentUnsuccessful(ctx, object, 'failed'),
  ),
  'payment_intent.canceled': byTarget(paymentIntentCanceled, (ctx, object) =>
    bookingPaymentUnsuccessful(ctx, object, 'canceled'),
  ),
  'charge.refunded': byTarget(chargeRefunded, bookingChargeRefunded),
  'invoice.payment_failed': invoicePaymentFailed,
  'account.updated': connectedAccountUpdated,
};

export async function applyProcessorEvent(
  ctx: TenantContext,
  type: string,
  object: Record<string, unknown>,
): Promise<{ invoiceId: string | null; bookingId: string | null; handled: boolean }> {
  const handler = EVENT_HANDLERS[type];
  if (!handler) return { invoiceId: null, bookingId: null, handled: false };
  const { invoiceId, bookingId } = await handler(ctx, object);
  return { invoiceId: invoiceId ?? null, bookingId: bookingId ?? null, handled: true };
}
