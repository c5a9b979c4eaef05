import { z } from 'zod';
import {
  AppError,
  approveBookingRequest,
  cancelBookingInput,
  cancelBookingWithRefunds,
  cancelMyBooking,
  cancelSubscription,
  checkPlannerAccess,
  completeBooking,
  coreEnv,
  counterBookingRequest,
  createBooking,
  createBookingInput,
  createTemplate,
  declineBookingRequest,
  deleteTemplate,
  forceCompleteBooking,
  getBookingForStaff,
  getMyBooking,
  getMySubscription,
  getMyVendor,
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
  listVendorPayouts,
  listVendors,
  listVendorsInput,
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
  sendPayout,
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
  vendorPayoutsInput,
} from '@souk/core';
import { consumePlannerCall, consumeRateLimit } from '@souk/auth';
import {
  createTRPCRouter,
  publicProcedure,
  requirePermission,
  requirePermissionScoped,
  withStorefrontOrg,
} from '../trpc';
import {
  bookingAnswerOutput,
  bookingDetailOutput,
  bookingOutput,
  bookingPaymentPageOutput,
  cancelledBookingOutput,
  completedBookingOutput,
  disputePageOutput,
  moderationEventOutput,
  moderationEventPageOutput,
  myBookingPageOutput,
  openedDisputeOutput,
  organizerSubscriptionPageOutput,
  payBookingOutput,
  payoutOutput,
  payoutSetupOutput,
  plannerAccessOutput,
  publicVendorPageOutput,
  resolvedDisputeOutput,
  staffBookingDetailOutput,
  staffBookingPageOutput,
  staffPayoutPageOutput,
  staffVendorOutput,
  staffVendorPageOutput,
  subscriptionOutput,
  templateOutput,
  templateTeasersOutput,
  vendorBookingOutput,
  vendorInboxPageOutput,
  vendorOutput,
  vendorPayoutPageOutput,
} from '../outputs/marketplace';
import { deletedOutput } from '../outputs/shared';

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
  listVendors: publicProcedure
    .input(publicVendorsInput)
    .output(publicVendorPageOutput)
    .query(({ ctx, input }) =>
      withStorefrontOrg(ctx, input.orgSlug, (tenant) => listPublicVendors({ ctx: tenant, input })),
    ),
  listTemplates: publicProcedure
    .input(publicTemplatesInput)
    .output(templateTeasersOutput)
    .query(({ ctx, input }) =>
      withStorefrontOrg(ctx, input.orgSlug, (tenant) => listTemplates({ ctx: tenant })),
    ),
});

const vendorRouter = createTRPCRouter({
  getMyVendor: onboard
    .output(vendorOutput.nullable())
    .query(({ ctx }) => getMyVendor({ ctx: ctx.tenant })),
  onboardVendor: onboard
    .input(onboardVendorInput)
    .output(vendorOutput)
    .mutation(({ ctx, input }) => onboardVendor({ ctx: ctx.tenant, input })),
  updateVendorProfile: vend
    .input(updateVendorProfileInput)
    .output(vendorOutput)
    .mutation(({ ctx, input }) => updateVendorProfile({ ctx: ctx.tenant, input })),
  startPayoutSetup: vendScoped
    .input(payoutSetupInput)
    .output(payoutSetupOutput)
    .mutation(({ ctx, input }) => startPayoutSetup({ scope: ctx.scope, input })),
  refreshPayoutStatus: vendScoped
    .output(vendorOutput)
    .mutation(({ ctx }) => refreshPayoutStatus({ scope: ctx.scope })),
  listInbox: vend
    .input(vendorInboxInput)
    .output(vendorInboxPageOutput)
    .query(({ ctx, input }) => listVendorInbox({ ctx: ctx.tenant, input })),
  getBooking: vend
    .input(bookingIdInput)
    .output(vendorBookingOutput)
    .query(({ ctx, input }) => getVendorBooking({ ctx: ctx.tenant, bookingId: input.bookingId })),
  approveBooking: vend
    .input(vendorApproveInput)
    .output(bookingAnswerOutput)
    .mutation(({ ctx, input }) => approveBookingRequest({ ctx: ctx.tenant, input })),
  declineBooking: vend
    .input(vendorDeclineInput)
    .output(bookingAnswerOutput)
    .mutation(({ ctx, input }) => declineBookingRequest({ ctx: ctx.tenant, input })),
  counterBooking: vend
    .input(vendorCounterInput)
    .output(bookingAnswerOutput)
    .mutation(({ ctx, input }) => counterBookingRequest({ ctx: ctx.tenant, input })),
  listPayouts: vend
    .input(vendorPayoutsInput)
    .output(vendorPayoutPageOutput)
    .query(({ ctx, input }) => listVendorPayouts({ ctx: ctx.tenant, input })),
  requestPayout: vend
    .input(idInput)
    .output(payoutOutput)
    .mutation(({ ctx, input }) => requestPayout({ ctx: ctx.tenant, id: input.id })),
});

