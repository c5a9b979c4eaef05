import Stripe from 'stripe';
import {
  PaymentGatewayError,
  type CreateCheckoutSessionParams,
  type PaymentGateway,
  type ProcessorCheckoutSession,
} from './gateway';

export interface StripeGatewayOptions {
  secretKey: string;
  /** A Stripe-compatible base URL (the sandbox); unset means api.stripe.com. */
  apiUrl?: string;
}

function toSession(session: Stripe.Checkout.Session): ProcessorCheckoutSession {
  const status = (session.status ?? 'open') as ProcessorCheckoutSession['status'];
  const pi = session.payment_intent;
  return {
    id: session.id,
    url: session.url ?? '',
    status,
    amountTotalCents: session.amount_total ?? 0,
    currency: (session.currency ?? '').toUpperCase(),
    expiresAt: new Date(session.expires_at * 1000),
    paymentIntentId: typeof pi === 'string' ? pi : (pi?.id ?? null),
  };
}

// Stripe errors carry the offending param; keep it so callers can name the field.
async function call<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (error) {
    if (error instanceof Stripe.errors.StripeError) {
      throw new PaymentGatewayError(error.message, error.code ?? null, error.param ?? null);
    }
    throw error;
  }
}

export function createStripeClient({ secretKey, apiUrl }: StripeGatewayOptions): Stripe {
  if (!apiUrl) return new Stripe(secretKey, { maxNetworkRetries: 2, timeout: 20_000 });
  const url = new URL(apiUrl);
  return new Stripe(secretKey, {
    host: url.hostname,
    port: Number(url.port || (url.protocol === 'https:' ? 443 : 80)),
    protocol: url.protocol === 'https:' ? 'https' : 'http',
    maxNetworkRetries: 2,
    timeout: 20_000,
  });
}

/** The Stripe implementation, through the official SDK (also against the sandbox). */
export function createStripeGateway(options: StripeGatewayOptions): PaymentGateway {
  const stripe = createStripeClient(options);
  return {
    processor: 'stripe',
    isSandbox: Boolean(options.apiUrl),
    createCheckoutSession: (params: CreateCheckoutSessionParams) =>
      call(async () =>
        toSession(
          await stripe.checkout.sessions.create(
            {
              mode: 'payment',
              customer_email: params.customerEmail,
              success_url: params.successUrl,
              cancel_url: params.cancelUrl,
              expires_at: Math.floor(params.expiresAt.getTime() / 1000),
              metadata: params.metadata,
              payment_intent_data: { metadata: params.metadata },
              line_items: params.lineItems.map((item) => ({
                quantity: item.quantity,
                price_data: {
                  currency: params.currency.toLowerCase(),
                  unit_amount: item.unitAmountCents,
                  product_data: { name: item.name },
                },
              })),
            },
            { idempotencyKey: params.idempotencyKey },
          ),
        ),
      ),
    retrieveCheckoutSession: (id) =>
      call(async () => toSession(await stripe.checkout.sessions.retrieve(id))),
    expireCheckoutSession: (id) =>
      call(async () => {
        await stripe.checkout.sessions.expire(id);
      }),
    refund: (params) =>
      call(async () => {
        const refund = await stripe.refunds.create(
          {
            payment_intent: params.paymentIntentId,
            ...(params.amountCents === undefined ? {} : { amount: params.amountCents }),
          },
          { idempotencyKey: params.idempotencyKey },
        );
        return { id: refund.id, amountCents: refund.amount };
      }),
  };
}
