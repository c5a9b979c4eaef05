import {
  getPaymentCredentialsStatus,
  setPaymentCredentials,
  setPaymentCredentialsInput,
  listOutbox,
  listOutboxInput,
  listProcessorEvents,
  listProcessorEventsInput,
  replayFailedProcessorEvents,
  replayOutboxEvent,
  replayOutboxInput,
  replayProcessorEvent,
  replayProcessorEventInput,
  summarizeProcessorEvents,
} from '@souk/core';
import { createTRPCRouter, requirePermission } from '../trpc';

export const paymentsRouter = createTRPCRouter({
  listEvents: requirePermission('payments.read')
    .input(listProcessorEventsInput)
    .query(({ ctx, input }) => listProcessorEvents({ ctx: ctx.tenant, input })),
  replayEvent: requirePermission('payments.replay')
    .input(replayProcessorEventInput)
    .mutation(({ ctx, input }) =>
      replayProcessorEvent({ ctx: ctx.tenant, db: ctx.db, id: input.id }),
    ),
  eventsSummary: requirePermission('payments.read').query(({ ctx }) =>
    summarizeProcessorEvents({ ctx: ctx.tenant }),
  ),
  replayFailedEvents: requirePermission('payments.replay').mutation(({ ctx }) =>
    replayFailedProcessorEvents({ ctx: ctx.tenant }),
  ),
  credentialsStatus: requirePermission('payments.read').query(({ ctx }) =>
    getPaymentCredentialsStatus({ ctx: ctx.tenant }),
  ),
  setCredentials: requirePermission('payments.configure')
    .input(setPaymentCredentialsInput)
    .mutation(({ ctx, input }) => setPaymentCredentials({ ctx: ctx.tenant, input })),
});

export const outboxRouter = createTRPCRouter({
  list: requirePermission('outbox.read')
    .input(listOutboxInput)
    .query(({ ctx, input }) => listOutbox({ ctx: ctx.tenant, input })),
  replay: requirePermission('outbox.replay')
    .input(replayOutboxInput)
    .mutation(({ ctx, input }) => replayOutboxEvent({ ctx: ctx.tenant, id: input.id })),
});
