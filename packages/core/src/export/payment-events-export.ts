import {
  processorEventListSelect,
  processorEventListWhere,
} from '../payments/list-processor-events';
import { listProcessorEventsInput } from '../payments/schemas';
import { defineListExport } from './list-export';

// Metadata only, as in the list: the raw payload never leaves the ledger.
export const paymentEventsExport = defineListExport({
  permission: 'payments.read',
  filters: listProcessorEventsInput.omit({ page: true, pageSize: true }),
  page: ({ tx, filters, after, take }) =>
    tx.processorEvent.findMany({
      where: {
        AND: [
          processorEventListWhere(filters),
          after
            ? {
                OR: [
                  { receivedAt: { lt: after.at } },
                  { receivedAt: after.at, id: { lt: after.id } },
                ],
              }
            : {},
        ],
      },
      orderBy: [{ receivedAt: 'desc' }, { id: 'desc' }],
      take,
      select: processorEventListSelect,
    }),
  keyOf: (e) => ({ at: e.receivedAt, id: e.id }),
  columns: [
    { header: 'Received at', value: (e) => e.receivedAt },
    { header: 'Event', value: (e) => e.eventId },
    { header: 'Type', value: (e) => e.type },
    { header: 'Status', value: (e) => e.status },
    { header: 'Waiting for', value: (e) => e.waitingFor },
    { header: 'Error', value: (e) => e.error },
    { header: 'Attempts', value: (e) => e.attempts },
    { header: 'Next attempt at', value: (e) => e.nextAttemptAt },
    { header: 'Created at processor', value: (e) => e.eventCreatedAt },
    { header: 'Processed at', value: (e) => e.processedAt },
    {
      header: 'Lag ms',
      value: (e) => (e.processedAt ? e.processedAt.getTime() - e.receivedAt.getTime() : null),
    },
    { header: 'Invoice ID', value: (e) => e.invoiceId },
    { header: 'Booking ID', value: (e) => e.bookingId },
  ],
});
