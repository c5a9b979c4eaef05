// The parameters each endpoint accepts, as Stripe rejects the rest: an unknown parameter or
// an enum value Stripe does not have is a 400 naming the `param`, never silently ignored.
// Each shape lists only what the sandbox reads; conformance.test.ts checks that every name
// and enum value here is one Stripe's OpenAPI spec has for the same path.
import { SandboxApiError } from './errors';
import { type Params, isRecord } from './params';

export type ParamShape =
  /** A scalar the handler parses and checks itself. */
  | 'any'
  /** `metadata[key]=value` pairs (or `''` to clear). */
  | 'metadata'
  /** `created=<int>` or `created[gt|gte|lt|lte]=<int>`. */
  | 'range'
  | { enum: readonly string[] }
  | { list: ParamShape }
  | { fields: Readonly<Record<string, ParamShape>> };

type Fields = Readonly<Record<string, ParamShape>>;

const PAGING: Fields = { limit: 'any', starting_after: 'any', ending_before: 'any' };
const LISTED: Fields = { ...PAGING, created: 'range' };

/** Keyed `METHOD <path as the spec writes it>`. */
export const REQUEST_SHAPES: Readonly<Record<string, Fields>> = {
  'POST /v1/checkout/sessions': {
    mode: { enum: ['payment', 'setup', 'subscription'] },
    success_url: 'any',
    cancel_url: 'any',
    customer: 'any',
    customer_email: 'any',
    client_reference_id: 'any',
    expires_at: 'any',
    metadata: 'metadata',
    payment_intent_data: { fields: { metadata: 'metadata' } },
    line_items: {
      list: {
        fields: {
          price: 'any',
          quantity: 'any',
          price_data: {
            fields: {
              currency: 'any',
              unit_amount: 'any',
              product_data: { fields: { name: 'any' } },
            },
          },
        },
      },
    },
  },
  'GET /v1/checkout/sessions': {
    ...LISTED,
    status: { enum: ['complete', 'expired', 'open'] },
    payment_intent: 'any',
    customer: 'any',
  },
  'GET /v1/checkout/sessions/{session}': {},
  'GET /v1/checkout/sessions/{session}/line_items': PAGING,
  'POST /v1/checkout/sessions/{session}/expire': {},
  'POST /v1/payment_intents': {
    amount: 'any',
    currency: 'any',
    customer: 'any',
    description: 'any',
    metadata: 'metadata',
    payment_method: 'any',
    confirm: 'any',
    automatic_payment_methods: { fields: { enabled: 'any' } },
    payment_method_types: { list: 'any' },
    receipt_email: 'any',
    transfer_group: 'any',
  },
  'GET /v1/payment_intents': { ...LISTED, customer: 'any' },
  'GET /v1/payment_intents/{intent}': {},
  'POST /v1/payment_intents/{intent}/confirm': { payment_method: 'any' },
  'POST /v1/payment_intents/{intent}/cancel': {
    cancellation_reason: {
      enum: ['abandoned', 'duplicate', 'fraudulent', 'requested_by_customer'],
    },
  },
  'GET /v1/charges': { ...LISTED, payment_intent: 'any', customer: 'any', transfer_group: 'any' },
  'GET /v1/charges/{charge}': {},
  'POST /v1/refunds': {
    payment_intent: 'any',
    charge: 'any',
    amount: 'any',
    reason: { enum: ['duplicate', 'fraudulent', 'requested_by_customer'] },
    metadata: 'metadata',
  },
  'GET /v1/refunds': { ...LISTED, charge: 'any', payment_intent: 'any' },
  'GET /v1/refunds/{refund}': {},
  'POST /v1/customers': {
    description: 'any',
    email: 'any',
    metadata: 'metadata',
    name: 'any',
    phone: 'any',
  },
  'GET /v1/customers/{customer}': {},
  'POST /v1/accounts': {
    type: { enum: ['custom', 'express', 'standard'] },
    country: 'any',
    email: 'any',
    metadata: 'metadata',
    business_profile: { fields: { name: 'any', url: 'any' } },
    capabilities: {
      fields: {
        card_payments: { fields: { requested: 'any' } },
        transfers: { fields: { requested: 'any' } },
      },
    },
  },
  'GET /v1/accounts/{account}': {},
  'POST /v1/account_links': {
    account: 'any',
    type: { enum: ['account_onboarding', 'account_update'] },
    refresh_url: 'any',
    return_url: 'any',
  },
  'POST /v1/transfers': {
    amount: 'any',
    currency: 'any',
    destination: 'any',
    description: 'any',
    metadata: 'metadata',
    source_transaction: 'any',
    transfer_group: 'any',
  },
  'GET /v1/transfers': { ...LISTED, destination: 'any', transfer_group: 'any' },
  'GET /v1/transfers/{transfer}': {},
  'POST /v1/transfers/{id}/reversals': { amount: 'any', metadata: 'metadata' },
  'GET /v1/transfers/{id}/reversals': PAGING,
  'GET /v1/events': { ...LISTED, type: 'any', types: { list: 'any' } },
  'GET /v1/events/{id}': {},
  'POST /v1/webhook_endpoints': {
    url: 'any',
    enabled_events: { list: 'any' },
    connect: 'any',
    description: 'any',
    metadata: 'metadata',
  },
  'GET /v1/webhook_endpoints': PAGING,
  'GET /v1/webhook_endpoints/{webhook_endpoint}': {},
  'DELETE /v1/webhook_endpoints/{webhook_endpoint}': {},
  'GET /v1/balance': {},
};

