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
export { acceptInvitationInput, INVITABLE_ROLES, inviteMemberInput } from './account/team-schemas';
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
export {
  billingReasonInput,
  bpsToPercent,
  percentToBps,
  REASON_CODE_MAX,
  taxRateForm,
  usageReportInput,
} from './billing/schemas';
// finance: accounting export ("Export a month")
export { exportMonthInput } from './finance/accounting-month';
// finance: invoices (statuses and list filters for the admin's invoices pages)
export {
  INVOICE_STATUSES,
  listInvoicesInput,
  listInvoiceQueueInput,
  listInvoiceMismatchesInput,
} from './finance/invoice-schemas';
// reconciliation: kinds, statuses and forms for the admin's reconciliation pages
export {
  DISCREPANCY_KINDS,
  DISCREPANCY_KIND_WORDS,
  DISCREPANCY_NOTE_MAX,
  DISCREPANCY_SEVERITIES,
  DISCREPANCY_STATUSES,
  explainDiscrepancyForm,
  resolveDiscrepancyInput,
} from './reconciliation/reconciliation-schemas';
// admin safety: the break-glass form
export {
  BREAK_GLASS_TTL_MAX_MINUTES,
  redeemBreakGlassInput,
  startBreakGlassInput,
} from './admin-safety/schemas';
export { requestPortalLinkInput } from './portal/schemas';
export * from './portal/portal-messages';
// privacy: the GDPR export and deletion forms
export {
  DATA_REQUEST_KINDS,
  DATA_REQUEST_STATUSES,
  exportPersonalDataForm,
  requestDeletionInput,
} from './privacy/schemas';
