-- CreateEnum
CREATE TYPE "VendorType" AS ENUM ('venue_owner', 'service_provider');

-- CreateEnum
CREATE TYPE "VendorStatus" AS ENUM ('pending', 'approved', 'needs_changes');

-- CreateEnum
CREATE TYPE "SubscriptionStatus" AS ENUM ('none', 'trial', 'active', 'cancelled');

-- CreateEnum
CREATE TYPE "BookingStatus" AS ENUM ('draft', 'awaiting_vendor_approval', 'ready_for_payment', 'paid', 'completed', 'cancelled');

-- CreateEnum
CREATE TYPE "BookingVendorRole" AS ENUM ('venue', 'service');

-- CreateEnum
CREATE TYPE "BookingVendorStatus" AS ENUM ('pending', 'approved', 'declined', 'countered');

-- CreateEnum
CREATE TYPE "BookingPaymentKind" AS ENUM ('deposit', 'full', 'balance');

-- CreateEnum
CREATE TYPE "BookingPaymentStatus" AS ENUM ('requires_payment', 'succeeded', 'failed', 'canceled');

-- CreateEnum
CREATE TYPE "LedgerEntryType" AS ENUM ('held_funds', 'refund');

-- CreateEnum
CREATE TYPE "PayoutMilestone" AS ENUM ('reservation', 'completion');

-- CreateEnum
CREATE TYPE "PayoutStatus" AS ENUM ('locked', 'eligible', 'held', 'paid', 'reversed', 'voided');

-- CreateEnum
CREATE TYPE "DisputeStatus" AS ENUM ('open', 'resolved_released', 'resolved_reversed');

-- CreateEnum
CREATE TYPE "UploadKind" AS ENUM ('venue_blueprint', 'venue_photo', 'service_portfolio', 'template_media');

-- CreateEnum
CREATE TYPE "UploadStatus" AS ENUM ('pending', 'stored', 'rejected');

-- AlterTable
ALTER TABLE "processor_events" ADD COLUMN     "bookingId" UUID;

