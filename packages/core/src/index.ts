export * from './errors';
export * from './money';
export * from './validation';
export { allowedRedirectHosts, appRedirectUrl } from './redirect-url';
export type { Actor, TenantContext, OrgScope, OrgScopeOptions } from './context';
export { createOrgScope } from './context';
export { PROCESSOR_CALL_IN_TRANSACTION } from './processor/guarded-gateway';
export { recordAudit } from './audit/record-audit';
export { listAuditLogs, listAuditLogsInput } from './audit/list-audit-logs';
export { findOrganizationBySlug } from './org/find-organization';
export * from './catalog/schemas';
export { calculatePrice, emptySelection } from './catalog/calculate-price';
export type * from './catalog/calculate-price';
export { createProduct } from './catalog/create-product';
export { SLUG_TAKEN } from './catalog/product-shape';
export { updateProduct } from './catalog/update-product';
export { replaceProductOptions } from './catalog/replace-product-options';
export { archiveProduct } from './catalog/archive-product';
export { deleteProduct } from './catalog/delete-product';
export { listProducts } from './catalog/list-products';
export { getProduct } from './catalog/get-product';
export { getStorefrontProduct } from './catalog/get-storefront-product';
export {
  StorefrontCache,
  CATALOG_CHANNEL,
  parseCatalogChange,
  type CatalogChange,
} from './catalog/storefront-cache';
export { listStorefrontProducts } from './catalog/list-storefront-products';
export type {
  AdminProduct,
  StorefrontProduct,
  ProductConfiguration,
} from './catalog/product-shape';
export { createLogger, type Logger } from './logger';
export { listMembers } from './org/list-members';
export { coreEnv } from './env';
export { listOrgIds } from './org/for-each-org';
// checkout
export * from './checkout/schemas';
export { startCheckout, type Customer } from './checkout/start-checkout';
export { regenerateSession, STALE_SESSION_MESSAGE } from './checkout/regenerate-session';
export { resumeCheckout } from './checkout/resume-checkout';
export { listCheckoutSessions } from './checkout/list-checkout-sessions';
export { getCheckoutSession } from './checkout/get-checkout-session';
export { getCheckoutStatus, type CheckoutStatus } from './checkout/get-checkout-status';
export { getOrchestration } from './checkout/get-orchestration';
export { postOrchestrationEvent } from './checkout/post-orchestration-event';
export { getOrCreateOrchestration, type OrchestrationView } from './checkout/orchestration';
export { STAGES, STAGE_COPY } from './checkout/orchestration-stages';
export { listCustomerOrders } from './checkout/list-customer-orders';
export { getMyOrder, type MyOrder } from './checkout/get-my-order';
export * from './account/schemas';
export * from './account/mfa-schemas';
export * from './account/api-token-schemas';
export * from './account/team-schemas';
export { getCustomerPreferences } from './checkout/get-customer-preferences';
export { setCustomerPreferences } from './checkout/set-customer-preferences';
export { sweepHostedSessions } from './checkout/sweep-hosted-sessions';
export { listRecoveryRuns } from './checkout/list-recovery-runs';
export {
  runSessionRecovery,
  runSessionRecoveryForAllOrgs,
  recoverySettingsFromEnv,
  type RecoverySettings,
} from './checkout/run-session-recovery';
export {
  monitorCheckoutOrchestrations,
  RECOVERY_SWEEP_NOTE,
} from './checkout/monitor-orchestrations';
export {
  checkResumeToken,
  RESUME_LINK_EXPIRED,
  resumeToken,
  resumeUrl,
  verifyResumeToken,
} from './checkout/resume-token';
export { taxSnapshot } from './checkout/tax';
// payments
export { resolveGateway, webhookSecretsFor, SANDBOX_SECRET_KEY } from './processor/resolve-gateway';
export {
  createProcessorEventIngest,
  forgetWebhookSecrets,
  type DeliveryOutcome,
  type ProcessorEventIngest,
} from './payments/ingest/accept-delivery';
export {
  ProcessorEventWriter,
  type EventRow as StoredEventRow,
} from './payments/ingest/event-writer';
export {
  applyDueEvents,
  applyOrgBatch,
  drainProcessorEvents,
  type ApplyTick,
} from './payments/apply/apply-due-events';
export { RETRY_HORIZON_MS } from './payments/apply/apply-event-batch';
export { parseEventEnvelope, objectIdOf, type EventEnvelope } from './payments/event-envelope';
export { recordProcessorObject } from './processor/processor-objects';
export * from './payments/schemas';
export { listProcessorEvents } from './payments/list-processor-events';
export { summarizeProcessorEvents } from './payments/summarize-processor-events';
export { replayProcessorEvent } from './payments/replay-processor-event';
export { replayFailedProcessorEvents } from './payments/replay-failed-processor-events';
export { EVENT_HANDLERS } from './payments/apply-processor-event';
// outbox
export { enqueueOutbox, type OutboxMessage } from './outbox/enqueue-outbox';
export { deliverOutbox, outboxRetryPolicy } from './outbox/deliver-outbox';
export { createTransports, type Transports, type TransportConfig } from './outbox/transports';
export { listOutbox, listOutboxInput, OUTBOX_KINDS } from './outbox/list-outbox';
export { replayOutboxEvent, replayOutboxInput } from './outbox/replay-outbox-event';
// fulfillment
export {
  processFulfillmentTasks,
  FULFILLMENT_TASK_RETRY,
} from './fulfillment/process-fulfillment-tasks';
// jobs
export { isLastAttempt, retryDelaySeconds, type RetryPolicy } from './jobs/retry-policy';
export { createFulfillmentTasks } from './checkout/create-fulfillment-tasks';
export { markCheckoutAbandoned } from './checkout/mark-abandoned';
export {
  getPaymentCredentialsStatus,
  setPaymentCredentials,
  setPaymentCredentialsInput,
} from './payments/payment-credentials';
// marketplace
export * from './marketplace/schemas';
// Named, so they win over the type-only re-exports of the same names in schemas.ts.
export {
  payBookingInput,
  payoutSetupInput,
  type PayBookingInput,
} from './marketplace/redirect-schemas';
export { largestRemainder, splitBps, planAllocation, fractionToBps } from './marketplace/split';
export {
  canTransition,
  nextStatuses,
  isReadyForPayment,
  BOOKING_STATUSES,
} from './marketplace/booking-status';
export { redactContactInfo } from './marketplace/redact';
export { getMyVendor } from './marketplace/get-my-vendor';
export { onboardVendor } from './marketplace/onboard-vendor';
export { updateVendorProfile } from './marketplace/update-vendor-profile';
export { startPayoutSetup } from './marketplace/start-payout-setup';
export { refreshPayoutStatus } from './marketplace/refresh-payout-status';
export { listPublicVendors } from './marketplace/list-public-vendors';
export { listVendors } from './marketplace/list-vendors';
export { reviewVendor } from './marketplace/review-vendor';
export { setPayoutsDisabled } from './marketplace/set-payouts-disabled';
export { listTemplates } from './marketplace/list-templates';
export type { SubscriptionView } from './marketplace/organizer-subscription';
export { getMySubscription } from './marketplace/get-my-subscription';
export { checkPlannerAccess, type PlannerAccess } from './marketplace/check-planner-access';
export { getTemplate } from './marketplace/get-template';
export { startSubscription } from './marketplace/start-subscription';
export { cancelSubscription } from './marketplace/cancel-subscription';
export { setOrganizerSubscription } from './marketplace/set-organizer-subscription';
export { createTemplate } from './marketplace/create-template';
export { updateTemplate } from './marketplace/update-template';
export { deleteTemplate } from './marketplace/delete-template';
export { listOrganizerSubscriptions } from './marketplace/list-organizer-subscriptions';
export { createBooking } from './marketplace/create-booking';
export { submitBooking } from './marketplace/submit-booking';
export { listMyBookings } from './marketplace/list-my-bookings';
export { getMyBooking } from './marketplace/get-my-booking';
export { respondToCounter } from './marketplace/respond-to-counter';
export { cancelMyBooking } from './marketplace/cancel-my-booking';
export { listVendorInbox } from './marketplace/list-vendor-inbox';
export { getVendorBooking } from './marketplace/get-vendor-booking';
export { approveBookingRequest } from './marketplace/approve-booking-request';
export { declineBookingRequest } from './marketplace/decline-booking-request';
export { counterBookingRequest } from './marketplace/counter-booking-request';
export { payBooking } from './marketplace/pay-booking';
export { listBookingPayments } from './marketplace/list-booking-payments';
export { listVendorPayouts } from './marketplace/list-vendor-payouts';
export { requestPayout } from './marketplace/request-payout';
export { listPayouts } from './marketplace/list-payouts';
export { sendPayout } from './marketplace/send-payout';
// order refunds
export {
  orderRefundsInput,
  refundFormInput,
  refundOrderPaymentInput,
  type RefundFormInput,
  type RefundOrderPaymentInput,
} from './orders/refund-schemas';
export { refundOrderPayment } from './orders/refund-order-payment';
export { listOrderRefunds } from './orders/list-order-refunds';
export { holdPayout } from './marketplace/hold-payout';
export { releasePayout } from './marketplace/release-payout';
export { reversePayout } from './marketplace/reverse-payout';
export { openDispute } from './marketplace/open-dispute';
export { listDisputes } from './marketplace/list-disputes';
export { resolveDispute } from './marketplace/resolve-dispute';
export { reportModeration, listModeration } from './marketplace/trust';
export { completeBooking } from './marketplace/complete-booking';
export { forceCompleteBooking } from './marketplace/force-complete-booking';
export { cancelBookingWithRefunds } from './marketplace/cancel-booking-with-refunds';
export { listBookings } from './marketplace/list-bookings';
export { getBookingForStaff } from './marketplace/get-booking-for-staff';
// orders (admin)
export * from './orders/schemas';
export { listOrders } from './orders/list-orders';
export { getOrder } from './orders/get-order';
export { resendConfirmation } from './orders/resend-confirmation';
export { cancelOrder } from './orders/cancel-order';
// customers
export * from './customers/schemas';
export { listCustomers } from './customers/list-customers';
export { getCustomer } from './customers/get-customer';
export { addCustomerNote } from './customers/add-customer-note';
// dashboard
export { getDashboardInput, type GetDashboardInput } from './dashboard/schemas';
export { resolveDashboardRange, type DashboardRange } from './dashboard/dashboard-range';
export { getDashboard, type Dashboard } from './dashboard/get-dashboard';
// search
export * from './search/schemas';
export { searchAdmin, type SearchGroup, type SearchHit } from './search/search-admin';
// uploads
export * from './uploads/schemas';
export { requestUpload, type RequestedUpload } from './uploads/request-upload';
export { confirmUpload } from './uploads/confirm-upload';
export { receiveLocalUpload, type UploadBody } from './uploads/receive-local-upload';
export { readLocalUpload } from './uploads/read-local-upload';
export { downloadUrl } from './uploads/download-url';
export { listMyUploads } from './uploads/list-my-uploads';
export { listBookingFiles } from './uploads/list-booking-files';
export type { UploadFailure, UploadProblem, UploadLinkParams } from './uploads/upload-link';
export { uploadSettingsFromEnv, type UploadSettings, type S3Settings } from './uploads/settings';
// billing (the org's plan: pause/resume, usage against limits, tax rate)
export * from './billing/schemas';
export { getBillingStatus } from './billing/get-billing-status';
export { pauseBilling } from './billing/pause-billing';
export { resumeBilling } from './billing/resume-billing';
export { getUsageReport, USAGE_METRIC_LABELS } from './billing/get-usage-report';
export { recordUsage } from './billing/record-usage';
export { getTaxRate } from './billing/get-tax-rate';
export { updateTaxRate } from './billing/update-tax-rate';
export { BILLING_PAUSED_MESSAGE } from './org/billing-gate';
export { syncWorkersCounter } from './org/usage-counters';
// finance: invoices (list, page, mismatches, reconcile, queue, recalculate, overdue sweep) and reports
export * from './finance/invoice-schemas';
export { reconciledStatus, daysOverdue, type InvoiceFunds } from './finance/invoice-status';
export { listInvoices } from './finance/list-invoices';
export { getInvoice } from './finance/get-invoice';
export {
  listInvoiceMismatches,
  INVOICE_MISMATCH_KINDS,
  INVOICE_MISMATCH_WORDS,
  type InvoiceMismatchKind,
} from './finance/list-invoice-mismatches';
export { reconcileInvoice, type ReconcileSnapshot } from './finance/reconcile-invoice';
export { listInvoiceQueue } from './finance/list-invoice-queue';
export { recalculateInvoiceTotals } from './finance/recalculate-invoice-totals';
export { markOverdueInvoices } from './finance/mark-overdue-invoices';
export { resolveReportRange, type ReportRange } from './finance/report-range';
export { getTaxReport, type TaxReportRow } from './finance/get-tax-report';
export { getProfitAndLoss, type ProfitAndLossRow } from './finance/get-profit-and-loss';
// finance: accounting export (accounting.csv builder, monthly export_events, webhook delivery)
export {
  accountingMonth,
  previousAccountingMonth,
  monthInput,
  exportMonthInput,
  type AccountingMonth,
} from './finance/accounting-month';
export {
  exportAccountingMonth,
  ACCOUNTING_EXPORT_TOPIC,
  accountingExportDedupeKey,
  type ExportDelivery,
} from './finance/export-accounting-month';
export {
  listExportEvents,
  listExportEventsInput,
  EXPORT_STATUSES,
} from './finance/export-events-list';
export { readExportEventFile } from './finance/export-event-file';
// reconciliation against the processor (runs from durable cursors, discrepancies, resolution)
export * from './reconciliation';
// admin safety: break-glass sessions under ADMIN_READ_ONLY (spec 002 incident procedure)
export * from './admin-safety';
// client portal (magic links, portal sessions, the client's bookings, invoices, orders, files)
export * from './portal/schemas';
export * from './portal/portal-messages';
export type { PortalClient } from './portal/portal-client';
export {
  signPortalLink,
  checkPortalLink,
  portalFileUrl,
  checkPortalFileLink,
  hashPortalSessionToken,
  PORTAL_SESSION_PREFIX,
} from './portal/portal-link';
export {
  requestPortalLink,
  portalLinkSettingsFromEnv,
  PORTAL_LINK_TOPIC,
  PORTAL_LINKS_PER_IP_PER_MINUTE,
  PORTAL_LINKS_PER_EMAIL_PER_MINUTE,
  type ConsumeRateLimit,
} from './portal/request-portal-link';
export { redeemPortalLink } from './portal/redeem-portal-link';
export { resolvePortalSession } from './portal/resolve-portal-session';
export { revokePortalSession } from './portal/revoke-portal-session';
export { listPortalBookings, getPortalBooking } from './portal/portal-bookings';
export { listPortalInvoices, getPortalInvoice } from './portal/portal-invoices';
export { listPortalOrders, getPortalOrder } from './portal/portal-orders';
export { portalFileDownload, type PortalFileProblem } from './portal/portal-file-download';
// privacy (GDPR): data export, deletion requests, retention cleanup
export * from './privacy/schemas';
export { exportPersonalData, PERSONAL_DATA_FORMAT } from './privacy/export-personal-data';
export { requestDeletion } from './privacy/request-deletion';
export { listDataRequests } from './privacy/list-data-requests';
export {
  runRetentionCleanup,
  retentionSettingsFromEnv,
  type RetentionCleanupResult,
  type RetentionSettings,
  type StorageOf,
} from './privacy/run-retention-cleanup';
export {
  NOT_SET,
  REDACTED,
  isSecretSetting,
  redactConfig,
  type ConfigItem,
  type ConfigSetting,
} from './ops/redact-config';
export {
  getHealthDetails,
  type HealthCheck,
  type HealthDetailsOptions,
  type HealthStatus,
} from './ops/get-health-details';
