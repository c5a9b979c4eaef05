// The Stripe sandbox for bench/reconcile.ts in its own process (its memory is not the
// reconciler's), filled through its own store with paid checkout sessions, paid
// PaymentIntents and refunds for one org. Writes what it made to argv[2] as JSON, then
// prints "sandbox <url> <apiKey>" once listening.
import { writeFileSync } from 'node:fs';
import { startStripeSandbox } from '@souk/stripe-sandbox';

const [outFile, orgId, sessionsArg, intentsArg, refundsArg] = process.argv.slice(2);
if (!outFile || !orgId) throw new Error('usage: reconcile-sandbox <outFile> <orgId> <s> <i> <r>');
const counts = {
  sessions: Number(sessionsArg),
  intents: Number(intentsArg),
  refunds: Number(refundsArg),
};

const sandbox = await startStripeSandbox({ port: 0 });
const { store } = sandbox;
const metadata = { orgId };
/** Amounts vary so a mismatch is an amount, not a coincidence. */
const amountOf = (i: number) => 1000 + ((i * 37) % 20000);

const sessions: { id: string; paymentIntentId: string; amount: number }[] = [];
for (let i = 0; i < counts.sessions; i += 1) {
  const amount = amountOf(i);
  const created = store.createCheckoutSession({
    mode: 'payment',
    success_url: 'http://127.0.0.1/success',
    cancel_url: 'http://127.0.0.1/cancel',
    line_items: [
      {
        price_data: {
          currency: 'usd',
          unit_amount: String(amount),
          product_data: { name: `Bench item ${i}` },
        },
        quantity: '1',
      },
    ],
    metadata,
  });
  const paid = store.payCheckout(store.getSessionRecord(created.id));
  sessions.push({ id: paid.id, paymentIntentId: paid.payment_intent!, amount });
}

const intents: { id: string; amount: number }[] = [];
for (let i = 0; i < counts.intents; i += 1) {
  const amount = amountOf(i + counts.sessions);
  const pi = store.createPaymentIntent({
    amount: String(amount),
    currency: 'usd',
    payment_method: 'pm_card_visa',
    confirm: 'true',
    metadata,
  });
  intents.push({ id: pi.id, amount });
}

// Half of the smallest amount, so every refund is valid whatever it refunds.
const refunds: { id: string; paymentIntentId: string; amount: number }[] = [];
for (let i = 0; i < counts.refunds; i += 1) {
  const target = intents[i % intents.length]!;
  const refund = store.createRefund({
    payment_intent: target.id,
    amount: '100',
    metadata,
  });
  refunds.push({ id: refund.id, paymentIntentId: target.id, amount: 100 });
}

writeFileSync(outFile, JSON.stringify({ sessions, intents, refunds }));
console.log(`sandbox ${sandbox.url} ${sandbox.apiKey}`);
process.on('SIGTERM', () => {
  void sandbox.stop().then(() => process.exit(0));
});
