import { AsyncLocalStorage } from 'node:async_hooks';
import type { PaymentGateway } from '@souk/payments';
import { explainProcessorError } from './processor-errors';

export const PROCESSOR_CALL_IN_TRANSACTION = 'processor call inside an open transaction';

/** Set while a scope's transaction runs, so a processor call made from inside it is caught. */
const insideTransaction = new AsyncLocalStorage<true>();

/** Runs `fn` marked as "a transaction is open" for every guarded gateway it reaches. */
export function markTransaction<T>(fn: () => Promise<T>): Promise<T> {
  return insideTransaction.run(true, fn);
}

export function isInsideTransaction(): boolean {
  return insideTransaction.getStore() === true;
}

/**
 * The gateway use cases get: every call to the processor first checks that no
 * transaction is open (a processor call can take a minute with retries, far longer
 * than a transaction may be held), then maps refusals once. `hasOpenTransaction`
 * also covers a transaction of the same scope running alongside the call.
 */
export function guardedGateway(
  inner: PaymentGateway,
  hasOpenTransaction: () => boolean = () => false,
): PaymentGateway {
  async function run<T>(call: () => Promise<T>): Promise<T> {
    if (isInsideTransaction() || hasOpenTransaction()) {
      throw new Error(PROCESSOR_CALL_IN_TRANSACTION);
    }
    try {
      return await call();
    } catch (error) {
      throw explainProcessorError(error);
    }
  }
  return {
    processor: inner.processor,
    isSandbox: inner.isSandbox,
    // Builds a URL; no processor call, so allowed anywhere.
    hostedPaymentUrl: (paymentIntent, returnUrl) =>
      inner.hostedPaymentUrl(paymentIntent, returnUrl),
    createCheckoutSession: (params) => run(() => inner.createCheckoutSession(params)),
    retrieveCheckoutSession: (id) => run(() => inner.retrieveCheckoutSession(id)),
    expireCheckoutSession: (id) => run(() => inner.expireCheckoutSession(id)),
    refund: (params) => run(() => inner.refund(params)),
    createPaymentIntent: (params) => run(() => inner.createPaymentIntent(params)),
    retrievePaymentIntent: (id) => run(() => inner.retrievePaymentIntent(id)),
    cancelPaymentIntent: (id) => run(() => inner.cancelPaymentIntent(id)),
    createConnectedAccount: (params) => run(() => inner.createConnectedAccount(params)),
    retrieveConnectedAccount: (id) => run(() => inner.retrieveConnectedAccount(id)),
    createAccountOnboardingLink: (params) => run(() => inner.createAccountOnboardingLink(params)),
    createTransfer: (params) => run(() => inner.createTransfer(params)),
    reverseTransfer: (params) => run(() => inner.reverseTransfer(params)),
    listEvents: (params) => run(() => inner.listEvents(params)),
    listPaymentIntents: (params) => run(() => inner.listPaymentIntents(params)),
    listCharges: (params) => run(() => inner.listCharges(params)),
    listRefunds: (params) => run(() => inner.listRefunds(params)),
    listCheckoutSessions: (params) => run(() => inner.listCheckoutSessions(params)),
  };
}
