import { z } from 'zod';
import {
  BookingPaymentKind,
  BookingPaymentStatus,
  BookingStatus,
  BookingVendorRole,
  BookingVendorStatus,
  DisputeStatus,
  LedgerEntryType,
  PayoutMilestone,
  PayoutStatus,
  SubscriptionStatus,
  VendorStatus,
  VendorType,
} from '@souk/db';
import { pageSchema } from './shared';

const bookingStatus = z.enum(BookingStatus);

// ---------------------------------------------------------------------------------------
// Vendors

export const vendorOutput = z.object({
  id: z.string(),
  orgId: z.string(),
  userId: z.string(),
  type: z.enum(VendorType),
  status: z.enum(VendorStatus),
  displayName: z.string(),
  city: z.string(),
  description: z.string(),
  reviewNote: z.string().nullable(),
  reviewedAt: z.date().nullable(),
  payoutsDisabled: z.boolean(),
  connectedAccountId: z.string().nullable(),
  payoutsEnabled: z.boolean(),
  accountSyncedAt: z.date().nullable(),
  createdAt: z.date(),
  updatedAt: z.date(),
});

/** Staff see whose account the vendor is. */
export const staffVendorOutput = vendorOutput.extend({ user: z.object({ email: z.string() }) });

export const staffVendorPageOutput = pageSchema(staffVendorOutput);

/** What anyone may see of an approved vendor. */
export const publicVendorOutput = vendorOutput.pick({
  id: true,
  type: true,
  displayName: true,
  city: true,
  description: true,
});

export const publicVendorPageOutput = pageSchema(publicVendorOutput);

export const payoutSetupOutput = z.object({ url: z.string(), accountId: z.string() });

// ---------------------------------------------------------------------------------------
// Templates and organizer subscriptions

export const templateOutput = z.object({
  id: z.string(),
  orgId: z.string(),
  name: z.string(),
  summary: z.string(),
  details: z.string(),
  suggestedGuests: z.number().nullable(),
  mediaUploadIds: z.array(z.string()),
  createdAt: z.date(),
  updatedAt: z.date(),
});

export const templateTeasersOutput = z.array(
  templateOutput.pick({ id: true, name: true, summary: true, suggestedGuests: true }),
);

export const subscriptionOutput = z.object({
  status: z.enum(SubscriptionStatus),
  trialEndsAt: z.date().nullable(),
  hasAccess: z.boolean(),
  accessNote: z.string().nullable(),
  needsPayment: z.boolean(),
});

/** Spec 004 planner gate: open with a live trial or an active plan. */
export const plannerAccessOutput = z.object({
  allowed: z.boolean(),
  subscriptionStatus: z.enum(SubscriptionStatus),
  reason: z.enum(['payment_required', 'subscription_required']).nullable(),
  message: z.string().nullable(),
});

export const organizerSubscriptionPageOutput = pageSchema(
  z.object({
    userId: z.string(),
    email: z.string(),
    name: z.string().nullable(),
    status: z.enum(SubscriptionStatus),
    trialEndsAt: z.date().nullable(),
  }),
);

// ---------------------------------------------------------------------------------------
// Payouts, payments and the money trail

export const payoutOutput = z.object({
  id: z.string(),
  orgId: z.string(),
  bookingId: z.string(),
  vendorId: z.string(),
  allocationId: z.string(),
  milestone: z.enum(PayoutMilestone),
  status: z.enum(PayoutStatus),
  amountCents: z.number(),
  currency: z.string(),
  requestedAt: z.date().nullable(),
  eligibleAt: z.date().nullable(),
  approvedAt: z.date().nullable(),
  approvedById: z.string().nullable(),
  transferId: z.string().nullable(),
  heldReason: z.string().nullable(),
  heldByDisputeId: z.string().nullable(),
  reversedAt: z.date().nullable(),
  reverseReason: z.string().nullable(),
  createdAt: z.date(),
  updatedAt: z.date(),
});

export const bookingPaymentOutput = z.object({
  id: z.string(),
  orgId: z.string(),
  bookingId: z.string(),
  kind: z.enum(BookingPaymentKind),
  status: z.enum(BookingPaymentStatus),
  amountCents: z.number(),
  amountRefundedCents: z.number(),
  currency: z.string(),
  processorPaymentIntentId: z.string(),
  idempotencyKey: z.string(),
  openBookingId: z.string().nullable(),
  commissionBps: z.number(),
  reservationBps: z.number(),
  failureMessage: z.string().nullable(),
  createdById: z.string(),
  succeededAt: z.date().nullable(),
  createdAt: z.date(),
  updatedAt: z.date(),
});

