// Connect (vendor accounts, onboarding links, transfers and reversals), driven through
// @souk/payments' gateway (the real stripe SDK) the way the app drives them.
import { type PaymentGateway, createStripeGateway, verifyWebhookSignature } from '@souk/payments';
import type Stripe from 'stripe';
import { describe, expect, it } from 'vitest';
import { type StripeSandbox, type StripeSandboxOptions } from './server';
import { TRANSFER_REFUSED_MESSAGE } from './state';
import {
  type Receiver,
  fundPlatform,
  gatewayErrorOf,
  pressButton,
  receiverForTest,
  sandboxForTest,
} from './testing';

const SECRET = 'whsec_connect_test_secret';
/** The Connect endpoint's secret: Stripe signs connected-account events with it. */
const CONNECT_SECRET = 'whsec_connect_endpoint_secret';
const RETURN_URL = 'https://shop.test/vendor/payouts?onboarding=done';
const REFRESH_URL = 'https://shop.test/vendor/payouts/refresh';

async function setup(options: StripeSandboxOptions = {}): Promise<{
  sandbox: StripeSandbox;
  gateway: PaymentGateway;
  stripe: Stripe;
  receiver: Receiver;
  connectReceiver: Receiver;
}> {
  const receiver = await receiverForTest();
  const connectReceiver = await receiverForTest();
  const { sandbox, stripe } = await sandboxForTest({
    webhookEndpoints: [
      { url: receiver.url, secret: SECRET },
      { url: connectReceiver.url, secret: CONNECT_SECRET, connect: true },
    ],
    retry: { baseDelayMs: 20, maxAttempts: 3 },
    ...options,
  });
  const gateway = createStripeGateway({ secretKey: sandbox.apiKey, apiUrl: sandbox.url });
  await fundPlatform(stripe, 100_00);
  return { sandbox, gateway, stripe, receiver, connectReceiver };
}

const vendor = {
  idempotencyKey: 'vendor-v_1-account',
  email: 'maker@example.test',
  displayName: 'Atlas Ceramics',
  metadata: { vendorId: 'v_1' },
};

function transferParams(destination: string, overrides: { idempotencyKey?: string } = {}) {
  return {
    idempotencyKey: 'payout-po_1',
    amountCents: 3000,
    currency: 'USD',
    destination,
    transferGroup: 'ord_1',
    metadata: { payoutId: 'po_1' },
    ...overrides,
  };
}

async function delivered(
  sandbox: StripeSandbox,
  receiver: Receiver,
  type: string,
  secret = SECRET,
) {
  await sandbox.flushDeliveries();
  return receiver.received
    .map((r) => verifyWebhookSignature({ rawBody: r.raw, header: r.signature, secrets: [secret] }))
    .filter((e) => e.type === type);
}

async function onboardThroughPage(gateway: PaymentGateway, accountId: string): Promise<Response> {
  const link = await gateway.createAccountOnboardingLink({
    accountId,
    refreshUrl: REFRESH_URL,
    returnUrl: RETURN_URL,
  });
  const html = await (await fetch(link.url)).text();
  return pressButton(html, 'Complete onboarding');
}

