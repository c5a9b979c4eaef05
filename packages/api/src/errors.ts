import { TRPCError } from '@trpc/server';
import type { TRPC_ERROR_CODE_KEY } from '@trpc/server/unstable-core-do-not-import';
import { AppError, type AppErrorCode, type FieldErrors } from '@souk/core';
import { ZodError } from 'zod';

const CODE_MAP: Record<AppErrorCode, TRPC_ERROR_CODE_KEY> = {
  BAD_REQUEST: 'BAD_REQUEST',
  UNAUTHORIZED: 'UNAUTHORIZED',
  FORBIDDEN: 'FORBIDDEN',
  NOT_FOUND: 'NOT_FOUND',
  CONFLICT: 'CONFLICT',
  TOO_MANY_REQUESTS: 'TOO_MANY_REQUESTS',
  READ_ONLY: 'CONFLICT',
  INTERNAL: 'INTERNAL_SERVER_ERROR',
};

/** The single place AppError becomes a TRPCError. */
export function toTRPCError(error: AppError): TRPCError {
  return new TRPCError({ code: CODE_MAP[error.code], message: error.message, cause: error });
}

export function fieldErrorsOf(cause: unknown): FieldErrors | undefined {
  if (cause instanceof ZodError) {
    const out: FieldErrors = {};
    for (const issue of cause.issues) {
      const key = issue.path.map(String).join('.') || '_';
      (out[key] ??= []).push(issue.message);
    }
    return out;
  }
  if (cause instanceof AppError) return cause.details.fieldErrors;
  return undefined;
}

export function summarize(fieldErrors: FieldErrors): string {
  const [first] = Object.entries(fieldErrors);
  if (!first) return 'Invalid input';
  const [field, messages] = first;
  const more = Object.keys(fieldErrors).length - 1;
  return `${field === '_' ? '' : `${field}: `}${messages[0] ?? 'invalid'}${more > 0 ? ` (and ${more} more)` : ''}`;
}
