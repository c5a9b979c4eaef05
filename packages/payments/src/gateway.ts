/** What Souk needs from a payment processor. One implementation per processor. */
export interface CheckoutLineItem {
  name: string;
  unitAmountCents: number;
  quantity: number;
}

export interface CreateCheckoutSessionParams {
  /** Same key + same params => the processor returns the same session. */
  idempotencyKey: string;
  currency: string;
  lineItems: CheckoutLineItem[];
  customerEmail: string;
  successUrl: string;
  cancelUrl: string;
  expiresAt: Date;
  metadata: Record<string, string>;
}

export interface ProcessorCheckoutSession {
  id: string;
  url: string;
  status: 'open' | 'complete' | 'expired';
  amountTotalCents: number;
  currency: string;
  expiresAt: Date;
  paymentIntentId: string | null;
}

export interface RefundParams {
  paymentIntentId: string;
  amountCents?: number;
  idempotencyKey: string;
  /** Shown beside the refund at the processor, so it can be traced back to Souk. */
  metadata?: Record<string, string>;
}

export interface ProcessorEventEnvelope {
  id: string;
  type: string;
  created: number;
  data: { object: Record<string, unknown> };
}

export interface CreatePaymentIntentParams {
  /** Same key + same params => the processor returns the same intent. */
  idempotencyKey: string;
  amountCents: number;
  currency: string;
  metadata: Record<string, string>;
  description?: string;
  /** Ties the charge to the transfers that later pay vendors out of it. */
  transferGroup?: string;
  receiptEmail?: string;
}

export type ProcessorPaymentIntentStatus =
  | 'requires_payment_method'
  | 'requires_confirmation'
  | 'requires_action'
  | 'processing'
  | 'succeeded'
  | 'canceled';

export interface ProcessorPaymentIntent {
  id: string;
  /** For the browser only (Stripe.js or the sandbox page); never log or store it. */
  clientSecret: string;
  status: ProcessorPaymentIntentStatus;
  amountCents: number;
  /** Upper-case ISO code. */
  currency: string;
  metadata: Record<string, string>;
  /** The charge that paid it (Stripe `latest_charge`); null until it is paid. */
  latestChargeId: string | null;
}

export interface CreateConnectedAccountParams {
  idempotencyKey: string;
  email: string;
  displayName: string;
  /** Two-letter country code; default 'US'. */
  country?: string;
  metadata: Record<string, string>;
}

export interface ProcessorConnectedAccount {
  id: string;
  payoutsEnabled: boolean;
  detailsSubmitted: boolean;
  chargesEnabled: boolean;
}

export interface CreateAccountOnboardingLinkParams {
  accountId: string;
  /** Where the processor sends the person when the link has expired or was used. */
  refreshUrl: string;
  returnUrl: string;
}

export interface ProcessorAccountLink {
  url: string;
  expiresAt: Date;
}

export interface CreateTransferParams {
  idempotencyKey: string;
  amountCents: number;
  currency: string;
  /** Connected account id (acct_…). */
  destination: string;
  transferGroup?: string;
  /**
   * Stripe `source_transaction`: the charge (ch_…) whose funds pay this transfer. With it
   * the transfer goes through while the charge's funds are still pending, and never takes
   * from other payments' funds.
   */
  sourceTransaction?: string;
  metadata: Record<string, string>;
}

export interface ProcessorTransfer {
  id: string;
  amountCents: number;
  destination: string;
  reversed: boolean;
}

export interface ReverseTransferParams {
  transferId: string;
  idempotencyKey: string;
  /** Omitted: whatever is not yet reversed. */
  amountCents?: number;
}

export interface ProcessorTransferReversal {
  id: string;
  amountCents: number;
}

/**
 * One page of a processor list call. Stripe lists newest first: `created*` bound the window in
 * whole seconds (a Date is floored to its second), and `startingAfter` (an id from an earlier
 * page) continues with older objects.
 */
export interface ProcessorListParams {
  /** Stripe `created[gte]`. */
  createdGte?: Date;
  /** Stripe `created[lte]`. */
  createdLte?: Date;
  /** Stripe `starting_after`: the last id of the previous page. */
  startingAfter?: string;
  /** 1–100; default 100 (Stripe's own default is 10). */
  limit?: number;
}

export interface ProcessorListPage<T> {
  /** Newest first. */
  data: T[];
  /** Stripe `has_more`: older objects remain in the window. */
  hasMore: boolean;
}

export type ProcessorListCall<T, P extends ProcessorListParams = ProcessorListParams> = (
  params: P,
) => Promise<ProcessorListPage<T>>;

export interface ProcessorEvent {
  id: string;
  type: string;
  created: Date;
  /** `data.object.id`, e.g. the PaymentIntent a `payment_intent.succeeded` is about. */
  objectId: string | null;
  /** `data.object.object`, e.g. 'payment_intent', 'charge', 'checkout.session'. */
  objectType: string | null;
  /** The connected account of a Connect event; null for the platform's own. */
  account: string | null;
  /** The event as a webhook would deliver it, for the same event applier. */
  envelope: ProcessorEventEnvelope;
}

