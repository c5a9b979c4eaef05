import { listOutboxInput } from '../outbox/list-outbox';
import { NEWEST_FIRST } from '../page';
import { createdBefore } from './keyset';
import { defineListExport } from './list-export';

// The rendered body stays out: it is the message itself, shown in the admin preview.
export const outboxExport = defineListExport({
  permission: 'outbox.read',
  filters: listOutboxInput.omit({ page: true, pageSize: true }),
  page: ({ tx, filters, after, take }) =>
    tx.outboxEvent.findMany({
      where: {
        AND: [filters.status ? { status: filters.status } : {}, createdBefore(after)],
      },
      orderBy: NEWEST_FIRST,
      take,
      select: {
        id: true,
        channel: true,
        topic: true,
        recipient: true,
        subject: true,
        status: true,
        attempts: true,
        nextAttemptAt: true,
        lastError: true,
        deliveredAt: true,
        deliveredVia: true,
        createdAt: true,
      },
    }),
  keyOf: (row) => ({ at: row.createdAt, id: row.id }),
  columns: [
    { header: 'Created at', value: (m) => m.createdAt },
    { header: 'Channel', value: (m) => m.channel },
    { header: 'Topic', value: (m) => m.topic },
    { header: 'Recipient', value: (m) => m.recipient },
    { header: 'Subject', value: (m) => m.subject },
    { header: 'Status', value: (m) => m.status },
    { header: 'Attempts', value: (m) => m.attempts },
    { header: 'Next attempt at', value: (m) => m.nextAttemptAt },
    { header: 'Delivered at', value: (m) => m.deliveredAt },
    { header: 'Delivered via', value: (m) => m.deliveredVia },
    { header: 'Last error', value: (m) => m.lastError },
    { header: 'Message ID', value: (m) => m.id },
  ],
});
