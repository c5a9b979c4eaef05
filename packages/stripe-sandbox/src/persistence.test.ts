// A sandbox started with `stateFile` picks up where the previous one stopped: vendors who
// onboarded can still be paid out, and paid intents stay paid.
import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Stripe from 'stripe';
import { describe, expect, it, onTestFinished } from 'vitest';
import { type StripeSandbox, type StripeSandboxOptions, startStripeSandbox } from './server';

function stateDir(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'souk-sandbox-state-'));
  onTestFinished(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

async function start(
  options: StripeSandboxOptions,
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

const endpoint = { url: 'http://127.0.0.1:9/webhooks/stripe', secret: 'whsec_first' };

describe('sandbox state file', () => {
  it('a restarted sandbox still has the onboarded account, the paid intent and its events', async () => {
    const stateFile = path.join(stateDir(), 'sandbox', 'state.json');
    const first = await start({ stateFile, webhookEndpoints: [endpoint] });
    first.sandbox.setDeliveryMode({ paused: true });
    const account = await first.stripe.accounts.create({
      type: 'express',
      email: 'maker@example.test',
      capabilities: { transfers: { requested: true } },
    });
    const onboarded = await fetch(`${first.sandbox.url}/_sandbox/accounts/${account.id}/onboard`, {
      method: 'POST',
      headers: { authorization: `Bearer ${first.sandbox.controlToken}` },
    });
    expect(onboarded.status).toBe(200);
    const pi = await first.stripe.paymentIntents.create(
      {
        amount: 5000,
        currency: 'usd',
        payment_method: 'pm_card_visa',
        confirm: true,
        transfer_group: 'ord_1',
      },
      { idempotencyKey: 'booking-1-pay' },
    );
    const eventsBefore = (await first.stripe.events.list({ limit: 100 })).data.map((e) => e.id);
    // Stopped straight after the last change: the stop itself must write it.
    await first.sandbox.stop();

    const second = await start({
      stateFile,
      webhookEndpoints: [{ ...endpoint, secret: 'whsec_second' }],
    });
    second.sandbox.setDeliveryMode({ paused: true });
    expect(await second.stripe.accounts.retrieve(account.id)).toMatchObject({
      payouts_enabled: true,
      details_submitted: true,
      capabilities: { transfers: 'active' },
    });
    const restored = await second.stripe.paymentIntents.retrieve(pi.id);
    expect(restored).toMatchObject({ status: 'succeeded', amount_received: 5000 });
    const [charge] = (await second.stripe.charges.list({ payment_intent: pi.id })).data;
    expect(charge).toMatchObject({ id: restored.latest_charge, amount: 5000, status: 'succeeded' });
    expect((await second.stripe.events.list({ limit: 100 })).data.map((e) => e.id)).toEqual(
      eventsBefore,
    );

    // A payout to the vendor who onboarded before the restart, funded by that charge.
    const transfer = await second.stripe.transfers.create({
      amount: 3000,
      currency: 'usd',
      destination: account.id,
      source_transaction: charge!.id,
      transfer_group: 'ord_1',
    });
    expect(transfer).toMatchObject({ amount: 3000, destination: account.id, reversed: false });

    // A retry after the restart replays the first answer instead of charging again.
    const retried = await second.stripe.paymentIntents.create(
      {
        amount: 5000,
        currency: 'usd',
        payment_method: 'pm_card_visa',
        confirm: true,
        transfer_group: 'ord_1',
      },
      { idempotencyKey: 'booking-1-pay' },
    );
    expect(retried.id).toBe(pi.id);
    expect((await second.stripe.paymentIntents.list({ limit: 100 })).data).toHaveLength(1);

    // The configured endpoint is the saved one with the new secret, not a second one.
    const endpoints = [...second.sandbox.store.endpoints.values()];
    expect(endpoints.map((e) => [e.url, e.secret])).toEqual([[endpoint.url, 'whsec_second']]);
  });

  it('writes changes shortly after they happen, through a temporary file', async () => {
    const dir = stateDir();
    const stateFile = path.join(dir, 'state.json');
    const { stripe } = await start({ stateFile });
    const customer = await stripe.customers.create({ email: 'buyer@example.test' });
    await expect.poll(() => existsSync(stateFile), { timeout: 3000 }).toBe(true);
    expect(readdirSync(dir)).toEqual(['state.json']);

    // Read by a second sandbox while the first still runs (a crash would leave this file).
    const reader = await start({ stateFile });
    expect((await reader.stripe.customers.retrieve(customer.id)).id).toBe(customer.id);
  });

  it('without a state file nothing carries over', async () => {
    const first = await start({});
    const customer = await first.stripe.customers.create({ email: 'buyer@example.test' });
    await first.sandbox.stop();
    const second = await start({});
    await expect(second.stripe.customers.retrieve(customer.id)).rejects.toMatchObject({
      statusCode: 404,
    });
  });

  it('refuses to start over a state file it cannot read, rather than overwrite it', async () => {
    const stateFile = path.join(stateDir(), 'state.json');
    writeFileSync(stateFile, '{"format":"souk-stripe-sandbox-state","version":1,"state":');
    await expect(startStripeSandbox({ stateFile })).rejects.toThrow(/not valid JSON/);
    writeFileSync(stateFile, JSON.stringify({ accounts: [] }));
    await expect(startStripeSandbox({ stateFile })).rejects.toThrow(/move it away/);
  });
});
