import { STATUS_CODES, type IncomingMessage, type ServerResponse } from 'node:http';
import type { Logger } from '@souk/core';
import type { Metrics } from './metrics';

export interface RouteContext {
  /** Untouched request stream: a webhook route reads the raw body itself (signatures). */
  req: IncomingMessage;
  res: ServerResponse;
  requestId: string;
  log: Logger;
}
export type RouteHandler = (ctx: RouteContext) => Promise<void> | void;

/** Keyed `"<METHOD> <path>"`, exact paths only: the worker has a handful of fixed routes. */
export type RouteTable = Record<`${'GET' | 'POST' | 'PUT' | 'DELETE'} /${string}`, RouteHandler>;

const REQUEST_ID = /^[\w.:@/+=-]{1,128}$/;

/** Honour the caller's (or load balancer's) id so a request can be followed across services. */
export function requestIdFrom(req: IncomingMessage): string {
  const incoming = req.headers['x-request-id'];
  // Anything odd is replaced rather than echoed into headers and logs.
  return typeof incoming === 'string' && REQUEST_ID.test(incoming) ? incoming : crypto.randomUUID();
}

/**
 * RFC 9457 problem details, the body of every worker error. With `about:blank`
 * the title is the status phrase; `detail` and extension members say what happened.
 */
export function sendProblem(
  res: ServerResponse,
  status: number,
  detail: string,
  extensions: Record<string, unknown> = {},
): void {
  const requestId = res.getHeader('x-request-id');
  res.writeHead(status, { 'content-type': 'application/problem+json' });
  res.end(
    JSON.stringify({
      type: 'about:blank',
      title: STATUS_CODES[status] ?? 'Error',
      status,
      detail,
      ...extensions,
      ...(typeof requestId === 'string' ? { requestId } : {}),
    }),
  );
}

export function sendJson(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(body));
}

/** Request id, dispatch, 404/405/500 as problems, and the HTTP metrics for every request. */
export function createRequestListener({
  routes,
  metrics,
  log,
}: {
  routes: RouteTable;
  metrics: Metrics;
  log: Logger;
}): (req: IncomingMessage, res: ServerResponse) => void {
  const table = routes as Record<string, RouteHandler>;
  const knownPaths = new Set(Object.keys(table).map((key) => key.slice(key.indexOf(' ') + 1)));

  return (req, res) => {
    const started = performance.now();
    const requestId = requestIdFrom(req);
    res.setHeader('x-request-id', requestId);
    const method = req.method ?? 'GET';
    const path = new URL(req.url ?? '/', 'http://worker').pathname;
    const handler = table[`${method} ${path}`];
    // Unknown paths share one label so scanners cannot blow up the metric's cardinality.
    const route = knownPaths.has(path) ? path : 'unmatched';

    res.on('finish', () => {
      const labels = { method, route, status: String(res.statusCode) };
      const seconds = (performance.now() - started) / 1000;
      metrics.httpRequests.inc(labels);
      metrics.httpDuration.observe(labels, seconds);
      log.debug({ requestId, ...labels, ms: Math.round(seconds * 1000) }, 'request');
    });

    if (!handler) {
      if (route === 'unmatched') {
        sendProblem(res, 404, `No route for ${method} ${path}`);
        return;
      }
      const allowed = Object.keys(table)
        .filter((key) => key.endsWith(` ${path}`))
        .map((key) => key.split(' ')[0]);
      res.setHeader('allow', allowed.join(', '));
      sendProblem(res, 405, `${path} accepts ${allowed.join(', ')}`);
      return;
    }

    const requestLog = log.child({ requestId });
    Promise.resolve()
      .then(() => handler({ req, res, requestId, log: requestLog }))
      .catch((error: unknown) => {
        requestLog.error({ err: error, route }, 'request failed');
        if (!res.headersSent) sendProblem(res, 500, 'The worker could not handle this request');
        else res.end();
      });
  };
}
