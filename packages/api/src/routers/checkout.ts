import {
  AppError,
  checkoutStatusInput,
  getCheckoutSession,
  getCheckoutStatus,
  getCustomerPreferences,
  getMyOrder,
  getOrchestration,
  listCheckoutSessions,
  listCustomerOrders,
  listRecoveryRuns,
  listRecoveryRunsInput,
  listSessionsInput,
  markCheckoutAbandoned,
  monitorCheckoutOrchestrations,
  myOrderInput,
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
import {
  abandonedCheckoutOutput,
  checkoutSessionOutput,
  checkoutSessionPageOutput,
  checkoutStatusOutput,
  customerOrderPageOutput,
  customerOrderOutput,
  customerPreferencesOutput,
  hostedSessionOutput,
  orchestrationMonitorOutput,
  orchestrationOutput,
  orderOrchestrationOutput,
  recoveryRunOutput,
  recoveryRunPageOutput,
  resumeCheckoutOutput,
  startCheckoutOutput,
} from '../outputs/checkout';

const read = requirePermission('checkout.read');
const manage = requirePermission('checkout.manage');
const manageScoped = requirePermissionScoped('checkout.manage');

export const checkoutRouter = createTRPCRouter({
  // Storefront, server-only (X-API-Key): order creation and session initiation.
  startCheckout: internalProcedure
    .input(startCheckoutInput)
    .output(startCheckoutOutput)
    .mutation(({ ctx, input }) => {
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
  resumeCheckout: internalProcedure
    .input(resumeInput)
    .output(resumeCheckoutOutput)
    .mutation(({ ctx, input }) =>
      storefrontScope(ctx, (scope) => resumeCheckout({ scope, token: input.token })),
    ),
  abandonCheckout: internalProcedure
    .input(resumeInput)
    .output(abandonedCheckoutOutput)
    .mutation(({ ctx, input }) =>
      storefrontTenant(ctx, (tenant) => markCheckoutAbandoned({ ctx: tenant, token: input.token })),
    ),
  // The success page: the processor session id from the redirect is the capability.
  getCheckoutStatus: publicProcedure
    .input(checkoutStatusInput)
    .output(checkoutStatusOutput)
    .query(({ ctx, input }) =>
      storefrontTenant(ctx, (tenant) =>
        getCheckoutStatus({ ctx: tenant, sessionId: input.sessionId }),
      ),
    ),
  listMyOrders: protectedProcedure
    .input(myOrdersInput)
    .output(customerOrderPageOutput)
    .query(({ ctx, input }) =>
      storefrontTenant(ctx, (tenant) =>
        listCustomerOrders({ ctx: tenant, userId: ctx.session.user.id, input }),
      ),
    ),
  getMyOrder: protectedProcedure
    .input(myOrderInput)
    .output(customerOrderOutput)
    .query(({ ctx, input }) =>
      storefrontTenant(ctx, (tenant) =>
        getMyOrder({ ctx: tenant, userId: ctx.session.user.id, orderId: input.orderId }),
      ),
    ),
  getMyPreferences: protectedProcedure
    .output(customerPreferencesOutput)
    .query(({ ctx }) =>
      storefrontTenant(ctx, (tenant) =>
        getCustomerPreferences({ ctx: tenant, userId: ctx.session.user.id }),
      ),
    ),
  setMyPreferences: protectedProcedure
    .input(preferencesInput)
    .output(customerPreferencesOutput)
    .mutation(({ ctx, input }) =>
      storefrontTenant(ctx, (tenant) =>
        setCustomerPreferences({ ctx: tenant, userId: ctx.session.user.id, ...input }),
      ),
    ),

  // Admin (spec 000 session lifecycle, spec 003 orchestration).
  listSessions: read
    .input(listSessionsInput)
    .output(checkoutSessionPageOutput)
    .query(({ ctx, input }) => listCheckoutSessions({ ctx: ctx.tenant, input })),
  getSession: read
    .input(sessionIdInput)
    .output(checkoutSessionOutput)
    .query(({ ctx, input }) => getCheckoutSession({ ctx: ctx.tenant, id: input.id })),
  regenerateSession: manageScoped
    .input(regenerateSessionInput)
    .output(hostedSessionOutput)
    .mutation(({ ctx, input }) => regenerateSession({ scope: ctx.scope, input })),
  runRecovery: manage.output(recoveryRunOutput).mutation(({ ctx }) =>
    runSessionRecovery({
      ctx: ctx.tenant,
      trigger: 'manual',
      settings: recoverySettingsFromEnv(),
    }),
  ),
  listRecoveryRuns: read
    .input(listRecoveryRunsInput)
    .output(recoveryRunPageOutput)
    .query(({ ctx, input }) => listRecoveryRuns({ ctx: ctx.tenant, input })),
  runOrchestrationMonitor: manage
    .output(orchestrationMonitorOutput)
    .mutation(({ ctx }) => monitorCheckoutOrchestrations({ ctx: ctx.tenant })),
  getOrchestration: read
    .input(orchestrationOrderInput)
    .output(orderOrchestrationOutput)
    .query(({ ctx, input }) => getOrchestration({ ctx: ctx.tenant, ...input })),
  postOrchestrationEvent: manage
    .input(postOrchestrationEventInput)
    .output(orchestrationOutput)
    .mutation(({ ctx, input }) => postOrchestrationEvent({ ctx: ctx.tenant, input })),
});