const organizerRouter = createTRPCRouter({
  getSubscription: book
    .output(subscriptionOutput)
    .query(({ ctx }) => getMySubscription({ ctx: ctx.tenant })),
  startSubscription: book
    .output(subscriptionOutput)
    .mutation(({ ctx }) => startSubscription({ ctx: ctx.tenant })),
  cancelSubscription: book
    .output(subscriptionOutput)
    .mutation(({ ctx }) => cancelSubscription({ ctx: ctx.tenant })),
  getTemplate: book
    .input(idInput)
    .output(templateOutput)
    .query(({ ctx, input }) => getTemplate({ ctx: ctx.tenant, id: input.id, staff: false })),
  // Spec 004 `GET /planner/access-check` (also served as REST at /api/planner/access-check):
  // 20 per minute per user, counted before any work is done.
  checkPlannerAccess: book.output(plannerAccessOutput).query(async ({ ctx }) => {
    const limit = await consumePlannerCall(ctx.session.user.id);
    if (!limit.allowed) {
      throw new AppError(
        'TOO_MANY_REQUESTS',
        `Too many planner requests: try again in ${limit.retryAfterSeconds} s`,
        { retryAfterSeconds: limit.retryAfterSeconds },
      );
    }
    return checkPlannerAccess({ ctx: ctx.tenant });
  }),
  createBooking: book
    .input(createBookingInput)
    .output(bookingOutput)
    .mutation(({ ctx, input }) => createBooking({ ctx: ctx.tenant, input })),
  submitBooking: book
    .input(submitBookingInput)
    .output(bookingOutput)
    .mutation(({ ctx, input }) => submitBooking({ ctx: ctx.tenant, bookingId: input.bookingId })),
  listBookings: book
    .input(listMyBookingsInput)
    .output(myBookingPageOutput)
    .query(({ ctx, input }) => listMyBookings({ ctx: ctx.tenant, input })),
  getBooking: book
    .input(bookingIdInput)
    .output(bookingDetailOutput)
    .query(({ ctx, input }) => getMyBooking({ ctx: ctx.tenant, bookingId: input.bookingId })),
  answerCounterOffer: book
    .input(respondToCounterInput)
    .output(bookingDetailOutput)
    .mutation(({ ctx, input }) => respondToCounter({ ctx: ctx.tenant, input })),
  cancelBooking: bookScoped
    .input(cancelBookingInput)
    .output(bookingDetailOutput)
    .mutation(({ ctx, input }) =>
      cancelMyBooking({ scope: ctx.scope, bookingId: input.bookingId, reason: input.reason }),
    ),
  // Spec 004: 5 pay attempts per minute per user, before any work is done.
  payBooking: bookScoped
    .input(payBookingInput)
    .output(payBookingOutput)
    .mutation(async ({ ctx, input }) => {
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
  completeBooking: book
    .input(bookingIdInput)
    .output(completedBookingOutput)
    .mutation(({ ctx, input }) => completeBooking({ ctx: ctx.tenant, bookingId: input.bookingId })),
});

const adminRouter = createTRPCRouter({
  listVendors: read
    .input(listVendorsInput)
    .output(staffVendorPageOutput)
    .query(({ ctx, input }) => listVendors({ ctx: ctx.tenant, input })),
  reviewVendor: manage
    .input(reviewVendorInput)
    .output(staffVendorOutput)
    .mutation(({ ctx, input }) => reviewVendor({ ctx: ctx.tenant, input })),
  setPayoutsDisabled: manage
    .input(setPayoutsDisabledInput)
    .output(vendorOutput)
    .mutation(({ ctx, input }) => setPayoutsDisabled({ ctx: ctx.tenant, input })),
  getTemplate: read
    .input(idInput)
    .output(templateOutput)
    .query(({ ctx, input }) => getTemplate({ ctx: ctx.tenant, id: input.id, staff: true })),
  createTemplate: manage
    .input(templateInput)
    .output(templateOutput)
    .mutation(({ ctx, input }) => createTemplate({ ctx: ctx.tenant, input })),
  updateTemplate: manage
    .input(updateTemplateInput)
    .output(templateOutput)
    .mutation(({ ctx, input }) => updateTemplate({ ctx: ctx.tenant, input })),
  deleteTemplate: manage
    .input(idInput)
    .output(deletedOutput)
    .mutation(({ ctx, input }) => deleteTemplate({ ctx: ctx.tenant, id: input.id })),
  listSubscriptions: read
    .input(listSubscriptionsInput)
    .output(organizerSubscriptionPageOutput)
    .query(({ ctx, input }) => listOrganizerSubscriptions({ ctx: ctx.tenant, input })),
  setSubscription: manage
    .input(setSubscriptionInput)
    .output(subscriptionOutput)
    .mutation(({ ctx, input }) => setOrganizerSubscription({ ctx: ctx.tenant, input })),
  listBookings: read
    .input(listBookingsInput)
    .output(staffBookingPageOutput)
    .query(({ ctx, input }) => listBookings({ ctx: ctx.tenant, input })),
  getBooking: read
    .input(bookingIdInput)
    .output(staffBookingDetailOutput)
    .query(({ ctx, input }) => getBookingForStaff({ ctx: ctx.tenant, bookingId: input.bookingId })),
  cancelBooking: manageScoped
    .input(cancelBookingInput)
    .output(cancelledBookingOutput)
    .mutation(({ ctx, input }) => cancelBookingWithRefunds({ scope: ctx.scope, input })),
  forceCompleteBooking: manage
    .input(bookingIdInput)
    .output(completedBookingOutput)
    .mutation(({ ctx, input }) =>
      forceCompleteBooking({ ctx: ctx.tenant, bookingId: input.bookingId }),
    ),
  listPayments: read
    .input(listPaymentsInput)
    .output(bookingPaymentPageOutput)
    .query(({ ctx, input }) => listBookingPayments({ ctx: ctx.tenant, input })),
  listPayouts: read
    .input(listPayoutsInput)
    .output(staffPayoutPageOutput)
    .query(({ ctx, input }) => listPayouts({ ctx: ctx.tenant, input })),
  sendPayout: payoutsScoped
    .input(payoutActionInput)
    .output(payoutOutput)
    .mutation(({ ctx, input }) => sendPayout({ scope: ctx.scope, input })),
  holdPayout: payouts
    .input(payoutHoldInput)
    .output(payoutOutput)
    .mutation(({ ctx, input }) => holdPayout({ ctx: ctx.tenant, input })),
  releasePayout: payouts
    .input(payoutActionInput)
    .output(payoutOutput)
    .mutation(({ ctx, input }) => releasePayout({ ctx: ctx.tenant, input })),
  reversePayout: payoutsScoped
    .input(payoutHoldInput)
    .output(payoutOutput)
    .mutation(({ ctx, input }) => reversePayout({ scope: ctx.scope, input })),
  listDisputes: read
    .input(listDisputesInput)
    .output(disputePageOutput)
    .query(({ ctx, input }) => listDisputes({ ctx: ctx.tenant, input })),
  resolveDispute: manage
    .input(resolveDisputeInput)
    .output(resolvedDisputeOutput)
    .mutation(({ ctx, input }) => resolveDispute({ ctx: ctx.tenant, input })),
  listModerationReports: read
    .input(listModerationInput)
    .output(moderationEventPageOutput)
    .query(({ ctx, input }) => listModeration({ ctx: ctx.tenant, input })),
});

export const marketplaceRouter = createTRPCRouter({
  public: publicRouter,
  vendor: vendorRouter,
  organizer: organizerRouter,
  // Organizer or a vendor on the booking (checked in core); staff are not parties.
  openDispute: report
    .input(openDisputeInput)
    .output(openedDisputeOutput)
    .mutation(({ ctx, input }) => openDispute({ ctx: ctx.tenant, input })),
  reportContent: report
    .input(reportModerationInput)
    .output(moderationEventOutput)
    .mutation(({ ctx, input }) => reportModeration({ ctx: ctx.tenant, input })),
  admin: adminRouter,
});
