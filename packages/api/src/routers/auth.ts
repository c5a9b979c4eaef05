import { z } from 'zod';
import {
  acceptInvitationInput,
  AppError,
  createOrgScope,
  invitationIdInput,
  invitationTokenInput,
  inviteMemberInput,
  listMembers,
  memberUserInput,
  type TenantContext,
  requestPasswordResetInput,
  resetPasswordInput,
  signUpInput,
  text,
  uuidId,
} from '@souk/core';
import {
  acceptInvitation,
  changePassword,
  getInvitation,
  inviteMember,
  listInvitations,
  orgIdOfInvitationToken,
  removeMember,
  revokeInvitation,
  sendMemberPasswordReset,
  signOutMemberEverywhere,
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
  type Context,
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
import {
  invitationAcceptedOutput,
  invitationOutput,
  invitationRevokedOutput,
  invitationsOutput,
  memberInvitedOutput,
  memberPasswordResetOutput,
  memberRemovedOutput,
  signedOutEverywhereOutput,
} from '../outputs/team';

/**
 * A signed-out visitor with an invitation link: the org comes from the token itself, so
 * its invitation is looked up under that org's RLS. A token not shaped like ours names no org.
 */
function invitationTenant<T>(
  ctx: Context,
  token: string,
  fn: (tenant: TenantContext) => Promise<T>,
): Promise<T> {
  const orgId = orgIdOfInvitationToken(token);
  if (!orgId) {
    const message =
      'This invitation link is not valid. Ask the person who invited you for a new one';
    throw new AppError('NOT_FOUND', message, { fieldErrors: { token: [message] } });
  }
  const scope = createOrgScope({
    db: ctx.db,
    orgId,
    requestId: ctx.requestId,
    ip: ctx.ip,
  });
  return scope.transaction(fn);
}

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
  // Signed out, from the emailed link: what the accept page shows, then joining.
  getInvitation: publicProcedure
    .input(invitationTokenInput)
    .output(invitationOutput)
    .query(({ ctx, input }) =>
      invitationTenant(ctx, input.token, (tenant) => getInvitation({ ctx: tenant, ...input })),
    ),
  acceptInvitation: publicProcedure
    .input(acceptInvitationInput)
    .output(invitationAcceptedOutput)
    .mutation(({ ctx, input }) =>
      invitationTenant(ctx, input.token, (tenant) => acceptInvitation({ ctx: tenant, input })),
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
  inviteMember: requirePermission('users.manage')
    .input(inviteMemberInput)
    .output(memberInvitedOutput)
    .mutation(({ ctx, input }) => inviteMember({ ctx: ctx.tenant, input })),
  listInvitations: requirePermission('users.manage')
    .output(invitationsOutput)
    .query(({ ctx }) => listInvitations({ ctx: ctx.tenant })),
  revokeInvitation: requirePermission('users.manage')
    .input(invitationIdInput)
    .output(invitationRevokedOutput)
    .mutation(({ ctx, input }) => revokeInvitation({ ctx: ctx.tenant, ...input })),
  sendPasswordReset: requirePermission('users.manage')
    .input(memberUserInput)
    .output(memberPasswordResetOutput)
    .mutation(({ ctx, input }) => sendMemberPasswordReset({ ctx: ctx.tenant, ...input })),
  // Sessions only; API tokens the member holds are not touched here.
  signOutEverywhere: requirePermission('users.manage')
    .input(memberUserInput)
    .output(signedOutEverywhereOutput)
    .mutation(({ ctx, input }) => signOutMemberEverywhere({ ctx: ctx.tenant, ...input })),
  removeMember: requirePermission('users.manage')
    .input(memberUserInput)
    .output(memberRemovedOutput)
    .mutation(({ ctx, input }) => removeMember({ ctx: ctx.tenant, ...input })),
});
