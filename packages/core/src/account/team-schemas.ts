import { z } from 'zod';
import { email, text, uuidId } from '../validation';

/** The roles a person can be invited to: staff only (customers sign up, vendors onboard). */
export const INVITABLE_ROLES = ['OWNER', 'ADMIN', 'FINANCE', 'DISPATCHER', 'VIEWER'] as const;

export const inviteMemberInput = z.object({
  email: email('Enter the email address of the person to invite'),
  role: z.enum(INVITABLE_ROLES, {
    error: 'Choose a staff role: owner, admin, finance, dispatcher or viewer',
  }),
});
export type InviteMemberInput = z.infer<typeof inviteMemberInput>;

export const invitationIdInput = z.object({ id: uuidId('Unknown invitation') });

/** A member of the caller's org the action is about. */
export const memberUserInput = z.object({ userId: uuidId('Unknown user') });

// `<orgId>.<secret>`: 36 + 1 + 43 characters; a little room, nothing like a novel.
const invitationToken = text({ min: 1, max: 200, trim: true, label: 'Invitation link' });

export const invitationTokenInput = z.object({ token: invitationToken });

/**
 * Accepting an invitation: a newcomer gives a name and chooses a password; someone who
 * already has a Souk account confirms with their current password (name unused).
 */
export const acceptInvitationInput = z.object({
  token: invitationToken,
  name: text({ max: 120, label: 'Name' }).optional(),
  // Not trimmed: spaces are part of a password. Strength is the auth policy's.
  password: text({ min: 1, max: 1024, trim: false, label: 'Password' }),
});
export type AcceptInvitationInput = z.infer<typeof acceptInvitationInput>;
