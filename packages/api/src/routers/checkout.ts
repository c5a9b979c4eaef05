import {
  AppError,
  checkoutStatusInput,
  getCheckoutSession,
  getCheckoutStatus,
  getCustomerPreferences,
  getOrchestration,
  listCheckoutSessions,
  listCustomerOrders,
  listRecoveryRuns,
  listRecoveryRunsInput,
  listSessionsInput,
  markCheckoutAbandoned,
  monitorCheckoutOrchestrations,
  myOrdersInput,
  orchestrationOrderInput,
  postOrchestrationEvent,
  postOrchestrationEventInput,
  preferencesInput,
  recoverySettingsFromEnv,
  regenerateSession,
  regenerateSessionInput,
  resumeCheckout,
  resumeInput,
  runSessionRecovery,
  sessionIdInput,
  setCustomerPreferences,
  startCheckout,
  startCheckoutInput,
} from '@souk/core';
import {
  createTRPCRouter,
  internalProcedure,
  protectedProcedure,
  publicProcedure,
  requirePermission,
  requirePermissionScoped,
  storefrontScope,
  storefrontTenant,
} from '../trpc';

const read = requirePermission('checkout.read');
const manage = requirePermission('checkout.manage');
const manageScoped = requirePermissionScoped('checkout.manage');

export const checkoutRouter = createTRPCRouter({
  // Storefront, server-only (X-API-Key): order creation and session initiation.
  start: internalProcedure.input(startCheckoutInput).mutation(({ ctx, input }) => {
    const session = ctx.session;
    // An AppError, so the storefront action can tell it from a missing API key by its code.
    if (!session) throw new AppError('UNAUTHORIZED', 'Sign in to check out');
    return storefrontScope(ctx, (scope) =>
      startCheckout({
        scope,
        input,
        customer: { userId: session.user.id, email: session.user.email },
      }),
    );
  }),
  resume: internalProcedure
    .input(resumeInput)
    .mutation(({ ctx, input }) =>
      storefrontScope(ctx, (scope) => resumeCheckout({ scope, token: input.token })),
    ),
  markAbandoned: internalProcedure
    .input(resumeInput)
    .mutation(({ ctx, input }) =>
      storefrontTenant(ctx, (tenant) => markCheckoutAbandoned({ ctx: tenant, token: input.token })),
    ),
  // The success page: the processor session id from the redirect is the capability.
  status: publicProcedure
    .input(checkoutStatusInput)
    .query(({ ctx, input }) =>
      storefrontTenant(ctx, (tenant) =>
        getCheckoutStatus({ ctx: tenant, sessionId: input.sessionId }),
      ),
    ),
  myOrders: protectedProcedure
    .input(myOrdersInput)
    .query(({ ctx, input }) =>
      storefrontTenant(ctx, (tenant) =>
        listCustomerOrders({ ctx: tenant, userId: ctx.session.user.id, input }),
      ),
    ),
  myPreferences: protectedProcedure.query(({ ctx }) =>
    storefrontTenant(ctx, (tenant) =>
      getCustomerPreferences({ ctx: tenant, userId: ctx.session.user.id }),
    ),
  ),
  setMyPreferences: protectedProcedure
    .input(preferencesInput)
    .mutation(({ ctx, input }) =>
      storefrontTenant(ctx, (tenant) =>
        setCustomerPreferences({ ctx: tenant, userId: ctx.session.user.id, ...input }),
      ),
    ),

  // Admin (spec 000 session lifecycle, spec 003 orchestration).
  listSessions: read
    .input(listSessionsInput)
    .query(({ ctx, input }) => listCheckoutSessions({ ctx: ctx.tenant, input })),
  getSession: read
    .input(sessionIdInput)
    .query(({ ctx, input }) => getCheckoutSession({ ctx: ctx.tenant, id: input.id })),
  regenerateSession: manageScoped
    .input(regenerateSessionInput)
    .mutation(({ ctx, input }) => regenerateSession({ scope: ctx.scope, input })),
  runRecovery: manage.mutation(({ ctx }) =>
    runSessionRecovery({ ctx: ctx.tenant, trigger: 'manual', settings: recoverySettingsFromEnv() }),
  ),
  listRecoveryRuns: read
    .input(listRecoveryRunsInput)
    .query(({ ctx, input }) => listRecoveryRuns({ ctx: ctx.tenant, input })),
  runOrchestrationMonitor: manage.mutation(({ ctx }) =>
    monitorCheckoutOrchestrations({ ctx: ctx.tenant }),
  ),
  getOrchestration: read
    .input(orchestrationOrderInput)
    .query(({ ctx, input }) => getOrchestration({ ctx: ctx.tenant, ...input })),
  postOrchestrationEvent: manage
    .input(postOrchestrationEventInput)
    .mutation(({ ctx, input }) => postOrchestrationEvent({ ctx: ctx.tenant, input })),
});
