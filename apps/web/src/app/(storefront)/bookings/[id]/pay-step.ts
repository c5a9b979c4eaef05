/** What `organizer.payBooking` answers that decides the next step in the browser. */
export interface PayAnswer {
  /** The sandbox's hosted page; null with real Stripe. */
  payUrl: string | null;
  clientSecret: string;
  amountCents: number;
  currency: string;
}

export type PayStep =
  | { kind: 'redirect'; url: string }
  | { kind: 'card'; clientSecret: string; amountCents: number; currency: string }
  | { kind: 'unconfigured' };

/**
 * After the pay click: the sandbox has its own hosted page to go to; real Stripe confirms
 * the PaymentIntent in our page with the Payment Element, which needs the publishable key
 * (NEXT_PUBLIC_STRIPE_PUBLISHABLE_KEY). Without it the operator has to be told.
 */
export function payStep(answer: PayAnswer, publishableKey: string | null | undefined): PayStep {
  if (answer.payUrl) return { kind: 'redirect', url: answer.payUrl };
  if (publishableKey && answer.clientSecret) {
    return {
      kind: 'card',
      clientSecret: answer.clientSecret,
      amountCents: answer.amountCents,
      currency: answer.currency,
    };
  }
  return { kind: 'unconfigured' };
}

/**
 * Whether the card form for this intent still makes sense: until the webhook settles it
 * (succeeded, or failed on a decline, or canceled when the organizer switched
 * deposit <-> full), after which the next pay click opens a new intent.
 */
export function isStillPayable(
  payments: readonly { processorPaymentIntentId: string; status: string }[],
  paymentIntentId: string,
): boolean {
  const payment = payments.find((p) => p.processorPaymentIntentId === paymentIntentId);
  return !payment || payment.status === 'requires_payment';
}
