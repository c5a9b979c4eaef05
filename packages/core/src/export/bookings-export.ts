import { bookingStatusLabel } from '../marketplace/booking-status';
import { listBookingsInput } from '../marketplace/schemas';
import { NEWEST_FIRST } from '../page';
import { money } from './csv-cell';
import { createdBefore } from './keyset';
import { defineListExport } from './list-export';

export const bookingsExport = defineListExport({
  permission: 'marketplace.read',
  filters: listBookingsInput.omit({ page: true, pageSize: true }),
  page: ({ tx, filters, after, take }) =>
    tx.booking.findMany({
      where: {
        AND: [filters.status ? { status: filters.status } : {}, createdBefore(after)],
      },
      include: {
        organizer: { select: { email: true, name: true } },
        vendors: {
          select: { status: true, role: true, vendor: { select: { displayName: true } } },
        },
      },
      orderBy: NEWEST_FIRST,
      take,
    }),
  keyOf: (row) => ({ at: row.createdAt, id: row.id }),
  columns: [
    { header: 'Number', value: (b) => b.number },
    { header: 'Status', value: (b) => b.status },
    { header: 'Status text', value: (b) => bookingStatusLabel(b) },
    { header: 'Organizer', value: (b) => b.organizer.name },
    { header: 'Organizer email', value: (b) => b.organizer.email },
    // A calendar day (a date column): no time or zone to add.
    { header: 'Event date', value: (b) => b.eventDate?.toISOString().slice(0, 10) },
    { header: 'Guests', value: (b) => b.guestCount },
    {
      header: 'Vendors',
      value: (b) => b.vendors.map((v) => `${v.vendor.displayName} (${v.status})`).join('; '),
    },
    { header: 'Total', value: (b) => money(b.totalCents, b.currency) },
    { header: 'Paid', value: (b) => money(b.amountPaidCents, b.currency) },
    { header: 'Refunded', value: (b) => money(b.amountRefundedCents, b.currency) },
    { header: 'Currency', value: (b) => b.currency },
    { header: 'Created at', value: (b) => b.createdAt },
    { header: 'Booking ID', value: (b) => b.id },
  ],
});
