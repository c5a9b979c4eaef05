import { checkoutSessionSelect } from '../checkout/checkout-session-select';
import { listSessionsInput } from '../checkout/schemas';
import { NEWEST_FIRST } from '../page';
import { money } from './csv-cell';
import { createdBefore } from './keyset';
import { defineListExport } from './list-export';

export const checkoutSessionsExport = defineListExport({
  permission: 'checkout.read',
  filters: listSessionsInput.omit({ page: true, pageSize: true }),
  page: ({ tx, filters, after, take }) =>
    tx.hostedCheckoutSession.findMany({
      where: {
        AND: [filters.status ? { status: filters.status } : {}, createdBefore(after)],
      },
      select: checkoutSessionSelect,
      orderBy: NEWEST_FIRST,
      take,
    }),
  keyOf: (row) => ({ at: row.createdAt, id: row.id }),
  columns: [
    { header: 'Created at', value: (s) => s.createdAt },
    { header: 'Order number', value: (s) => s.invoice.order.number },
    { header: 'Customer email', value: (s) => s.invoice.order.customerEmail },
    { header: 'Invoice number', value: (s) => s.invoice.number },
    { header: 'Status', value: (s) => s.status },
    { header: 'Amount', value: (s) => money(s.amountCents, s.currency) },
    { header: 'Currency', value: (s) => s.currency },
    { header: 'Expires at', value: (s) => s.expiresAt },
    { header: 'Completed at', value: (s) => s.completedAt },
    { header: 'Abandoned at', value: (s) => s.abandonedAt },
    { header: 'Expired at', value: (s) => s.expiredAt },
    { header: 'Recovery attempts', value: (s) => s.recoveryAttempts },
    { header: 'Last recovery at', value: (s) => s.lastRecoveryAt },
    { header: 'Last payment error', value: (s) => s.lastPaymentError },
    { header: 'Processor session ID', value: (s) => s.processorSessionId },
    { header: 'Replaced by', value: (s) => s.replacedById },
    { header: 'Session ID', value: (s) => s.id },
  ],
});