-- CreateTable
CREATE TABLE "vendors" (
    "id" UUID NOT NULL,
    "orgId" UUID NOT NULL,
    "userId" UUID NOT NULL,
    "type" "VendorType" NOT NULL,
    "displayName" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "city" TEXT NOT NULL DEFAULT '',
    "status" "VendorStatus" NOT NULL DEFAULT 'pending',
    "reviewNote" TEXT,
    "reviewedAt" TIMESTAMP(3),
    "payoutsDisabled" BOOLEAN NOT NULL DEFAULT false,
    "connectedAccountId" TEXT,
    "payoutsEnabled" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "vendors_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "event_templates" (
    "id" UUID NOT NULL,
    "orgId" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "summary" TEXT NOT NULL DEFAULT '',
    "details" TEXT NOT NULL DEFAULT '',
    "suggestedGuests" INTEGER,
    "mediaUploadIds" UUID[] DEFAULT ARRAY[]::UUID[],
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "event_templates_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "organizer_subscriptions" (
    "id" UUID NOT NULL,
    "orgId" UUID NOT NULL,
    "userId" UUID NOT NULL,
    "status" "SubscriptionStatus" NOT NULL,
    "trialEndsAt" TIMESTAMP(3),
    "cancelledAt" TIMESTAMP(3),
    "setById" UUID,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "organizer_subscriptions_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "bookings" (
    "id" UUID NOT NULL,
    "orgId" UUID NOT NULL,
    "number" SERIAL NOT NULL,
    "organizerId" UUID NOT NULL,
    "templateId" UUID,
    "status" "BookingStatus" NOT NULL DEFAULT 'draft',
    "eventDate" DATE,
    "guestCount" INTEGER,
    "locationText" TEXT NOT NULL DEFAULT '',
    "notes" TEXT NOT NULL DEFAULT '',
    "requestedBudgetCents" INTEGER,
    "currency" CHAR(3) NOT NULL,
    "totalCents" INTEGER NOT NULL DEFAULT 0,
    "amountPaidCents" INTEGER NOT NULL DEFAULT 0,
    "amountRefundedCents" INTEGER NOT NULL DEFAULT 0,
    "completedAt" TIMESTAMP(3),
    "cancelledAt" TIMESTAMP(3),
    "cancelReason" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "bookings_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "booking_vendors" (
    "id" UUID NOT NULL,
    "orgId" UUID NOT NULL,
    "bookingId" UUID NOT NULL,
    "vendorId" UUID NOT NULL,
    "role" "BookingVendorRole" NOT NULL,
    "status" "BookingVendorStatus" NOT NULL DEFAULT 'pending',
    "agreedAmountCents" INTEGER,
    "proposedAmountCents" INTEGER,
    "vendorNote" TEXT,
    "respondedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "booking_vendors_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "booking_payments" (
    "id" UUID NOT NULL,
    "orgId" UUID NOT NULL,
    "bookingId" UUID NOT NULL,
    "kind" "BookingPaymentKind" NOT NULL,
    "status" "BookingPaymentStatus" NOT NULL DEFAULT 'requires_payment',
    "amountCents" INTEGER NOT NULL,
    "amountRefundedCents" INTEGER NOT NULL DEFAULT 0,
    "currency" CHAR(3) NOT NULL,
    "processorPaymentIntentId" TEXT NOT NULL,
    "clientSecret" TEXT NOT NULL,
    "idempotencyKey" TEXT NOT NULL,
    "openBookingId" UUID,
    "commissionBps" INTEGER NOT NULL,
    "reservationBps" INTEGER NOT NULL,
    "failureMessage" TEXT,
    "createdById" UUID NOT NULL,
    "succeededAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "booking_payments_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ledger_entries" (
    "id" UUID NOT NULL,
    "orgId" UUID NOT NULL,
    "bookingId" UUID NOT NULL,
    "paymentId" UUID NOT NULL,
    "type" "LedgerEntryType" NOT NULL,
    "amountCents" INTEGER NOT NULL,
    "currency" CHAR(3) NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ledger_entries_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "payout_allocations" (
    "id" UUID NOT NULL,
    "orgId" UUID NOT NULL,
    "bookingId" UUID NOT NULL,
    "paymentId" UUID NOT NULL,
    "bookingVendorId" UUID NOT NULL,
    "vendorId" UUID NOT NULL,
    "grossCents" INTEGER NOT NULL,
    "commissionCents" INTEGER NOT NULL,
    "netCents" INTEGER NOT NULL,
    "currency" CHAR(3) NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "payout_allocations_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "payouts" (
    "id" UUID NOT NULL,
    "orgId" UUID NOT NULL,
    "allocationId" UUID NOT NULL,
    "bookingId" UUID NOT NULL,
    "vendorId" UUID NOT NULL,
    "milestone" "PayoutMilestone" NOT NULL,
    "status" "PayoutStatus" NOT NULL DEFAULT 'locked',
    "amountCents" INTEGER NOT NULL,
    "currency" CHAR(3) NOT NULL,
    "requestedAt" TIMESTAMP(3),
    "eligibleAt" TIMESTAMP(3),
    "approvedAt" TIMESTAMP(3),
    "approvedById" UUID,
    "transferId" TEXT,
    "heldReason" TEXT,
    "heldByDisputeId" UUID,
    "reversedAt" TIMESTAMP(3),
    "reverseReason" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "payouts_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "disputes" (
    "id" UUID NOT NULL,
    "orgId" UUID NOT NULL,
    "bookingId" UUID NOT NULL,
    "openedById" UUID NOT NULL,
    "openedAs" TEXT NOT NULL,
    "reason" TEXT NOT NULL,
    "status" "DisputeStatus" NOT NULL DEFAULT 'open',
    "resolutionNote" TEXT,
    "resolvedById" UUID,
    "resolvedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "disputes_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "moderation_events" (
    "id" UUID NOT NULL,
    "orgId" UUID NOT NULL,
    "kind" TEXT NOT NULL,
    "userId" UUID,
    "bookingId" UUID,
    "text" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "moderation_events_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "uploads" (
    "id" UUID NOT NULL,
    "orgId" UUID NOT NULL,
    "ownerId" UUID NOT NULL,
    "vendorId" UUID,
    "kind" "UploadKind" NOT NULL,
    "status" "UploadStatus" NOT NULL DEFAULT 'pending',
    "key" TEXT NOT NULL,
    "backend" TEXT NOT NULL,
    "fileName" TEXT NOT NULL,
    "declaredType" TEXT NOT NULL,
    "declaredBytes" INTEGER NOT NULL,
    "sniffedType" TEXT,
    "sizeBytes" INTEGER,
    "rejectReason" TEXT,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "storedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "uploads_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "vendors_orgId_status_type_idx" ON "vendors"("orgId", "status", "type");

-- CreateIndex
CREATE UNIQUE INDEX "vendors_orgId_userId_key" ON "vendors"("orgId", "userId");

-- CreateIndex
CREATE INDEX "event_templates_orgId_name_idx" ON "event_templates"("orgId", "name");

-- CreateIndex
CREATE UNIQUE INDEX "organizer_subscriptions_orgId_userId_key" ON "organizer_subscriptions"("orgId", "userId");

-- CreateIndex
CREATE UNIQUE INDEX "bookings_number_key" ON "bookings"("number");

-- CreateIndex
CREATE INDEX "bookings_orgId_organizerId_createdAt_idx" ON "bookings"("orgId", "organizerId", "createdAt" DESC);

-- CreateIndex
CREATE INDEX "bookings_orgId_status_createdAt_idx" ON "bookings"("orgId", "status", "createdAt" DESC);

-- CreateIndex
CREATE INDEX "booking_vendors_orgId_vendorId_createdAt_idx" ON "booking_vendors"("orgId", "vendorId", "createdAt" DESC);

-- CreateIndex
CREATE INDEX "booking_vendors_orgId_vendorId_status_createdAt_idx" ON "booking_vendors"("orgId", "vendorId", "status", "createdAt" DESC);

-- CreateIndex
CREATE UNIQUE INDEX "booking_vendors_bookingId_vendorId_key" ON "booking_vendors"("bookingId", "vendorId");

-- CreateIndex
CREATE UNIQUE INDEX "booking_payments_processorPaymentIntentId_key" ON "booking_payments"("processorPaymentIntentId");

-- CreateIndex
CREATE UNIQUE INDEX "booking_payments_openBookingId_key" ON "booking_payments"("openBookingId");

-- CreateIndex
CREATE INDEX "booking_payments_bookingId_createdAt_idx" ON "booking_payments"("bookingId", "createdAt");

-- CreateIndex
CREATE INDEX "booking_payments_orgId_status_createdAt_idx" ON "booking_payments"("orgId", "status", "createdAt" DESC);

-- CreateIndex
CREATE INDEX "ledger_entries_bookingId_idx" ON "ledger_entries"("bookingId");

-- CreateIndex
CREATE UNIQUE INDEX "ledger_entries_paymentId_type_key" ON "ledger_entries"("paymentId", "type");

-- CreateIndex
CREATE INDEX "payout_allocations_bookingId_idx" ON "payout_allocations"("bookingId");

-- CreateIndex
CREATE UNIQUE INDEX "payout_allocations_paymentId_bookingVendorId_key" ON "payout_allocations"("paymentId", "bookingVendorId");

-- CreateIndex
CREATE INDEX "payouts_orgId_vendorId_createdAt_idx" ON "payouts"("orgId", "vendorId", "createdAt" DESC);

-- CreateIndex
CREATE INDEX "payouts_orgId_status_createdAt_idx" ON "payouts"("orgId", "status", "createdAt");

-- CreateIndex
CREATE INDEX "payouts_bookingId_idx" ON "payouts"("bookingId");

-- CreateIndex
CREATE UNIQUE INDEX "payouts_allocationId_milestone_key" ON "payouts"("allocationId", "milestone");

-- CreateIndex
CREATE INDEX "disputes_orgId_status_createdAt_idx" ON "disputes"("orgId", "status", "createdAt" DESC);

-- CreateIndex
CREATE INDEX "disputes_bookingId_idx" ON "disputes"("bookingId");

-- CreateIndex
CREATE INDEX "moderation_events_orgId_createdAt_idx" ON "moderation_events"("orgId", "createdAt" DESC);

-- CreateIndex
CREATE INDEX "moderation_events_orgId_kind_createdAt_idx" ON "moderation_events"("orgId", "kind", "createdAt" DESC);

-- CreateIndex
CREATE UNIQUE INDEX "uploads_key_key" ON "uploads"("key");

-- CreateIndex
CREATE INDEX "uploads_orgId_ownerId_createdAt_idx" ON "uploads"("orgId", "ownerId", "createdAt" DESC);

-- CreateIndex
CREATE INDEX "uploads_vendorId_kind_idx" ON "uploads"("vendorId", "kind");

-- AddForeignKey
ALTER TABLE "vendors" ADD CONSTRAINT "vendors_orgId_fkey" FOREIGN KEY ("orgId") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "vendors" ADD CONSTRAINT "vendors_userId_fkey" FOREIGN KEY ("userId") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "event_templates" ADD CONSTRAINT "event_templates_orgId_fkey" FOREIGN KEY ("orgId") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "organizer_subscriptions" ADD CONSTRAINT "organizer_subscriptions_orgId_fkey" FOREIGN KEY ("orgId") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "bookings" ADD CONSTRAINT "bookings_orgId_fkey" FOREIGN KEY ("orgId") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "bookings" ADD CONSTRAINT "bookings_organizerId_fkey" FOREIGN KEY ("organizerId") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "bookings" ADD CONSTRAINT "bookings_templateId_fkey" FOREIGN KEY ("templateId") REFERENCES "event_templates"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "booking_vendors" ADD CONSTRAINT "booking_vendors_orgId_fkey" FOREIGN KEY ("orgId") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "booking_vendors" ADD CONSTRAINT "booking_vendors_bookingId_fkey" FOREIGN KEY ("bookingId") REFERENCES "bookings"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "booking_vendors" ADD CONSTRAINT "booking_vendors_vendorId_fkey" FOREIGN KEY ("vendorId") REFERENCES "vendors"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "booking_payments" ADD CONSTRAINT "booking_payments_orgId_fkey" FOREIGN KEY ("orgId") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "booking_payments" ADD CONSTRAINT "booking_payments_bookingId_fkey" FOREIGN KEY ("bookingId") REFERENCES "bookings"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ledger_entries" ADD CONSTRAINT "ledger_entries_orgId_fkey" FOREIGN KEY ("orgId") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ledger_entries" ADD CONSTRAINT "ledger_entries_bookingId_fkey" FOREIGN KEY ("bookingId") REFERENCES "bookings"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ledger_entries" ADD CONSTRAINT "ledger_entries_paymentId_fkey" FOREIGN KEY ("paymentId") REFERENCES "booking_payments"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "payout_allocations" ADD CONSTRAINT "payout_allocations_orgId_fkey" FOREIGN KEY ("orgId") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "payout_allocations" ADD CONSTRAINT "payout_allocations_bookingId_fkey" FOREIGN KEY ("bookingId") REFERENCES "bookings"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "payout_allocations" ADD CONSTRAINT "payout_allocations_paymentId_fkey" FOREIGN KEY ("paymentId") REFERENCES "booking_payments"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "payout_allocations" ADD CONSTRAINT "payout_allocations_bookingVendorId_fkey" FOREIGN KEY ("bookingVendorId") REFERENCES "booking_vendors"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "payout_allocations" ADD CONSTRAINT "payout_allocations_vendorId_fkey" FOREIGN KEY ("vendorId") REFERENCES "vendors"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "payouts" ADD CONSTRAINT "payouts_orgId_fkey" FOREIGN KEY ("orgId") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "payouts" ADD CONSTRAINT "payouts_allocationId_fkey" FOREIGN KEY ("allocationId") REFERENCES "payout_allocations"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "payouts" ADD CONSTRAINT "payouts_bookingId_fkey" FOREIGN KEY ("bookingId") REFERENCES "bookings"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "payouts" ADD CONSTRAINT "payouts_vendorId_fkey" FOREIGN KEY ("vendorId") REFERENCES "vendors"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "disputes" ADD CONSTRAINT "disputes_orgId_fkey" FOREIGN KEY ("orgId") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "disputes" ADD CONSTRAINT "disputes_bookingId_fkey" FOREIGN KEY ("bookingId") REFERENCES "bookings"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "moderation_events" ADD CONSTRAINT "moderation_events_orgId_fkey" FOREIGN KEY ("orgId") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "uploads" ADD CONSTRAINT "uploads_orgId_fkey" FOREIGN KEY ("orgId") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "uploads" ADD CONSTRAINT "uploads_ownerId_fkey" FOREIGN KEY ("ownerId") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "uploads" ADD CONSTRAINT "uploads_vendorId_fkey" FOREIGN KEY ("vendorId") REFERENCES "vendors"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- Row-level security for the new tenant tables (appended by db:migration).
ALTER TABLE "vendors" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "vendors" FORCE ROW LEVEL SECURITY;
CREATE POLICY org_isolation ON "vendors"
  USING ("orgId" = NULLIF(current_setting('app.current_org_id', true), '')::uuid)
  WITH CHECK ("orgId" = NULLIF(current_setting('app.current_org_id', true), '')::uuid);

ALTER TABLE "event_templates" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "event_templates" FORCE ROW LEVEL SECURITY;
CREATE POLICY org_isolation ON "event_templates"
  USING ("orgId" = NULLIF(current_setting('app.current_org_id', true), '')::uuid)
  WITH CHECK ("orgId" = NULLIF(current_setting('app.current_org_id', true), '')::uuid);

ALTER TABLE "organizer_subscriptions" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "organizer_subscriptions" FORCE ROW LEVEL SECURITY;
CREATE POLICY org_isolation ON "organizer_subscriptions"
  USING ("orgId" = NULLIF(current_setting('app.current_org_id', true), '')::uuid)
  WITH CHECK ("orgId" = NULLIF(current_setting('app.current_org_id', true), '')::uuid);

ALTER TABLE "bookings" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "bookings" FORCE ROW LEVEL SECURITY;
CREATE POLICY org_isolation ON "bookings"
  USING ("orgId" = NULLIF(current_setting('app.current_org_id', true), '')::uuid)
  WITH CHECK ("orgId" = NULLIF(current_setting('app.current_org_id', true), '')::uuid);

ALTER TABLE "booking_vendors" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "booking_vendors" FORCE ROW LEVEL SECURITY;
CREATE POLICY org_isolation ON "booking_vendors"
  USING ("orgId" = NULLIF(current_setting('app.current_org_id', true), '')::uuid)
  WITH CHECK ("orgId" = NULLIF(current_setting('app.current_org_id', true), '')::uuid);

ALTER TABLE "booking_payments" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "booking_payments" FORCE ROW LEVEL SECURITY;
CREATE POLICY org_isolation ON "booking_payments"
  USING ("orgId" = NULLIF(current_setting('app.current_org_id', true), '')::uuid)
  WITH CHECK ("orgId" = NULLIF(current_setting('app.current_org_id', true), '')::uuid);

ALTER TABLE "ledger_entries" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "ledger_entries" FORCE ROW LEVEL SECURITY;
CREATE POLICY org_isolation ON "ledger_entries"
  USING ("orgId" = NULLIF(current_setting('app.current_org_id', true), '')::uuid)
  WITH CHECK ("orgId" = NULLIF(current_setting('app.current_org_id', true), '')::uuid);

ALTER TABLE "payout_allocations" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "payout_allocations" FORCE ROW LEVEL SECURITY;
CREATE POLICY org_isolation ON "payout_allocations"
  USING ("orgId" = NULLIF(current_setting('app.current_org_id', true), '')::uuid)
  WITH CHECK ("orgId" = NULLIF(current_setting('app.current_org_id', true), '')::uuid);

ALTER TABLE "payouts" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "payouts" FORCE ROW LEVEL SECURITY;
CREATE POLICY org_isolation ON "payouts"
  USING ("orgId" = NULLIF(current_setting('app.current_org_id', true), '')::uuid)
  WITH CHECK ("orgId" = NULLIF(current_setting('app.current_org_id', true), '')::uuid);

ALTER TABLE "disputes" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "disputes" FORCE ROW LEVEL SECURITY;
CREATE POLICY org_isolation ON "disputes"
  USING ("orgId" = NULLIF(current_setting('app.current_org_id', true), '')::uuid)
  WITH CHECK ("orgId" = NULLIF(current_setting('app.current_org_id', true), '')::uuid);

ALTER TABLE "moderation_events" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "moderation_events" FORCE ROW LEVEL SECURITY;
CREATE POLICY org_isolation ON "moderation_events"
  USING ("orgId" = NULLIF(current_setting('app.current_org_id', true), '')::uuid)
  WITH CHECK ("orgId" = NULLIF(current_setting('app.current_org_id', true), '')::uuid);

ALTER TABLE "uploads" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "uploads" FORCE ROW LEVEL SECURITY;
CREATE POLICY org_isolation ON "uploads"
  USING ("orgId" = NULLIF(current_setting('app.current_org_id', true), '')::uuid)
  WITH CHECK ("orgId" = NULLIF(current_setting('app.current_org_id', true), '')::uuid);

-- Money rules the database enforces too.
ALTER TABLE "bookings" ADD CONSTRAINT "bookings_amounts" CHECK ("totalCents" >= 0 AND "amountPaidCents" >= 0 AND "amountRefundedCents" BETWEEN 0 AND "amountPaidCents" AND ("requestedBudgetCents" IS NULL OR "requestedBudgetCents" >= 0) AND ("guestCount" IS NULL OR "guestCount" > 0));
ALTER TABLE "booking_vendors" ADD CONSTRAINT "booking_vendors_amounts" CHECK (("agreedAmountCents" IS NULL OR "agreedAmountCents" >= 0) AND ("proposedAmountCents" IS NULL OR "proposedAmountCents" > 0));
ALTER TABLE "booking_payments" ADD CONSTRAINT "booking_payments_amounts" CHECK ("amountCents" > 0 AND "amountRefundedCents" BETWEEN 0 AND "amountCents" AND "commissionBps" BETWEEN 0 AND 10000 AND "reservationBps" BETWEEN 0 AND 10000);
ALTER TABLE "booking_payments" ADD CONSTRAINT "booking_payments_open_slot" CHECK (("status" = 'requires_payment') = ("openBookingId" IS NOT NULL) AND ("openBookingId" IS NULL OR "openBookingId" = "bookingId"));
ALTER TABLE "payout_allocations" ADD CONSTRAINT "payout_allocations_split" CHECK ("grossCents" >= 0 AND "commissionCents" >= 0 AND "netCents" >= 0 AND "grossCents" = "commissionCents" + "netCents");
ALTER TABLE "payouts" ADD CONSTRAINT "payouts_amount" CHECK ("amountCents" >= 0);
ALTER TABLE "ledger_entries" ADD CONSTRAINT "ledger_entries_amount" CHECK ("amountCents" >= 0);
ALTER TABLE "uploads" ADD CONSTRAINT "uploads_sizes" CHECK ("declaredBytes" > 0 AND ("sizeBytes" IS NULL OR "sizeBytes" >= 0));
