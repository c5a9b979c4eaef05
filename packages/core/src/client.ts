// The browser-safe part of core, for client components: pure functions, constants and
// zod schemas. Nothing here reads the database, the environment or Node built-ins.
export * from './money';
export * from './errors';
export * from './validation';
export { calculatePrice, emptySelection } from './catalog/calculate-price';
export type * from './catalog/calculate-price';
export { STAGES, STAGE_COPY } from './checkout/orchestration-stages';
export {
  BOOKING_STATUSES,
  canTransition,
  isReadyForPayment,
  nextStatuses,
} from './marketplace/booking-status';
export {
  postOrchestrationEventInput,
  preferencesInput,
  startCheckoutInput,
  type StartCheckoutInput,
} from './checkout/schemas';
export { createProductInput } from './catalog/schemas';
export {
  listOrdersInput,
  orderIdInput,
  ORDER_STATUSES,
  ORDER_STATUS_WORDS,
} from './orders/schemas';
export { addCustomerNoteInput, NOTE_MAX } from './customers/schemas';
export { requestPasswordResetInput, resetPasswordInput, signUpInput } from './account/schemas';
export { templateInput } from './marketplace/template-schemas';
export { getDashboardInput } from './dashboard/schemas';
export { resolveDashboardRange } from './dashboard/dashboard-range';
export { searchAdminInput, SEARCH_KINDS, type SearchKind } from './search/schemas';
export {
  cancelBookingInput,
  createBookingInput,
  onboardVendorInput,
  openDisputeInput,
  payoutHoldInput,
  reportModerationInput,
  resolveDisputeInput,
  reviewVendorInput,
  updateVendorProfileInput,
  vendorApproveInput,
  vendorCounterInput,
  vendorDeclineInput,
} from './marketplace/schemas';
export { refundFormInput, refundOrderPaymentInput } from './orders/refund-schemas';
