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
import {
  credentialsStatusOutput,
  eventsSummaryOutput,
  outboxMessageOutput,
  outboxMessagePageOutput,
  processorEventPageOutput,
  replayFailedOutput,
  replayOutcomeOutput,
} from '../outputs/payments';

export const paymentsRouter = createTRPCRouter({
  listEvents: requirePermission('payments.read')
    .input(listProcessorEventsInput)
    .output(processorEventPageOutput)
    .query(({ ctx, input }) => listProcessorEvents({ ctx: ctx.tenant, input })),
  replayEvent: requirePermission('payments.replay')
    .input(replayProcessorEventInput)
    .output(replayOutcomeOutput)
    .mutation(({ ctx, input }) =>
      replayProcessorEvent({ ctx: ctx.tenant, db: ctx.db, id: input.id }),
    ),
  getEventsSummary: requirePermission('payments.read')
    .output(eventsSummaryOutput)
    .query(({ ctx }) => summarizeProcessorEvents({ ctx: ctx.tenant })),
  replayFailedEvents: requirePermission('payments.replay')
    .output(replayFailedOutput)
    .mutation(({ ctx }) => replayFailedProcessorEvents({ ctx: ctx.tenant })),
  getCredentialsStatus: requirePermission('payments.read')
    .output(credentialsStatusOutput)
    .query(({ ctx }) => getPaymentCredentialsStatus({ ctx: ctx.tenant })),
  setCredentials: requirePermission('payments.configure')
    .input(setPaymentCredentialsInput)
    .output(credentialsStatusOutput)
    .mutation(({ ctx, input }) => setPaymentCredentials({ ctx: ctx.tenant, input })),
});

export const outboxRouter = createTRPCRouter({
  listMessages: requirePermission('outbox.read')
    .input(listOutboxInput)
    .output(outboxMessagePageOutput)
    .query(({ ctx, input }) => listOutbox({ ctx: ctx.tenant, input })),
  replayMessage: requirePermission('outbox.replay')
    .input(replayOutboxInput)
    .output(outboxMessageOutput)
    .mutation(({ ctx, input }) => replayOutboxEvent({ ctx: ctx.tenant, id: input.id })),
});
