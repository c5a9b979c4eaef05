import { z } from 'zod';
import {
  BillingCycle,
  HostedSessionStatus,
  InvoiceStatus,
  OrchestrationStage,
  OrderStatus,
  RefundStatus,
} from '@souk/db';
import { pageSchema } from './shared';

const stage = z.enum(OrchestrationStage);

export const startCheckoutOutput = z.object({
  orderId: z.string(),
  orderNumber: z.number(),
  invoiceId: z.string(),
  // A free order is settled at once and never gets a hosted session.
  sessionId: z.string().nullable(),
  checkoutUrl: z.string(),
  isFree: z.boolean(),
  totalCents: z.number(),
  currency: z.string(),
});

export const resumeCheckoutOutput = z.discriminatedUnion('status', [
  z.object({ status: z.literal('paid'), orderId: z.string() }),
  z.object({ status: z.literal('open'), orderId: z.string(), checkoutUrl: z.string() }),
]);

export const abandonedCheckoutOutput = z.object({
  orderId: z.string(),
  orderNumber: z.number(),
  invoiceStatus: z.enum(InvoiceStatus),
  abandoned: z.number(),
});

const transitionOutput = z.object({
  fromStage: stage.nullable(),
  toStage: stage.nullable(),
  note: z.string().nullable(),
  at: z.date(),
});

/** The success page's live view of an order. */
export const checkoutStatusOutput = z.object({
  order: z.object({
    id: z.string(),
    number: z.number(),
    status: z.enum(OrderStatus),
    totalCents: z.number(),
    currency: z.string(),
  }),
  invoice: z.object({ number: z.number(), status: z.enum(InvoiceStatus) }),
  session: z.object({ status: z.enum(HostedSessionStatus) }),
  orchestration: z.object({
    stage,
    stageTitle: z.string(),
    stageDescription: z.string(),
    lastTransition: transitionOutput.nullable(),
    pendingLoyaltySteps: z.array(z.string()),
  }),
});

export const customerOrderPageOutput = pageSchema(
  z.object({
    id: z.string(),
    number: z.number(),
    status: z.enum(OrderStatus),
    totalCents: z.number(),
    currency: z.string(),
    createdAt: z.date(),
    items: z.array(z.object({ quantity: z.number(), productName: z.string() })),
    stage,
    resumeToken: z.string().nullable(),
  }),
);

/** One of the customer's own orders, for /account/orders/[id] and the success page. */
export const customerOrderOutput = z.object({
  id: z.string(),
  number: z.number(),
  status: z.enum(OrderStatus),
  currency: z.string(),
  createdAt: z.date(),
  paidAt: z.date().nullable(),
  items: z.array(
    z.object({
      id: z.string(),
      productName: z.string(),
      quantity: z.number(),
      unitPriceCents: z.number(),
      totalCents: z.number(),
      choices: z.array(z.object({ label: z.string(), amountCents: z.number() })),
      plan: z
        .object({ label: z.string(), billingCycle: z.enum(BillingCycle).nullable() })
        .nullable(),
    }),
  ),
  invoice: z
    .object({
      number: z.number(),
      status: z.enum(InvoiceStatus),
      subtotalCents: z.number(),
      taxCents: z.number(),
      totalCents: z.number(),
      amountPaidCents: z.number(),
      amountRefundedCents: z.number(),
    })
    .nullable(),
  totals: z.object({ subtotalCents: z.number(), taxCents: z.number(), totalCents: z.number() }),
  payments: z.array(
    z.object({
      id: z.string(),
      amountCents: z.number(),
      amountRefundedCents: z.number(),
      currency: z.string(),
      status: z.string(),
      createdAt: z.date(),
    }),
  ),
  refunds: z.array(
    z.object({
      id: z.string(),
      amountCents: z.number(),
      currency: z.string(),
      status: z.enum(RefundStatus),
      createdAt: z.date(),
    }),
  ),
  stage,
  stageTitle: z.string(),
  stageDescription: z.string(),
});

export const customerPreferencesOutput = z.object({ orderUpdates: z.boolean() });

export const hostedSessionOutput = z.object({
  id: z.string(),
  orgId: z.string(),
  invoiceId: z.string(),
  processor: z.string(),
  processorSessionId: z.string(),
  paymentIntentId: z.string().nullable(),
  url: z.string(),
  status: z.enum(HostedSessionStatus),
  currency: z.string(),
  amountCents: z.number(),
  expiresAt: z.date(),
  lastPaymentError: z.string().nullable(),
  completedAt: z.date().nullable(),
  abandonedAt: z.date().nullable(),
  expiredAt: z.date().nullable(),
  recoveryAttempts: z.number(),
  lastRecoveryAt: z.date().nullable(),
  replacedById: z.string().nullable(),
  createdAt: z.date(),
  updatedAt: z.date(),
});

/** A session in the admin list and detail, with the invoice and order it pays. */
export const checkoutSessionOutput = hostedSessionOutput
  .omit({ orgId: true, processor: true, paymentIntentId: true })
  .extend({
    invoice: z.object({
      number: z.number(),
      status: z.enum(InvoiceStatus),
      order: z.object({
        id: z.string(),
        number: z.number(),
        status: z.enum(OrderStatus),
        customerEmail: z.string(),
      }),
    }),
  });

export const checkoutSessionPageOutput = pageSchema(checkoutSessionOutput);

export const recoveryRunOutput = z.object({
  id: z.string(),
  orgId: z.string(),
  trigger: z.string(),
  startedAt: z.date(),
  finishedAt: z.date().nullable(),
  expiredCount: z.number(),
  abandonedCount: z.number(),
  emailsQueued: z.number(),
  slackQueued: z.number(),
  skippedCount: z.number(),
  error: z.string().nullable(),
});

export const recoveryRunPageOutput = pageSchema(recoveryRunOutput);

export const orchestrationMonitorOutput = z.object({
  processed: z.number(),
  prompted: z.number(),
  skipped: z.number(),
  escalated: z.number(),
});

/** An order's orchestration with one page of its event history. */
export const orchestrationOutput = z.object({
  id: z.string(),
  orderId: z.string(),
  stage,
  stageTitle: z.string(),
  stageDescription: z.string(),
  nextActionAt: z.date().nullable(),
  escalations: z.number(),
  lastTransition: transitionOutput.extend({ byOperator: z.boolean() }).nullable(),
  pendingLoyaltySteps: z.array(z.string()),
  eventsTotal: z.number(),
  eventsPage: z.number(),
  eventsPageSize: z.number(),
  events: z.array(
    transitionOutput.extend({
      id: z.string(),
      kind: z.string(),
      actorEmail: z.string().nullable(),
    }),
  ),
});

export const orderOrchestrationOutput = orchestrationOutput.extend({ orderNumber: z.number() });
