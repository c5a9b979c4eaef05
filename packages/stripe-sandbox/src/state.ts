// In-memory Stripe state: validation first, then mutation, so a rejected request
// changes nothing. Every method is synchronous.
import {
  SandboxApiError,
  invalidParam,
  missingParam,
  noSuch,
  noSuchParam,
  unexpectedState,
} from './errors';
import {
  type BalanceSources,
  BYPASS_PENDING_METHOD,
  assertTransferFunded,
  platformBalance,
} from './balance';
import { newId } from './ids';
import { pageNewestFirst, paginate } from './list';
import { formatAmount, minimumCharge } from './money';
import {
  type Params,
  isRecord,
  optArray,
  optBoolean,
  optInteger,
  optMetadata,
  optObject,
  optString,
  reqCurrency,
  reqInteger,
  reqString,
} from './params';
import {
  type Account,
  type AccountLink,
  type Balance,
  type Charge,
  type CheckoutSession,
  type Customer,
  type LineItem,
  type ListObject,
  type Metadata,
  type PaymentIntent,
  type Refund,
  type StripeEvent,
  type Transfer,
  type TransferReversal,
  type WebhookEndpoint,
} from './types';
import { type EndpointConfig, endpointReceives } from './webhooks';

export const SANDBOX_API_VERSION = '2025-01-27.acacia';

const MIN_EXPIRY_S = 30 * 60;
const MAX_EXPIRY_S = 24 * 60 * 60;

const SUCCEEDING_METHODS = new Set([
  'pm_card_visa',
  'pm_card_mastercard',
  'pm_card_amex',
  BYPASS_PENDING_METHOD,
]);
const DECLINING_METHODS: Record<string, string> = {
  pm_card_chargeDeclined: 'generic_decline',
  pm_card_chargeDeclinedInsufficientFunds: 'insufficient_funds',
};
const DECLINE_MESSAGE = 'Your card was declined.';
// Stripe's onboarding links are short-lived and single-use.
const ACCOUNT_LINK_TTL_S = 300;
const ACCOUNT_TYPES = new Set<Account['type']>(['express', 'standard', 'custom']);
const ONBOARDING_REQUIREMENTS = [
  'business_profile.url',
  'external_account',
  'individual.dob.day',
  'individual.first_name',
  'individual.last_name',
  'tos_acceptance.date',
];
export const TRANSFER_REFUSED_MESSAGE = 'The destination account cannot receive transfers yet.';

export interface SessionRecord {
  session: CheckoutSession;
  lineItems: LineItem[];
  paymentIntentMetadata: Metadata;
  /** The PaymentIntent the hosted page created (after a pay or decline). */
  paymentIntentId: string | null;
}

export interface AccountLinkRecord {
  id: string;
  account: string;
  refreshUrl: string;
  returnUrl: string;
  expiresAt: number;
  usedAt: number | null;
}

export interface StoreOptions {
  publicUrl: string;
  /** Epoch milliseconds. */
  clock: () => number;
  onEvent: (event: StripeEvent) => void;
  /** How long a charge's funds stay pending before they are available; default 0. */
  fundsPendingSeconds?: number;
}

function snapshot(value: object): Record<string, unknown> {
  return structuredClone(value) as Record<string, unknown>;
}

function newestFirst<T>(map: Map<string, T>): T[] {
  return [...map.values()].reverse();
}

function parseEmail(value: string | undefined, param: string): string | null {
  if (value === undefined || value === '') return null;
  if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value)) {
    throw invalidParam(param, `Invalid email address: ${value}`, 'email_invalid');
  }
  return value;
}

function parseUrl(value: string, param: string): string {
  try {
    const url = new URL(value);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new Error('protocol');
  } catch {
    throw invalidParam(param, `Not a valid URL`, 'url_invalid');
  }
  return value;
}

export class SandboxStore {
  readonly sessions = new Map<string, SessionRecord>();
  readonly paymentIntents = new Map<string, PaymentIntent>();
  readonly charges = new Map<string, Charge>();
  readonly refunds = new Map<string, Refund>();
  readonly customers = new Map<string, Customer>();
  readonly events = new Map<string, StripeEvent>();
  readonly endpoints = new Map<string, EndpointConfig>();
  readonly accounts = new Map<string, Account>();
  readonly accountLinks = new Map<string, AccountLinkRecord>();
  readonly transfers = new Map<string, Transfer>();
  readonly transferReversals = new Map<string, TransferReversal>();

  constructor(private readonly options: StoreOptions) {}

  now(): number {
    return Math.floor(this.options.clock() / 1000);
  }

  // ---------------------------------------------------------------- events

  /** `account` marks a Connect event (Stripe sends those to Connect endpoints). */
  emit(type: string, object: object, account?: string): StripeEvent {
    const event: StripeEvent = {
      id: newId('evt'),
      object: 'event',
      ...(account === undefined ? {} : { account }),
      api_version: SANDBOX_API_VERSION,
      created: this.now(),
      type,
      data: { object: snapshot(object) },
      livemode: false,
      pending_webhooks: 0,
      request: { id: null, idempotency_key: null },
    };
    event.pending_webhooks = [...this.endpoints.values()].filter((e) =>
      endpointReceives(e, event),
    ).length;
    this.events.set(event.id, event);
    this.options.onEvent(event);
    return event;
  }

