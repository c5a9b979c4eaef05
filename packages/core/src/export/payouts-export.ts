import { listPayoutsInput } from '../marketplace/schemas';
import { NEWEST_FIRST } from '../page';
import { money } from './csv-cell';
import { createdBefore } from './keyset';
import { defineListExport } from './list-export';

export const payoutsExport = defineListExport({
  permission: 'marketplace.read',
  filters: listPayoutsInput.omit({ page: true, pageSize: true }),
  page: ({ tx, filters, after, take }) =>
    tx.payout.findMany({
      where: {
        AND: [
          {
            ...(filters.status ? { status: filters.status } : {}),
            ...(filters.milestone ? { milestone: filters.milestone } : {}),
          },
          createdBefore(after),
        ],
      },
      include: {
        booking: { select: { number: true } },
        vendor: { select: { displayName: true } },
      },
      orderBy: NEWEST_FIRST,
      take,
    }),
  keyOf: (row) => ({ at: row.createdAt, id: row.id }),
  columns: [
    { header: 'Created at', value: (p) => p.createdAt },
    { header: 'Booking number', value: (p) => p.booking.number },
    { header: 'Vendor', value: (p) => p.vendor.displayName },
    { header: 'Milestone', value: (p) => p.milestone },
    { header: 'Status', value: (p) => p.status },
    { header: 'Amount', value: (p) => money(p.amountCents, p.currency) },
    { header: 'Currency', value: (p) => p.currency },
    { header: 'Eligible at', value: (p) => p.eligibleAt },
    { header: 'Approved at', value: (p) => p.approvedAt },
    { header: 'Transfer ID', value: (p) => p.transferId },
    { header: 'Held because', value: (p) => p.heldReason },
    { header: 'Reversed at', value: (p) => p.reversedAt },
    { header: 'Reverse reason', value: (p) => p.reverseReason },
    { header: 'Payout ID', value: (p) => p.id },
  ],
});
