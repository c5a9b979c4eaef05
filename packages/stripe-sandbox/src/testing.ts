// Test helpers: a local HTTP endpoint that records the sandbox's webhook deliveries, and
// sandboxes and receivers that last for one test.
import { type Server, createServer } from 'node:http';
import { type AddressInfo } from 'node:net';
import { PaymentGatewayError } from '@souk/payments';
import Stripe from 'stripe';
import { expect, onTestFinished } from 'vitest';
import { type StripeSandbox, type StripeSandboxOptions, startStripeSandbox } from './server';
import { type StripeEvent } from './types';

export interface Received {
  raw: string;
  signature: string;
  event: StripeEvent;
}

export interface Receiver {
  url: string;
  received: Received[];
  close(): Promise<void>;
}

/** `status(attempt)` picks each reply's HTTP status, so tests can force retries. */
export async function startReceiver(
  status: (attempt: number) => number = () => 200,
): Promise<Receiver> {
  const received: Received[] = [];
  let attempts = 0;
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const raw = Buffer.concat(chunks).toString('utf8');
      received.push({
        raw,
        signature: String(req.headers['stripe-signature']),
        event: JSON.parse(raw) as StripeEvent,
      });
      res.statusCode = status(++attempts);
      res.end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/hooks/stripe`,
    received,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** A receiver for the running test, closed when it finishes. */
export async function receiverForTest(status?: (attempt: number) => number): Promise<Receiver> {
  const receiver = await startReceiver(status);
  onTestFinished(() => receiver.close());
  return receiver;
}

/** A sandbox for the running test, stopped when it finishes, and the stripe SDK pointed at it. */
export async function sandboxForTest(
  options: StripeSandboxOptions = {},
): Promise<{ sandbox: StripeSandbox; stripe: Stripe }> {
  const sandbox = await startStripeSandbox(options);
  onTestFinished(() => sandbox.stop());
  const stripe = new Stripe(sandbox.apiKey, {
    host: '127.0.0.1',
    port: sandbox.port,
    protocol: 'http',
    maxNetworkRetries: 0,
  });
  return { sandbox, stripe };
}

/**
 * Puts `amountCents` into the platform's available balance (a charge on Stripe's test card
 * that skips the pending period), so transfers without a source_transaction can be made.
 */
export async function fundPlatform(
  stripe: Stripe,
  amountCents: number,
  currency = 'usd',
): Promise<Stripe.PaymentIntent> {
  return stripe.paymentIntents.create({
    amount: amountCents,
    currency,
    payment_method: 'pm_card_bypassPending',
    confirm: true,
  });
}

/** The PaymentGatewayError the call must fail with. */
export async function gatewayErrorOf(promise: Promise<unknown>): Promise<PaymentGatewayError> {
  try {
    await promise;
  } catch (err) {
    expect(err).toBeInstanceOf(PaymentGatewayError);
    return err as PaymentGatewayError;
  }
  throw new Error('expected the promise to reject');
}

function unescapeHtml(value: string): string {
  return value
    .replaceAll('&lt;', '<')
    .replaceAll('&gt;', '>')
    .replaceAll('&quot;', '"')
    .replaceAll('&#39;', "'")
    .replaceAll('&amp;', '&');
}

/**
 * Presses the button named `label` on a hosted page the way a browser would: posts its
 * form's hidden fields to the form's action, without following the redirect.
 */
export async function pressButton(html: string, label: string): Promise<Response> {
  for (const [, action = '', inner = ''] of html.matchAll(
    /<form method="post" action="([^"]*)">(.*?)<\/form>/gs,
  )) {
    if (!inner.includes(`<button type="submit">${label}</button>`)) continue;
    const body = new URLSearchParams();
    for (const [, name = '', value = ''] of inner.matchAll(
      /<input type="hidden" name="([^"]*)" value="([^"]*)">/g,
    )) {
      body.set(unescapeHtml(name), unescapeHtml(value));
    }
    return fetch(unescapeHtml(action), { method: 'POST', body, redirect: 'manual' });
  }
  throw new Error(`No button named "${label}" on the page`);
}
