import { timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { sendProblem, type RouteHandler } from './http';

/**
 * True when no METRICS_TOKEN is configured (a local run) or the request carries
 * `Authorization: Bearer <METRICS_TOKEN>`. Metrics and readiness details name
 * queues, migrations and traffic: not for whoever can reach the port.
 */
export function hasMetricsAccess(req: IncomingMessage, token: string | undefined): boolean {
  if (!token) return true;
  const match = /^Bearer\s+(\S+)\s*$/i.exec(req.headers.authorization ?? '');
  if (!match?.[1]) return false;
  const given = Buffer.from(match[1]);
  const expected = Buffer.from(token);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/** Wraps an ops route: without the token, 401 with the reason in words. */
export function requireMetricsToken(
  token: string | undefined,
  handler: RouteHandler,
): RouteHandler {
  return (ctx) => {
    if (hasMetricsAccess(ctx.req, token)) return handler(ctx);
    ctx.res.setHeader('www-authenticate', 'Bearer realm="souk-worker"');
    sendProblem(
      ctx.res,
      401,
      'This endpoint needs the header `Authorization: Bearer <METRICS_TOKEN>` (the token set on the worker).',
    );
  };
}
