import { z } from 'zod';
import {
  AppError,
  adminBookingDetail,
  adminCancelBooking,
  approveBookingRequest,
  approvePayout,
  cancelBookingInput,
  cancelMyBooking,
  cancelSubscription,
  completeBooking,
  coreEnv,
  counterBookingRequest,
  createBooking,
  createBookingInput,
  createTemplate,
  declineBookingRequest,
  deleteTemplate,
  forceCompleteBooking,
  getMyBooking,
  getMySubscription,
  getTemplate,
  getVendorBooking,
  holdPayout,
  idInput,
  listBookingPayments,
  listBookings,
  listBookingsInput,
  listDisputes,
  listDisputesInput,
  listModeration,
  listModerationInput,
  listMyBookings,
  listMyBookingsInput,
  listPaymentsInput,
  listPayouts,
  listPayoutsInput,
  listPublicVendors,
  listTemplates,
  listOrganizerSubscriptions,
  listSubscriptionsInput,
  listVendorInbox,
  listVendors,
  listVendorsInput,
  myVendor,
  onboardVendor,
  onboardVendorInput,
  openDispute,
  openDisputeInput,
  payBooking,
  payBookingInput,
  payoutActionInput,
  payoutHoldInput,
  payoutSetupInput,
  publicTemplatesInput,
  publicVendorsInput,
  refreshPayoutStatus,
  releasePayout,
  reportModeration,
  reportModerationInput,
  requestPayout,
  resolveDispute,
  resolveDisputeInput,
  respondToCounter,
  respondToCounterInput,
  reversePayout,
  reviewVendor,
  reviewVendorInput,
  setOrganizerSubscription,
  setPayoutsDisabled,
  setPayoutsDisabledInput,
  setSubscriptionInput,
  startPayoutSetup,
  startSubscription,
  submitBooking,
  submitBookingInput,
  templateInput,
  updateTemplate,
  updateTemplateInput,
  updateVendorProfile,
  updateVendorProfileInput,
  uuidId,
  vendorApproveInput,
  vendorCounterInput,
  vendorDeclineInput,
  vendorInboxInput,
  vendorPayouts,
  vendorPayoutsInput,
} from '@souk/core';
import { consumeRateLimit } from '@souk/auth';
import {
  createTRPCRouter,
  publicProcedure,
  requirePermission,
  requirePermissionScoped,
  withStorefrontOrg,
} from '../trpc';

const bookingIdInput = z.object({ bookingId: uuidId('Unknown booking') });

const book = requirePermission('marketplace.book');
const vend = requirePermission('marketplace.vend');
const onboard = requirePermission('marketplace.onboard');
const read = requirePermission('marketplace.read');
const manage = requirePermission('marketplace.manage');
const payouts = requirePermission('payouts.manage');
// Procedures that call the payment processor: the org scope, no transaction held.
const bookScoped = requirePermissionScoped('marketplace.book');
const vendScoped = requirePermissionScoped('marketplace.vend');
const manageScoped = requirePermissionScoped('marketplace.manage');
const payoutsScoped = requirePermissionScoped('payouts.manage');
const report = requirePermission('trust.report');

/** Anyone, signed in or not: the directory of approved vendors and the template teasers. */
const publicRouter = createTRPCRouter({
  vendors: publicProcedure
    .input(publicVendorsInput)
    .query(({ ctx, input }) =>
      withStorefrontOrg(ctx, input.orgSlug, (tenant) => listPublicVendors({ ctx: tenant, input })),
    ),
  templates: publicProcedure
    .input(publicTemplatesInput)
    .query(({ ctx, input }) =>
      withStorefrontOrg(ctx, input.orgSlug, (tenant) => listTemplates({ ctx: tenant })),
    ),
});

