import type { z } from 'zod';
import { slug, text, uuidId } from '@souk/core/validation';

/**
 * Route and query parameters, checked before they reach a procedure or a query: a
 * parameter that cannot name anything (too long, U+0000, not a uuid) is a 404 page,
 * not a 500 from a procedure that was never meant to see it.
 */
export const uuidParam = uuidId();
export const productSlugParam = slug();
/** A processor checkout session id (`cs_test_…`, `cs_live_…`): letters, digits, underscores. */
export const checkoutSessionIdParam = text({ min: 1, max: 255 }).regex(/^\w+$/);
/** `<order id>.<issued>.<signature>` from resume-token.ts; two parts is an old (expired) link. */
export const resumeTokenParam = text({ min: 1, max: 200 }).regex(/^[\w-]+(?:\.[\w-]+){1,2}$/);

/** The parsed value, or null; pages follow it with `?? notFound()`. */
export function validParam<T>(schema: z.ZodType<T>, value: unknown): T | null {
  const parsed = schema.safeParse(value);
  return parsed.success ? parsed.data : null;
}
