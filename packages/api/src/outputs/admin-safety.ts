import { z } from 'zod';

/** The one answer that carries the token: shown once, never stored or readable again. */
export const breakGlassStartedOutput = z.object({
  id: z.string(),
  token: z.string(),
  reason: z.string(),
  expiresAt: z.date(),
});

export const breakGlassRedeemedOutput = z.object({
  id: z.string(),
  reason: z.string(),
  expiresAt: z.date(),
  redeemedAt: z.date(),
});

export const breakGlassEndedOutput = z.object({ id: z.string(), endedAt: z.date() });

/** For the admin banner and the safety page. */
export const breakGlassStatusOutput = z.object({
  readOnly: z.boolean(),
  isActive: z.boolean(),
  id: z.string().nullable(),
  reason: z.string().nullable(),
  expiresAt: z.date().nullable(),
  endedAt: z.date().nullable(),
});

/** History rows: who, why, when; never the token or its hash. */
export const breakGlassSessionsOutput = z.array(
  z.object({
    id: z.string(),
    reason: z.string(),
    startedBy: z.string().nullable(),
    status: z.enum(['active', 'expired', 'ended']),
    createdAt: z.date(),
    expiresAt: z.date(),
    redeemedAt: z.date().nullable(),
    endedAt: z.date().nullable(),
  }),
);
