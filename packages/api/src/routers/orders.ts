import {
  cancelOrder,
  getOrder,
  listOrderRefunds,
  listOrders,
  listOrdersInput,
  orderRefundsInput,
  refundOrderPayment,
  refundOrderPaymentInput,
  orderIdInput,
  resendConfirmation,
} from '@souk/core';
import { createTRPCRouter, requirePermission, requirePermissionScoped } from '../trpc';
import {
  confirmationResentOutput,
  orderCancelledOutput,
  orderDetailOutput,
  orderPageOutput,
  orderRefundsOutput,
  refundOutput,
} from '../outputs/orders';

const read = requirePermission('orders.read');
const manage = requirePermission('orders.manage');
const manageScoped = requirePermissionScoped('orders.manage');
const refundScoped = requirePermissionScoped('orders.refund');

export const ordersRouter = createTRPCRouter({
  listOrders: read
    .input(listOrdersInput)
    .output(orderPageOutput)
    .query(({ ctx, input }) => listOrders({ ctx: ctx.tenant, input })),
  getOrder: read
    .input(orderIdInput)
    .output(orderDetailOutput)
    .query(({ ctx, input }) => getOrder({ ctx: ctx.tenant, input })),
  resendConfirmation: manage
    .input(orderIdInput)
    .output(confirmationResentOutput)
    .mutation(({ ctx, input }) => resendConfirmation({ ctx: ctx.tenant, input })),
  // Expires the order's checkout pages at the processor: a scoped procedure.
  cancelOrder: manageScoped
    .input(orderIdInput)
    .output(orderCancelledOutput)
    .mutation(({ ctx, input }) => cancelOrder({ scope: ctx.scope, input })),
  listRefunds: read
    .input(orderRefundsInput)
    .output(orderRefundsOutput)
    .query(({ ctx, input }) => listOrderRefunds({ ctx: ctx.tenant, input })),
  // Refunds through the processor: a scoped procedure.
  refundPayment: refundScoped
    .input(refundOrderPaymentInput)
    .output(refundOutput)
    .mutation(({ ctx, input }) => refundOrderPayment({ scope: ctx.scope, input })),
});
