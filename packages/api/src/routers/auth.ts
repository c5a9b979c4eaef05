import { z } from 'zod';
import { listMembers, text, uuidId } from '@souk/core';
import {
  changePassword,
  permissionsFor,
  setUserDisabled,
  setUserRole,
  STAFF_ROLES,
} from '@souk/auth';
import { createTRPCRouter, protectedProcedure, publicProcedure, requirePermission } from '../trpc';
import {
  changePasswordOutput,
  meOutput,
  membersOutput,
  userDisabledOutput,
  userRoleOutput,
} from '../outputs/auth';

export const authRouter = createTRPCRouter({
  getCurrentUser: publicProcedure.output(meOutput).query(({ ctx }) => {
    const s = ctx.session;
    if (!s) return null;
    return {
      user: s.user,
      org: { id: s.orgId, slug: s.orgSlug, name: s.orgName },
      role: s.role,
      permissions: [...permissionsFor(s.role)],
    };
  }),
  changePassword: protectedProcedure
    .input(
      z.object({
        // Not trimmed: spaces are part of a password. The byte limit is validatePassword's.
        currentPassword: text({ min: 1, max: 1024, trim: false }),
        newPassword: text({ max: 1024, trim: false }),
      }),
    )
    .output(changePasswordOutput)
    .mutation(async ({ ctx, input }) => {
      await changePassword({ db: ctx.db, userId: ctx.session.user.id, ...input });
      return { signedOut: true };
    }),
});

export const usersRouter = createTRPCRouter({
  listMembers: requirePermission('users.manage')
    .output(membersOutput)
    .query(({ ctx }) => listMembers({ ctx: ctx.tenant })),
  setMemberDisabled: requirePermission('users.manage')
    .input(z.object({ userId: uuidId('Unknown user'), disabled: z.boolean() }))
    .output(userDisabledOutput)
    .mutation(({ ctx, input }) => setUserDisabled({ ctx: ctx.tenant, ...input })),
  setMemberRole: requirePermission('users.manage')
    .input(
      z.object({
        userId: uuidId('Unknown user'),
        role: z.enum(STAFF_ROLES, {
          error: 'Choose a staff role: owner, admin, finance, dispatcher or viewer',
        }),
      }),
    )
    .output(userRoleOutput)
    .mutation(({ ctx, input }) => setUserRole({ ctx: ctx.tenant, ...input })),
});
