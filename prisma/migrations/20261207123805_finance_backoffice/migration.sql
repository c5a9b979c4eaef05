-- CreateEnum
CREATE TYPE "OrgBillingStatus" AS ENUM ('active', 'paused');

-- CreateEnum
CREATE TYPE "UsageMetric" AS ENUM ('workers', 'bookings', 'storage_bytes');

-- CreateEnum
CREATE TYPE "ReconciliationTrigger" AS ENUM ('schedule', 'cli', 'admin');

-- CreateEnum
CREATE TYPE "ReconciliationRunStatus" AS ENUM ('running', 'completed', 'failed');

-- CreateEnum
CREATE TYPE "ReconciledObjectKind" AS ENUM ('event', 'payment_intent', 'charge', 'refund', 'checkout_session');

-- CreateEnum
CREATE TYPE "DiscrepancyKind" AS ENUM ('missing_locally', 'amount_mismatch', 'status_mismatch', 'refund_missing', 'unknown_to_processor', 'session_paid_open_locally');

-- CreateEnum
CREATE TYPE "DiscrepancySeverity" AS ENUM ('low', 'medium', 'high');

-- CreateEnum
CREATE TYPE "DiscrepancyStatus" AS ENUM ('open', 'resolved', 'explained');

-- CreateEnum
CREATE TYPE "ExportMode" AS ENUM ('accounting_csv');

-- CreateEnum
CREATE TYPE "ExportStatus" AS ENUM ('stored', 'pending', 'delivered', 'failed');

-- AlterEnum
-- This migration adds more than one value to an enum.
-- With PostgreSQL versions 11 and earlier, this is not possible
-- in a single migration. This can be worked around by creating
-- multiple migrations, each migration adding only one value to
-- the enum.


ALTER TYPE "InvoiceStatus" ADD VALUE 'partial';
ALTER TYPE "InvoiceStatus" ADD VALUE 'overdue';

-- AlterTable
ALTER TABLE "invoices" ADD COLUMN     "dueAt" TIMESTAMP(3);

