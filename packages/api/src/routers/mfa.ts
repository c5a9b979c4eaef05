import { TRPCError } from '@trpc/server';
import { createOrgScope, mfaCodeInput, resetMemberMfaInput, type TenantContext } from '@souk/core';
import {
  beginEnrollment,
  confirmEnrollment,
  getMfaStatus,
  isStaffRole,
  regenerateRecoveryCodes,
  resetMfa,
} from '@souk/auth';
import { createTRPCRouter, protectedProcedure, requirePermission, type Context } from '../trpc';
import {
  mfaEnrolledOutput,
  mfaEnrollmentOutput,
  mfaRecoveryCodesOutput,
  mfaResetOutput,
  mfaStatusOutput,
} from '../outputs/mfa';

// A person's own second factor is their security, not a staff change: these take no
// permission, so they work under ADMIN_READ_ONLY and for an admin whose session is not
// verified yet (the MFA gate lets permission-free procedures through).
const staffSelf = protectedProcedure.use(({ ctx, next }) => {
  if (!isStaffRole(ctx.session.role)) {
    throw new TRPCError({
      code: 'FORBIDDEN',
      message: 'Two-step verification is for staff accounts',
    });
  }
  return next();
});

type SignedIn = Context & { session: NonNullable<Context['session']> };

/** The session's org, for the audit row the user's own change leaves there. */
function ownTenant<T>(ctx: SignedIn, fn: (tenant: TenantContext) => Promise<T>): Promise<T> {
  const { session } = ctx;
  return createOrgScope({
    db: ctx.db,
    orgId: session.orgId,
    actor: { userId: session.user.id, email: session.user.email, role: session.role },
    requestId: ctx.requestId,
    ip: ctx.ip,
  }).transaction(fn);
}

export const mfaRouter = createTRPCRouter({
  getStatus: staffSelf.output(mfaStatusOutput).query(async ({ ctx }) => ({
    ...(await getMfaStatus({ db: ctx.db, userId: ctx.session.user.id })),
    sessionVerified: ctx.session.mfaVerified === true,
  })),
  beginEnrollment: staffSelf
    .output(mfaEnrollmentOutput)
    .mutation(({ ctx }) => beginEnrollment({ db: ctx.db, userId: ctx.session.user.id })),
  confirmEnrollment: staffSelf
    .input(mfaCodeInput)
    .output(mfaEnrolledOutput)
    .mutation(({ ctx, input }) =>
      ownTenant(ctx, (tenant) =>
        confirmEnrollment({
          ctx: tenant,
          userId: ctx.session.user.id,
          sid: ctx.session.sid,
          code: input.code,
        }),
      ),
    ),
  regenerateRecoveryCodes: staffSelf
    .input(mfaCodeInput)
    .output(mfaRecoveryCodesOutput)
    .mutation(({ ctx, input }) =>
      ownTenant(ctx, (tenant) =>
        regenerateRecoveryCodes({ ctx: tenant, userId: ctx.session.user.id, code: input.code }),
      ),
    ),
  resetMember: requirePermission('users.resetMfa')
    .input(resetMemberMfaInput)
    .output(mfaResetOutput)
    .mutation(({ ctx, input }) => resetMfa({ ctx: ctx.tenant, userId: input.userId })),
});
