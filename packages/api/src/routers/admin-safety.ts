import {
  endBreakGlass,
  getBreakGlassStatus,
  listBreakGlassSessions,
  redeemBreakGlass,
  redeemBreakGlassInput,
  startBreakGlass,
  startBreakGlassInput,
} from '@souk/core';
import { createTRPCRouter, requirePermission } from '../trpc';
import {
  breakGlassEndedOutput,
  breakGlassRedeemedOutput,
  breakGlassSessionsOutput,
  breakGlassStartedOutput,
  breakGlassStatusOutput,
} from '../outputs/admin-safety';

// OWNER and ADMIN; allowed while ADMIN_READ_ONLY is on (see checkPermission in trpc.ts).
const breakGlass = requirePermission('admin.breakGlass');

export const adminSafetyRouter = createTRPCRouter({
  startBreakGlass: breakGlass
    .input(startBreakGlassInput)
    .output(breakGlassStartedOutput)
    .mutation(({ ctx, input }) =>
      startBreakGlass({ ctx: ctx.tenant, input, readOnly: ctx.adminSafety.readOnly }),
    ),
  redeemBreakGlass: breakGlass
    .input(redeemBreakGlassInput)
    .output(breakGlassRedeemedOutput)
    .mutation(({ ctx, input }) =>
      redeemBreakGlass({ ctx: ctx.tenant, input, sessionId: ctx.session.sid }),
    ),
  endBreakGlass: breakGlass.output(breakGlassEndedOutput).mutation(({ ctx }) =>
    endBreakGlass({
      ctx: ctx.tenant,
      breakGlassId: ctx.session.breakGlassId,
      sessionId: ctx.session.sid,
    }),
  ),
  getBreakGlassStatus: breakGlass.output(breakGlassStatusOutput).query(({ ctx }) =>
    getBreakGlassStatus({
      ctx: ctx.tenant,
      breakGlassId: ctx.session.breakGlassId,
      readOnly: ctx.adminSafety.readOnly,
    }),
  ),
  listBreakGlassSessions: breakGlass
    .output(breakGlassSessionsOutput)
    .query(({ ctx }) => listBreakGlassSessions({ ctx: ctx.tenant })),
});
