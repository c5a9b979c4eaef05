// Where the sandbox refuses what Stripe refuses: unknown parameters, enum values Stripe does
// not have, amounts under the minimum charge, transfers the platform balance cannot cover;
// and where it honours what Stripe honours: `created` filters and the platform balance.
import Stripe from 'stripe';
import { describe, expect, it } from 'vitest';
import { fundPlatform, sandboxForTest } from './testing';

const DAY_MS = 24 * 60 * 60 * 1000;

async function rejection(promise: Promise<unknown>): Promise<Stripe.errors.StripeError> {
  try {
    await promise;
  } catch (err) {
    expect(err).toBeInstanceOf(Stripe.errors.StripeError);
    return err as Stripe.errors.StripeError;
  }
  throw new Error('expected the call to fail');
}

const mug = {
  quantity: 1,
  price_data: { currency: 'usd', unit_amount: 2500, product_data: { name: 'Mug' } },
};

async function onboardedAccount(sandbox: { url: string; controlToken: string }, stripe: Stripe) {
  const account = await stripe.accounts.create({
    type: 'express',
    capabilities: { transfers: { requested: true } },
  });
  await fetch(`${sandbox.url}/_sandbox/accounts/${account.id}/onboard`, {
    method: 'POST',
    headers: { authorization: `Bearer ${sandbox.controlToken}` },
  });
  return account;
}

describe('parameters Stripe does not take', () => {
  it('answers 400 naming the unknown parameter, at any depth, and creates nothing', async () => {
    const { sandbox, stripe } = await sandboxForTest();
    const session = {
      mode: 'payment' as const,
      success_url: 'https://shop.test/done',
      line_items: [mug],
    };
    const top = await rejection(
      stripe.checkout.sessions.create({ ...session, colour: 'blue' } as never),
    );
    expect(top).toMatchObject({
      type: 'StripeInvalidRequestError',
      statusCode: 400,
      param: 'colour',
      code: 'parameter_unknown',
      message: 'Received unknown parameter: colour',
    });
    const nested = await rejection(
      stripe.checkout.sessions.create({
        ...session,
        line_items: [{ ...mug, price_data: { ...mug.price_data, tax: 'none' } }],
      } as never),
    );
    expect(nested.param).toBe('line_items[0][price_data][tax]');
    const range = await rejection(stripe.paymentIntents.list({ created: { since: 5 } } as never));
    expect(range.param).toBe('created[since]');
    const query = await rejection(stripe.transfers.list({ colour: 'blue' } as never));
    expect(query).toMatchObject({ statusCode: 400, param: 'colour' });
    expect(sandbox.store.sessions.size).toBe(0);
  });

  it('answers 400 naming the parameter for an enum value Stripe does not have', async () => {
    const { sandbox, stripe } = await sandboxForTest();
    const intent = await stripe.paymentIntents.create({ amount: 2000, currency: 'usd' });
    const cancel = await rejection(
      stripe.paymentIntents.cancel(intent.id, {
        cancellation_reason: 'bored' as 'abandoned',
      }),
    );
    expect(cancel).toMatchObject({ statusCode: 400, param: 'cancellation_reason' });
    expect(cancel.message).toContain('must be one of');
    expect((await stripe.paymentIntents.retrieve(intent.id)).status).toBe(
      'requires_payment_method',
    );
    const account = await rejection(stripe.accounts.create({ type: 'premium' as 'express' }));
    expect(account).toMatchObject({ statusCode: 400, param: 'type' });
    expect(sandbox.store.accounts.size).toBe(0);
  });
});

describe('minimum amounts', () => {
  it('refuses a USD charge under 50 cents with amount_too_small, and takes 50', async () => {
    const { stripe } = await sandboxForTest();
    const small = await rejection(stripe.paymentIntents.create({ amount: 49, currency: 'usd' }));
    expect(small).toMatchObject({ statusCode: 400, code: 'amount_too_small', param: 'amount' });
    const session = await rejection(
      stripe.checkout.sessions.create({
        mode: 'payment',
        success_url: 'https://shop.test/done',
        line_items: [{ ...mug, price_data: { ...mug.price_data, unit_amount: 49 } }],
      }),
    );
    expect(session.code).toBe('amount_too_small');
    expect((await stripe.paymentIntents.create({ amount: 50, currency: 'usd' })).amount).toBe(50);
  });
});

