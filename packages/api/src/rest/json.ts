// JSON answers for the REST routes outside callers use (spec 004 error schema):
// `{ "error": "code", "message": "...", "details": { ... } }`, never a stack or SQL.
import { TRPCError } from '@trpc/server';
import { getHTTPStatusCodeFromError } from '@trpc/server/http';
import { AppError, createLogger, fieldErrorsOf } from '@souk/core';
import { summarize } from '../errors';

const log = createLogger('api-rest');

/** Larger bodies are refused unread: a token request is a few hundred bytes. */
export const MAX_JSON_BODY_BYTES = 16 * 1024;

// Keyed by AppError code; a code added later without an entry answers 500 (and is logged).
const STATUS: Record<string, number | undefined> = {
  BAD_REQUEST: 400,
  UNAUTHORIZED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  TOO_MANY_REQUESTS: 429,
  READ_ONLY: 409,
  MFA_REQUIRED: 403,
  INTERNAL: 500,
};

const DEFAULT_TYPE: Record<string, string | undefined> = {
  BAD_REQUEST: 'validation_error',
  UNAUTHORIZED: 'unauthorized',
  FORBIDDEN: 'forbidden',
  NOT_FOUND: 'not_found',
  CONFLICT: 'conflict',
  TOO_MANY_REQUESTS: 'rate_limited',
  READ_ONLY: 'read_only',
  MFA_REQUIRED: 'mfa_required',
  INTERNAL: 'internal_error',
};

export function jsonError(
  status: number,
  error: string,
  message: string,
  options: { details?: Record<string, unknown>; retryAfterSeconds?: number } = {},
): Response {
  const headers: Record<string, string> = { 'cache-control': 'no-store' };
  if (options.retryAfterSeconds !== undefined) {
    headers['retry-after'] = String(options.retryAfterSeconds);
  }
  return Response.json(
    { error, message, ...(options.details ? { details: options.details } : {}) },
    { status, headers },
  );
}

/** Token answers must never sit in a cache (RFC 6749 5.1). */
export function jsonOk(body: unknown, status = 200): Response {
  return Response.json(body, {
    status,
    headers: { 'cache-control': 'no-store', pragma: 'no-cache' },
  });
}

function retryAfterOf(details: Record<string, unknown>): number | undefined {
  const value = details.retryAfterSeconds;
  return typeof value === 'number' ? value : undefined;
}

/** AppError (or a tRPC error wrapping one) -> the JSON answer; anything else is a 500 without details. */
export function errorResponse(error: unknown, requestId: string): Response {
  const cause = error instanceof TRPCError && error.cause instanceof AppError ? error.cause : error;
  const status = cause instanceof AppError ? STATUS[cause.code] : undefined;
  if (cause instanceof AppError && status !== undefined && status < 500) {
    const type = typeof cause.details.type === 'string' ? cause.details.type : undefined;
    const fieldErrors = cause.details.fieldErrors;
    return jsonError(status, type ?? DEFAULT_TYPE[cause.code] ?? 'error', cause.message, {
      ...(fieldErrors ? { details: { fieldErrors } } : {}),
      retryAfterSeconds: retryAfterOf(cause.details),
    });
  }
  if (error instanceof TRPCError && error.code !== 'INTERNAL_SERVER_ERROR') {
    const fieldErrors = fieldErrorsOf(error.cause);
    return jsonError(
      getHTTPStatusCodeFromError(error),
      error.code.toLowerCase(),
      fieldErrors ? summarize(fieldErrors) : error.message,
      fieldErrors ? { details: { fieldErrors } } : {},
    );
  }
  log.error({ requestId, err: error }, 'REST request failed');
  return jsonError(500, 'internal_error', `Something went wrong (request ${requestId})`);
}

type BodyResult = { ok: true; value: unknown } | { ok: false; response: Response };

/**
 * The request's JSON body, or the 400/413 to answer instead: wrong content type,
 * too large, not UTF-8 JSON. Read with a cap so a huge body is never held whole.
 */
export async function readJsonBody(req: Request): Promise<BodyResult> {
  const mediaType = req.headers.get('content-type')?.split(';')[0]?.trim().toLowerCase();
  if (mediaType !== 'application/json') {
    return {
      ok: false,
      response: jsonError(
        400,
        'invalid_request',
        'Send a JSON body with Content-Type: application/json',
      ),
    };
  }
  const tooLarge = () =>
    jsonError(413, 'body_too_large', `The body is larger than ${MAX_JSON_BODY_BYTES} bytes`);
  const declared = Number(req.headers.get('content-length') ?? '0');
  if (declared > MAX_JSON_BODY_BYTES) return { ok: false, response: tooLarge() };
  const chunks: Uint8Array[] = [];
  let size = 0;
  if (req.body) {
    // Node's web streams are async-iterable; leaving the loop early cancels the stream.
    for await (const chunk of req.body as unknown as AsyncIterable<Uint8Array>) {
      size += chunk.byteLength;
      if (size > MAX_JSON_BODY_BYTES) return { ok: false, response: tooLarge() };
      chunks.push(chunk);
    }
  }
  try {
    const text = new TextDecoder('utf-8', { fatal: true }).decode(Buffer.concat(chunks));
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch {
    return {
      ok: false,
      response: jsonError(400, 'invalid_request', 'The body is not valid JSON'),
    };
  }
}

/** A zod failure as the spec's validation answer, with the field errors by name. */
export function validationError(cause: unknown): Response {
  const fieldErrors = fieldErrorsOf(cause) ?? {};
  return jsonError(400, 'validation_error', summarize(fieldErrors), { details: { fieldErrors } });
}
