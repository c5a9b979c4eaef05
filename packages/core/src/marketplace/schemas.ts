// Browser-safe (no environment, no database): web forms check what people type with these
// through @souk/core/client before it is sent.
import { z } from 'zod';
import { SUPPORTED_CURRENCIES } from '../money';
import { BOOKING_STATUSES } from './booking-status';
import {
  cents as centsOf,
  dateOnly,
  dateTime,
  int,
  page as pageNumber,
  pageSize,
  partialUpdate,
  text,
  uuidId,
} from '../validation';

// $1M per amount. The columns are int4 and a booking's total adds up to 21 vendors'
// amounts, so one amount must stay well under 2^31 / 21 (the old $100M overflowed: a 500).
const MAX_CENTS = 100_000_000;
// Limits read in money: "Budget must be at most $1,000,000.00".
const cents = (label: string) => centsOf({ label, max: MAX_CENTS });
const positiveCents = (label: string) =>
  centsOf({ label, min: 1, max: MAX_CENTS, minMessage: `${label} must be more than zero` });
const note = text({ max: 2000, maxMessage: 'Notes are at most 2,000 characters' }).optional();
const page = { page: pageNumber(), pageSize: pageSize(25) };
export const idInput = z.object({ id: uuidId('Unknown id') });
const orgSlug = () => text({ min: 1, max: 80 });

// Vendors
export const onboardVendorInput = z.object({
  type: z.enum(['venue_owner', 'service_provider'], {
    message: 'Choose venue owner or service provider',
  }),
  displayName: text({ min: 2, max: 80, label: 'Display name' }),
  description: text({ max: 2000, label: 'Description' }).default(''),
  city: text({ max: 80, label: 'City' }).default(''),
});
export type OnboardVendorInput = z.infer<typeof onboardVendorInput>;

// Only the fields sent change: the onboarding defaults ('' for description and city)
// would otherwise wipe them on a name-only edit.
export const updateVendorProfileInput = partialUpdate(onboardVendorInput.omit({ type: true }));

export const listVendorsInput = z.object({
  status: z.enum(['pending', 'approved', 'needs_changes']).optional(),
  type: z.enum(['venue_owner', 'service_provider']).optional(),
  ...page,
});
export const publicVendorsInput = z.object({
  type: z.enum(['venue_owner', 'service_provider']).optional(),
  orgSlug: orgSlug().optional(),
  ...page,
});

export const reviewVendorInput = z.discriminatedUnion('decision', [
  z.object({ id: uuidId('Unknown vendor'), decision: z.literal('approve'), note: note }),
  z.object({
    id: uuidId('Unknown vendor'),
    decision: z.literal('needs_changes'),
    note: text({ min: 1, minMessage: 'Say what needs to change', max: 2000 }),
  }),
]);
export const setPayoutsDisabledInput = z.object({
  id: uuidId('Unknown vendor'),
  disabled: z.boolean(),
  note,
});

// Templates and subscriptions. Template inputs live in their own module.
export { templateInput, updateTemplateInput } from './template-schemas';
export const publicTemplatesInput = z.object({ orgSlug: orgSlug().optional() });
export const listSubscriptionsInput = z.object({ ...page });

export const setSubscriptionInput = z.object({
  userId: uuidId('Unknown user'),
  status: z.enum(['none', 'trial', 'active', 'cancelled']),
  trialEndsAt: dateTime('Trial end must be a date', 'The trial end').nullable().default(null),
});

// Bookings
export const createBookingInput = z
  .object({
    templateId: uuidId('Unknown template').nullable().default(null),
    eventDate: dateOnly('Event date must be a date (YYYY-MM-DD)', 'The event year')
      .nullable()
      .default(null),
    guestCount: int({
      label: 'Guests',
      min: 1,
      max: 100_000,
      minMessage: 'Guests must be at least 1',
    })
      .nullable()
      .default(null),
    locationText: text({ max: 300, label: 'Location' }).default(''),
    venueVendorId: uuidId('Choose a venue'),
    serviceVendorIds: z
      .array(uuidId('Unknown vendor'))
      .max(20, 'A booking has at most 20 services')
      .default([]),
    notes: text({ max: 4000, label: 'Notes' }).default(''),
    requestedBudgetCents: cents('Budget').nullable().default(null),
    currency: z
      .enum(SUPPORTED_CURRENCIES, {
        message: `Currency must be one of ${SUPPORTED_CURRENCIES.join(', ')}`,
      })
      .default('USD'),
    /** false keeps it as a draft; the default sends the request to the vendors at once. */
    submit: z.boolean().default(true),
  })
  .superRefine((value, ctx) => {
    if (value.serviceVendorIds.includes(value.venueVendorId)) {
      ctx.addIssue({
        code: 'custom',
        path: ['serviceVendorIds'],
        message: 'The venue is already included',
      });
    }
    if (new Set(value.serviceVendorIds).size !== value.serviceVendorIds.length) {
      ctx.addIssue({
        code: 'custom',
        path: ['serviceVendorIds'],
        message: 'A vendor is listed twice',
      });
    }
  });
