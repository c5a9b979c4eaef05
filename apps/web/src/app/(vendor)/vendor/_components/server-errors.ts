import { formErrors } from '@/lib/form-errors';

/**
 * For callers that show only an alert: the message in words, field errors included.
 * Forms use `formErrors` from '@/lib/form-errors' directly.
 */
export function serverErrors(error: unknown): { message: string } {
  return { message: formErrors(error, { shown: [] }).summary ?? '' };
}
