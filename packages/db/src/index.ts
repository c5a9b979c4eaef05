export { appDatabaseUrl, createDb, getDb, APP_ROLE, PrismaClient } from './client';
export type { Db } from './client';
export { withOrg, withTenant } from './tenant';
export { createRouterPool, type RouterPool } from './router';
// Readiness only: plain SQL, no schema engine or embedded server (the worker bundles this).
export { isAtHead, migrationState, type HeadStatus, type MigrationState } from './migration-head';
export type { Tx, TenantScope, UnitOfWorkOptions } from './tenant';
export { Prisma } from './generated/prisma/client';
export type * from './generated/prisma/models';
export * from './generated/prisma/enums';
export type {
  Order,
  OrderItem,
  Invoice,
  InvoiceLineItem,
  HostedCheckoutSession,
  HostedSessionRecoveryRun,
  ProcessorEvent,
  ProcessorObject,
  Payment,
  OutboxEvent,
  CheckoutOrchestration,
  CheckoutOrchestrationEvent,
  FulfillmentTask,
  CustomerPreference,
  PaymentAccount,
  Vendor,
  EventTemplate,
  OrganizerSubscription,
  Booking,
  BookingVendor,
  BookingPayment,
  LedgerEntry,
  PayoutAllocation,
  Payout,
  Dispute,
  ModerationEvent,
  Upload,
  JobRun,
} from './generated/prisma/client';
export { listenToChannel, type ChannelListener, type ListenOptions } from './listen';