const vendorRouter = createTRPCRouter({
  me: onboard.query(({ ctx }) => myVendor(ctx.tenant)),
  onboard: onboard
    .input(onboardVendorInput)
    .mutation(({ ctx, input }) => onboardVendor({ ctx: ctx.tenant, input })),
  updateProfile: vend
    .input(updateVendorProfileInput)
    .mutation(({ ctx, input }) => updateVendorProfile({ ctx: ctx.tenant, input })),
  startPayoutSetup: vendScoped
    .input(payoutSetupInput)
    .mutation(({ ctx, input }) => startPayoutSetup({ scope: ctx.scope, input })),
  refreshPayoutStatus: vendScoped.mutation(({ ctx }) => refreshPayoutStatus({ scope: ctx.scope })),
  inbox: vend
    .input(vendorInboxInput)
    .query(({ ctx, input }) => listVendorInbox({ ctx: ctx.tenant, input })),
  booking: vend
    .input(bookingIdInput)
    .query(({ ctx, input }) => getVendorBooking({ ctx: ctx.tenant, bookingId: input.bookingId })),
  approve: vend
    .input(vendorApproveInput)
    .mutation(({ ctx, input }) => approveBookingRequest({ ctx: ctx.tenant, input })),
  decline: vend
    .input(vendorDeclineInput)
    .mutation(({ ctx, input }) => declineBookingRequest({ ctx: ctx.tenant, input })),
  counter: vend
    .input(vendorCounterInput)
    .mutation(({ ctx, input }) => counterBookingRequest({ ctx: ctx.tenant, input })),
  payouts: vend
    .input(vendorPayoutsInput)
    .query(({ ctx, input }) => vendorPayouts({ ctx: ctx.tenant, input })),
  requestPayout: vend
    .input(idInput)
    .mutation(({ ctx, input }) => requestPayout({ ctx: ctx.tenant, id: input.id })),
});

const organizerRouter = createTRPCRouter({
  subscription: book.query(({ ctx }) => getMySubscription({ ctx: ctx.tenant })),
  startSubscription: book.mutation(({ ctx }) => startSubscription({ ctx: ctx.tenant })),
  cancelSubscription: book.mutation(({ ctx }) => cancelSubscription({ ctx: ctx.tenant })),
  template: book
    .input(idInput)
    .query(({ ctx, input }) => getTemplate({ ctx: ctx.tenant, id: input.id, staff: false })),
  createBooking: book
    .input(createBookingInput)
    .mutation(({ ctx, input }) => createBooking({ ctx: ctx.tenant, input })),
  submitBooking: book
    .input(submitBookingInput)
    .mutation(({ ctx, input }) => submitBooking({ ctx: ctx.tenant, bookingId: input.bookingId })),
  bookings: book
    .input(listMyBookingsInput)
    .query(({ ctx, input }) => listMyBookings({ ctx: ctx.tenant, input })),
  booking: book
    .input(bookingIdInput)
    .query(({ ctx, input }) => getMyBooking({ ctx: ctx.tenant, bookingId: input.bookingId })),
  respondToCounter: book
    .input(respondToCounterInput)
    .mutation(({ ctx, input }) => respondToCounter({ ctx: ctx.tenant, input })),
  cancel: bookScoped
    .input(cancelBookingInput)
    .mutation(({ ctx, input }) =>
      cancelMyBooking({ scope: ctx.scope, bookingId: input.bookingId, reason: input.reason }),
    ),
  // Spec 004: 5 pay attempts per minute per user, before any work is done.
  pay: bookScoped.input(payBookingInput).mutation(async ({ ctx, input }) => {
    const limit = await consumeRateLimit(
      'booking-pay',
      coreEnv.BOOKING_PAY_RATE_LIMIT_PER_MINUTE,
      ctx.session.user.id,
    );
    if (!limit.allowed) {
      throw new AppError(
        'TOO_MANY_REQUESTS',
        `Too many payment attempts: try again in ${limit.retryAfterSeconds} s`,
        { retryAfterSeconds: limit.retryAfterSeconds },
      );
    }
    return payBooking({ scope: ctx.scope, input });
  }),
  complete: book
    .input(bookingIdInput)
    .mutation(({ ctx, input }) => completeBooking({ ctx: ctx.tenant, bookingId: input.bookingId })),
});

