// Stripe's error envelope: { error: { type, message, param?, code?, ... } }.

export type StripeErrorType =
  | 'invalid_request_error'
  | 'card_error'
  | 'idempotency_error'
  | 'api_error'
  | 'authentication_error';

export interface StripeErrorBody {
  type: StripeErrorType;
  message: string;
  param?: string;
  code?: string;
  [extra: string]: unknown;
}

export class SandboxApiError extends Error {
  constructor(
    readonly status: number,
    readonly type: StripeErrorType,
    message: string,
    readonly param?: string,
    readonly code?: string,
    readonly extra: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = 'SandboxApiError';
  }

  toBody(): { error: StripeErrorBody } {
    const error: StripeErrorBody = { type: this.type, message: this.message, ...this.extra };
    if (this.param !== undefined) error.param = this.param;
    if (this.code !== undefined) error.code = this.code;
    return { error };
  }
}

export function missingParam(param: string): SandboxApiError {
  return new SandboxApiError(
    400,
    'invalid_request_error',
    `Missing required param: ${param}.`,
    param,
    'parameter_missing',
  );
}

export function invalidParam(
  param: string,
  message: string,
  code = 'parameter_invalid',
): SandboxApiError {
  return new SandboxApiError(400, 'invalid_request_error', message, param, code);
}

/** A path id that does not exist (HTTP 404). */
export function noSuch(kind: string, id: string, param = 'id'): SandboxApiError {
  return new SandboxApiError(
    404,
    'invalid_request_error',
    `No such ${kind}: '${id}'`,
    param,
    'resource_missing',
  );
}

/** A referenced id in the body that does not exist (HTTP 400, like Stripe). */
export function noSuchParam(kind: string, id: string, param: string): SandboxApiError {
  return new SandboxApiError(
    400,
    'invalid_request_error',
    `No such ${kind}: '${id}'`,
    param,
    'resource_missing',
  );
}

export function unexpectedState(message: string, code?: string): SandboxApiError {
  return new SandboxApiError(400, 'invalid_request_error', message, undefined, code);
}