/** A booking payment as its organizer and client see it: no processor ids, no platform split. */
export const bookingPaymentSummary = bookingPaymentOutput.pick({
  id: true,
  kind: true,
  status: true,
  amountCents: true,
  amountRefundedCents: true,
  currency: true,
  createdAt: true,
  succeededAt: true,
});

export const payBookingOutput = z.object({
  paymentId: z.string(),
  paymentIntentId: z.string(),
  // The card form needs it to confirm the payment in the browser.
  clientSecret: z.string(),
  amountCents: z.number(),
  currency: z.string(),
  kind: z.enum(BookingPaymentKind),
  payUrl: z.string().nullable(),
  reused: z.boolean(),
});

const allocationOutput = z.object({
  id: z.string(),
  orgId: z.string(),
  bookingId: z.string(),
  vendorId: z.string(),
  bookingVendorId: z.string(),
  paymentId: z.string(),
  grossCents: z.number(),
  commissionCents: z.number(),
  netCents: z.number(),
  currency: z.string(),
  createdAt: z.date(),
});

const ledgerEntryOutput = z.object({
  id: z.string(),
  orgId: z.string(),
  bookingId: z.string(),
  paymentId: z.string(),
  type: z.enum(LedgerEntryType),
  amountCents: z.number(),
  currency: z.string(),
  createdAt: z.date(),
});

// ---------------------------------------------------------------------------------------
// Disputes and moderation

export const disputeOutput = z.object({
  id: z.string(),
  orgId: z.string(),
  bookingId: z.string(),
  openedById: z.string(),
  openedAs: z.string(),
  reason: z.string(),
  status: z.enum(DisputeStatus),
  resolutionNote: z.string().nullable(),
  resolvedById: z.string().nullable(),
  resolvedAt: z.date().nullable(),
  createdAt: z.date(),
  updatedAt: z.date(),
});

export const openedDisputeOutput = disputeOutput.extend({ heldPayouts: z.number() });

export const resolvedDisputeOutput = disputeOutput.extend({ payoutsAffected: z.number() });

export const moderationEventOutput = z.object({
  id: z.string(),
  orgId: z.string(),
  userId: z.string().nullable(),
  bookingId: z.string().nullable(),
  kind: z.string(),
  text: z.string(),
  createdAt: z.date(),
});

export const moderationEventPageOutput = pageSchema(moderationEventOutput);

// ---------------------------------------------------------------------------------------
// Bookings

export const bookingOutput = z.object({
  id: z.string(),
  orgId: z.string(),
  number: z.number(),
  status: bookingStatus,
  organizerId: z.string(),
  templateId: z.string().nullable(),
  eventDate: z.date().nullable(),
  guestCount: z.number().nullable(),
  locationText: z.string(),
  notes: z.string(),
  requestedBudgetCents: z.number().nullable(),
  currency: z.string(),
  totalCents: z.number(),
  amountPaidCents: z.number(),
  amountRefundedCents: z.number(),
  completedAt: z.date().nullable(),
  cancelledAt: z.date().nullable(),
  cancelReason: z.string().nullable(),
  createdAt: z.date(),
  updatedAt: z.date(),
});

/** A vendor's answer to a booking request (the booking_vendors row). */
export const linkageOutput = z.object({
  id: z.string(),
  orgId: z.string(),
  bookingId: z.string(),
  vendorId: z.string(),
  role: z.enum(BookingVendorRole),
  status: z.enum(BookingVendorStatus),
  agreedAmountCents: z.number().nullable(),
  proposedAmountCents: z.number().nullable(),
  vendorNote: z.string().nullable(),
  respondedAt: z.date().nullable(),
  createdAt: z.date(),
  updatedAt: z.date(),
});

const bookingAmountsOutput = z.object({
  totalCents: z.number(),
  depositCents: z.number(),
  paidCents: z.number(),
  refundedCents: z.number(),
  balanceDueCents: z.number(),
});

/** The organizer's view of each vendor on the booking. */
const bookingVendorOutput = linkageOutput
  .pick({
    id: true,
    role: true,
    status: true,
    agreedAmountCents: true,
    proposedAmountCents: true,
    vendorNote: true,
    respondedAt: true,
    updatedAt: true,
  })
  .extend({ vendor: publicVendorOutput });

export const myBookingPageOutput = pageSchema(
  bookingOutput.extend({
    amounts: bookingAmountsOutput,
    statusLabel: z.string(),
    vendors: z.array(bookingVendorOutput),
  }),
);

