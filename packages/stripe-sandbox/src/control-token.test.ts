// The /_sandbox/* controls mark payments paid, forge signed events and add webhook
// endpoints: only the holder of the control token may call them. The hosted pages a
// shopper uses in the browser stay open.
import { describe, expect, it } from 'vitest';
import { type StripeSandbox } from './server';
import { receiverForTest, sandboxForTest } from './testing';

async function sandboxWith(controlToken?: string): Promise<StripeSandbox> {
  return (await sandboxForTest(controlToken ? { controlToken } : {})).sandbox;
}

const controls: [string, string, object?][] = [
  ['POST', '/_sandbox/webhook-endpoints', { url: 'http://127.0.0.1:9/hook', secret: 'whsec_x' }],
  ['POST', '/_sandbox/events', { type: 'payment_intent.succeeded', object: { id: 'pi_forged' } }],
  ['POST', '/_sandbox/delivery-mode', { paused: true }],
  ['POST', '/_sandbox/flush'],
  ['POST', '/_sandbox/expire-due'],
  ['GET', '/_sandbox/state'],
  ['GET', '/_sandbox/deliveries'],
  ['GET', '/_sandbox/payment_intents'],
  ['POST', '/_sandbox/payment_intents/pi_1/succeed'],
  ['POST', '/_sandbox/accounts/acct_1/onboard'],
];

describe('sandbox control token', () => {
  it.each(controls)(
    'refuses %s %s without the token, or with another one',
    async (method, path, body) => {
      const sandbox = await sandboxWith('control-token-for-tests');
      for (const authorization of [
        undefined,
        'Bearer wrong-token',
        `Bearer ${sandbox.apiKey}`, // the API key is not the control token
        'control-token-for-tests',
      ]) {
        const res = await fetch(`${sandbox.url}${path}`, {
          method,
          headers: authorization ? { authorization } : {},
          ...(body ? { body: JSON.stringify(body) } : {}),
        });
        expect(res.status).toBe(401);
        const json = (await res.json()) as { error: { message: string } };
        expect(json.error.message).toContain(
          'Sandbox controls need the header `Authorization: Bearer <STRIPE_SANDBOX_CONTROL_TOKEN>`',
        );
      }
      expect(sandbox.store.summary()).toMatchObject({ webhook_endpoints: 0, events: 0 });
    },
  );

  it('accepts the token it was started with', async () => {
    const sandbox = await sandboxWith('control-token-for-tests');
    expect(sandbox.controlToken).toBe('control-token-for-tests');
    const res = await fetch(`${sandbox.url}/_sandbox/state`, {
      headers: { authorization: 'Bearer control-token-for-tests' },
    });
    expect(res.status).toBe(200);
  });

  it('makes up a random token when none is given', async () => {
    const [a, b] = [await sandboxWith(), await sandboxWith()];
    expect(a.controlToken).toMatch(/^[0-9a-f]{48}$/);
    expect(a.controlToken).not.toBe(b.controlToken);
    expect((await fetch(`${a.url}/_sandbox/state`)).status).toBe(401);
  });

  it("leaves the shopper's hosted pay page open", async () => {
    const receiver = await receiverForTest();
    const { sandbox, stripe } = await sandboxForTest({
      webhookEndpoints: [{ url: receiver.url, secret: 'whsec_test' }],
    });
    const session = await stripe.checkout.sessions.create({
      mode: 'payment',
      success_url: 'https://shop.test/done',
      cancel_url: 'https://shop.test/cart',
      line_items: [
        {
          price_data: { currency: 'usd', unit_amount: 4860, product_data: { name: 'Tote bag' } },
          quantity: 1,
        },
      ],
    });
    expect((await fetch(`${sandbox.url}/pay/${session.id}`)).status).toBe(200);
    const paid = await fetch(`${sandbox.url}/pay/${session.id}/pay`, {
      method: 'POST',
      redirect: 'manual',
    });
    expect(paid.status).toBe(303);
    expect((await stripe.checkout.sessions.retrieve(session.id)).payment_status).toBe('paid');
  });
});