const adminRouter = createTRPCRouter({
  vendors: read
    .input(listVendorsInput)
    .query(({ ctx, input }) => listVendors({ ctx: ctx.tenant, input })),
  reviewVendor: manage
    .input(reviewVendorInput)
    .mutation(({ ctx, input }) => reviewVendor({ ctx: ctx.tenant, input })),
  setPayoutsDisabled: manage
    .input(setPayoutsDisabledInput)
    .mutation(({ ctx, input }) => setPayoutsDisabled({ ctx: ctx.tenant, input })),
  template: read
    .input(idInput)
    .query(({ ctx, input }) => getTemplate({ ctx: ctx.tenant, id: input.id, staff: true })),
  createTemplate: manage
    .input(templateInput)
    .mutation(({ ctx, input }) => createTemplate({ ctx: ctx.tenant, input })),
  updateTemplate: manage
    .input(updateTemplateInput)
    .mutation(({ ctx, input }) => updateTemplate({ ctx: ctx.tenant, input })),
  deleteTemplate: manage
    .input(idInput)
    .mutation(({ ctx, input }) => deleteTemplate({ ctx: ctx.tenant, id: input.id })),
  subscriptions: read
    .input(listSubscriptionsInput)
    .query(({ ctx, input }) => listOrganizerSubscriptions({ ctx: ctx.tenant, input })),
  setSubscription: manage
    .input(setSubscriptionInput)
    .mutation(({ ctx, input }) => setOrganizerSubscription({ ctx: ctx.tenant, input })),
  bookings: read
    .input(listBookingsInput)
    .query(({ ctx, input }) => listBookings({ ctx: ctx.tenant, input })),
  booking: read
    .input(bookingIdInput)
    .query(({ ctx, input }) => adminBookingDetail({ ctx: ctx.tenant, bookingId: input.bookingId })),
  cancelBooking: manageScoped
    .input(cancelBookingInput)
    .mutation(({ ctx, input }) => adminCancelBooking({ scope: ctx.scope, input })),
  forceComplete: manage
    .input(bookingIdInput)
    .mutation(({ ctx, input }) =>
      forceCompleteBooking({ ctx: ctx.tenant, bookingId: input.bookingId }),
    ),
  payments: read
    .input(listPaymentsInput)
    .query(({ ctx, input }) => listBookingPayments({ ctx: ctx.tenant, input })),
  payouts: read
    .input(listPayoutsInput)
    .query(({ ctx, input }) => listPayouts({ ctx: ctx.tenant, input })),
  approvePayout: payoutsScoped
    .input(payoutActionInput)
    .mutation(({ ctx, input }) => approvePayout({ scope: ctx.scope, input })),
  holdPayout: payouts
    .input(payoutHoldInput)
    .mutation(({ ctx, input }) => holdPayout({ ctx: ctx.tenant, input })),
  releasePayout: payouts
    .input(payoutActionInput)
    .mutation(({ ctx, input }) => releasePayout({ ctx: ctx.tenant, input })),
  reversePayout: payoutsScoped
    .input(payoutHoldInput)
    .mutation(({ ctx, input }) => reversePayout({ scope: ctx.scope, input })),
  disputes: read
    .input(listDisputesInput)
    .query(({ ctx, input }) => listDisputes({ ctx: ctx.tenant, input })),
  resolveDispute: manage
    .input(resolveDisputeInput)
    .mutation(({ ctx, input }) => resolveDispute({ ctx: ctx.tenant, input })),
  moderation: read
    .input(listModerationInput)
    .query(({ ctx, input }) => listModeration({ ctx: ctx.tenant, input })),
});

export const marketplaceRouter = createTRPCRouter({
  public: publicRouter,
  vendor: vendorRouter,
  organizer: organizerRouter,
  // Organizer or a vendor on the booking (checked in core); staff are not parties.
  openDispute: report
    .input(openDisputeInput)
    .mutation(({ ctx, input }) => openDispute({ ctx: ctx.tenant, input })),
  report: report
    .input(reportModerationInput)
    .mutation(({ ctx, input }) => reportModeration({ ctx: ctx.tenant, input })),
  admin: adminRouter,
});