/** A booking with everything its organizer sees on the booking page. */
export const bookingDetailOutput = bookingOutput.extend({
  amounts: bookingAmountsOutput,
  statusLabel: z.string(),
  completionBlockedReason: z.string().nullable(),
  depositsEnabled: z.boolean(),
  vendors: z.array(bookingVendorOutput),
  payments: z.array(
    bookingPaymentSummary.extend(
      bookingPaymentOutput.pick({ processorPaymentIntentId: true, failureMessage: true }).shape,
    ),
  ),
  disputes: z.array(
    disputeOutput.pick({
      id: true,
      status: true,
      openedAs: true,
      reason: true,
      resolutionNote: true,
      createdAt: true,
    }),
  ),
  template: templateOutput.pick({ id: true, name: true }).nullable(),
});

export const completedBookingOutput = bookingDetailOutput.extend({ releasedPayouts: z.number() });

export const cancelledBookingOutput = bookingDetailOutput.extend({
  refundedCents: z.number(),
  voidedPayouts: z.number(),
});

const organizerContactOutput = z.object({ email: z.string(), name: z.string().nullable() });

export const staffBookingPageOutput = pageSchema(
  bookingOutput.extend({
    amounts: bookingAmountsOutput,
    statusLabel: z.string(),
    vendors: z.array(
      linkageOutput.pick({ role: true, status: true }).extend({
        vendor: vendorOutput.pick({ displayName: true }),
      }),
    ),
    organizer: organizerContactOutput,
  }),
);

/** The staff booking page: the organizer's view plus the money trail behind it. */
export const staffBookingDetailOutput = bookingDetailOutput.extend({
  organizer: organizerContactOutput.nullable(),
  payouts: z.array(payoutOutput.extend({ vendor: vendorOutput.pick({ displayName: true }) })),
  allocations: z.array(allocationOutput),
  ledger: z.array(ledgerEntryOutput),
});

// ---------------------------------------------------------------------------------------
// The vendor portal

export const vendorInboxPageOutput = pageSchema(
  linkageOutput
    .pick({
      id: true,
      role: true,
      status: true,
      agreedAmountCents: true,
      proposedAmountCents: true,
      createdAt: true,
    })
    .extend({
      booking: bookingOutput.pick({
        id: true,
        number: true,
        status: true,
        currency: true,
        eventDate: true,
        guestCount: true,
        locationText: true,
        requestedBudgetCents: true,
        createdAt: true,
      }),
    }),
);

const payoutRequestFields = {
  // Why the vendor cannot ask for a payout yet, in words; null when they can.
  requestBlockedReason: z.string().nullable(),
  payoutSetupPath: z.string(),
};

/** A booking as its vendor sees it: no organizer contact details beyond a name. */
export const vendorBookingOutput = z.object({
  booking: bookingOutput
    .pick({
      id: true,
      number: true,
      status: true,
      currency: true,
      eventDate: true,
      guestCount: true,
      locationText: true,
      notes: true,
      requestedBudgetCents: true,
      completedAt: true,
      createdAt: true,
    })
    .extend({
      organizer: z.object({ name: z.string().nullable() }),
      template: templateOutput.pick({ name: true }).nullable(),
    }),
  linkage: linkageOutput,
  payouts: z.array(payoutOutput),
  ...payoutRequestFields,
});

export const bookingAnswerOutput = z.object({ linkage: linkageOutput, bookingStatus });

export const vendorPayoutPageOutput = pageSchema(
  payoutOutput.extend({ booking: bookingOutput.pick({ id: true, number: true, status: true }) }),
).extend({
  // Sums by payout status; a status with no payouts is absent.
  totals: z.record(z.string(), z.number()),
  ...payoutRequestFields,
});

// ---------------------------------------------------------------------------------------
// Staff lists

export const bookingPaymentPageOutput = pageSchema(
  bookingPaymentOutput.extend({ booking: bookingOutput.pick({ number: true, status: true }) }),
);

export const staffPayoutPageOutput = pageSchema(
  payoutOutput.extend({
    vendor: vendorOutput.pick({ displayName: true, payoutsDisabled: true, payoutsEnabled: true }),
    booking: bookingOutput.pick({ number: true, status: true }),
  }),
);

export const disputePageOutput = pageSchema(
  disputeOutput.extend({
    heldPayouts: z.number(),
    heldCents: z.number(),
    booking: bookingOutput.pick({ number: true, status: true, currency: true }),
  }),
);
