import { listVendorsInput } from '../marketplace/schemas';
import { NEWEST_FIRST } from '../page';
import { createdBefore } from './keyset';
import { defineListExport } from './list-export';

export const vendorsExport = defineListExport({
  permission: 'marketplace.read',
  filters: listVendorsInput.omit({ page: true, pageSize: true }),
  page: ({ tx, filters, after, take }) =>
    tx.vendor.findMany({
      where: {
        AND: [
          {
            ...(filters.status ? { status: filters.status } : {}),
            ...(filters.type ? { type: filters.type } : {}),
          },
          createdBefore(after),
        ],
      },
      include: { user: { select: { email: true } } },
      orderBy: NEWEST_FIRST,
      take,
    }),
  keyOf: (row) => ({ at: row.createdAt, id: row.id }),
  columns: [
    { header: 'Display name', value: (v) => v.displayName },
    { header: 'Type', value: (v) => v.type },
    { header: 'City', value: (v) => v.city },
    { header: 'Email', value: (v) => v.user.email },
    { header: 'Status', value: (v) => v.status },
    { header: 'Review note', value: (v) => v.reviewNote },
    { header: 'Reviewed at', value: (v) => v.reviewedAt },
    { header: 'Payouts enabled', value: (v) => v.payoutsEnabled },
    { header: 'Payouts disabled by staff', value: (v) => v.payoutsDisabled },
    { header: 'Created at', value: (v) => v.createdAt },
    { header: 'Vendor ID', value: (v) => v.id },
  ],
});
