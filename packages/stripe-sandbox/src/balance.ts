// The platform balance, worked out from the charges and transfers at read time (so it needs
// no state of its own and survives a restart with them). A charge's net amount is pending
// until `created + fundsPendingSeconds`, then available; a transfer takes from the available
// balance, or from its `source_transaction`'s funds, pending or not, as on Stripe.
import { SandboxApiError, noSuchParam } from './errors';
import { formatAmount } from './money';
import { type Balance, type BalanceAmount, type Charge, type Transfer } from './types';

/** Stripe's test card that skips the pending period: its charges are available at once. */
export const BYPASS_PENDING_METHOD = 'pm_card_bypassPending';

export interface BalanceSources {
  charges: Iterable<Charge>;
  transfers: Iterable<Transfer>;
  /** Epoch seconds. */
  now: number;
  /** How long a charge's funds stay pending; 0 makes them available at once. */
  fundsPendingSeconds: number;
}

function isAvailable(charge: Charge, sources: BalanceSources): boolean {
  return (
    charge.payment_method === BYPASS_PENDING_METHOD ||
    charge.created + sources.fundsPendingSeconds <= sources.now
  );
}

function net(charge: Charge): number {
  return charge.status === 'succeeded' ? charge.amount - charge.amount_refunded : 0;
}

function add(buckets: Map<string, number>, currency: string, amount: number): void {
  buckets.set(currency, (buckets.get(currency) ?? 0) + amount);
}

function amounts(buckets: Map<string, number>): BalanceAmount[] {
  if (buckets.size === 0) buckets.set('usd', 0);
  return [...buckets].map(([currency, amount]) => ({
    amount,
    currency,
    source_types: { card: amount },
  }));
}

export function platformBalance(sources: BalanceSources): Balance {
  const available = new Map<string, number>();
  const pending = new Map<string, number>();
  const charges = new Map<string, Charge>();
  for (const charge of sources.charges) {
    charges.set(charge.id, charge);
    add(isAvailable(charge, sources) ? available : pending, charge.currency, net(charge));
  }
  for (const transfer of sources.transfers) {
    const outstanding = transfer.amount - transfer.amount_reversed;
    const source = transfer.source_transaction ? charges.get(transfer.source_transaction) : null;
    const bucket = source && !isAvailable(source, sources) ? pending : available;
    add(bucket, transfer.currency, -outstanding);
  }
  return {
    object: 'balance',
    available: amounts(available),
    livemode: false,
    pending: amounts(pending),
  };
}

/**
 * Throws Stripe's 400 `balance_insufficient` unless the transfer is covered: by what is left
 * of its source charge after the transfers already made from it, or else by the available
 * balance in its currency.
 */
export function assertTransferFunded(
  sources: BalanceSources,
  transfer: { amount: number; currency: string; sourceTransaction: string | null },
): void {
  if (transfer.sourceTransaction !== null) {
    const charge = [...sources.charges].find((c) => c.id === transfer.sourceTransaction);
    if (!charge) throw noSuchParam('charge', transfer.sourceTransaction, 'source_transaction');
    if (charge.currency !== transfer.currency) {
      throw new SandboxApiError(
        400,
        'invalid_request_error',
        `The currency of source_transaction's balance transaction (${charge.currency}) must be the same as the transfer currency (${transfer.currency}).`,
        'currency',
      );
    }
    let left = net(charge);
    for (const t of sources.transfers) {
      if (t.source_transaction === charge.id) left -= t.amount - t.amount_reversed;
    }
    if (transfer.amount > left) {
      throw new SandboxApiError(
        400,
        'invalid_request_error',
        `Insufficient funds in the source transaction: ${charge.id} has ${formatAmount(Math.max(left, 0), charge.currency)} left to transfer.`,
        'amount',
        'balance_insufficient',
      );
    }
    return;
  }
  const balance = platformBalance(sources);
  const available = balance.available.find((a) => a.currency === transfer.currency)?.amount ?? 0;
  if (transfer.amount > available) {
    throw new SandboxApiError(
      400,
      'invalid_request_error',
      'You have insufficient available funds in your Stripe account. Try adding funds directly to your available balance by creating Charges using the 4000000000000077 test card (pm_card_bypassPending), or pass source_transaction to transfer from a charge whose funds are still pending.',
      undefined,
      'balance_insufficient',
    );
  }
}
