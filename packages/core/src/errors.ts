export type AppErrorCode =
  | 'BAD_REQUEST'
  | 'UNAUTHORIZED'
  | 'FORBIDDEN'
  | 'NOT_FOUND'
  | 'CONFLICT'
  | 'TOO_MANY_REQUESTS'
  | 'READ_ONLY'
  | 'INTERNAL';

export type FieldErrors = Record<string, string[]>;

export interface AppErrorDetails {
  /** Keyed by the dotted input path, e.g. `configuration.addOns.0.priceDeltaCents`. */
  fieldErrors?: FieldErrors;
  [key: string]: unknown;
}

/** The only error type core throws on purpose; the API and worker map it at their edge. */
export class AppError extends Error {
  readonly code: AppErrorCode;
  readonly details: AppErrorDetails;

  constructor(code: AppErrorCode, message: string, details: AppErrorDetails = {}) {
    super(message);
    this.name = 'AppError';
    this.code = code;
    this.details = details;
  }

  static field(field: string, message: string): AppError {
    return new AppError('BAD_REQUEST', message, { fieldErrors: { [field]: [message] } });
  }

  static notFound(entity: string): AppError {
    return new AppError('NOT_FOUND', `${entity} not found`);
  }
}

export function isAppError(error: unknown): error is AppError {
  return error instanceof AppError;
}