const TEMPLATES = Object.entries(REQUEST_SHAPES).map(([key, fields]) => {
  const [method = '', template = ''] = key.split(' ');
  return {
    method,
    pattern: new RegExp(`^${template.replace(/\{[^}]+\}/g, '[^/]+')}$`),
    fields,
  };
});

function unknownParam(param: string): SandboxApiError {
  return new SandboxApiError(
    400,
    'invalid_request_error',
    `Received unknown parameter: ${param}`,
    param,
    'parameter_unknown',
  );
}

function checkShape(value: unknown, shape: ParamShape, param: string): void {
  if (shape === 'any' || shape === 'metadata') return;
  if (shape === 'range') {
    if (!isRecord(value)) return;
    for (const key of Object.keys(value)) {
      if (!['gt', 'gte', 'lt', 'lte'].includes(key)) throw unknownParam(`${param}[${key}]`);
    }
    return;
  }
  if ('enum' in shape) {
    if (typeof value === 'string' && value !== '' && !shape.enum.includes(value)) {
      throw new SandboxApiError(
        400,
        'invalid_request_error',
        `Invalid ${param}: must be one of ${shape.enum.join(', ')}`,
        param,
      );
    }
    return;
  }
  if ('list' in shape) {
    if (Array.isArray(value))
      value.forEach((item, i) => checkShape(item, shape.list, `${param}[${i}]`));
    else if (isRecord(value)) {
      for (const [i, item] of Object.entries(value)) checkShape(item, shape.list, `${param}[${i}]`);
    }
    return;
  }
  if (isRecord(value)) checkFields(value, shape.fields, param);
}

function checkFields(params: Params, fields: Fields, prefix?: string): void {
  for (const [key, value] of Object.entries(params)) {
    const param = prefix === undefined ? key : `${prefix}[${key}]`;
    const shape = fields[key];
    if (shape === undefined) throw unknownParam(param);
    checkShape(value, shape, param);
  }
}

/**
 * Throws Stripe's 400 for the first parameter the endpoint does not take or the first enum
 * value Stripe does not have. Endpoints without a shape are not checked.
 */
export function checkRequestParams(method: string, path: string, params: Params): void {
  const match = TEMPLATES.find((t) => t.method === method && t.pattern.test(path));
  if (match) checkFields(params, match.fields);
}