describe('Connect through the gateway', () => {
  it('onboarding gates transfers; then a transfer and its reversals go through', async () => {
    const { sandbox, gateway, stripe, receiver, connectReceiver } = await setup();
    const account = await gateway.createConnectedAccount(vendor);
    expect(account.id).toMatch(/^acct_/);
    expect(account).toMatchObject({
      payoutsEnabled: false,
      detailsSubmitted: false,
      chargesEnabled: false,
    });
    expect((await gateway.createConnectedAccount(vendor)).id).toBe(account.id);
    const raw = await stripe.accounts.retrieve(account.id);
    expect(raw).toMatchObject({
      type: 'express',
      country: 'US',
      email: 'maker@example.test',
      business_profile: { name: 'Atlas Ceramics' },
      capabilities: { transfers: 'inactive' },
      metadata: { vendorId: 'v_1' },
    });

    const refused = await gatewayErrorOf(gateway.createTransfer(transferParams(account.id)));
    expect(refused).toMatchObject({
      code: 'account_invalid',
      param: 'destination',
      message: TRANSFER_REFUSED_MESSAGE,
    });
    const nowhere = await gatewayErrorOf(gateway.createTransfer(transferParams('acct_missing')));
    expect(nowhere).toMatchObject({ code: 'resource_missing', param: 'destination' });

    const before = Date.now();
    const link = await gateway.createAccountOnboardingLink({
      accountId: account.id,
      refreshUrl: REFRESH_URL,
      returnUrl: RETURN_URL,
    });
    expect(link.url.startsWith(`${sandbox.url}/connect/onboarding/`)).toBe(true);
    expect(link.expiresAt.getTime()).toBeGreaterThan(before);
    const page = await fetch(link.url);
    const html = await page.text();
    expect(page.status).toBe(200);
    expect(html).toContain('Atlas Ceramics');
    expect(html).toContain('>Complete onboarding</button>');

    const done = await pressButton(html, 'Complete onboarding');
    expect(done.status).toBe(303);
    expect(done.headers.get('location')).toBe(RETURN_URL);
    expect(await gateway.retrieveConnectedAccount(account.id)).toEqual({
      id: account.id,
      payoutsEnabled: true,
      detailsSubmitted: true,
      chargesEnabled: true,
    });
    // A connected account's event goes to the Connect endpoint only, under its secret.
    const [updated] = await delivered(sandbox, connectReceiver, 'account.updated', CONNECT_SECRET);
    expect((updated as { account?: string } | undefined)?.account).toBe(account.id);
    expect(await delivered(sandbox, receiver, 'account.updated')).toEqual([]);
    expect(updated?.data.object).toMatchObject({ id: account.id, payouts_enabled: true });

    const used = await fetch(link.url);
    expect(used.status).toBe(410);
    const usedHtml = await used.text();
    expect(usedHtml).toContain('This onboarding link has already been used.');
    expect(usedHtml).toContain(`href="${REFRESH_URL}"`);

    const transfer = await gateway.createTransfer(transferParams(account.id));
    expect(transfer).toEqual({
      id: expect.stringMatching(/^tr_/) as string,
      amountCents: 3000,
      destination: account.id,
      reversed: false,
    });
    const [created] = await delivered(sandbox, receiver, 'transfer.created');
    expect(created?.data.object).toMatchObject({
      id: transfer.id,
      amount: 3000,
      currency: 'usd',
      transfer_group: 'ord_1',
      metadata: { payoutId: 'po_1' },
    });

    const partial = await gateway.reverseTransfer({
      transferId: transfer.id,
      idempotencyKey: 'reverse-1',
      amountCents: 1000,
    });
    expect(partial.id).toMatch(/^trr_/);
    expect(partial.amountCents).toBe(1000);
    const tooMuch = await gatewayErrorOf(
      gateway.reverseTransfer({
        transferId: transfer.id,
        idempotencyKey: 'reverse-too-much',
        amountCents: 2001,
      }),
    );
    expect(tooMuch.param).toBe('amount');
    const rest = await gateway.reverseTransfer({
      transferId: transfer.id,
      idempotencyKey: 'reverse-2',
    });
    expect(rest.amountCents).toBe(2000);
    const after = await stripe.transfers.retrieve(transfer.id);
    expect(after).toMatchObject({ amount_reversed: 3000, reversed: true });
    expect(after.reversals.data.map((r) => r.id)).toEqual([rest.id, partial.id]);
    const reversed = await delivered(sandbox, receiver, 'transfer.reversed');
    expect(reversed.map((e) => e.data.object['amount_reversed'])).toEqual([1000, 3000]);
    const again = await gatewayErrorOf(
      gateway.reverseTransfer({ transferId: transfer.id, idempotencyKey: 'reverse-3' }),
    );
    expect(again.code).toBe('transfer_already_reversed');
  });

  it('replays a transfer for the same key and refuses the key with other params', async () => {
    const { sandbox, gateway, stripe } = await setup();
    const account = await gateway.createConnectedAccount(vendor);
    expect((await onboardThroughPage(gateway, account.id)).status).toBe(303);

    const [a, b] = await Promise.all([
      gateway.createTransfer(transferParams(account.id)),
      gateway.createTransfer(transferParams(account.id)),
    ]);
    expect(b.id).toBe(a.id);
    expect(sandbox.store.transfers.size).toBe(1);
    const conflict = await gatewayErrorOf(
      gateway.createTransfer({ ...transferParams(account.id), amountCents: 3001 }),
    );
    expect(conflict.message).toMatch(/^Keys for idempotent requests can only be used/);

    const reversal = { transferId: a.id, idempotencyKey: 'reverse-a', amountCents: 500 };
    expect((await gateway.reverseTransfer(reversal)).id).toBe(
      (await gateway.reverseTransfer(reversal)).id,
    );
    expect((await stripe.transfers.retrieve(a.id)).amount_reversed).toBe(500);

    const second = await gateway.createTransfer(
      transferParams(account.id, { idempotencyKey: 'payout-po_2' }),
    );
    const other = await gateway.createConnectedAccount({ ...vendor, idempotencyKey: 'v_2' });
    await fetch(`${sandbox.url}/_sandbox/accounts/${other.id}/onboard`, {
      method: 'POST',
      headers: { authorization: `Bearer ${sandbox.controlToken}` },
    });
    await gateway.createTransfer(transferParams(other.id, { idempotencyKey: 'payout-po_3' }));
    const page = await stripe.transfers.list({ destination: account.id, limit: 1 });
    expect(page.data.map((t) => t.id)).toEqual([second.id]);
    expect(page.has_more).toBe(true);
    const next = await stripe.transfers.list({
      destination: account.id,
      limit: 1,
      starting_after: second.id,
    });
    expect(next.data.map((t) => t.id)).toEqual([a.id]);
    expect(next.has_more).toBe(false);
  });

  it('an expired onboarding link points back to refresh_url and changes nothing', async () => {
    let now = Date.now();
    const { gateway } = await setup({ clock: () => now });
    const account = await gateway.createConnectedAccount(vendor);
    const link = await gateway.createAccountOnboardingLink({
      accountId: account.id,
      refreshUrl: REFRESH_URL,
      returnUrl: RETURN_URL,
    });
    const html = await (await fetch(link.url)).text();
    now = link.expiresAt.getTime() + 1000;

    const expired = await fetch(link.url);
    expect(expired.status).toBe(410);
    const expiredHtml = await expired.text();
    expect(expiredHtml).toContain('This onboarding link has expired.');
    expect(expiredHtml).toContain(`href="${REFRESH_URL}"`);
    // The page was opened before expiry; submitting it afterwards must not onboard.
    expect((await pressButton(html, 'Complete onboarding')).status).toBe(410);
    expect((await gateway.retrieveConnectedAccount(account.id)).payoutsEnabled).toBe(false);

    const missing = await gatewayErrorOf(
      gateway.createAccountOnboardingLink({
        accountId: 'acct_missing',
        refreshUrl: REFRESH_URL,
        returnUrl: RETURN_URL,
      }),
    );
    expect(missing).toMatchObject({ code: 'resource_missing', param: 'account' });
  });
});
