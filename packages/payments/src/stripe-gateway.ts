import Stripe from 'stripe';
import {
  PaymentGatewayError,
  PaymentProcessorUnavailableError,
  type CreateCheckoutSessionParams,
  type PaymentGateway,
  type ProcessorCharge,
  type ProcessorCheckoutSession,
  type ProcessorCheckoutSessionSummary,
  type ProcessorConnectedAccount,
  type ProcessorEvent,
  type ProcessorEventEnvelope,
  type ProcessorListPage,
  type ProcessorListParams,
  type ProcessorPaymentIntentSummary,
  type ProcessorRefund,
  type ProcessorPaymentIntent,
  type ProcessorPaymentIntentStatus,
  type ProcessorTransfer,
} from './gateway';

export interface StripeGatewayOptions {
  secretKey: string;
  /** A Stripe-compatible base URL (the sandbox); unset means api.stripe.com. */
  apiUrl?: string;
  /** Where browsers reach the sandbox's hosted pages, when not at apiUrl. */
  sandboxPublicUrl?: string;
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

const PAYMENT_INTENT_STATUSES = new Set<string>([
  'requires_payment_method',
  'requires_confirmation',
  'requires_action',
  'processing',
  'succeeded',
  'canceled',
] satisfies ProcessorPaymentIntentStatus[]);

function toPaymentIntentStatus(status: string): ProcessorPaymentIntentStatus {
  // Souk only creates automatic-capture intents, so an uncaptured one is still in flight.
  if (status === 'requires_capture') return 'processing';
  if (PAYMENT_INTENT_STATUSES.has(status)) return status as ProcessorPaymentIntentStatus;
  throw new PaymentProcessorUnavailableError(`Unknown PaymentIntent status: ${status}`);
}

function toPaymentIntent(pi: Stripe.PaymentIntent): ProcessorPaymentIntent {
  return {
    id: pi.id,
    clientSecret: pi.client_secret ?? '',
    status: toPaymentIntentStatus(pi.status),
    amountCents: pi.amount,
    currency: pi.currency.toUpperCase(),
    metadata: { ...pi.metadata },
    latestChargeId: idOf(pi.latest_charge),
  };
}

function toConnectedAccount(account: Stripe.Account): ProcessorConnectedAccount {
  return {
    id: account.id,
    payoutsEnabled: account.payouts_enabled,
    detailsSubmitted: account.details_submitted,
    chargesEnabled: account.charges_enabled,
  };
}

function toTransfer(transfer: Stripe.Transfer): ProcessorTransfer {
  const destination = transfer.destination;
  return {
    id: transfer.id,
    amountCents: transfer.amount,
    destination: typeof destination === 'string' ? destination : (destination?.id ?? ''),
    reversed: transfer.reversed,
  };
}

function idOf(value: string | { id: string } | null | undefined): string | null {
  if (value === null || value === undefined) return null;
  return typeof value === 'string' ? value : value.id;
}

function dateOf(seconds: number): Date {
  return new Date(seconds * 1000);
}

const DEFAULT_LIST_LIMIT = 100;

/** Stripe's paging params; the window is in whole seconds, as Stripe stores `created`. */
function pagingOf(params: ProcessorListParams): {
  limit: number;
  starting_after?: string;
  created?: Stripe.RangeQueryParam;
} {
  const limit = params.limit ?? DEFAULT_LIST_LIMIT;
  if (!Number.isInteger(limit) || limit < 1 || limit > 100) {
    throw new PaymentGatewayError(
      'limit must be a whole number between 1 and 100.',
      'parameter_invalid_integer',
      'limit',
    );
  }
  const created: Stripe.RangeQueryParam = {};
  if (params.createdGte) created.gte = Math.floor(params.createdGte.getTime() / 1000);
  if (params.createdLte) created.lte = Math.floor(params.createdLte.getTime() / 1000);
  return {
    limit,
    ...(params.startingAfter ? { starting_after: params.startingAfter } : {}),
    ...(Object.keys(created).length > 0 ? { created } : {}),
  };
}

function pageOf<S, T>(list: Stripe.ApiList<S>, map: (item: S) => T): ProcessorListPage<T> {
  return { data: list.data.map(map), hasMore: list.has_more };
}

function toEvent(event: Stripe.Event): ProcessorEvent {
  const object = event.data.object as unknown as Record<string, unknown>;
  return {
    id: event.id,
    type: event.type,
    created: dateOf(event.created),
    objectId: typeof object['id'] === 'string' ? object['id'] : null,
    objectType: typeof object['object'] === 'string' ? object['object'] : null,
    account: event.account ?? null,
    envelope: JSON.parse(JSON.stringify(event)) as ProcessorEventEnvelope,
  };
}

function toPaymentIntentSummary(pi: Stripe.PaymentIntent): ProcessorPaymentIntentSummary {
  return {
    id: pi.id,
    status: toPaymentIntentStatus(pi.status),
    amountCents: pi.amount,
    amountReceivedCents: pi.amount_received,
    currency: pi.currency.toUpperCase(),
    created: dateOf(pi.created),
    metadata: { ...pi.metadata },
    latestChargeId: idOf(pi.latest_charge),
  };
}

function toCharge(charge: Stripe.Charge): ProcessorCharge {
  return {
    id: charge.id,
    paymentIntentId: idOf(charge.payment_intent),
    amountCents: charge.amount,
    amountRefundedCents: charge.amount_refunded,
    refunded: charge.refunded,
    status: knownStatus(charge.status, CHARGE_STATUSES, 'charge status'),
    paid: charge.paid,
    currency: charge.currency.toUpperCase(),
    created: dateOf(charge.created),
    metadata: { ...charge.metadata },
  };
}

/**
 * Narrows a status the SDK types as open-ended; one Souk does not know yet is the
 * processor's change, not the caller's mistake.
 */
function knownStatus<S extends string>(value: string, known: readonly S[], what: string): S {
  if ((known as readonly string[]).includes(value)) return value as S;
  throw new PaymentProcessorUnavailableError(`Unknown ${what}: ${value}`);
}

const CHARGE_STATUSES = ['succeeded', 'pending', 'failed'] as const;
const REFUND_STATUSES = ['pending', 'requires_action', 'succeeded', 'failed', 'canceled'] as const;
const SESSION_PAYMENT_STATUSES = ['paid', 'unpaid', 'no_payment_required'] as const;
const SESSION_STATUSES = ['open', 'complete', 'expired'] as const;

function toRefund(refund: Stripe.Refund): ProcessorRefund {
  return {
    id: refund.id,
    chargeId: idOf(refund.charge),
    paymentIntentId: idOf(refund.payment_intent),
    amountCents: refund.amount,
    status: knownStatus(refund.status ?? 'pending', REFUND_STATUSES, 'refund status'),
    currency: refund.currency.toUpperCase(),
    created: dateOf(refund.created),
    metadata: { ...refund.metadata },
  };
}

function toSessionSummary(session: Stripe.Checkout.Session): ProcessorCheckoutSessionSummary {
  return {
    id: session.id,
    status: knownStatus(session.status ?? 'open', SESSION_STATUSES, 'Checkout Session status'),
    paymentStatus: knownStatus(
      session.payment_status,
      SESSION_PAYMENT_STATUSES,
      'Checkout Session payment status',
    ),
    paymentIntentId: idOf(session.payment_intent),
    amountTotalCents: session.amount_total ?? 0,
    currency: (session.currency ?? '').toUpperCase(),
    created: dateOf(session.created),
    expiresAt: dateOf(session.expires_at),
    metadata: { ...session.metadata },
  };
}

// A refusal (card, request, idempotency) is the processor saying no: callers may show
// it, and it carries the offending param so they can name the field. Anything else
// Stripe raises (connection, its 5xx, rate limit, credentials) means it could not say.
function isRefusal(error: Stripe.errors.StripeError): boolean {
  return (
    error instanceof Stripe.errors.StripeCardError ||
    error instanceof Stripe.errors.StripeInvalidRequestError ||
    error instanceof Stripe.errors.StripeIdempotencyError
  );
}

async function call<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (error) {
    if (error instanceof Stripe.errors.StripeError) {
      if (isRefusal(error)) {
        throw new PaymentGatewayError(error.message, error.code ?? null, error.param ?? null);
      }
      throw new PaymentProcessorUnavailableError(error.message, { cause: error });
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
  const sandboxPagesUrl = options.sandboxPublicUrl ?? options.apiUrl;
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
            ...(params.metadata ? { metadata: params.metadata } : {}),
          },
          { idempotencyKey: params.idempotencyKey },
        );
        return { id: refund.id, amountCents: refund.amount };
      }),

    createPaymentIntent: (params) =>
      call(async () =>
        toPaymentIntent(
          await stripe.paymentIntents.create(
            {
              amount: params.amountCents,
              currency: params.currency.toLowerCase(),
              metadata: params.metadata,
              automatic_payment_methods: { enabled: true },
              ...(params.description === undefined ? {} : { description: params.description }),
              ...(params.transferGroup === undefined
                ? {}
                : { transfer_group: params.transferGroup }),
              ...(params.receiptEmail === undefined ? {} : { receipt_email: params.receiptEmail }),
            },
            { idempotencyKey: params.idempotencyKey },
          ),
        ),
      ),
    retrievePaymentIntent: (id) =>
      call(async () => toPaymentIntent(await stripe.paymentIntents.retrieve(id))),
    cancelPaymentIntent: (id) =>
      call(async () => {
        try {
          await stripe.paymentIntents.cancel(id);
        } catch (error) {
          // Stripe refuses to cancel twice; a retry or a second tab must not fail for that.
          if (
            error instanceof Stripe.errors.StripeError &&
            error.code === 'payment_intent_unexpected_state' &&
            (await stripe.paymentIntents.retrieve(id)).status === 'canceled'
          ) {
            return;
          }
          throw error;
        }
      }),
    hostedPaymentUrl: (paymentIntent, returnUrl) => {
      if (!sandboxPagesUrl) return null;
      const url = new URL(
        `/pay/payment_intents/${encodeURIComponent(paymentIntent.id)}`,
        sandboxPagesUrl,
      );
      url.searchParams.set('client_secret', paymentIntent.clientSecret);
      url.searchParams.set('return_url', returnUrl);
      return url.toString();
    },

    createConnectedAccount: (params) =>
      call(async () =>
        toConnectedAccount(
          await stripe.accounts.create(
            {
              type: 'express',
              country: params.country ?? 'US',
              email: params.email,
              business_profile: { name: params.displayName },
              capabilities: { transfers: { requested: true } },
              metadata: params.metadata,
            },
            { idempotencyKey: params.idempotencyKey },
          ),
        ),
      ),
    retrieveConnectedAccount: (id) =>
      call(async () => toConnectedAccount(await stripe.accounts.retrieve(id))),
    createAccountOnboardingLink: (params) =>
      call(async () => {
        const link = await stripe.accountLinks.create({
          account: params.accountId,
          type: 'account_onboarding',
          refresh_url: params.refreshUrl,
          return_url: params.returnUrl,
        });
        return { url: link.url, expiresAt: new Date(link.expires_at * 1000) };
      }),

    createTransfer: (params) =>
      call(async () =>
        toTransfer(
          await stripe.transfers.create(
            {
              amount: params.amountCents,
              currency: params.currency.toLowerCase(),
              destination: params.destination,
              metadata: params.metadata,
              ...(params.transferGroup === undefined
                ? {}
                : { transfer_group: params.transferGroup }),
              ...(params.sourceTransaction === undefined
                ? {}
                : { source_transaction: params.sourceTransaction }),
            },
            { idempotencyKey: params.idempotencyKey },
          ),
        ),
      ),
    reverseTransfer: (params) =>
      call(async () => {
        const reversal = await stripe.transfers.createReversal(
          params.transferId,
          params.amountCents === undefined ? {} : { amount: params.amountCents },
          { idempotencyKey: params.idempotencyKey },
        );
        return { id: reversal.id, amountCents: reversal.amount };
      }),

    listEvents: (params) =>
      call(async () =>
        pageOf(
          await stripe.events.list({
            ...pagingOf(params),
            ...(params.types?.length ? { types: params.types } : {}),
          }),
          toEvent,
        ),
      ),
    listPaymentIntents: (params) =>
      call(async () =>
        pageOf(await stripe.paymentIntents.list(pagingOf(params)), toPaymentIntentSummary),
      ),
    listCharges: (params) =>
      call(async () =>
        pageOf(
          await stripe.charges.list({
            ...pagingOf(params),
            ...(params.paymentIntentId ? { payment_intent: params.paymentIntentId } : {}),
          }),
          toCharge,
        ),
      ),
    listRefunds: (params) =>
      call(async () =>
        pageOf(
          await stripe.refunds.list({
            ...pagingOf(params),
            ...(params.paymentIntentId ? { payment_intent: params.paymentIntentId } : {}),
            ...(params.chargeId ? { charge: params.chargeId } : {}),
          }),
          toRefund,
        ),
      ),
    listCheckoutSessions: (params) =>
      call(async () =>
        pageOf(
          await stripe.checkout.sessions.list({
            ...pagingOf(params),
            ...(params.paymentIntentId ? { payment_intent: params.paymentIntentId } : {}),
          }),
          toSessionSummary,
        ),
      ),
  };
}
