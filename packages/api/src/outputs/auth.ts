import { z } from 'zod';
import { PERMISSIONS } from '@souk/auth';
import { Role } from '@souk/db';

const role = z.enum(Role);

export const meOutput = z
  .object({
    user: z.object({ id: z.string(), email: z.string(), name: z.string().nullable() }),
    org: z.object({ id: z.string(), slug: z.string(), name: z.string() }),
    role,
    permissions: z.array(z.enum(PERMISSIONS)),
  })
  .nullable();

export const changePasswordOutput = z.object({ signedOut: z.boolean() });

export const signUpOutput = z.object({ userId: z.string(), email: z.string() });

export const passwordResetRequestedOutput = z.object({ sent: z.literal(true) });

export const passwordResetOutput = z.object({ email: z.string() });

export const memberOutput = z.object({
  userId: z.string(),
  email: z.string(),
  name: z.string().nullable(),
  role,
  disabledAt: z.date().nullable(),
  isPlatformDisabled: z.boolean(),
});

export const membersOutput = z.array(memberOutput);

export const userDisabledOutput = z.object({
  userId: z.string(),
  disabled: z.boolean(),
  sessionsRevoked: z.number(),
});

export const userRoleOutput = z.object({ userId: z.string(), role });
