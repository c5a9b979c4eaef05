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
