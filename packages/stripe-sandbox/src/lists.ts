// List endpoints reconciliation pages through (GET /v1/charges, /v1/refunds), with Stripe's
// `created` window and cursor paging: newest first, `starting_after` continues with older ones.
import { invalidParam } from './errors';
import { pageNewestFirst } from './list';
import { type Params, isRecord, optInteger, optString } from './params';
import { type SandboxStore } from './state';
import { type Charge, type ListObject, type Refund } from './types';

/** `created=<int>` or `created[gt|gte|lt|lte]=<int>`, as on every Stripe list. */
export function createdFilter(params: Params): (created: number) => boolean {
  const value = params['created'];
  if (value === undefined) return () => true;
  if (typeof value === 'string') {
    const exact = optInteger(params, 'created');
    return (c) => c === exact;
  }
  if (!isRecord(value)) throw invalidParam('created', 'Invalid created filter');
  for (const key of Object.keys(value)) {
    if (!['gt', 'gte', 'lt', 'lte'].includes(key)) {
      throw invalidParam(`created[${key}]`, `Received unknown parameter: created[${key}]`);
    }
  }
  const bound = (op: string): number | undefined => optInteger(value, op, `created[${op}]`);
  const gt = bound('gt');
  const gte = bound('gte');
  const lt = bound('lt');
  const lte = bound('lte');
  return (c) =>
    (gt === undefined || c > gt) &&
    (gte === undefined || c >= gte) &&
    (lt === undefined || c < lt) &&
    (lte === undefined || c <= lte);
}

export function listCharges(store: SandboxStore, params: Params): ListObject<Charge> {
  const paymentIntent = optString(params, 'payment_intent');
  const customer = optString(params, 'customer');
  const transferGroup = optString(params, 'transfer_group');
  const created = createdFilter(params);
  return pageNewestFirst(
    store.charges,
    (c) => c,
    (c) =>
      (paymentIntent === undefined || c.payment_intent === paymentIntent) &&
      (customer === undefined || c.customer === customer) &&
      (transferGroup === undefined || c.transfer_group === transferGroup) &&
      created(c.created),
    params,
    '/v1/charges',
  );
}

export function listRefunds(store: SandboxStore, params: Params): ListObject<Refund> {
  const charge = optString(params, 'charge');
  const paymentIntent = optString(params, 'payment_intent');
  const created = createdFilter(params);
  return pageNewestFirst(
    store.refunds,
    (r) => r,
    (r) =>
      (charge === undefined || r.charge === charge) &&
      (paymentIntent === undefined || r.payment_intent === paymentIntent) &&
      created(r.created),
    params,
    '/v1/refunds',
  );
}