-- CreateTable
CREATE TABLE "org_plans" (
    "id" UUID NOT NULL,
    "orgId" UUID NOT NULL,
    "planCode" TEXT NOT NULL DEFAULT 'standard',
    "maxWorkers" INTEGER NOT NULL DEFAULT 10,
    "maxBookingsPerMonth" INTEGER NOT NULL DEFAULT 500,
    "maxStorageBytes" BIGINT NOT NULL DEFAULT 10737418240,
    "metadata" JSONB NOT NULL DEFAULT '{}',
    "status" "OrgBillingStatus" NOT NULL DEFAULT 'active',
    "pauseReasonCode" VARCHAR(64),
    "pausedAt" TIMESTAMP(3),
    "resumeReasonCode" VARCHAR(64),
    "resumedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "org_plans_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "usage_counters" (
    "id" UUID NOT NULL,
    "orgId" UUID NOT NULL,
    "metric" "UsageMetric" NOT NULL,
    "period" VARCHAR(16) NOT NULL,
    "value" BIGINT NOT NULL DEFAULT 0,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "usage_counters_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "reconciliation_runs" (
    "id" UUID NOT NULL,
    "orgId" UUID NOT NULL,
    "trigger" "ReconciliationTrigger" NOT NULL,
    "status" "ReconciliationRunStatus" NOT NULL DEFAULT 'running',
    "windowStart" TIMESTAMP(3) NOT NULL,
    "windowEnd" TIMESTAMP(3) NOT NULL,
    "pageLimit" INTEGER NOT NULL,
    "objectsSeen" INTEGER NOT NULL DEFAULT 0,
    "discrepanciesFound" INTEGER NOT NULL DEFAULT 0,
    "checkpoints" JSONB NOT NULL DEFAULT '[]',
    "error" TEXT,
    "startedByUserId" UUID,
    "startedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finishedAt" TIMESTAMP(3),

    CONSTRAINT "reconciliation_runs_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "billing_sync_cursors" (
    "id" UUID NOT NULL,
    "orgId" UUID NOT NULL,
    "objectKind" "ReconciledObjectKind" NOT NULL,
    "lastObjectId" TEXT,
    "lastCreatedAt" TIMESTAMP(3),
    "runId" UUID,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "billing_sync_cursors_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "reconciliation_discrepancies" (
    "id" UUID NOT NULL,
    "orgId" UUID NOT NULL,
    "runId" UUID NOT NULL,
    "kind" "DiscrepancyKind" NOT NULL,
    "severity" "DiscrepancySeverity" NOT NULL,
    "status" "DiscrepancyStatus" NOT NULL DEFAULT 'open',
    "fingerprint" TEXT NOT NULL,
    "processorObjectKind" "ReconciledObjectKind",
    "processorObjectId" TEXT,
    "localEntityType" TEXT,
    "localEntityId" UUID,
    "currency" CHAR(3),
    "processorAmountCents" INTEGER,
    "localAmountCents" INTEGER,
    "processorStatus" TEXT,
    "localStatus" TEXT,
    "note" TEXT,
    "resolvedByUserId" UUID,
    "resolvedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "reconciliation_discrepancies_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "export_events" (
    "id" UUID NOT NULL,
    "orgId" UUID NOT NULL,
    "mode" "ExportMode" NOT NULL,
    "status" "ExportStatus" NOT NULL,
    "periodStart" TIMESTAMP(3) NOT NULL,
    "periodEnd" TIMESTAMP(3) NOT NULL,
    "fileName" TEXT NOT NULL,
    "content" TEXT,
    "rowCount" INTEGER NOT NULL DEFAULT 0,
    "outboxEventId" UUID,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "lastError" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "export_events_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "org_plans_orgId_key" ON "org_plans"("orgId");

-- CreateIndex
CREATE UNIQUE INDEX "usage_counters_orgId_metric_period_key" ON "usage_counters"("orgId", "metric", "period");

-- CreateIndex
CREATE INDEX "reconciliation_runs_orgId_startedAt_idx" ON "reconciliation_runs"("orgId", "startedAt" DESC);

-- CreateIndex
CREATE UNIQUE INDEX "billing_sync_cursors_orgId_objectKind_key" ON "billing_sync_cursors"("orgId", "objectKind");

-- CreateIndex
CREATE INDEX "reconciliation_discrepancies_orgId_status_createdAt_idx" ON "reconciliation_discrepancies"("orgId", "status", "createdAt" DESC);

-- CreateIndex
CREATE UNIQUE INDEX "reconciliation_discrepancies_orgId_fingerprint_key" ON "reconciliation_discrepancies"("orgId", "fingerprint");

-- CreateIndex
CREATE INDEX "export_events_orgId_createdAt_idx" ON "export_events"("orgId", "createdAt" DESC);

-- CreateIndex
CREATE UNIQUE INDEX "export_events_orgId_mode_periodStart_periodEnd_key" ON "export_events"("orgId", "mode", "periodStart", "periodEnd");

-- CreateIndex
CREATE INDEX "invoices_orgId_status_dueAt_idx" ON "invoices"("orgId", "status", "dueAt");

-- AddForeignKey
ALTER TABLE "org_plans" ADD CONSTRAINT "org_plans_orgId_fkey" FOREIGN KEY ("orgId") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "usage_counters" ADD CONSTRAINT "usage_counters_orgId_fkey" FOREIGN KEY ("orgId") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "reconciliation_runs" ADD CONSTRAINT "reconciliation_runs_orgId_fkey" FOREIGN KEY ("orgId") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "billing_sync_cursors" ADD CONSTRAINT "billing_sync_cursors_orgId_fkey" FOREIGN KEY ("orgId") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "reconciliation_discrepancies" ADD CONSTRAINT "reconciliation_discrepancies_orgId_fkey" FOREIGN KEY ("orgId") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "reconciliation_discrepancies" ADD CONSTRAINT "reconciliation_discrepancies_runId_fkey" FOREIGN KEY ("runId") REFERENCES "reconciliation_runs"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "export_events" ADD CONSTRAINT "export_events_orgId_fkey" FOREIGN KEY ("orgId") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Row-level security for the new tenant tables (appended by db:migration).
ALTER TABLE "org_plans" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "org_plans" FORCE ROW LEVEL SECURITY;
CREATE POLICY org_isolation ON "org_plans"
  USING ("orgId" = NULLIF(current_setting('app.current_org_id', true), '')::uuid)
  WITH CHECK ("orgId" = NULLIF(current_setting('app.current_org_id', true), '')::uuid);

ALTER TABLE "usage_counters" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "usage_counters" FORCE ROW LEVEL SECURITY;
CREATE POLICY org_isolation ON "usage_counters"
  USING ("orgId" = NULLIF(current_setting('app.current_org_id', true), '')::uuid)
  WITH CHECK ("orgId" = NULLIF(current_setting('app.current_org_id', true), '')::uuid);

ALTER TABLE "reconciliation_runs" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "reconciliation_runs" FORCE ROW LEVEL SECURITY;
CREATE POLICY org_isolation ON "reconciliation_runs"
  USING ("orgId" = NULLIF(current_setting('app.current_org_id', true), '')::uuid)
  WITH CHECK ("orgId" = NULLIF(current_setting('app.current_org_id', true), '')::uuid);

ALTER TABLE "billing_sync_cursors" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "billing_sync_cursors" FORCE ROW LEVEL SECURITY;
CREATE POLICY org_isolation ON "billing_sync_cursors"
  USING ("orgId" = NULLIF(current_setting('app.current_org_id', true), '')::uuid)
  WITH CHECK ("orgId" = NULLIF(current_setting('app.current_org_id', true), '')::uuid);

ALTER TABLE "reconciliation_discrepancies" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "reconciliation_discrepancies" FORCE ROW LEVEL SECURITY;
CREATE POLICY org_isolation ON "reconciliation_discrepancies"
  USING ("orgId" = NULLIF(current_setting('app.current_org_id', true), '')::uuid)
  WITH CHECK ("orgId" = NULLIF(current_setting('app.current_org_id', true), '')::uuid);

ALTER TABLE "export_events" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "export_events" FORCE ROW LEVEL SECURITY;
CREATE POLICY org_isolation ON "export_events"
  USING ("orgId" = NULLIF(current_setting('app.current_org_id', true), '')::uuid)
  WITH CHECK ("orgId" = NULLIF(current_setting('app.current_org_id', true), '')::uuid);

-- Limits and counters are never negative; a run pages at most 100 objects at a time (Stripe's maximum).
ALTER TABLE "org_plans" ADD CONSTRAINT "org_plans_limits_check"
  CHECK ("maxWorkers" >= 0 AND "maxBookingsPerMonth" >= 0 AND "maxStorageBytes" >= 0);
ALTER TABLE "usage_counters" ADD CONSTRAINT "usage_counters_value_check" CHECK ("value" >= 0);
ALTER TABLE "reconciliation_runs" ADD CONSTRAINT "reconciliation_runs_page_limit_check"
  CHECK ("pageLimit" BETWEEN 1 AND 100 AND "windowStart" <= "windowEnd");
ALTER TABLE "export_events" ADD CONSTRAINT "export_events_period_check"
  CHECK ("periodStart" < "periodEnd" AND "rowCount" >= 0);
