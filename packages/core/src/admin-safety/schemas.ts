import { z } from 'zod';
import { int, text } from '../validation';

export const BREAK_GLASS_REASON_MIN = 3;
export const BREAK_GLASS_REASON_MAX = 500;
export const BREAK_GLASS_TTL_MAX_MINUTES = 240;

/** Spec 002: a break-glass session needs the incident in words and how long it may last. */
export const startBreakGlassInput = z.object({
  reason: text({
    min: BREAK_GLASS_REASON_MIN,
    max: BREAK_GLASS_REASON_MAX,
    label: 'Reason',
  }),
  ttlMinutes: int({
    min: 1,
    max: BREAK_GLASS_TTL_MAX_MINUTES,
    label: 'Duration',
    message: 'Duration must be a whole number of minutes',
    minMessage: 'Duration must be at least 1 minute',
    maxMessage: `Duration must be at most ${BREAK_GLASS_TTL_MAX_MINUTES} minutes (4 hours)`,
  }),
});
export type StartBreakGlassInput = z.infer<typeof startBreakGlassInput>;

export const redeemBreakGlassInput = z.object({
  // Tokens are `bg_` + 43 base64url characters; the length bound keeps junk out of the hash.
  token: text({ min: 1, max: 200, label: 'Token' }),
});
export type RedeemBreakGlassInput = z.infer<typeof redeemBreakGlassInput>;
