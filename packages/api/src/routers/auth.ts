import { z } from 'zod';
import {
  listMembers,
  requestPasswordResetInput,
  resetPasswordInput,
  signUpInput,
  text,
  uuidId,
} from '@souk/core';
import {
  changePassword,
  permissionsFor,
  requestPasswordReset,
  resetPassword,
  setUserDisabled,
  setUserRole,
  signUp,
  STAFF_ROLES,
} from '@souk/auth';
import {
  createTRPCRouter,
  protectedProcedure,
  publicProcedure,
  requirePermission,
  storefrontTenant,
} from '../trpc';
import {
  changePasswordOutput,
  meOutput,
  passwordResetRequestedOutput,
  passwordResetOutput,
  signUpOutput,
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
  // Storefront, signed out (spec 004 limits per client address): accounts join the
  // storefront's org as customers.
  signUp: publicProcedure
    .input(signUpInput)
    .output(signUpOutput)
    .mutation(({ ctx, input }) =>
      storefrontTenant(ctx, (tenant) => signUp({ ctx: tenant, input })),
    ),
  requestPasswordReset: publicProcedure
    .input(requestPasswordResetInput)
    .output(passwordResetRequestedOutput)
    .mutation(({ ctx, input }) =>
      storefrontTenant(ctx, (tenant) => requestPasswordReset({ ctx: tenant, input })),
    ),
  resetPassword: publicProcedure
    .input(resetPasswordInput)
    .output(passwordResetOutput)
    .mutation(({ ctx, input }) =>
      storefrontTenant(ctx, (tenant) => resetPassword({ ctx: tenant, input })),
    ),
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
