export type AppErrorCode =
  | 'BAD_REQUEST'
  | 'UNAUTHORIZED'
  | 'FORBIDDEN'
  | 'NOT_FOUND'
  | 'CONFLICT'
  | 'TOO_MANY_REQUESTS'
  | 'READ_ONLY'
  // Spec 002: OWNER/ADMIN staff work under ADMIN_MFA_REQUIRED without a code-verified sign-in.
  | 'MFA_REQUIRED'
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

type IssueLike = { path?: readonly unknown[]; message?: string };

function pathKey(path: readonly unknown[]): string {
  return path
    .map((p) => (p && typeof p === 'object' && 'key' in p ? String(p.key) : String(p)))
    .join('.');
}

/**
 * Field errors keyed by dotted input path, from an input-schema failure (zod issues) or
 * an AppError's details. The messages are the schemas' own sentences, shown beside the
 * field; `describeFieldError` adds where a nested field sits for a summary.
 */
export function fieldErrorsOf(cause: unknown): FieldErrors | undefined {
  if (cause instanceof AppError) return cause.details.fieldErrors;
  if (cause && typeof cause === 'object' && 'issues' in cause && Array.isArray(cause.issues)) {
    const out: FieldErrors = {};
    for (const issue of cause.issues as IssueLike[]) {
      const key = pathKey(issue.path ?? []) || '_';
      (out[key] ??= []).push(issue.message ?? 'This value is not valid');
    }
    return out;
  }
  return undefined;
}

// How a person names an item of a list they edit ("Group 2", "Option 1 in group 2").
const ITEM_NAMES: Record<string, string> = {
  optionGroups: 'group',
  options: 'option',
  addOns: 'add-on',
  addOnIds: 'add-on',
  customFields: 'custom field',
  subscriptionPlans: 'plan',
  serviceVendorIds: 'service',
  mediaUploadIds: 'media file',
};

/** "configuration.optionGroups.0.options.1.label" -> "Option 2 in group 1"; null at the top. */
export function fieldLocation(path: string): string | null {
  const parts = path.split('.');
  const items: string[] = [];
  parts.forEach((part, i) => {
    const collection = parts[i - 1];
    if (/^\d+$/.test(part) && collection) {
      items.unshift(`${ITEM_NAMES[collection] ?? 'item'} ${Number(part) + 1}`);
    }
  });
  if (items.length === 0) return null;
  const text = items.join(' in ');
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** The message with where its field sits: "Option 1 in group 1: price change must be …". */
export function describeFieldError(path: string, message: string): string {
  const where = fieldLocation(path);
  if (!where) return message;
  // Keep "URLs …" as written; lower the first letter of an ordinary word.
  const rest = /^[A-Z][a-z]/.test(message)
    ? message.charAt(0).toLowerCase() + message.slice(1)
    : message;
  return `${where}: ${rest}`;
}

/** One sentence for a failed input: the first error where it sits, and how many more. */
export function summarizeFieldErrors(fieldErrors: FieldErrors): string {
  const entries = Object.entries(fieldErrors);
  const [first] = entries;
  if (!first) return 'Some of the input is not valid';
  const [path, messages] = first;
  const sentence = describeFieldError(path, messages[0] ?? 'This value is not valid');
  const more = entries.length - 1;
  return more > 0 ? `${sentence} (and ${more} more)` : sentence;
}
