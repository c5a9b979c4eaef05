'use client';

import { Elements, PaymentElement, useElements, useStripe } from '@stripe/react-stripe-js';
import { loadStripe, type Appearance, type Stripe, type StripeElements } from '@stripe/stripe-js';
import { useState, type FormEvent } from 'react';
import { formatMoney } from '@souk/core/money';
import { Notice } from '@souk/ui';

// The Payment Element in the site's colours (globals.css); it renders in Stripe's iframe.
const APPEARANCE: Appearance = {
  theme: 'stripe',
  variables: {
    colorPrimary: '#1f5eff',
    colorText: '#1c2430',
    colorDanger: '#c62f3a',
    borderRadius: '8px',
  },
};

export const CONFIRM_FAILED =
  'The payment could not be completed. Check the details and try again.';
export const NOT_READY = 'The card form is still loading. Try again in a moment.';

/** One Stripe.js per publishable key, as Stripe asks: made on first use, then reused. */
const stripeByKey = new Map<string, Promise<Stripe | null>>();

/** Stripe.js for this key, loaded once in the browser; null on the server, where it never loads. */
export function stripePromiseFor(publishableKey: string): Promise<Stripe | null> | null {
  if (typeof window === 'undefined') return null;
  let promise = stripeByKey.get(publishableKey);
  if (!promise) {
    promise = loadStripe(publishableKey);
    stripeByKey.set(publishableKey, promise);
  }
  return promise;
}

/**
 * Confirms the PaymentIntent with what the Payment Element collected. On success Stripe
 * leaves for `returnUrl` (with `payment_intent` and `redirect_status`, which the booking
 * page already follows), so this only ever comes back with the refusal, in words.
 */
export async function confirmCardPayment({
  stripe,
  elements,
  returnUrl,
}: {
  stripe: Stripe | null;
  elements: StripeElements | null;
  returnUrl: string;
}): Promise<string> {
  if (!stripe || !elements) return NOT_READY;
  try {
    const { error } = await stripe.confirmPayment({
      elements,
      confirmParams: { return_url: returnUrl },
    });
    return error.message ?? CONFIRM_FAILED;
  } catch {
    return CONFIRM_FAILED;
  }
}

export interface CardPaymentProps {
  publishableKey: string;
  clientSecret: string;
  amountCents: number;
  currency: string;
  /** Where Stripe sends the organizer back: the booking page. */
  returnUrl: string;
  onCancel: () => void;
}

/** The card form for a PaymentIntent made by `organizer.payBooking` (real Stripe only). */
export function CardPayment({ publishableKey, clientSecret, ...form }: CardPaymentProps) {
  return (
    <Elements
      stripe={stripePromiseFor(publishableKey)}
      options={{ clientSecret, appearance: APPEARANCE }}
    >
      <CardForm {...form} />
    </Elements>
  );
}

function CardForm({
  amountCents,
  currency,
  returnUrl,
  onCancel,
}: Omit<CardPaymentProps, 'publishableKey' | 'clientSecret'>) {
  const stripe = useStripe();
  const elements = useElements();
  const [confirming, setConfirming] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setConfirming(true);
    setError(null);
    setError(await confirmCardPayment({ stripe, elements, returnUrl }));
    setConfirming(false);
  };

  return (
    <CardFormView
      payLabel={`Pay ${formatMoney(amountCents, currency)}`}
      ready={stripe !== null && elements !== null}
      confirming={confirming}
      error={error}
      onSubmit={onSubmit}
      onCancel={onCancel}
      onLoadError={(message) => setError(message ?? CONFIRM_FAILED)}
    />
  );
}

/** The form itself, without state: what the organizer sees at each moment. */
export function CardFormView({
  payLabel,
  ready,
  confirming,
  error,
  onSubmit,
  onCancel,
  onLoadError,
}: {
  payLabel: string;
  ready: boolean;
  confirming: boolean;
  error: string | null;
  onSubmit: (event: FormEvent<HTMLFormElement>) => void;
  onCancel: () => void;
  onLoadError: (message: string | undefined) => void;
}) {
  return (
    <form className="card-payment" aria-label="Card payment" onSubmit={onSubmit}>
      <PaymentElement onLoadError={(event) => onLoadError(event.error.message)} />
      <Notice kind="error">{error}</Notice>
      <div className="form-actions">
        <button
          type="submit"
          className="button-primary"
          disabled={!ready || confirming}
          aria-busy={confirming}
        >
          {payLabel}
        </button>
        <button type="button" disabled={confirming} onClick={onCancel}>
          Cancel
        </button>
      </div>
      {confirming ? (
        <p className="muted" role="status">
          Confirming your payment…
        </p>
      ) : null}
    </form>
  );
}
