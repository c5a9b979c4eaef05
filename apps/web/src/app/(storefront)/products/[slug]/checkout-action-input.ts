import { startCheckoutInput, type StartCheckoutInput } from '@souk/core/client';
import { productSlugParam } from '../../../../lib/params';

export const INVALID_CHECKOUT_REQUEST =
  'This checkout request is not valid. Reload the product page and try again.';

export type ParsedCheckoutActionInput =
  | { ok: true; input: StartCheckoutInput }
  | { ok: false; message: string; fieldErrors: Record<string, string[]> };

/**
 * Field errors are keyed by input path everywhere (`selection.options.<groupId>`); the
 * configurator names its fields relative to the selection. This is the one mapping.
 */
export function configuratorField(path: readonly PropertyKey[]): string | null {
  if (path.length === 1 && path[0] === 'quantity') return 'quantity';
  if (path[0] !== 'selection' || path.length < 2) return null;
  const rest = path.slice(1).map(String);
  if (rest[0] === 'planId') return 'plan';
  if (rest[0] === 'addOnIds') return 'addOns';
  return rest.slice(0, 2).join('.');
}

/**
 * A server action is a public endpoint: whatever a caller posts arrives here as its
 * argument (null, a string, FormData, a 5,000-character slug). Junk gets an answer in
 * words, as a configurator mistake would, instead of a TypeError and a 500.
 */
export function parseCheckoutActionInput(raw: unknown): ParsedCheckoutActionInput {
  const parsed = startCheckoutInput.safeParse(raw);
  if (!parsed.success) {
    const fieldErrors: Record<string, string[]> = {};
    for (const issue of parsed.error.issues) {
      const field = configuratorField(issue.path);
      if (field) (fieldErrors[field] ??= []).push(issue.message);
    }
    const first = Object.values(fieldErrors)[0]?.[0];
    return { ok: false, message: first ?? INVALID_CHECKOUT_REQUEST, fieldErrors };
  }
  // The slug also goes into a sign-in link: it has to be one that can name a product.
  if (!productSlugParam.safeParse(parsed.data.productSlug).success) {
    return { ok: false, message: INVALID_CHECKOUT_REQUEST, fieldErrors: {} };
  }
  return { ok: true, input: parsed.data };
}
