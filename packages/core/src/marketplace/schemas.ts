import { z } from 'zod';
import { SUPPORTED_CURRENCIES } from '../money';

const MAX_CENTS = 100_000_000_00; // $100M: far above any booking, far below 2^53.
const cents = (label: string) =>
  z
    .number({ message: `${label} must be a whole number of cents` })
    .int(`${label} must be a whole number of cents`)
    .max(MAX_CENTS, `${label} is too large`);
const positiveCents = (label: string) => cents(label).min(1, `${label} must be more than zero`);
const note = z.string().trim().max(2000, 'Notes are at most 2,000 characters').optional();
const page = {
  page: z.number().int().min(1).default(1),
  pageSize: z.number().int().min(1).max(100).default(25),
};
export const idInput = z.object({ id: z.uuid('Unknown id') });

// Vendors
export const onboardVendorInput = z.object({
  type: z.enum(['venue_owner', 'service_provider'], {
    message: 'Choose venue owner or service provider',
  }),
  displayName: z.string().trim().min(2, 'Display name needs at least 2 characters').max(80),
  description: z.string().trim().max(2000).default(''),
  city: z.string().trim().max(80).default(''),
});
export type OnboardVendorInput = z.infer<typeof onboardVendorInput>;

export const updateVendorProfileInput = onboardVendorInput.omit({ type: true });

export const payoutSetupInput = z.object({
  returnUrl: z.url('returnUrl must be a URL'),
  refreshUrl: z.url('refreshUrl must be a URL'),
});

export const listVendorsInput = z.object({
  status: z.enum(['pending', 'approved', 'needs_changes']).optional(),
  type: z.enum(['venue_owner', 'service_provider']).optional(),
  ...page,
});
export const publicVendorsInput = z.object({
  type: z.enum(['venue_owner', 'service_provider']).optional(),
  orgSlug: z.string().optional(),
});

export const reviewVendorInput = z.discriminatedUnion('decision', [
  z.object({ id: z.uuid('Unknown vendor'), decision: z.literal('approve'), note: note }),
  z.object({
    id: z.uuid('Unknown vendor'),
    decision: z.literal('needs_changes'),
    note: z.string().trim().min(1, 'Say what needs to change').max(2000),
  }),
]);
export const setPayoutsDisabledInput = z.object({
  id: z.uuid('Unknown vendor'),
  disabled: z.boolean(),
  note,
});

// Templates and subscriptions
export const templateInput = z.object({
  name: z.string().trim().min(2, 'Name needs at least 2 characters').max(120),
  summary: z.string().trim().max(500).default(''),
  details: z.string().trim().max(20_000).default(''),
  suggestedGuests: z.number().int().min(1).max(100_000).nullable().default(null),
  mediaUploadIds: z.array(z.uuid()).max(20).default([]),
});
export const updateTemplateInput = templateInput
  .partial()
  .extend({ id: z.uuid('Unknown template') });
export const publicTemplatesInput = z.object({ orgSlug: z.string().optional() });

export const setSubscriptionInput = z.object({
  userId: z.uuid('Unknown user'),
  status: z.enum(['none', 'trial', 'active', 'cancelled']),
  trialEndsAt: z.coerce.date().nullable().default(null),
});

// Bookings
export const createBookingInput = z
  .object({
    templateId: z.uuid('Unknown template').nullable().default(null),
    eventDate: z.iso.date('Event date must be a date (YYYY-MM-DD)').nullable().default(null),
    guestCount: z
      .number()
      .int('Guests must be a whole number')
      .min(1, 'At least 1 guest')
      .max(100_000)
      .nullable()
      .default(null),
    locationText: z.string().trim().max(300).default(''),
    venueVendorId: z.uuid('Choose a venue'),
    serviceVendorIds: z.array(z.uuid('Unknown vendor')).max(20, 'At most 20 services').default([]),
    notes: z.string().trim().max(4000).default(''),
    requestedBudgetCents: cents('Budget')
      .min(0, 'Budget cannot be negative')
      .nullable()
      .default(null),
    currency: z.enum(SUPPORTED_CURRENCIES, { message: 'Unsupported currency' }).default('USD'),
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

export const bookingStatusEnum = z.enum([
  'draft',
  'awaiting_vendor_approval',
  'ready_for_payment',
  'paid',
  'completed',
  'cancelled',
]);
export const linkageStatusEnum = z.enum(['pending', 'approved', 'declined', 'countered']);

export const listMyBookingsInput = z.object({ status: bookingStatusEnum.optional(), ...page });
export const vendorInboxInput = z.object({
  status: linkageStatusEnum.optional(),
  bookingStatus: bookingStatusEnum.optional(),
  ...page,
});
export const listBookingsInput = z.object({ status: bookingStatusEnum.optional(), ...page });

export const vendorApproveInput = z.object({
  bookingId: z.uuid('Unknown booking'),
  agreedAmountCents: positiveCents('Agreed amount').optional(),
  note,
});
export const vendorDeclineInput = z.object({ bookingId: z.uuid('Unknown booking'), note });
export const vendorCounterInput = z.object({
  bookingId: z.uuid('Unknown booking'),
  proposedAmountCents: positiveCents('Proposed amount'),
  note,
});
export const respondToCounterInput = z.object({
  bookingId: z.uuid('Unknown booking'),
  bookingVendorId: z.uuid('Unknown vendor response'),
  accept: z.boolean(),
});
export const submitBookingInput = z.object({ bookingId: z.uuid('Unknown booking') });
export const cancelBookingInput = z.object({
  bookingId: z.uuid('Unknown booking'),
  reason: z.string().trim().min(1, 'Give a reason').max(500),
});

// Payments and payouts
export const payBookingInput = z.object({
  bookingId: z.uuid('Unknown booking'),
  mode: z.enum(['deposit', 'full', 'balance'], { message: 'Choose deposit, full or balance' }),
  returnUrl: z.url('returnUrl must be a URL').optional(),
});
export type PayBookingInput = z.infer<typeof payBookingInput>;

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
export const payoutActionInput = z.object({ id: z.uuid('Unknown payout'), note });
export const payoutHoldInput = z.object({
  id: z.uuid('Unknown payout'),
  note: z.string().trim().min(1, 'Say why the payout is held').max(2000),
});

// Disputes and trust
export const openDisputeInput = z.object({
  bookingId: z.uuid('Unknown booking'),
  reason: z.string().trim().min(5, 'Describe the problem (at least 5 characters)').max(4000),
});
export const listDisputesInput = z.object({
  status: z.enum(['open', 'resolved_released', 'resolved_reversed']).optional(),
  userId: z.uuid().optional(),
  bookingId: z.uuid().optional(),
  ...page,
});
export const resolveDisputeInput = z.object({
  id: z.uuid('Unknown dispute'),
  status: z.enum(['resolved_released', 'resolved_reversed'], {
    message: 'Choose release or reverse',
  }),
  note: z.string().trim().min(1, 'A resolution note is required').max(4000),
});
export const MODERATION_KINDS = ['message', 'review', 'profile', 'booking_note', 'other'] as const;
export const reportModerationInput = z.object({
  kind: z.enum(MODERATION_KINDS, { message: 'Unknown kind' }),
  bookingId: z.uuid('Unknown booking').optional(),
  text: z.string().trim().min(1, 'Say what happened').max(4000),
});
export const listModerationInput = z.object({
  kind: z.enum(MODERATION_KINDS).optional(),
  userId: z.uuid().optional(),
  bookingId: z.uuid().optional(),
  ...page,
});