  getEvent(id: string): StripeEvent {
    const event = this.events.get(id);
    if (!event) throw noSuch('event', id);
    return event;
  }

  listEvents(params: Params): ListObject<StripeEvent> {
    const type = optString(params, 'type');
    const types = optArray(params, 'types')?.map((t, i) => {
      if (typeof t !== 'string') throw invalidParam(`types[${i}]`, `Invalid string: types[${i}]`);
      return t;
    });
    const created = this.createdFilter(params);
    const matchesType = (eventType: string, pattern: string): boolean =>
      pattern.endsWith('*') ? eventType.startsWith(pattern.slice(0, -1)) : eventType === pattern;
    return pageNewestFirst(
      this.events,
      (e) => e,
      (e) =>
        (type === undefined || matchesType(e.type, type)) &&
        (types === undefined || types.some((t) => matchesType(e.type, t))) &&
        created(e.created),
      params,
      '/v1/events',
    );
  }

  private createdFilter(params: Params): (created: number) => boolean {
    const value = params['created'];
    if (value === undefined) return () => true;
    if (typeof value === 'string') {
      const exact = optInteger(params, 'created');
      return (c) => c === exact;
    }
    if (!isRecord(value)) throw invalidParam('created', 'Invalid created filter');
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

  // ------------------------------------------------------ webhook endpoints

  /** `connect`: a Connect endpoint, which gets only events from connected accounts. */
  addEndpoint(
    url: string,
    secret: string,
    enabledEvents: string[] = ['*'],
    connect = false,
  ): WebhookEndpoint {
    const endpoint: EndpointConfig = {
      id: newId('we'),
      url,
      secret,
      enabledEvents,
      connect,
      created: this.now(),
    };
    this.endpoints.set(endpoint.id, endpoint);
    return { ...this.endpointJson(endpoint), secret };
  }

  endpointJson(endpoint: EndpointConfig): WebhookEndpoint {
    return {
      id: endpoint.id,
      object: 'webhook_endpoint',
      created: endpoint.created,
      description: endpoint.description ?? null,
      enabled_events: [...endpoint.enabledEvents],
      livemode: false,
      metadata: { ...endpoint.metadata },
      status: 'enabled',
      url: endpoint.url,
    };
  }

  createWebhookEndpoint(params: Params): WebhookEndpoint {
    const url = parseUrl(reqString(params, 'url'), 'url');
    const events = optArray(params, 'enabled_events');
    if (events === undefined || events.length === 0) throw missingParam('enabled_events');
    const enabled = events.map((e, i) => {
      if (typeof e !== 'string' || e === '') {
        throw invalidParam(`enabled_events[${i}]`, `Invalid string: enabled_events[${i}]`);
      }
      return e;
    });
    const connect = optBoolean(params, 'connect') ?? false;
    const description = optString(params, 'description') || null;
    const metadata = optMetadata(params) ?? {};
    const { id, secret } = this.addEndpoint(url, newId('whsec', 32), enabled, connect);
    const endpoint = this.endpoints.get(id);
    if (endpoint) Object.assign(endpoint, { description, metadata });
    return { ...this.getWebhookEndpoint(id), secret };
  }

  getWebhookEndpoint(id: string): WebhookEndpoint {
    const endpoint = this.endpoints.get(id);
    if (!endpoint) throw noSuch('webhook_endpoint', id);
    return this.endpointJson(endpoint);
  }

  deleteWebhookEndpoint(id: string): { id: string; object: 'webhook_endpoint'; deleted: true } {
    if (!this.endpoints.delete(id)) throw noSuch('webhook_endpoint', id);
    return { id, object: 'webhook_endpoint', deleted: true };
  }

  listWebhookEndpoints(params: Params): ListObject<WebhookEndpoint> {
    const items = newestFirst(this.endpoints).map((e) => this.endpointJson(e));
    return paginate(items, params, '/v1/webhook_endpoints');
  }

  // ------------------------------------------------------------- customers

  createCustomer(params: Params): Customer {
    const customer: Customer = {
      id: newId('cus', 14),
      object: 'customer',
      created: this.now(),
      description: optString(params, 'description') ?? null,
      email: optString(params, 'email') ?? null,
      livemode: false,
      metadata: optMetadata(params) ?? {},
      name: optString(params, 'name') ?? null,
      phone: optString(params, 'phone') ?? null,
    };
    this.customers.set(customer.id, customer);
    return customer;
  }

  getCustomer(id: string): Customer {
    const customer = this.customers.get(id);
    if (!customer) throw noSuch('customer', id);
    return customer;
  }

  private customerParam(params: Params): string | null {
    const id = optString(params, 'customer');
    if (id === undefined || id === '') return null;
    if (!this.customers.has(id)) throw noSuchParam('customer', id, 'customer');
    return id;
  }

  // ----------------------------------------------------- checkout sessions

  createCheckoutSession(params: Params): CheckoutSession {
    const mode = reqString(params, 'mode');
    if (mode !== 'payment') {
      throw invalidParam('mode', `Invalid mode: the sandbox supports only mode=payment`);
    }
    const successUrl = parseUrl(reqString(params, 'success_url'), 'success_url');
    const cancelUrlRaw = optString(params, 'cancel_url');
    const cancelUrl = cancelUrlRaw ? parseUrl(cancelUrlRaw, 'cancel_url') : null;
    const now = this.now();

    const rawItems = optArray(params, 'line_items');
    if (rawItems === undefined || rawItems.length === 0) throw missingParam('line_items');
    let currency: string | undefined;
    const lineItems = rawItems.map((raw, i): LineItem => {
      const p = `line_items[${i}]`;
      if (!isRecord(raw)) throw invalidParam(p, `Invalid object: ${p}`);
      if (raw['price'] !== undefined) {
        throw invalidParam(`${p}[price]`, 'The sandbox supports only price_data line items.');
      }
      const priceData = optObject(raw, 'price_data', `${p}[price_data]`);
      if (!priceData) throw missingParam(`${p}[price_data]`);
      const itemCurrency = reqCurrency(priceData, 'currency', `${p}[price_data][currency]`);
      if (currency !== undefined && currency !== itemCurrency) {
        throw invalidParam(
          `${p}[price_data][currency]`,
          'All line items must use the same currency.',
        );
      }
      currency = itemCurrency;
      const unitAmount = reqInteger(priceData, 'unit_amount', `${p}[price_data][unit_amount]`);
      if (unitAmount < 0) {
        throw invalidParam(
          `${p}[price_data][unit_amount]`,
          'This value must be greater than or equal to 0.',
        );
      }
      const productData = optObject(priceData, 'product_data', `${p}[price_data][product_data]`);
      if (!productData) throw missingParam(`${p}[price_data][product_data]`);
      const name = reqString(productData, 'name', `${p}[price_data][product_data][name]`);
      const quantity = reqInteger(raw, 'quantity', `${p}[quantity]`);
      if (quantity < 1) {
        throw invalidParam(`${p}[quantity]`, 'This value must be greater than or equal to 1.');
      }
      const total = unitAmount * quantity;
      if (!Number.isSafeInteger(total)) throw invalidParam(`${p}[quantity]`, 'Amount too large.');
      return {
        id: newId('li'),
        object: 'item',
        amount_discount: 0,
        amount_subtotal: total,
        amount_tax: 0,
        amount_total: total,
        currency: itemCurrency,
        description: name,
        price: {
          id: newId('price'),
          object: 'price',
          active: false,
          billing_scheme: 'per_unit',
          created: now,
          currency: itemCurrency,
          livemode: false,
          metadata: {},
          product: newId('prod', 14),
          type: 'one_time',
          unit_amount: unitAmount,
          unit_amount_decimal: String(unitAmount),
        },
        quantity,
      };
    });
    const amount = lineItems.reduce((sum, item) => sum + item.amount_total, 0);
    if (!Number.isSafeInteger(amount)) throw invalidParam('line_items', 'Amount too large.');
    // Like Stripe: a no-cost session is allowed, a non-zero total below the minimum is not.
    const sessionCurrency = currency ?? 'usd';
    if (amount > 0 && amount < minimumCharge(sessionCurrency)) {
      throw new SandboxApiError(
        400,
        'invalid_request_error',
        `The Checkout Session's total amount due must add up to at least ${formatAmount(minimumCharge(sessionCurrency), sessionCurrency)} ${sessionCurrency}`,
        undefined,
        'amount_too_small',
      );
    }

    const customerEmail = optString(params, 'customer_email') ?? null;
    const customer = this.customerParam(params);
    if (customer !== null && customerEmail !== null) {
      throw new SandboxApiError(
        400,
        'invalid_request_error',
        'You may only specify one of these parameters: customer, customer_email.',
        'customer_email',
      );
    }
    const clientReferenceId = optString(params, 'client_reference_id') ?? null;
    const metadata = optMetadata(params) ?? {};
    const piData = optObject(params, 'payment_intent_data');
    const piMetadata =
      (piData && optMetadata(piData, 'metadata', 'payment_intent_data[metadata]')) ?? {};
    const expiresAt = optInteger(params, 'expires_at') ?? now + MAX_EXPIRY_S;
    if (expiresAt < now + MIN_EXPIRY_S || expiresAt > now + MAX_EXPIRY_S) {
      throw invalidParam(
        'expires_at',
        'The `expires_at` timestamp must be between 30 minutes and 24 hours from Checkout Session creation.',
      );
    }

    const id = newId('cs_test', 58);
    const session: CheckoutSession = {
      id,
      object: 'checkout.session',
      amount_subtotal: amount,
      amount_total: amount,
      automatic_tax: { enabled: false, status: null },
      cancel_url: cancelUrl,
      client_reference_id: clientReferenceId,
      created: now,
      currency: currency ?? 'usd',
      customer,
      customer_email: customerEmail,
      custom_fields: [],
      custom_text: { shipping_address: null, submit: null },
      expires_at: expiresAt,
      livemode: false,
      metadata,
      mode: 'payment',
      payment_intent: null,
      payment_method_types: ['card'],
      payment_status: 'unpaid',
      shipping_options: [],
      status: 'open',
      success_url: successUrl,
      url: `${this.options.publicUrl}/pay/${id}`,
    };
    this.sessions.set(id, {
      session,
      lineItems,
      paymentIntentMetadata: piMetadata,
      paymentIntentId: null,
    });
    return session;
  }

  getSessionRecord(id: string): SessionRecord {
    const record = this.sessions.get(id);
    if (!record) throw noSuch('checkout.session', id, 'session');
    return record;
  }

  listCheckoutSessions(params: Params): ListObject<CheckoutSession> {
    const status = optString(params, 'status');
    const paymentIntent = optString(params, 'payment_intent');
    const customer = optString(params, 'customer');
    const created = this.createdFilter(params);
    return pageNewestFirst(
      this.sessions,
      (r) => r.session,
      (s) =>
        (status === undefined || s.status === status) &&
        (paymentIntent === undefined || s.payment_intent === paymentIntent) &&
        (customer === undefined || s.customer === customer) &&
        created(s.created),
      params,
      '/v1/checkout/sessions',
    );
  }

  listLineItems(id: string, params: Params): ListObject<LineItem> {
    const record = this.getSessionRecord(id);
    // Line items read in creation order; paginate expects the order to page through.
    return paginate(record.lineItems, params, `/v1/checkout/sessions/${id}/line_items`);
  }

  expireCheckoutSession(id: string): CheckoutSession {
    const record = this.getSessionRecord(id);
    if (record.session.status !== 'open') {
      throw unexpectedState('Only Checkout Sessions with a status in ["open"] can be expired.');
    }
    this.markExpired(record);
    return record.session;
  }

  /** Expires every open session whose expires_at has passed; returns their ids. */
  expireDueSessions(): string[] {
    const now = this.now();
    const expired: string[] = [];
    for (const record of this.sessions.values()) {
      if (record.session.status === 'open' && record.session.expires_at <= now) {
        this.markExpired(record);
        expired.push(record.session.id);
      }
    }
    return expired;
  }

  /** Expires one session if it is due (the hosted page checks before acting). */
  expireIfDue(record: SessionRecord): void {
    if (record.session.status === 'open' && record.session.expires_at <= this.now()) {
      this.markExpired(record);
    }
  }

  private markExpired(record: SessionRecord): void {
    const pi = record.paymentIntentId ? this.paymentIntents.get(record.paymentIntentId) : undefined;
    if (pi && (pi.status === 'requires_payment_method' || pi.status === 'requires_confirmation')) {
      this.cancel(pi, 'abandoned');
    }
    record.session.status = 'expired';
    record.session.url = null;
    this.emit('checkout.session.expired', record.session);
  }

  /** Hosted page "Pay": PaymentIntent succeeds, session completes. */
  payCheckout(record: SessionRecord): CheckoutSession {
    const session = record.session;
    if (session.status !== 'open') throw unexpectedState('This Checkout Session is not open.');
    const pi = this.sessionPaymentIntent(record);
    this.succeed(pi, 'pm_card_visa');
    session.status = 'complete';
    session.payment_status = 'paid';
    session.payment_intent = pi.id;
    session.url = null;
    this.emit('checkout.session.completed', session);
    return session;
  }

  /** Hosted page "Decline card": PaymentIntent fails, session stays open. */
  declineCheckout(record: SessionRecord): PaymentIntent {
    if (record.session.status !== 'open') {
      throw unexpectedState('This Checkout Session is not open.');
    }
    const pi = this.sessionPaymentIntent(record);
    this.decline(pi, 'generic_decline');
    record.session.payment_intent = pi.id;
    return pi;
  }

  private sessionPaymentIntent(record: SessionRecord): PaymentIntent {
    const existing = record.paymentIntentId
      ? this.paymentIntents.get(record.paymentIntentId)
      : undefined;
    if (existing && existing.status !== 'canceled' && existing.status !== 'succeeded') {
      return existing;
    }
    const session = record.session;
    const pi = this.newPaymentIntent({
      amount: session.amount_total,
      currency: session.currency,
      customer: session.customer,
      description: null,
      metadata: { ...session.metadata, ...record.paymentIntentMetadata },
      payment_method: null,
    });
    record.paymentIntentId = pi.id;
    return pi;
  }

  // ------------------------------------------------------- payment intents

  private newPaymentIntent(fields: {
    amount: number;
    currency: string;
    customer: string | null;
    description: string | null;
    metadata: Metadata;
    payment_method: string | null;
    payment_method_types?: string[];
    automatic_payment_methods?: { enabled: boolean } | null;
    receipt_email?: string | null;
    transfer_group?: string | null;
  }): PaymentIntent {
    const id = newId('pi');
    const pi: PaymentIntent = {
      id,
      object: 'payment_intent',
      amount: fields.amount,
      amount_received: 0,
      canceled_at: null,
      cancellation_reason: null,
      capture_method: 'automatic',
      client_secret: `${id}_secret_${newId('s').slice(2)}`,
      confirmation_method: 'automatic',
      created: this.now(),
      currency: fields.currency,
      customer: fields.customer,
      description: fields.description,
      last_payment_error: null,
      latest_charge: null,
      livemode: false,
      metadata: fields.metadata,
      payment_method: fields.payment_method,
      payment_method_types: fields.payment_method_types ?? ['card'],
      automatic_payment_methods: fields.automatic_payment_methods ?? null,
      receipt_email: fields.receipt_email ?? null,
      status: fields.payment_method ? 'requires_confirmation' : 'requires_payment_method',
      transfer_group: fields.transfer_group ?? null,
    };
    this.paymentIntents.set(id, pi);
    return pi;
  }

  private checkPaymentMethod(pm: string, param = 'payment_method'): void {
    if (!SUCCEEDING_METHODS.has(pm) && DECLINING_METHODS[pm] === undefined) {
      throw noSuchParam('PaymentMethod', pm, param);
    }
  }

  createPaymentIntent(params: Params): PaymentIntent {
    const amount = reqInteger(params, 'amount');
    if (amount < 1) {
      throw invalidParam(
        'amount',
        'This value must be greater than or equal to 1.',
        'amount_too_small',
      );
    }
    const currency = reqCurrency(params, 'currency');
    if (amount < minimumCharge(currency)) {
      throw invalidParam(
        'amount',
        `Amount must be at least ${formatAmount(minimumCharge(currency), currency)} ${currency}`,
        'amount_too_small',
      );
    }
    const customer = this.customerParam(params);
    const description = optString(params, 'description') ?? null;
    const metadata = optMetadata(params) ?? {};
    const pm = optString(params, 'payment_method') || null;
    if (pm !== null) this.checkPaymentMethod(pm);
    const confirm = optBoolean(params, 'confirm') ?? false;
    if (confirm && pm === null) throw missingParam('payment_method');
    const methods = this.paymentMethodsParam(params);
    const receiptEmail = parseEmail(optString(params, 'receipt_email'), 'receipt_email');
    const transferGroup = optString(params, 'transfer_group') || null;
    const pi = this.newPaymentIntent({
      amount,
      currency,
      customer,
      description,
      metadata,
      payment_method: pm,
      ...methods,
      receipt_email: receiptEmail,
      transfer_group: transferGroup,
    });
    if (confirm && pm !== null) this.runConfirmation(pi, pm);
    return pi;
  }

  /** The sandbox only has test cards, so every intent ends up card-only. */
  private paymentMethodsParam(params: Params): {
    payment_method_types: string[];
    automatic_payment_methods: { enabled: boolean } | null;
  } {
    const automatic = optObject(params, 'automatic_payment_methods');
    const types = optArray(params, 'payment_method_types');
    if (automatic !== undefined && types !== undefined) {
      throw new SandboxApiError(
        400,
        'invalid_request_error',
        'You may only specify one of these parameters: automatic_payment_methods, payment_method_types.',
        'automatic_payment_methods',
      );
    }
    if (automatic !== undefined) {
      const enabled = optBoolean(automatic, 'enabled', 'automatic_payment_methods[enabled]');
      if (enabled === undefined) throw missingParam('automatic_payment_methods[enabled]');
      return { payment_method_types: ['card'], automatic_payment_methods: { enabled } };
    }
    const list = (types ?? ['card']).map((t, i) => {
      if (t !== 'card') {
        throw invalidParam(
          `payment_method_types[${i}]`,
          `The payment method type ${JSON.stringify(t)} is invalid. The sandbox supports only "card".`,
          'payment_intent_invalid_parameter',
        );
      }
      return t;
    });
    if (list.length === 0) throw missingParam('payment_method_types');
    return { payment_method_types: list, automatic_payment_methods: null };
  }

  listPaymentIntents(params: Params): ListObject<PaymentIntent> {
    const customer = optString(params, 'customer');
    const created = this.createdFilter(params);
    return pageNewestFirst(
      this.paymentIntents,
      (pi) => pi,
      (pi) => (customer === undefined || pi.customer === customer) && created(pi.created),
      params,
      '/v1/payment_intents',
    );
  }

  /** Hosted PaymentIntent page "Pay" and `/_sandbox/.../succeed`: one code path. */
  payPaymentIntent(id: string): PaymentIntent {
    const pi = this.getPaymentIntent(id);
    this.assertPayable(pi);
    this.succeed(pi, 'pm_card_visa');
    return pi;
  }

  /** Hosted PaymentIntent page "Decline card" and `/_sandbox/.../fail`. */
  declinePaymentIntent(id: string): PaymentIntent {
    const pi = this.getPaymentIntent(id);
    this.assertPayable(pi);
    this.decline(pi, 'generic_decline');
    return pi;
  }

  private assertPayable(pi: PaymentIntent): void {
    if (pi.status !== 'requires_payment_method' && pi.status !== 'requires_confirmation') {
      throw unexpectedState(
        `This PaymentIntent has a status of ${pi.status} and cannot be confirmed.`,
        'payment_intent_unexpected_state',
      );
    }
  }

  getPaymentIntent(id: string): PaymentIntent {
    const pi = this.paymentIntents.get(id);
    if (!pi) throw noSuch('payment_intent', id, 'intent');
    return pi;
  }

  confirmPaymentIntent(id: string, params: Params): PaymentIntent {
    const pi = this.getPaymentIntent(id);
    const pm = optString(params, 'payment_method') || pi.payment_method;
    if (pi.status !== 'requires_payment_method' && pi.status !== 'requires_confirmation') {
      throw unexpectedState(
        `This PaymentIntent's payment_method could not be updated because it has a status of ${pi.status}. You may only update the payment_method of a PaymentIntent with one of the following statuses: requires_payment_method, requires_confirmation, requires_action.`,
        'payment_intent_unexpected_state',
      );
    }
    if (!pm) {
      throw new SandboxApiError(
        400,
        'invalid_request_error',
        "You cannot confirm this PaymentIntent because it's missing a payment method. To confirm the PaymentIntent with cus_..., specify a payment method attached to this customer along with the customer ID.",
        'payment_method',
        'payment_intent_unexpected_state',
      );
    }
    this.checkPaymentMethod(pm);
    this.runConfirmation(pi, pm);
    return pi;
  }

  /** Applies the outcome; a decline throws the 402 card_error Stripe answers with. */
  private runConfirmation(pi: PaymentIntent, pm: string): void {
    const declineCode = DECLINING_METHODS[pm];
    if (declineCode === undefined) {
      this.succeed(pi, pm);
      return;
    }
    this.decline(pi, declineCode);
    throw new SandboxApiError(402, 'card_error', DECLINE_MESSAGE, undefined, 'card_declined', {
      decline_code: declineCode,
      payment_intent: snapshot(pi),
    });
  }

  private succeed(pi: PaymentIntent, pm: string): void {
    const charge: Charge = {
      id: newId('ch'),
      object: 'charge',
      amount: pi.amount,
      amount_captured: pi.amount,
      amount_refunded: 0,
      billing_details: { address: null, email: pi.receipt_email, name: null, phone: null },
      captured: true,
      created: this.now(),
      currency: pi.currency,
      customer: pi.customer,
      description: pi.description,
      disputed: false,
      livemode: false,
      metadata: { ...pi.metadata },
      paid: true,
      payment_intent: pi.id,
      payment_method: pm,
      receipt_email: pi.receipt_email,
      refunded: false,
      status: 'succeeded',
      transfer_group: pi.transfer_group,
    };
    this.charges.set(charge.id, charge);
    pi.status = 'succeeded';
    pi.amount_received = pi.amount;
    pi.latest_charge = charge.id;
    pi.last_payment_error = null;
    pi.payment_method = pm;
    this.emit('payment_intent.succeeded', pi);
  }

  private decline(pi: PaymentIntent, declineCode: string): void {
    pi.status = 'requires_payment_method';
    pi.payment_method = null;
    pi.last_payment_error = {
      type: 'card_error',
      code: 'card_declined',
      decline_code: declineCode,
      message: DECLINE_MESSAGE,
    };
    this.emit('payment_intent.payment_failed', pi);
  }

  cancelPaymentIntent(id: string, params: Params): PaymentIntent {
    const pi = this.getPaymentIntent(id);
    const reason = optString(params, 'cancellation_reason') ?? null;
    if (pi.status !== 'requires_payment_method' && pi.status !== 'requires_confirmation') {
      throw unexpectedState(
        `You cannot cancel this PaymentIntent because it has a status of ${pi.status}. Only a PaymentIntent with one of the following statuses may be canceled: requires_payment_method, requires_capture, requires_confirmation, requires_action, processing.`,
        'payment_intent_unexpected_state',
      );
    }
    this.cancel(pi, reason);
    return pi;
  }

  private cancel(pi: PaymentIntent, reason: string | null): void {
    pi.status = 'canceled';
    pi.canceled_at = this.now();
    pi.cancellation_reason = reason;
    this.emit('payment_intent.canceled', pi);
  }

  // --------------------------------------------------- charges and refunds

  getCharge(id: string): Charge {
    const charge = this.charges.get(id);
    if (!charge) throw noSuch('charge', id, 'charge');
    return charge;
  }

  createRefund(params: Params): Refund {
    const piId = optString(params, 'payment_intent') || undefined;
    const chargeId = optString(params, 'charge') || undefined;
    let charge: Charge | undefined;
    if (piId !== undefined) {
      const pi = this.paymentIntents.get(piId);
      if (!pi) throw noSuchParam('payment_intent', piId, 'payment_intent');
      charge = pi.latest_charge ? this.charges.get(pi.latest_charge) : undefined;
      if (!charge) {
        throw new SandboxApiError(
          400,
          'invalid_request_error',
          `This PaymentIntent (${piId}) does not have a successful charge to refund.`,
          'payment_intent',
          'charge_not_refundable',
        );
      }
      if (chargeId !== undefined && chargeId !== charge.id) {
        throw invalidParam('charge', `Charge ${chargeId} does not belong to ${piId}.`);
      }
    } else if (chargeId !== undefined) {
      charge = this.charges.get(chargeId);
      if (!charge) throw noSuchParam('charge', chargeId, 'charge');
    } else {
      throw new SandboxApiError(
        400,
        'invalid_request_error',
        'One of the following params should be provided for this request: payment_intent or charge.',
        undefined,
        'parameter_missing',
      );
    }
    const remaining = charge.amount - charge.amount_refunded;
    if (remaining <= 0) {
      throw new SandboxApiError(
        400,
        'invalid_request_error',
        `Charge ${charge.id} has already been refunded.`,
        undefined,
        'charge_already_refunded',
      );
    }
    const amount = optInteger(params, 'amount') ?? remaining;
    if (amount < 1) {
      throw invalidParam('amount', 'This value must be greater than or equal to 1.');
    }
    if (amount > remaining) {
      throw invalidParam(
        'amount',
        `Refund amount (${formatAmount(amount, charge.currency)}) is greater than unrefunded amount on charge (${formatAmount(remaining, charge.currency)})`,
        'amount_too_large',
      );
    }
    const reason = optString(params, 'reason') || null;
    const metadata = optMetadata(params) ?? {};

    const refund: Refund = {
      id: newId('re'),
      object: 'refund',
      amount,
      charge: charge.id,
      created: this.now(),
      currency: charge.currency,
      metadata,
      payment_intent: charge.payment_intent,
      reason,
      status: 'succeeded',
    };
    this.refunds.set(refund.id, refund);
    charge.amount_refunded += amount;
    charge.refunded = charge.amount_refunded === charge.amount;
    this.emit('charge.refunded', charge);
    return refund;
  }

  getRefund(id: string): Refund {
    const refund = this.refunds.get(id);
    if (!refund) throw noSuch('refund', id, 'refund');
    return refund;
  }

  // ------------------------------------------------------ connect accounts

  createAccount(params: Params): Account {
    const type = (optString(params, 'type') || 'standard') as Account['type'];
    if (!ACCOUNT_TYPES.has(type)) {
      throw invalidParam('type', `Invalid type: must be one of express, standard or custom`);
    }
    const country = (optString(params, 'country') || 'US').toUpperCase();
    if (!/^[A-Z]{2}$/.test(country)) throw invalidParam('country', `Invalid country: ${country}`);
    const email = parseEmail(optString(params, 'email'), 'email');
    const profile = optObject(params, 'business_profile') ?? {};
    const name = optString(profile, 'name', 'business_profile[name]') || null;
    const url = optString(profile, 'url', 'business_profile[url]') || null;
    const capabilities: Account['capabilities'] = {};
    for (const [capability, raw] of Object.entries(optObject(params, 'capabilities') ?? {})) {
      const p = `capabilities[${capability}]`;
      if (!isRecord(raw)) throw invalidParam(p, `Invalid object: ${p}`);
      if (optBoolean(raw, 'requested', `${p}[requested]`)) capabilities[capability] = 'inactive';
    }
    // Stripe gives Standard accounts these two without asking.
    if (type === 'standard' && Object.keys(capabilities).length === 0) {
      capabilities['card_payments'] = 'inactive';
      capabilities['transfers'] = 'inactive';
    }
    const metadata = optMetadata(params) ?? {};

    const account: Account = {
      id: newId('acct', 16),
      object: 'account',
      business_profile: { name, url },
      capabilities,
      charges_enabled: false,
      country,
      created: this.now(),
      details_submitted: false,
      email,
      metadata,
      payouts_enabled: false,
      requirements: {
        currently_due: [...ONBOARDING_REQUIREMENTS],
        eventually_due: [...ONBOARDING_REQUIREMENTS],
        past_due: [],
        disabled_reason: 'requirements.past_due',
      },
      type,
    };
    this.accounts.set(account.id, account);
    return account;
  }

  getAccount(id: string): Account {
    const account = this.accounts.get(id);
    if (!account) throw noSuch('account', id, 'account');
    return account;
  }

  createAccountLink(params: Params): AccountLink {
    const accountId = reqString(params, 'account');
    const type = reqString(params, 'type');
    if (type !== 'account_onboarding') {
      throw invalidParam('type', 'The sandbox supports only type=account_onboarding.');
    }
    const refreshUrl = parseUrl(reqString(params, 'refresh_url'), 'refresh_url');
    const returnUrl = parseUrl(reqString(params, 'return_url'), 'return_url');
    if (!this.accounts.has(accountId)) throw noSuchParam('account', accountId, 'account');
    const now = this.now();
    const link: AccountLinkRecord = {
      id: newId('acctlink', 24),
      account: accountId,
      refreshUrl,
      returnUrl,
      expiresAt: now + ACCOUNT_LINK_TTL_S,
      usedAt: null,
    };
    this.accountLinks.set(link.id, link);
    return {
      object: 'account_link',
      created: now,
      expires_at: link.expiresAt,
      url: `${this.options.publicUrl}/connect/onboarding/${link.id}`,
    };
  }

  /** Why a link can no longer be used, or null while it still can. */
  accountLinkProblem(link: AccountLinkRecord): 'used' | 'expired' | null {
    if (link.usedAt !== null) return 'used';
    if (link.expiresAt <= this.now()) return 'expired';
    return null;
  }

  /** The onboarding page's "Complete onboarding" (and `/_sandbox/accounts/:id/onboard`). */
  completeOnboarding(accountId: string): Account {
    const account = this.getAccount(accountId);
    if (account.details_submitted && account.payouts_enabled) return account;
    account.details_submitted = true;
    account.payouts_enabled = true;
    account.charges_enabled = true;
    for (const capability of Object.keys(account.capabilities)) {
      account.capabilities[capability] = 'active';
    }
    account.requirements = {
      currently_due: [],
      eventually_due: [],
      past_due: [],
      disabled_reason: null,
    };
    this.emit('account.updated', account, account.id);
    return account;
  }

  useAccountLink(link: AccountLinkRecord): Account {
    if (this.accountLinkProblem(link) !== null) {
      throw unexpectedState('This account link has expired or was already used.');
    }
    link.usedAt = this.now();
    return this.completeOnboarding(link.account);
  }

  // ------------------------------------------------------------- transfers

  createTransfer(params: Params): Transfer {
    const amount = reqInteger(params, 'amount');
    if (amount < 1) {
      throw invalidParam('amount', 'This value must be greater than or equal to 1.');
    }
    const currency = reqCurrency(params, 'currency');
    const destination = reqString(params, 'destination');
    const transferGroup = optString(params, 'transfer_group') || null;
    const description = optString(params, 'description') || null;
    const metadata = optMetadata(params) ?? {};
    const sourceTransaction = optString(params, 'source_transaction') || null;
    const account = this.accounts.get(destination);
    if (!account) throw noSuchParam('account', destination, 'destination');
    if (!account.payouts_enabled || account.capabilities['transfers'] !== 'active') {
      throw invalidParam('destination', TRANSFER_REFUSED_MESSAGE, 'account_invalid');
    }
    assertTransferFunded(this.balanceSources(), { amount, currency, sourceTransaction });
    const id = newId('tr');
    const transfer: Transfer = {
      id,
      object: 'transfer',
      amount,
      amount_reversed: 0,
      created: this.now(),
      currency,
      description,
      destination,
      livemode: false,
      metadata,
      reversals: {
        object: 'list',
        data: [],
        has_more: false,
        url: `/v1/transfers/${id}/reversals`,
      },
      reversed: false,
      source_transaction: sourceTransaction,
      transfer_group: transferGroup,
    };
    this.transfers.set(id, transfer);
    this.emit('transfer.created', transfer);
    return transfer;
  }

  getTransfer(id: string): Transfer {
    const transfer = this.transfers.get(id);
    if (!transfer) throw noSuch('transfer', id, 'transfer');
    return transfer;
  }

  listTransfers(params: Params): ListObject<Transfer> {
    const destination = optString(params, 'destination');
    const transferGroup = optString(params, 'transfer_group');
    const created = this.createdFilter(params);
    const items = newestFirst(this.transfers).filter(
      (t) =>
        (destination === undefined || t.destination === destination) &&
        (transferGroup === undefined || t.transfer_group === transferGroup) &&
        created(t.created),
    );
    return paginate(items, params, '/v1/transfers');
  }

  createTransferReversal(transferId: string, params: Params): TransferReversal {
    const transfer = this.getTransfer(transferId);
    const remaining = transfer.amount - transfer.amount_reversed;
    if (remaining <= 0) {
      throw new SandboxApiError(
        400,
        'invalid_request_error',
        `Transfer ${transfer.id} has already been fully reversed.`,
        undefined,
        'transfer_already_reversed',
      );
    }
    const amount = optInteger(params, 'amount') ?? remaining;
    if (amount < 1) {
      throw invalidParam('amount', 'This value must be greater than or equal to 1.');
    }
    if (amount > remaining) {
      throw invalidParam(
        'amount',
        `Reversal amount (${formatAmount(amount, transfer.currency)}) is greater than the unreversed amount on transfer (${formatAmount(remaining, transfer.currency)})`,
        'amount_too_large',
      );
    }
    const metadata = optMetadata(params) ?? {};
    const reversal: TransferReversal = {
      id: newId('trr'),
      object: 'transfer_reversal',
      amount,
      created: this.now(),
      currency: transfer.currency,
      metadata,
      transfer: transfer.id,
    };
    this.transferReversals.set(reversal.id, reversal);
    transfer.amount_reversed += amount;
    transfer.reversed = transfer.amount_reversed === transfer.amount;
    transfer.reversals.data.unshift(reversal);
    this.emit('transfer.reversed', transfer);
    return reversal;
  }

  listTransferReversals(transferId: string, params: Params): ListObject<TransferReversal> {
    const transfer = this.getTransfer(transferId);
    return paginate(transfer.reversals.data, params, transfer.reversals.url);
  }

  // --------------------------------------------------------------- balance

  private balanceSources(): BalanceSources {
    return {
      charges: [...this.charges.values()],
      transfers: [...this.transfers.values()],
      now: this.now(),
      fundsPendingSeconds: this.options.fundsPendingSeconds ?? 0,
    };
  }

  getBalance(): Balance {
    return platformBalance(this.balanceSources());
  }

  // ----------------------------------------------------------- test helpers

  /** Object counts for `GET /_sandbox/state`. */
  summary(): Record<string, number> {
    return {
      checkout_sessions: this.sessions.size,
      payment_intents: this.paymentIntents.size,
      charges: this.charges.size,
      refunds: this.refunds.size,
      customers: this.customers.size,
      accounts: this.accounts.size,
      account_links: this.accountLinks.size,
      transfers: this.transfers.size,
      transfer_reversals: this.transferReversals.size,
      events: this.events.size,
      webhook_endpoints: this.endpoints.size,
    };
  }
}
