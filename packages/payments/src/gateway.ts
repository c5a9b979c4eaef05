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
}

export interface ProcessorEventEnvelope {
  id: string;
  type: string;
  created: number;
  data: { object: Record<string, unknown> };
}

export interface PaymentGateway {
  readonly processor: 'stripe';
  /** True when talking to the local sandbox rather than Stripe. */
  readonly isSandbox: boolean;
  createCheckoutSession(params: CreateCheckoutSessionParams): Promise<ProcessorCheckoutSession>;
  retrieveCheckoutSession(id: string): Promise<ProcessorCheckoutSession>;
  expireCheckoutSession(id: string): Promise<void>;
  refund(params: RefundParams): Promise<{ id: string; amountCents: number }>;
}

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
