import type { ReactNode } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import type { Stripe, StripeElements } from '@stripe/stripe-js';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  CardFormView,
  CardPayment,
  CONFIRM_FAILED,
  NOT_READY,
  confirmCardPayment,
  stripePromiseFor,
} from './card-payment';

// Fakes for Stripe's React bindings: Elements records what it was given, the hooks hand
// out a fake Stripe and Elements, PaymentElement is a marker.
const stripe = vi.hoisted(() => ({
  elementsProps: [] as { stripe: unknown; options: unknown }[],
  fakeStripe: { confirmPayment: vi.fn() },
  fakeElements: { id: 'elements' },
  ready: true,
  loadStripe: vi.fn((key: string) => Promise.resolve({ key })),
}));

vi.mock('@stripe/react-stripe-js', () => ({
  Elements: (props: { stripe: unknown; options: unknown; children: ReactNode }) => {
    stripe.elementsProps.push({ stripe: props.stripe, options: props.options });
    return <div data-fake="elements">{props.children}</div>;
  },
  PaymentElement: () => <div data-fake="payment-element" />,
  useStripe: () => (stripe.ready ? stripe.fakeStripe : null),
  useElements: () => (stripe.ready ? stripe.fakeElements : null),
}));
vi.mock('@stripe/stripe-js', () => ({ loadStripe: stripe.loadStripe }));

const RETURN_URL = 'http://localhost:3000/bookings/7d1e5c1a-0000-4000-8000-000000000001';
const fakeStripe = stripe.fakeStripe as unknown as Stripe;
const fakeElements = stripe.fakeElements as unknown as StripeElements;

function renderCard(clientSecret = 'pi_123_secret_abc') {
  return renderToStaticMarkup(
    <CardPayment
      publishableKey="pk_test_123"
      clientSecret={clientSecret}
      amountCents={63_000}
      currency="USD"
      returnUrl={RETURN_URL}
      onCancel={() => {}}
    />,
  );
}

beforeEach(() => {
  stripe.elementsProps.length = 0;
  stripe.ready = true;
  stripe.fakeStripe.confirmPayment.mockReset();
  stripe.loadStripe.mockClear();
});
afterEach(() => vi.unstubAllGlobals());

describe('CardPayment wiring', () => {
  it('gives Elements exactly the client secret payBooking returned, and shows the Payment Element and "Pay $630.00"', () => {
    const html = renderCard('pi_123_secret_abc');
    expect(stripe.elementsProps).toHaveLength(1);
    expect(stripe.elementsProps[0]!.options).toMatchObject({
      clientSecret: 'pi_123_secret_abc',
      appearance: { theme: 'stripe' },
    });
    expect(html).toContain('data-fake="payment-element"');
    expect(html).toMatch(
      /<button type="submit" class="button-primary"[^>]*>Pay \$630\.00<\/button>/,
    );
    expect(html).toContain('>Cancel</button>');
    // Server rendering never loads Stripe.js.
    expect(stripe.elementsProps[0]!.stripe).toBeNull();
    expect(stripe.loadStripe).not.toHaveBeenCalled();
  });

  it('keeps the Pay button disabled until Stripe.js and Elements are ready', () => {
    stripe.ready = false;
    expect(renderCard()).toMatch(/<button type="submit"[^>]*disabled=""[^>]*>Pay \$630\.00/);
    stripe.ready = true;
    expect(renderCard()).not.toMatch(/<button type="submit"[^>]*disabled=""/);
  });
});

describe('stripePromiseFor', () => {
  it('loads Stripe.js once per publishable key, in the browser only', async () => {
    expect(stripePromiseFor('pk_test_server')).toBeNull();
    expect(stripe.loadStripe).not.toHaveBeenCalled();

    vi.stubGlobal('window', {});
    const first = stripePromiseFor('pk_test_a');
    expect(stripePromiseFor('pk_test_a')).toBe(first);
    expect(stripePromiseFor('pk_test_b')).not.toBe(first);
    expect(stripe.loadStripe.mock.calls).toEqual([['pk_test_a'], ['pk_test_b']]);
    expect(await first).toEqual({ key: 'pk_test_a' });
  });
});

describe('confirmCardPayment (the submit handler)', () => {
  it('confirms with the Elements instance and the booking page as return_url', async () => {
    stripe.fakeStripe.confirmPayment.mockResolvedValue({
      error: { type: 'card_error', message: 'Your card was declined.' },
    });
    const message = await confirmCardPayment({
      stripe: fakeStripe,
      elements: fakeElements,
      returnUrl: RETURN_URL,
    });
    expect(stripe.fakeStripe.confirmPayment).toHaveBeenCalledTimes(1);
    expect(stripe.fakeStripe.confirmPayment).toHaveBeenCalledWith({
      elements: fakeElements,
      confirmParams: { return_url: RETURN_URL },
    });
    expect(message).toBe('Your card was declined.');
  });

  it('answers in words when Stripe gives no message, throws, or is not loaded yet', async () => {
    stripe.fakeStripe.confirmPayment.mockResolvedValueOnce({ error: { type: 'api_error' } });
    const args = { stripe: fakeStripe, elements: fakeElements, returnUrl: RETURN_URL };
    expect(await confirmCardPayment(args)).toBe(CONFIRM_FAILED);
    stripe.fakeStripe.confirmPayment.mockRejectedValueOnce(new Error('network down'));
    expect(await confirmCardPayment(args)).toBe(CONFIRM_FAILED);
    expect(await confirmCardPayment({ ...args, stripe: null })).toBe(NOT_READY);
    expect(await confirmCardPayment({ ...args, elements: null })).toBe(NOT_READY);
    expect(stripe.fakeStripe.confirmPayment).toHaveBeenCalledTimes(2);
  });
});

describe('CardFormView', () => {
  const view = (over: Partial<Parameters<typeof CardFormView>[0]> = {}) =>
    renderToStaticMarkup(
      <CardFormView
        payLabel="Pay $630.00"
        ready
        confirming={false}
        error={null}
        onSubmit={() => {}}
        onCancel={() => {}}
        onLoadError={() => {}}
        {...over}
      />,
    );

  it("shows Stripe's error message in words, as an alert beside the form", () => {
    const html = view({ error: 'Your card was declined.' });
    expect(html).toContain(
      '<div class="notice notice-error" role="alert">Your card was declined.</div>',
    );
    expect(view()).not.toContain('role="alert"');
  });

  it('disables Pay and Cancel while confirming, and says so', () => {
    const html = view({ confirming: true });
    expect(html).toMatch(/<button type="submit"[^>]*disabled=""[^>]*>Pay \$630\.00/);
    expect(html).toMatch(/<button type="button" disabled="">Cancel/);
    expect(html).toContain('role="status">Confirming your payment…');
    expect(view()).not.toMatch(/disabled=""/);
  });
});
