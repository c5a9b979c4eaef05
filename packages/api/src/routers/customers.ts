import {
  addCustomerNote,
  addCustomerNoteInput,
  customerIdInput,
  getCustomer,
  listCustomers,
  listCustomersInput,
} from '@souk/core';
import { createTRPCRouter, requirePermission } from '../trpc';
import { customerNoteOutput, customerOutput, customerPageOutput } from '../outputs/customers';

const read = requirePermission('customers.read');
const write = requirePermission('customers.write');

export const customersRouter = createTRPCRouter({
  listCustomers: read
    .input(listCustomersInput)
    .output(customerPageOutput)
    .query(({ ctx, input }) => listCustomers({ ctx: ctx.tenant, input })),
  getCustomer: read
    .input(customerIdInput)
    .output(customerOutput)
    .query(({ ctx, input }) => getCustomer({ ctx: ctx.tenant, id: input.id })),
  addNote: write
    .input(addCustomerNoteInput)
    .output(customerNoteOutput)
    .mutation(({ ctx, input }) => addCustomerNote({ ctx: ctx.tenant, input })),
});
