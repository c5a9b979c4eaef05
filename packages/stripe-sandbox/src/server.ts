// startStripeSandbox: a node:http server speaking enough of Stripe's v1 API for the
// real `stripe` SDK, a hosted pay page, and signed webhook delivery.
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { type IncomingMessage, type ServerResponse, createServer } from 'node:http';
import { type AddressInfo } from 'node:net';
import qs from 'qs';
import { SandboxApiError } from './errors';
import { newId } from './ids';
import { listCharges, listRefunds } from './lists';
import {
  renderOnboardingLinkProblem,
  renderOnboardingNotFound,
  renderOnboardingPage,
} from './onboarding-page';
import { type Params, isRecord } from './params';
import { renderNotFound, renderPayPage } from './pay-page';
import { type SandboxPersistence, configureEndpoint, openSandboxState } from './persistence';
import { checkRequestParams } from './request-shapes';
import {
  renderPaymentIntentPage,
  renderPaymentIntentProblem,
  returnWith,
} from './payment-intent-page';
import { SANDBOX_API_VERSION, SandboxStore } from './state';
import { type StripeEvent, type WebhookEndpoint } from './types';
import {
  type DeliveryMode,
  type DeliveryRecord,
  type RetryOptions,
  WebhookDeliverer,
} from './webhooks';

export const SANDBOX_API_KEY = 'sk_test_sandbox';

export interface WebhookEndpointOption {
  url: string;
  secret: string;
  /** Event types to send; empty or containing '*' means all. */
  enabledEvents?: string[];
  /**
   * A Connect endpoint (Stripe's `connect=true`): it receives only events from connected
   * accounts (those with `account`, e.g. `account.updated`), and an account endpoint (the
   * default, false) only the others.
   */
  connect?: boolean;
}

export interface StripeSandboxOptions {
  /** 0 (default) picks a free port. */
  port?: number;
  /** Default '127.0.0.1'. */
  host?: string;
  /** Base URL for hosted pages (session.url); default http://host:port. */
  publicUrl?: string;
  webhookEndpoints?: WebhookEndpointOption[];
  /** How often open sessions past expires_at are expired; default 5000. */
  expireCheckIntervalMs?: number;
  retry?: Partial<RetryOptions>;
  /** Clock in epoch milliseconds (default Date.now); lets tests move time. */
  clock?: () => number;
  /**
   * Bearer token the `/_sandbox/*` test controls require (pay or fail without the
   * page, add webhook endpoints, forge events). Default: a random one, read it from
   * `sandbox.controlToken`. The shopper-facing hosted pages need no token.
   */
  controlToken?: string;
  /**
   * How long a charge's funds stay pending in the platform balance before they are
   * available (a transfer needs available funds or a `source_transaction`). Default 0:
   * available at once. `pm_card_bypassPending` charges are always available at once.
   */
  fundsPendingSeconds?: number;
  /**
   * Keep the state (accounts, payments, events, endpoints, idempotency keys) in this JSON
   * file across restarts: loaded on start, saved after changes and on stop. Unset: memory only.
   */
  stateFile?: string;
}

export interface StripeSandbox {
  port: number;
  /** Base URL of the server, e.g. http://127.0.0.1:12345 */
  url: string;
  apiKey: string;
  /** Send as `Authorization: Bearer <controlToken>` to the `/_sandbox/*` routes. */
  controlToken: string;
  stop(): Promise<void>;
  addWebhookEndpoint(
    url: string,
    secret: string,
    enabledEvents?: string[],
    connect?: boolean,
  ): WebhookEndpoint;
  setDeliveryMode(mode: Partial<DeliveryMode>): DeliveryMode;
  deliveries(): DeliveryRecord[];
  flushDeliveries(): Promise<void>;
  emit(type: string, object: object): StripeEvent;
  expireDueSessions(): string[];
  /** The in-memory state, for assertions. */
  store: SandboxStore;
}

