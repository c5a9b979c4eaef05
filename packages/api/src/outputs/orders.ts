import { z } from 'zod';
import {
  FulfillmentTaskStatus,
  HostedSessionStatus,
  InvoiceStatus,
  OrderStatus,
  OutboxChannel,
  OutboxStatus,
  RefundStatus,
} from '@souk/db';
import { invoiceLineOutput, invoicePaymentOutput } from './finance';
import { pageSchema } from './shared';

/** The order row itself, as the list and the order page both show it. */
export const orderRowOutput = z.object({
  id: z.string(),
  number: z.number(),
  status: z.enum(OrderStatus),
  customerId: z.string().nullable(),
  customerEmail: z.string(),
  currency: z.string(),
  subtotalCents: z.number(),
  taxCents: z.number(),
  totalCents: z.number(),
  paidAt: z.date().nullable(),
  createdAt: z.date(),
});

export const orderListItemOutput = orderRowOutput.extend({
  customer: z.object({ name: z.string().nullable() }).nullable(),
  items: z.array(z.object({ productName: z.string(), quantity: z.number() })),
});

export const orderPageOutput = pageSchema(orderListItemOutput);

const itemOutput = z.object({
  id: z.string(),
  productId: z.string().nullable(),
  productName: z.string(),
  quantity: z.number(),
  unitPriceCents: z.number(),
  totalCents: z.number(),
  choices: z.array(
    z.object({ kind: z.enum(['option', 'addOn']), label: z.string(), amountCents: z.number() }),
  ),
  customFields: z.array(z.object({ label: z.string(), value: z.string() })),
  plan: z
    .object({
      label: z.string(),
      billingCycle: z.string().nullable(),
      amountCents: z.number().nullable(),
    })
    .nullable(),
});

const invoiceOutput = z.object({
  id: z.string(),
  number: z.number(),
  status: z.enum(InvoiceStatus),
  currency: z.string(),
  subtotalCents: z.number(),
  taxableSubtotalCents: z.number(),
  taxCents: z.number(),
  taxRateBps: z.number(),
  totalCents: z.number(),
  amountPaidCents: z.number(),
  amountRefundedCents: z.number(),
  issuedAt: z.date(),
  paidAt: z.date().nullable(),
  lineItems: z.array(invoiceLineOutput),
});

/** The admin's order page: the order and everything recorded about it. */
export const orderDetailOutput = orderRowOutput.extend({
  updatedAt: z.date(),
  orgName: z.string(),
  customer: z.object({ id: z.string(), name: z.string().nullable(), email: z.string() }).nullable(),
  items: z.array(itemOutput),
  invoice: invoiceOutput.nullable(),
  payments: z.array(invoicePaymentOutput),
  refunds: z.array(
    z.object({
      id: z.string(),
      paymentId: z.string(),
      amountCents: z.number(),
      currency: z.string(),
      reason: z.string(),
      status: z.enum(RefundStatus),
      failureReason: z.string().nullable(),
      createdByEmail: z.string().nullable(),
      createdAt: z.date(),
    }),
  ),
  sessions: z.array(
    z.object({
      id: z.string(),
      processorSessionId: z.string(),
      status: z.enum(HostedSessionStatus),
      amountCents: z.number(),
      currency: z.string(),
      expiresAt: z.date(),
      completedAt: z.date().nullable(),
      abandonedAt: z.date().nullable(),
      expiredAt: z.date().nullable(),
      lastPaymentError: z.string().nullable(),
      replacedById: z.string().nullable(),
      createdAt: z.date(),
    }),
  ),
  tasks: z.array(
    z.object({
      id: z.string(),
      kind: z.string(),
      status: z.enum(FulfillmentTaskStatus),
      attempts: z.number(),
      lastError: z.string().nullable(),
      runAfter: z.date(),
      completedAt: z.date().nullable(),
    }),
  ),
  outbox: z.array(
    z.object({
      id: z.string(),
      channel: z.enum(OutboxChannel),
      topic: z.string(),
      recipient: z.string().nullable(),
      subject: z.string().nullable(),
      body: z.string(),
      status: z.enum(OutboxStatus),
      attempts: z.number(),
      lastError: z.string().nullable(),
      deliveredAt: z.date().nullable(),
      createdAt: z.date(),
    }),
  ),
});

export const confirmationResentOutput = z.object({ orderId: z.string(), recipient: z.string() });

export const orderCancelledOutput = z.object({
  id: z.string(),
  number: z.number(),
  status: z.literal('cancelled'),
});

/** A refund of an order's payment; its idempotency key stays on the server. */
export const refundOutput = z.object({
  id: z.string(),
  orderId: z.string(),
  amountCents: z.number(),
  currency: z.string(),
  reason: z.string(),
  status: z.enum(RefundStatus),
  failureReason: z.string().nullable(),
  processorRefundId: z.string().nullable(),
  createdAt: z.date(),
});

/** The refund panel: the order's refunds and what a refund may still take. */
export const orderRefundsOutput = z.object({
  orderId: z.string(),
  currency: z.string(),
  customerEmail: z.string(),
  refundableCents: z.number(),
  items: z.array(refundOutput),
});
