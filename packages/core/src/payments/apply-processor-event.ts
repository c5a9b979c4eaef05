import type { TenantContext } from '../context';
import { chargeRefunded } from './events/charge-refunded';
import { checkoutSessionCompleted } from './events/checkout-session-completed';
import { checkoutSessionExpired } from './events/checkout-session-expired';
import { invoicePaymentFailed } from './events/invoice-payment-failed';
import { metadataOf, paymentIntentIdOf, str } from './events/missing-target';
import { bookingChargeRefunded } from './events/booking-charge-refunded';
import { bookingPaymentUnsuccessful } from './events/booking-payment-unsuccessful';
import { bookingPaymentSucceeded } from './events/booking-successes';
import { connectedAccountUpdated } from './events/account-updated';
import type { EventMeta, Handler } from './events/handler';
import {
  paymentIntentCanceled,
  paymentIntentFailed,
  paymentIntentSucceeded,
} from './events/payment-intent';
import { findProcessorObject } from '../processor/processor-objects';

/**
 * PaymentIntents and charges pay either a storefront invoice or a marketplace
 * booking: by metadata when present, else by the object index (charges often
 * arrive without their PaymentIntent's metadata).
 */
function byTarget(forInvoice: Handler, forBooking: Handler): Handler {
  return async (ctx, object, meta) => {
    const metadata = metadataOf(object);
    if (str(metadata.bookingId)) return forBooking(ctx, object, meta);
    if (str(metadata.invoiceId)) return forInvoice(ctx, object, meta);
    const paymentIntentId = paymentIntentIdOf(object);
    const known = paymentIntentId ? await findProcessorObject(ctx.tx, paymentIntentId) : null;
    return known?.bookingId ? forBooking(ctx, object, meta) : forInvoice(ctx, object, meta);
  };
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
  meta: EventMeta,
): Promise<{
  invoiceId: string | null;
  bookingId: string | null;
  appeared: string[];
  handled: boolean;
}> {
  const handler = EVENT_HANDLERS[type];
  if (!handler) return { invoiceId: null, bookingId: null, appeared: [], handled: false };
  const { invoiceId, bookingId, appeared } = await handler(ctx, object, meta);
  return {
    invoiceId: invoiceId ?? null,
    bookingId: bookingId ?? null,
    appeared: appeared ?? [],
    handled: true,
  };
}