interface ApiResponse {
  status: number;
  /** Serialized once, so an idempotent replay is byte-identical. */
  body: string;
  headers: Record<string, string>;
}

interface StoredResponse {
  fingerprint: string;
  response: ApiResponse;
}

type Handler = (params: Params, id: string) => object;

const MAX_BODY_BYTES = 1024 * 1024;
const QS_OPTIONS = { depth: 10, arrayLimit: 1000, parameterLimit: 10_000 };

function stableStringify(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableStringify).join(',')}]`;
  if (isRecord(value)) {
    const keys = Object.keys(value).sort();
    return `{${keys.map((k) => `${JSON.stringify(k)}:${stableStringify(value[k])}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

class BodyTooLarge extends Error {}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        reject(new BodyTooLarge('Request body too large'));
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function send(
  res: ServerResponse,
  status: number,
  body: string,
  headers: Record<string, string>,
): void {
  res.writeHead(status, { 'content-length': Buffer.byteLength(body), ...headers });
  res.end(body);
}

function jsonResponse(status: number, body: unknown): ApiResponse {
  return {
    status,
    body: JSON.stringify(body),
    headers: { 'content-type': 'application/json' },
  };
}

function errorResponse(err: SandboxApiError): ApiResponse {
  return jsonResponse(err.status, err.toBody());
}

function isHttpUrl(value: string): boolean {
  try {
    const { protocol } = new URL(value);
    return protocol === 'http:' || protocol === 'https:';
  } catch {
    return false;
  }
}

/** The `/_sandbox/*` controls: `Authorization: Bearer <controlToken>`, compared in constant time. */
function isControlAuthorized(header: string | undefined, token: string): boolean {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header ?? '');
  if (!match?.[1]) return false;
  const given = Buffer.from(match[1]);
  const expected = Buffer.from(token);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

function authorized(header: string | undefined): boolean {
  if (!header) return false;
  const [scheme, credentials] = header.split(' ');
  if (scheme?.toLowerCase() === 'bearer') return credentials?.startsWith('sk_') ?? false;
  if (scheme?.toLowerCase() === 'basic' && credentials) {
    return Buffer.from(credentials, 'base64').toString('utf8').startsWith('sk_');
  }
  return false;
}

export async function startStripeSandbox(
  options: StripeSandboxOptions = {},
): Promise<StripeSandbox> {
  const host = options.host ?? '127.0.0.1';
  const clock = options.clock ?? Date.now;
  const controlToken = options.controlToken || randomBytes(24).toString('hex');
  const retry: RetryOptions = {
    maxAttempts: options.retry?.maxAttempts ?? 8,
    baseDelayMs: options.retry?.baseDelayMs ?? 500,
  };
  let publicUrl = options.publicUrl?.replace(/\/+$/, '') ?? '';

  const deliverer = new WebhookDeliverer(() => [...store.endpoints.values()], retry);
  const store: SandboxStore = new SandboxStore({
    get publicUrl() {
      return publicUrl;
    },
    clock,
    fundsPendingSeconds: options.fundsPendingSeconds ?? 0,
    onEvent: (event) => {
      deliverer.enqueue(event);
      persistence?.markDirty();
    },
  });
  const idempotency = new Map<string, StoredResponse>();
  // Loaded before the configured endpoints, which then update their saved selves.
  const persistence: SandboxPersistence | null = options.stateFile
    ? openSandboxState(options.stateFile, { store, server: { idempotency } })
    : null;
  const claimedEndpoints = new Set<string>();
  for (const endpoint of options.webhookEndpoints ?? []) {
    configureEndpoint(store, endpoint, claimedEndpoints);
  }
  persistence?.markDirty();

  const routes: [string, RegExp, Handler][] = [
    ['POST', /^\/v1\/checkout\/sessions$/, (p) => store.createCheckoutSession(p)],
    ['GET', /^\/v1\/checkout\/sessions$/, (p) => store.listCheckoutSessions(p)],
    ['GET', /^\/v1\/checkout\/sessions\/([^/]+)$/, (_, id) => store.getSessionRecord(id).session],
    [
      'GET',
      /^\/v1\/checkout\/sessions\/([^/]+)\/line_items$/,
      (p, id) => store.listLineItems(id, p),
    ],
    [
      'POST',
      /^\/v1\/checkout\/sessions\/([^/]+)\/expire$/,
      (_, id) => store.expireCheckoutSession(id),
    ],
    ['POST', /^\/v1\/payment_intents$/, (p) => store.createPaymentIntent(p)],
    ['GET', /^\/v1\/payment_intents$/, (p) => store.listPaymentIntents(p)],
    ['GET', /^\/v1\/payment_intents\/([^/]+)$/, (_, id) => store.getPaymentIntent(id)],
    [
      'POST',
      /^\/v1\/payment_intents\/([^/]+)\/confirm$/,
      (p, id) => store.confirmPaymentIntent(id, p),
    ],
    [
      'POST',
      /^\/v1\/payment_intents\/([^/]+)\/cancel$/,
      (p, id) => store.cancelPaymentIntent(id, p),
    ],
    ['GET', /^\/v1\/charges$/, (p) => listCharges(store, p)],
    ['GET', /^\/v1\/charges\/([^/]+)$/, (_, id) => store.getCharge(id)],
    ['POST', /^\/v1\/refunds$/, (p) => store.createRefund(p)],
    ['GET', /^\/v1\/refunds$/, (p) => listRefunds(store, p)],
    ['GET', /^\/v1\/refunds\/([^/]+)$/, (_, id) => store.getRefund(id)],
    ['POST', /^\/v1\/customers$/, (p) => store.createCustomer(p)],
    ['GET', /^\/v1\/customers\/([^/]+)$/, (_, id) => store.getCustomer(id)],
    ['POST', /^\/v1\/accounts$/, (p) => store.createAccount(p)],
    ['GET', /^\/v1\/accounts\/([^/]+)$/, (_, id) => store.getAccount(id)],
    ['POST', /^\/v1\/account_links$/, (p) => store.createAccountLink(p)],
    ['POST', /^\/v1\/transfers$/, (p) => store.createTransfer(p)],
    ['GET', /^\/v1\/transfers$/, (p) => store.listTransfers(p)],
    ['GET', /^\/v1\/transfers\/([^/]+)$/, (_, id) => store.getTransfer(id)],
    [
      'POST',
      /^\/v1\/transfers\/([^/]+)\/reversals$/,
      (p, id) => store.createTransferReversal(id, p),
    ],
    ['GET', /^\/v1\/transfers\/([^/]+)\/reversals$/, (p, id) => store.listTransferReversals(id, p)],
    ['GET', /^\/v1\/balance$/, () => store.getBalance()],
    ['GET', /^\/v1\/events$/, (p) => store.listEvents(p)],
    ['GET', /^\/v1\/events\/([^/]+)$/, (_, id) => store.getEvent(id)],
    ['POST', /^\/v1\/webhook_endpoints$/, (p) => store.createWebhookEndpoint(p)],
    ['GET', /^\/v1\/webhook_endpoints$/, (p) => store.listWebhookEndpoints(p)],
    ['GET', /^\/v1\/webhook_endpoints\/([^/]+)$/, (_, id) => store.getWebhookEndpoint(id)],
    ['DELETE', /^\/v1\/webhook_endpoints\/([^/]+)$/, (_, id) => store.deleteWebhookEndpoint(id)],
  ];

  function route(method: string, path: string, params: Params): ApiResponse {
    for (const [routeMethod, pattern, handler] of routes) {
      if (routeMethod !== method) continue;
      const match = pattern.exec(path);
      if (!match) continue;
      try {
        checkRequestParams(method, path, params);
        return jsonResponse(200, handler(params, decodeURIComponent(match[1] ?? '')));
      } catch (err) {
        if (err instanceof SandboxApiError) return errorResponse(err);
        throw err;
      }
    }
    return errorResponse(
      new SandboxApiError(
        404,
        'invalid_request_error',
        `Unrecognized request URL (${method}: ${path}). Please see https://stripe.com/docs or we can help at https://support.stripe.com/.`,
      ),
    );
  }

  /** Synchronous from here on: two requests with one key cannot both execute. */
  function handleApi(req: IncomingMessage, path: string, search: string, raw: string): ApiResponse {
    const method = req.method ?? 'GET';
    if (!authorized(req.headers.authorization)) {
      const response = errorResponse(
        new SandboxApiError(
          401,
          'invalid_request_error',
          "You did not provide an API key. You need to provide your API key in the Authorization header, using Bearer auth (e.g. 'Authorization: Bearer YOUR_SECRET_KEY').",
        ),
      );
      response.headers['www-authenticate'] = 'Bearer realm="Stripe"';
      return response;
    }
    const query = qs.parse(search.replace(/^\?/, ''), QS_OPTIONS) as Params;
    const params: Params =
      method === 'POST' ? { ...query, ...(qs.parse(raw, QS_OPTIONS) as Params) } : query;

    const keyHeader = req.headers['idempotency-key'];
    const key = method === 'POST' && typeof keyHeader === 'string' ? keyHeader : undefined;
    if (key === undefined) return route(method, path, params);

    const fingerprint = `${method} ${path} ${stableStringify(params)}`;
    const stored = idempotency.get(key);
    if (stored) {
      if (stored.fingerprint !== fingerprint) {
        return errorResponse(
          new SandboxApiError(
            400,
            'idempotency_error',
            `Keys for idempotent requests can only be used with the same parameters they were first used with. Try using a key other than '${key}' if you meant to execute a different request.`,
          ),
        );
      }
      const replay = stored.response;
      return {
        ...replay,
        headers: { ...replay.headers, 'idempotent-replayed': 'true', 'idempotency-key': key },
      };
    }
    const response = route(method, path, params);
    response.headers['idempotency-key'] = key;
    // Like Stripe: results are saved once the endpoint executed (success or a card
    // decline), not for requests rejected by validation.
    if (response.status < 400 || response.status === 402) {
      idempotency.set(key, { fingerprint, response });
    }
    return response;
  }

  function handlePay(method: string, path: string, res: ServerResponse): void {
    const html = { 'content-type': 'text/html; charset=utf-8' };
    const match = /^\/pay\/([^/]+)(?:\/(pay|decline|abandon))?\/?$/.exec(path);
    const id = match ? decodeURIComponent(match[1] ?? '') : '';
    const action = match?.[2];
    const record = store.sessions.get(id);
    if (!match || !record || (method === 'GET') === (action !== undefined)) {
      send(res, 404, renderNotFound(id), html);
      return;
    }
    store.expireIfDue(record);
    const session = record.session;
    const actionBase = `${publicUrl}/pay/${encodeURIComponent(id)}`;
    if (action === undefined) {
      send(res, 200, renderPayPage(record, actionBase), html);
      return;
    }
    if (session.status !== 'open') {
      send(res, 409, renderPayPage(record, actionBase), html);
      return;
    }
    if (action === 'pay') {
      store.payCheckout(record);
      const location = session.success_url.replaceAll('{CHECKOUT_SESSION_ID}', session.id);
      send(res, 303, '', { location });
    } else if (action === 'decline') {
      const pi = store.declineCheckout(record);
      send(res, 200, renderPayPage(record, actionBase, pi.last_payment_error?.message), html);
    } else {
      send(res, 303, '', { location: session.cancel_url ?? actionBase });
    }
  }

  /** The Stripe.js stand-in: the app sends the person here with the intent's client secret. */
  function handlePaymentIntentPage(
    method: string,
    path: string,
    search: string,
    raw: string,
    res: ServerResponse,
  ): void {
    const html = { 'content-type': 'text/html; charset=utf-8' };
    const match = /^\/pay\/payment_intents\/([^/]+)(?:\/(pay|decline|cancel))?\/?$/.exec(path);
    const id = match ? decodeURIComponent(match[1] ?? '') : '';
    const action = match?.[2];
    const pi = store.paymentIntents.get(id);
    if (!match || !pi || (method === 'GET') === (action !== undefined)) {
      send(res, 404, renderPaymentIntentProblem(`No such payment: ${id}`), html);
      return;
    }
    // The form posts its fields; a hand-written link may carry them in the query.
    const query = new URLSearchParams(search);
    const form = method === 'POST' ? new URLSearchParams(raw) : new URLSearchParams();
    const field = (name: string): string => form.get(name) ?? query.get(name) ?? '';
    const clientSecret = field('client_secret');
    if (clientSecret !== pi.client_secret) {
      send(res, 400, renderPaymentIntentProblem('This payment link is not valid.'), html);
      return;
    }
    const returnUrl = field('return_url');
    if (!isHttpUrl(returnUrl)) {
      send(
        res,
        400,
        renderPaymentIntentProblem('This payment link has no valid return_url.'),
        html,
      );
      return;
    }
    const context = {
      actionBase: `${publicUrl}/pay/payment_intents/${encodeURIComponent(id)}`,
      clientSecret,
      returnUrl,
    };
    if (action === undefined) {
      send(res, 200, renderPaymentIntentPage(pi, context), html);
      return;
    }
    // A second click, a stale tab or another device: say what happened instead of acting.
    if (pi.status === 'succeeded' || pi.status === 'canceled') {
      send(res, 409, renderPaymentIntentPage(pi, context), html);
      return;
    }
    if (action === 'pay') {
      store.payPaymentIntent(id);
      send(res, 303, '', { location: returnWith(returnUrl, id, 'succeeded') });
    } else if (action === 'decline') {
      store.declinePaymentIntent(id);
      send(res, 200, renderPaymentIntentPage(pi, context, pi.last_payment_error?.message), html);
    } else {
      // Leaving is not canceling: the app decides whether to cancel the intent.
      send(res, 303, '', { location: returnWith(returnUrl, id, 'canceled') });
    }
  }

  function handleOnboarding(method: string, path: string, res: ServerResponse): void {
    const html = { 'content-type': 'text/html; charset=utf-8' };
    const match = /^\/connect\/onboarding\/([^/]+)(?:\/(complete))?\/?$/.exec(path);
    const id = match ? decodeURIComponent(match[1] ?? '') : '';
    const action = match?.[2];
    const link = store.accountLinks.get(id);
    if (!match || !link || (method === 'GET') === (action !== undefined)) {
      send(res, 404, renderOnboardingNotFound(id), html);
      return;
    }
    const problem = store.accountLinkProblem(link);
    if (problem !== null) {
      send(res, 410, renderOnboardingLinkProblem(problem, link.refreshUrl), html);
      return;
    }
    if (action === undefined) {
      const actionUrl = `${publicUrl}/connect/onboarding/${encodeURIComponent(id)}/complete`;
      send(res, 200, renderOnboardingPage(store.getAccount(link.account), actionUrl), html);
      return;
    }
    store.useAccountLink(link);
    send(res, 303, '', { location: link.returnUrl });
  }

  async function handleSandbox(
    method: string,
    path: string,
    search: string,
    raw: string,
  ): Promise<ApiResponse> {
    let body: unknown = {};
    if (raw.trim() !== '') {
      try {
        body = JSON.parse(raw);
      } catch {
        throw new SandboxApiError(400, 'invalid_request_error', 'Body must be JSON.');
      }
    }
    const input = isRecord(body) ? body : {};
    const key = `${method} ${path}`;
    const piAction = /^POST \/_sandbox\/payment_intents\/([^/]+)\/(succeed|fail)$/.exec(key);
    if (piAction) {
      const id = decodeURIComponent(piAction[1] ?? '');
      const pi =
        piAction[2] === 'succeed' ? store.payPaymentIntent(id) : store.declinePaymentIntent(id);
      return jsonResponse(200, pi);
    }
    const onboard = /^POST \/_sandbox\/accounts\/([^/]+)\/onboard$/.exec(key);
    if (onboard) {
      return jsonResponse(200, store.completeOnboarding(decodeURIComponent(onboard[1] ?? '')));
    }
    switch (key) {
      case 'GET /_sandbox/state':
        return jsonResponse(200, store.summary());
      case 'GET /_sandbox/payment_intents': {
        const query = qs.parse(search.replace(/^\?/, ''), QS_OPTIONS) as Params;
        const metadata = isRecord(query['metadata']) ? query['metadata'] : {};
        const status = typeof query['status'] === 'string' ? query['status'] : undefined;
        const data = [...store.paymentIntents.values()]
          .reverse()
          .filter(
            (pi) =>
              (status === undefined || pi.status === status) &&
              Object.entries(metadata).every(([k, v]) => pi.metadata[k] === v),
          );
        return jsonResponse(200, { object: 'list', data });
      }
      case 'POST /_sandbox/delivery-mode': {
        const patch: Partial<DeliveryMode> = {};
        if (input['duplicate'] !== undefined) patch.duplicate = Number(input['duplicate']);
        if (input['delayMs'] !== undefined) patch.delayMs = Number(input['delayMs']);
        if (input['reorder'] !== undefined) patch.reorder = input['reorder'] === true;
        if (input['paused'] !== undefined) patch.paused = input['paused'] === true;
        try {
          return jsonResponse(200, deliverer.setMode(patch));
        } catch (err) {
          throw new SandboxApiError(400, 'invalid_request_error', (err as Error).message);
        }
      }
      case 'GET /_sandbox/delivery-mode':
        return jsonResponse(200, deliverer.getMode());
      case 'GET /_sandbox/deliveries':
        return jsonResponse(200, { object: 'list', data: deliverer.deliveries() });
      case 'POST /_sandbox/flush':
        await deliverer.flush();
        return jsonResponse(200, { flushed: true });
      case 'POST /_sandbox/expire-due':
        return jsonResponse(200, { expired: store.expireDueSessions() });
      case 'POST /_sandbox/events': {
        const type = input['type'];
        const object = input['object'];
        if (typeof type !== 'string' || type === '') {
          throw new SandboxApiError(400, 'invalid_request_error', 'Missing type.', 'type');
        }
        if (!isRecord(object)) {
          throw new SandboxApiError(400, 'invalid_request_error', 'Missing object.', 'object');
        }
        return jsonResponse(200, store.emit(type, object));
      }
      case 'POST /_sandbox/webhook-endpoints': {
        const url = input['url'];
        const secret = input['secret'];
        const enabled = input['enabled_events'];
        const connect = input['connect'] ?? false;
        if (typeof url !== 'string' || typeof secret !== 'string') {
          throw new SandboxApiError(400, 'invalid_request_error', 'url and secret are required.');
        }
        if (typeof connect !== 'boolean') {
          throw new SandboxApiError(
            400,
            'invalid_request_error',
            'connect must be a boolean.',
            'connect',
          );
        }
        const events = Array.isArray(enabled) ? enabled.map(String) : ['*'];
        return jsonResponse(200, store.addEndpoint(url, secret, events, connect));
      }
      default:
        throw new SandboxApiError(404, 'invalid_request_error', `Unknown sandbox route (${key}).`);
    }
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const method = req.method ?? 'GET';
    const requestId = newId('req', 14);
    // Reads change nothing (an expiry they trigger is an event, saved through onEvent).
    if (method !== 'GET' && method !== 'HEAD') res.once('finish', () => persistence?.markDirty());
    try {
      const raw = await readBody(req);
      const url = new URL(req.url ?? '/', 'http://sandbox');
      const path = url.pathname;
      let response: ApiResponse;
      if (path === '/v1' || path.startsWith('/v1/')) {
        response = handleApi(req, path, url.search, raw);
        response.headers['stripe-version'] =
          typeof req.headers['stripe-version'] === 'string'
            ? req.headers['stripe-version']
            : SANDBOX_API_VERSION;
      } else if (path.startsWith('/pay/payment_intents/')) {
        handlePaymentIntentPage(method, path, url.search, raw, res);
        return;
      } else if (path.startsWith('/pay/')) {
        handlePay(method, path, res);
        return;
      } else if (path.startsWith('/connect/onboarding/')) {
        handleOnboarding(method, path, res);
        return;
      } else if (path.startsWith('/_sandbox/')) {
        // Anyone who can reach the port could otherwise mark payments paid or forge
        // signed events; only pnpm start and the tests hold the token.
        if (!isControlAuthorized(req.headers.authorization, controlToken)) {
          const denied = errorResponse(
            new SandboxApiError(
              401,
              'invalid_request_error',
              'Sandbox controls need the header `Authorization: Bearer <STRIPE_SANDBOX_CONTROL_TOKEN>` (the token the sandbox was started with).',
            ),
          );
          send(res, denied.status, denied.body, {
            ...denied.headers,
            'www-authenticate': 'Bearer realm="stripe-sandbox-controls"',
            'request-id': requestId,
          });
          return;
        }
        try {
          response = await handleSandbox(method, path, url.search, raw);
        } catch (err) {
          if (!(err instanceof SandboxApiError)) throw err;
          response = errorResponse(err);
        }
      } else {
        response = errorResponse(
          new SandboxApiError(
            404,
            'invalid_request_error',
            `Unrecognized request URL (${method}: ${path}).`,
          ),
        );
      }
      send(res, response.status, response.body, { ...response.headers, 'request-id': requestId });
    } catch (err) {
      if (res.headersSent) {
        res.destroy();
        return;
      }
      const tooLarge = err instanceof BodyTooLarge;
      const response = errorResponse(
        new SandboxApiError(
          tooLarge ? 413 : 500,
          tooLarge ? 'invalid_request_error' : 'api_error',
          err instanceof Error ? err.message : String(err),
        ),
      );
      send(res, response.status, response.body, { ...response.headers, 'request-id': requestId });
    }
  }

  const server = createServer((req, res) => {
    void handle(req, res);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;
  const urlHost = host.includes(':') ? `[${host}]` : host;
  const baseUrl = `http://${urlHost}:${port}`;
  if (!publicUrl) publicUrl = baseUrl;

  const timer = setInterval(() => {
    store.expireDueSessions();
  }, options.expireCheckIntervalMs ?? 5000);
  timer.unref();

  let stopping: Promise<void> | undefined;
  const sandbox: StripeSandbox = {
    port,
    url: baseUrl,
    apiKey: SANDBOX_API_KEY,
    controlToken,
    store,
    stop() {
      stopping ??= (async () => {
        clearInterval(timer);
        const closed = new Promise<void>((resolve) => server.close(() => resolve()));
        server.closeAllConnections();
        await deliverer.stop();
        await closed;
        persistence?.close();
      })();
      return stopping;
    },
    addWebhookEndpoint: (url, secret, enabledEvents = ['*'], connect = false) => {
      const endpoint = store.addEndpoint(url, secret, enabledEvents, connect);
      persistence?.markDirty();
      return endpoint;
    },
    setDeliveryMode: (mode) => deliverer.setMode(mode),
    deliveries: () => deliverer.deliveries(),
    flushDeliveries: () => deliverer.flush(),
    emit: (type, object) => store.emit(type, object),
    expireDueSessions: () => store.expireDueSessions(),
  };
  return sandbox;
}
