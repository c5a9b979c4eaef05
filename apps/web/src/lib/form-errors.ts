// The one place a failed procedure becomes what a form shows: a message beside each field
// it has, and a summary that says only what is not already beside a field.
import { TRPCClientError } from '@trpc/client';
import type { FieldErrors as HookFormErrors, FieldValues, UseFormSetError } from 'react-hook-form';
import { describeFieldError } from '@souk/core/errors';

/** The first message per field, keyed by the form's field name. */
export type FieldMessages = Record<string, string>;

export interface FormErrors {
  /** For the alert above the form; null when every problem is already beside its field. */
  summary: string | null;
  fieldErrors: FieldMessages;
  /** The tRPC error code (`UNAUTHORIZED`, `CONFLICT`, …) to branch on, never the wording. */
  code: string | null;
}

export interface FormErrorOptions {
  /**
   * The fields this form shows an error beside ('all', the default, for forms that show
   * every field they send). An error for a field that is not shown goes into the summary,
   * in words and with where it sits ("Option 1 in group 2: …").
   */
  shown?: 'all' | readonly string[];
  /** An API input path as the form names the field (null: not a field of this form). */
  toField?: (path: string) => string | null;
}

export const SOMETHING_WENT_WRONG = 'Something went wrong. Please try again.';

/** A failed action's message for a notice (not beside a field). */
export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : SOMETHING_WENT_WRONG;
}

/** "1 field needs attention" / "3 fields need attention"; null for none. */
export function attentionSummary(count: number): string | null {
  if (count <= 0) return null;
  return count === 1 ? '1 field needs attention' : `${count} fields need attention`;
}

function isShown(field: string, shown: FormErrorOptions['shown']): boolean {
  if (field === '_') return false;
  if (shown === undefined || shown === 'all') return true;
  return shown.some((name) => field === name || field.startsWith(`${name}.`));
}

/** Splits API field errors into what goes beside fields and what the summary must say. */
export function splitFieldErrors(
  message: string,
  raw: Record<string, string[]>,
  options: FormErrorOptions = {},
): Omit<FormErrors, 'code'> {
  const fieldErrors: FieldMessages = {};
  const elsewhere: string[] = [];
  for (const [path, messages] of Object.entries(raw)) {
    const text = messages[0] ?? 'This value is not valid';
    const field = options.toField ? options.toField(path) : path;
    if (field !== null && isShown(field, options.shown)) fieldErrors[field] ??= text;
    else elsewhere.push(path === '_' ? text : describeFieldError(path, text));
  }
  if (Object.keys(raw).length === 0) return { summary: message, fieldErrors };
  return {
    summary: sentences(...elsewhere, attentionSummary(Object.keys(fieldErrors).length)),
    fieldErrors,
  };
}

function sentences(...parts: (string | null | undefined)[]): string | null {
  const kept = parts.filter((s): s is string => Boolean(s));
  return kept.length > 0 ? kept.map((s) => (/[.!?]$/.test(s) ? s : `${s}.`)).join(' ') : null;
}

/**
 * Where a form's resolver puts errors that no field of the form shows (react-hook-form
 * drops `root` at submit, so this is a key of its own).
 */
export const ELSEWHERE = '_elsewhere';

/**
 * The summary after the form's own resolver refused a submit: the errors that are not
 * beside a field, then how many fields need attention.
 */
export function invalidSubmitSummary(errors: HookFormErrors): string | null {
  const { [ELSEWHERE]: elsewhere, ...fields } = errors as Record<string, unknown>;
  const message = (elsewhere as { message?: string } | undefined)?.message;
  return sentences(message, attentionSummary(countFieldErrors(fields as HookFormErrors)));
}

/** A failed procedure as a form shows it. */
export function formErrors(error: unknown, options: FormErrorOptions = {}): FormErrors {
  if (!(error instanceof TRPCClientError)) {
    return { summary: SOMETHING_WENT_WRONG, fieldErrors: {}, code: null };
  }
  const data = (error as TRPCClientError<never>).data as
    { code?: string; fieldErrors?: Record<string, string[]> | null } | undefined;
  return {
    ...splitFieldErrors(error.message, data?.fieldErrors ?? {}, options),
    code: data?.code ?? null,
  };
}

/** The first message for a field or any of its items (`serviceVendorIds.2`). */
export function fieldMessage(fields: FieldMessages, name: string): string | undefined {
  if (fields[name]) return fields[name];
  const nested = Object.keys(fields).find((key) => key.startsWith(`${name}.`));
  return nested ? fields[nested] : undefined;
}

/**
 * Puts a failed procedure's field errors on a react-hook-form (focusing the first) and
 * returns the summary for the alert.
 */
export function applyFormErrors<T extends FieldValues>(
  setError: UseFormSetError<T>,
  error: unknown,
  options: FormErrorOptions = {},
): string | null {
  const { summary, fieldErrors } = formErrors(error, options);
  Object.entries(fieldErrors).forEach(([name, message], i) => {
    // Field names come from the server; `toField`/`shown` say which ones the form has.
    setError(
      name as Parameters<UseFormSetError<T>>[0],
      { type: 'server', message },
      { shouldFocus: i === 0 },
    );
  });
  return summary;
}

/** How many fields a react-hook-form marks invalid (leaf errors, nested lists included). */
export function countFieldErrors(errors: HookFormErrors | undefined): number {
  if (!errors) return 0;
  let count = 0;
  const walk = (node: unknown): void => {
    if (!node || typeof node !== 'object') return;
    if ('message' in node && typeof node.message === 'string' && 'type' in node) {
      count += 1;
      return;
    }
    for (const [key, child] of Object.entries(node)) if (key !== 'ref') walk(child);
  };
  walk(errors);
  return count;
}