export type CreateBookingInput = z.infer<typeof createBookingInput>;

export const bookingStatusEnum = z.enum(BOOKING_STATUSES);
export const linkageStatusEnum = z.enum(['pending', 'approved', 'declined', 'countered']);

export const listMyBookingsInput = z.object({ status: bookingStatusEnum.optional(), ...page });
export const vendorInboxInput = z.object({
  status: linkageStatusEnum.optional(),
  bookingStatus: bookingStatusEnum.optional(),
  ...page,
});
export const listBookingsInput = z.object({ status: bookingStatusEnum.optional(), ...page });

export const vendorApproveInput = z.object({
  bookingId: uuidId('Unknown booking'),
  agreedAmountCents: positiveCents('Agreed amount').optional(),
  note,
});
export const vendorDeclineInput = z.object({ bookingId: uuidId('Unknown booking'), note });
export const vendorCounterInput = z.object({
  bookingId: uuidId('Unknown booking'),
  proposedAmountCents: positiveCents('Proposed amount'),
  note,
});
export const respondToCounterInput = z.object({
  bookingId: uuidId('Unknown booking'),
  bookingVendorId: uuidId('Unknown vendor response'),
  accept: z.boolean(),
});
export const submitBookingInput = z.object({ bookingId: uuidId('Unknown booking') });
export const cancelBookingInput = z.object({
  bookingId: uuidId('Unknown booking'),
  reason: text({ min: 1, minMessage: 'Give a reason', max: 500 }),
});

// Payments and payouts. Inputs with a return URL read the environment: only their types
// are re-exported here (erased at build), so this module stays browser-safe.
export type { payBookingInput, PayBookingInput, payoutSetupInput } from './redirect-schemas';

export const listPaymentsInput = z.object({
  status: z.enum(['requires_payment', 'succeeded', 'failed', 'canceled']).optional(),
  ...page,
});
export const payoutStatusEnum = z.enum([
  'locked',
  'eligible',
  'held',
  'paid',
  'reversed',
  'voided',
]);
export const listPayoutsInput = z.object({
  status: payoutStatusEnum.optional(),
  milestone: z.enum(['reservation', 'completion']).optional(),
  ...page,
});
export const vendorPayoutsInput = z.object({ status: payoutStatusEnum.optional(), ...page });
export const payoutActionInput = z.object({ id: uuidId('Unknown payout'), note });
export const payoutHoldInput = z.object({
  id: uuidId('Unknown payout'),
  note: text({ min: 1, minMessage: 'Say why the payout is held', max: 2000 }),
});

// Disputes and trust
export const openDisputeInput = z.object({
  bookingId: uuidId('Unknown booking'),
  reason: text({
    min: 5,
    minMessage: 'Describe the problem (at least 5 characters)',
    max: 4000,
  }),
});
export const listDisputesInput = z.object({
  status: z.enum(['open', 'resolved_released', 'resolved_reversed']).optional(),
  userId: uuidId('Unknown user').optional(),
  bookingId: uuidId('Unknown booking').optional(),
  ...page,
});
export const resolveDisputeInput = z.object({
  id: uuidId('Unknown dispute'),
  status: z.enum(['resolved_released', 'resolved_reversed'], {
    message: 'Choose release or reverse',
  }),
  note: text({ min: 1, minMessage: 'A resolution note is required', max: 4000 }),
});
export const MODERATION_KINDS = ['message', 'review', 'profile', 'booking_note', 'other'] as const;
export const reportModerationInput = z.object({
  kind: z.enum(MODERATION_KINDS, { message: 'Choose what kind of content this is' }),
  bookingId: uuidId('Unknown booking').optional(),
  text: text({ min: 1, minMessage: 'Say what happened', max: 4000 }),
});
export const listModerationInput = z.object({
  kind: z.enum(MODERATION_KINDS).optional(),
  userId: uuidId('Unknown user').optional(),
  bookingId: uuidId('Unknown booking').optional(),
  ...page,
});
