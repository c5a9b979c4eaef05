/**
 * The same rule as the worker (apps/worker/src/http.ts): ids from a load balancer or
 * another service are honoured, anything else is replaced, never echoed into headers
 * and logs (a header value is the one place a caller writes straight into our logs).
 */
export const REQUEST_ID_PATTERN = /^[\w.:@/+=-]{1,128}$/;

export function requestIdFrom(incoming: string | null | undefined): string {
  return typeof incoming === 'string' && REQUEST_ID_PATTERN.test(incoming)
    ? incoming
    : crypto.randomUUID();
}
