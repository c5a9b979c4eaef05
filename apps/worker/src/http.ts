import type { IncomingMessage, ServerResponse } from 'node:http';

export interface RouteContext {
  req: IncomingMessage;
  res: ServerResponse;
  requestId: string;
}
export type RouteHandler = (ctx: RouteContext) => Promise<void> | void;

/** RFC 9457 problem details: the worker's error body for every route. */
export function sendProblem(
  res: ServerResponse,
  status: number,
  title: string,
  detail?: string,
  extra: Record<string, unknown> = {},
): void {
  res.writeHead(status, { 'content-type': 'application/problem+json' });
  res.end(
    JSON.stringify({ type: 'about:blank', title, status, ...(detail ? { detail } : {}), ...extra }),
  );
}

export function sendJson(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(body));
}
