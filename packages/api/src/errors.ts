import { TRPCError } from '@trpc/server';
import type { TRPC_ERROR_CODE_KEY } from '@trpc/server/unstable-core-do-not-import';
import { AppError, summarizeFieldErrors, type AppErrorCode, type FieldErrors } from '@souk/core';

const CODE_MAP: Record<AppErrorCode, TRPC_ERROR_CODE_KEY> = {
  BAD_REQUEST: 'BAD_REQUEST',
  UNAUTHORIZED: 'UNAUTHORIZED',
  FORBIDDEN: 'FORBIDDEN',
  NOT_FOUND: 'NOT_FOUND',
  CONFLICT: 'CONFLICT',
  TOO_MANY_REQUESTS: 'TOO_MANY_REQUESTS',
  READ_ONLY: 'CONFLICT',
  MFA_REQUIRED: 'FORBIDDEN',
  INTERNAL: 'INTERNAL_SERVER_ERROR',
};

/**
 * `data.type` of the tRPC error, for the codes a client acts on beyond the HTTP status:
 * `mfa_required` sends an admin to set up or use two-step verification (spec 002).
 */
export const ERROR_TYPES: Partial<Record<AppErrorCode, string>> = {
  MFA_REQUIRED: 'mfa_required',
  READ_ONLY: 'read_only',
};

export function errorTypeOf(cause: unknown): string | null {
  return cause instanceof AppError ? (ERROR_TYPES[cause.code] ?? null) : null;
}

/** The single place AppError becomes a TRPCError. */
export function toTRPCError(error: AppError): TRPCError {
  return new TRPCError({ code: CODE_MAP[error.code], message: error.message, cause: error });
}

// The flattening and the summary live in core, so a server action in web reads field
// errors the same way the API's error formatter does.
export { fieldErrorsOf } from '@souk/core';

/** The message of a failed input: the first error in words, where it sits, and how many more. */
export function summarize(fieldErrors: FieldErrors): string {
  return summarizeFieldErrors(fieldErrors);
}
