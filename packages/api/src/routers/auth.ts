import { z } from 'zod';
import { listMembers } from '@souk/core';
import { changePassword, permissionsFor, setUserDisabled } from '@souk/auth';
import { createTRPCRouter, protectedProcedure, publicProcedure, requirePermission } from '../trpc';

export const authRouter = createTRPCRouter({
  me: publicProcedure.query(({ ctx }) => {
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
    .input(z.object({ currentPassword: z.string().min(1, 'Required'), newPassword: z.string() }))
    .mutation(async ({ ctx, input }) => {
      await changePassword({ db: ctx.db, userId: ctx.session.user.id, ...input });
      return { signedOut: true };
    }),
});

export const usersRouter = createTRPCRouter({
  list: requirePermission('users.manage').query(({ ctx }) => listMembers({ ctx: ctx.tenant })),
  setDisabled: requirePermission('users.manage')
    .input(z.object({ userId: z.uuid('Unknown user'), disabled: z.boolean() }))
    .mutation(({ ctx, input }) => setUserDisabled({ ctx: ctx.tenant, ...input })),
});