describe('created filters', () => {
  it('every list keeps only objects inside the created window', async () => {
    let now = Date.UTC(2026, 11, 1, 12);
    const { sandbox, stripe } = await sandboxForTest({ clock: () => now });
    await fundPlatform(stripe, 100_00);
    const account = await onboardedAccount(sandbox, stripe);
    const make = async () => ({
      intent: await stripe.paymentIntents.create({ amount: 1000, currency: 'usd' }),
      session: await stripe.checkout.sessions.create({
        mode: 'payment',
        success_url: 'https://shop.test/done',
        line_items: [mug],
      }),
      transfer: await stripe.transfers.create({
        amount: 100,
        currency: 'usd',
        destination: account.id,
      }),
    });
    await make();
    now += 4 * DAY_MS;
    const recent = await make();
    const since = { gte: Math.floor((now - 2 * DAY_MS) / 1000) };

    const intents = await stripe.paymentIntents.list({ created: since });
    expect(intents.data.map((o) => o.id)).toEqual([recent.intent.id]);
    const sessions = await stripe.checkout.sessions.list({ created: since });
    expect(sessions.data.map((o) => o.id)).toEqual([recent.session.id]);
    const transfers = await stripe.transfers.list({ created: since });
    expect(transfers.data.map((o) => o.id)).toEqual([recent.transfer.id]);
    const before = await stripe.transfers.list({ created: { lt: since.gte } });
    expect(before.data).toHaveLength(1);
    expect(before.data[0]?.id).not.toBe(recent.transfer.id);
  });
});

describe('the platform balance', () => {
  it('a charge is pending, then available; a transfer needs available funds or its charge', async () => {
    let now = Date.UTC(2026, 11, 1, 12);
    const { sandbox, stripe } = await sandboxForTest({
      clock: () => now,
      fundsPendingSeconds: 2 * 24 * 60 * 60,
    });
    const account = await onboardedAccount(sandbox, stripe);
    expect(await stripe.balance.retrieve()).toMatchObject({
      object: 'balance',
      available: [{ amount: 0, currency: 'usd' }],
      pending: [{ amount: 0, currency: 'usd' }],
    });

    const paid = await stripe.paymentIntents.create({
      amount: 5000,
      currency: 'usd',
      payment_method: 'pm_card_visa',
      confirm: true,
    });
    const chargeId = paid.latest_charge as string;
    expect(await stripe.balance.retrieve()).toMatchObject({
      available: [{ amount: 0, currency: 'usd' }],
      pending: [{ amount: 5000, currency: 'usd' }],
    });

    const unfunded = await rejection(
      stripe.transfers.create({ amount: 1000, currency: 'usd', destination: account.id }),
    );
    expect(unfunded).toMatchObject({ statusCode: 400, code: 'balance_insufficient' });

    const fromCharge = await stripe.transfers.create({
      amount: 4000,
      currency: 'usd',
      destination: account.id,
      source_transaction: chargeId,
    });
    expect(fromCharge.source_transaction).toBe(chargeId);
    expect((await stripe.balance.retrieve()).pending).toMatchObject([{ amount: 1000 }]);

    const beyondCharge = await rejection(
      stripe.transfers.create({
        amount: 1500,
        currency: 'usd',
        destination: account.id,
        source_transaction: chargeId,
      }),
    );
    expect(beyondCharge).toMatchObject({ statusCode: 400, code: 'balance_insufficient' });
    const noCharge = await rejection(
      stripe.transfers.create({
        amount: 100,
        currency: 'usd',
        destination: account.id,
        source_transaction: 'ch_missing',
      }),
    );
    expect(noCharge).toMatchObject({ code: 'resource_missing', param: 'source_transaction' });
    expect(sandbox.store.transfers.size).toBe(1);

    now += 3 * 24 * 60 * 60 * 1000;
    expect(await stripe.balance.retrieve()).toMatchObject({
      available: [{ amount: 1000, currency: 'usd' }],
      pending: [{ amount: 0, currency: 'usd' }],
    });
    await stripe.transfers.create({ amount: 1000, currency: 'usd', destination: account.id });
    await stripe.transfers.createReversal(fromCharge.id, { amount: 500 });
    expect((await stripe.balance.retrieve()).available).toMatchObject([{ amount: 500 }]);
  });

  it('by default a charge is available at once', async () => {
    const { sandbox, stripe } = await sandboxForTest();
    const account = await onboardedAccount(sandbox, stripe);
    await stripe.paymentIntents.create({
      amount: 2000,
      currency: 'usd',
      payment_method: 'pm_card_visa',
      confirm: true,
    });
    expect((await stripe.balance.retrieve()).available).toMatchObject([{ amount: 2000 }]);
    const transfer = await stripe.transfers.create({
      amount: 2000,
      currency: 'usd',
      destination: account.id,
    });
    expect(transfer.source_transaction).toBeNull();
    expect((await stripe.balance.retrieve()).available).toMatchObject([{ amount: 0 }]);
  });
});
