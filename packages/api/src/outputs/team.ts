import { z } from 'zod';
import { Role } from '@souk/db';

const role = z.enum(Role);

export const memberInvitedOutput = z.object({
  email: z.string(),
  role,
  invitationId: z.string().nullable(),
  expiresAt: z.date().nullable(),
  userId: z.string().nullable(),
  // Shown once in the UI; nothing stores it in clear.
  temporaryPassword: z.string().nullable(),
});

export const invitationsOutput = z.array(
  z.object({
    id: z.string(),
    email: z.string(),
    role,
    invitedByEmail: z.string().nullable(),
    createdAt: z.date(),
    expiresAt: z.date(),
    isExpired: z.boolean(),
  }),
);

export const invitationRevokedOutput = z.object({ id: z.string(), revoked: z.literal(true) });

export const invitationOutput = z.object({
  email: z.string(),
  role,
  orgName: z.string(),
  hasAccount: z.boolean(),
});

export const invitationAcceptedOutput = z.object({
  email: z.string(),
  orgName: z.string(),
  orgSlug: z.string(),
});

export const memberPasswordResetOutput = z.object({
  userId: z.string(),
  email: z.string(),
  sent: z.literal(true),
});

export const signedOutEverywhereOutput = z.object({
  userId: z.string(),
  sessionsRevoked: z.number(),
});

export const memberRemovedOutput = z.object({
  userId: z.string(),
  removed: z.literal(true),
  sessionsRevoked: z.number(),
});