/** A listed PaymentIntent; unlike ProcessorPaymentIntent it carries no client secret. */
export interface ProcessorPaymentIntentSummary {
  id: string;
  status: ProcessorPaymentIntentStatus;
  amountCents: number;
  amountReceivedCents: number;
  /** Upper-case ISO code. */
  currency: string;
  created: Date;
  metadata: Record<string, string>;
  latestChargeId: string | null;
}

export interface ProcessorCharge {
  id: string;
  paymentIntentId: string | null;
  amountCents: number;
  amountRefundedCents: number;
  /** True once the whole amount is refunded. */
  refunded: boolean;
  status: 'succeeded' | 'pending' | 'failed';
  paid: boolean;
  /** Upper-case ISO code. */
  currency: string;
  created: Date;
  metadata: Record<string, string>;
}

export interface ProcessorRefund {
  id: string;
  chargeId: string | null;
  paymentIntentId: string | null;
  amountCents: number;
  status: 'pending' | 'requires_action' | 'succeeded' | 'failed' | 'canceled';
  /** Upper-case ISO code. */
  currency: string;
  created: Date;
  metadata: Record<string, string>;
}

export interface ProcessorCheckoutSessionSummary {
  id: string;
  status: 'open' | 'complete' | 'expired';
  paymentStatus: 'paid' | 'unpaid' | 'no_payment_required';
  paymentIntentId: string | null;
  amountTotalCents: number;
  /** Upper-case ISO code. */
  currency: string;
  created: Date;
  expiresAt: Date;
  metadata: Record<string, string>;
}

export interface ListEventsParams extends ProcessorListParams {
  /** Stripe `types[]`: only these event types (a trailing `*` matches a prefix). */
  types?: string[];
}

export interface ListChargesParams extends ProcessorListParams {
  paymentIntentId?: string;
}

export interface ListRefundsParams extends ProcessorListParams {
  paymentIntentId?: string;
  chargeId?: string;
}

export interface ListCheckoutSessionsParams extends ProcessorListParams {
  paymentIntentId?: string;
}

export interface PaymentGateway {
  readonly processor: 'stripe';
  /** True when talking to the local sandbox rather than Stripe. */
  readonly isSandbox: boolean;
  createCheckoutSession(params: CreateCheckoutSessionParams): Promise<ProcessorCheckoutSession>;
  retrieveCheckoutSession(id: string): Promise<ProcessorCheckoutSession>;
  expireCheckoutSession(id: string): Promise<void>;
  refund(params: RefundParams): Promise<{ id: string; amountCents: number }>;

  createPaymentIntent(params: CreatePaymentIntentParams): Promise<ProcessorPaymentIntent>;
  retrievePaymentIntent(id: string): Promise<ProcessorPaymentIntent>;
  /** Succeeds when the intent is already canceled, so retries are safe. */
  cancelPaymentIntent(id: string): Promise<void>;
  /**
   * Sandbox: the sandbox's hosted page that pays this intent and then redirects to
   * `returnUrl` with `payment_intent` and `redirect_status`. Real Stripe: null (use
   * Stripe.js Elements with the client secret instead).
   */
  hostedPaymentUrl(
    paymentIntent: { id: string; clientSecret: string },
    returnUrl: string,
  ): string | null;

  createConnectedAccount(params: CreateConnectedAccountParams): Promise<ProcessorConnectedAccount>;
  retrieveConnectedAccount(id: string): Promise<ProcessorConnectedAccount>;
  createAccountOnboardingLink(
    params: CreateAccountOnboardingLinkParams,
  ): Promise<ProcessorAccountLink>;

  createTransfer(params: CreateTransferParams): Promise<ProcessorTransfer>;
  reverseTransfer(params: ReverseTransferParams): Promise<ProcessorTransferReversal>;

  // Reconciliation reads: one page each, newest first. Function properties rather than
  // methods, so they can be handed to pageThrough unbound: pageThrough(gateway.listCharges, …).
  listEvents: ProcessorListCall<ProcessorEvent, ListEventsParams>;
  listPaymentIntents: ProcessorListCall<ProcessorPaymentIntentSummary>;
  listCharges: ProcessorListCall<ProcessorCharge, ListChargesParams>;
  listRefunds: ProcessorListCall<ProcessorRefund, ListRefundsParams>;
  listCheckoutSessions: ProcessorListCall<
    ProcessorCheckoutSessionSummary,
    ListCheckoutSessionsParams
  >;
}

/**
 * The processor refused the request itself (a declined card, an account that cannot
 * receive transfers, an amount it does not accept): something the person can act on.
 */
export class PaymentGatewayError extends Error {
  constructor(
    message: string,
    readonly code: string | null,
    readonly param: string | null,
  ) {
    super(message);
    this.name = 'PaymentGatewayError';
  }
}

/**
 * The processor could not answer (network, its own outage, rate limit, our
 * credentials): not the person's doing, so it stays an internal error.
 */
export class PaymentProcessorUnavailableError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'PaymentProcessorUnavailableError';
  }
}
