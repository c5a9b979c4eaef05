-- CreateEnum
CREATE TYPE "ProcessorObjectKind" AS ENUM ('checkout_session', 'payment_intent', 'refund', 'transfer', 'account');

-- AlterEnum
-- This migration adds more than one value to an enum.
-- With PostgreSQL versions 11 and earlier, this is not possible
-- in a single migration. This can be worked around by creating
-- multiple migrations, each migration adding only one value to
-- the enum.


ALTER TYPE "ProcessorEventStatus" ADD VALUE 'waiting';
ALTER TYPE "ProcessorEventStatus" ADD VALUE 'unrouted';

-- AlterTable
ALTER TABLE "processor_events" ADD COLUMN     "nextAttemptAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
ADD COLUMN     "objectId" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "waitingFor" TEXT,
ALTER COLUMN "orgId" DROP NOT NULL;

-- AlterTable
ALTER TABLE "vendors" ADD COLUMN     "accountSyncedAt" TIMESTAMP(3);

-- CreateTable
CREATE TABLE "processor_objects" (
    "id" TEXT NOT NULL,
    "processor" TEXT NOT NULL DEFAULT 'stripe',
    "orgId" UUID NOT NULL,
    "kind" "ProcessorObjectKind" NOT NULL,
    "invoiceId" UUID,
    "bookingId" UUID,
    "vendorId" UUID,
    "payoutId" UUID,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "processor_objects_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "processor_objects_orgId_kind_idx" ON "processor_objects"("orgId", "kind");

-- CreateIndex
CREATE INDEX "processor_events_orgId_status_receivedAt_idx" ON "processor_events"("orgId", "status", "receivedAt" DESC);

-- CreateIndex
CREATE INDEX "processor_events_orgId_invoiceId_idx" ON "processor_events"("orgId", "invoiceId");

-- CreateIndex
CREATE INDEX "processor_events_orgId_bookingId_idx" ON "processor_events"("orgId", "bookingId");

-- CreateIndex
CREATE INDEX "processor_events_status_nextAttemptAt_idx" ON "processor_events"("status", "nextAttemptAt");

-- CreateIndex
CREATE INDEX "processor_events_objectId_idx" ON "processor_events"("objectId");

-- CreateIndex
CREATE INDEX "processor_events_waitingFor_idx" ON "processor_events"("waitingFor");

-- AddForeignKey
ALTER TABLE "processor_objects" ADD CONSTRAINT "processor_objects_orgId_fkey" FOREIGN KEY ("orgId") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Row-level security for the new tenant tables (appended by db:migration).
ALTER TABLE "processor_objects" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "processor_objects" FORCE ROW LEVEL SECURITY;
CREATE POLICY org_isolation ON "processor_objects"
  USING ("orgId" = NULLIF(current_setting('app.current_org_id', true), '')::uuid)
  WITH CHECK ("orgId" = NULLIF(current_setting('app.current_org_id', true), '')::uuid);
-- The payments router (webhook ingest, routing unrouted events, finding orgs with due
-- events) works before an org is known. It runs on its own connections as the NOLOGIN role
-- souk_payments_router (SET ROLE at connect; bootstrap grants it to the app role, without
-- inheritance), which may read and write these two tables across orgs and nothing else.
-- A policy TO that role, rather than a setting OR'ed into org_isolation, keeps every
-- tenant query's RLS predicate a plain "orgId" = ... that indexes serve.
DO $$ BEGIN
  CREATE ROLE souk_payments_router NOLOGIN;
EXCEPTION WHEN duplicate_object THEN NULL;
END $$;
GRANT SELECT, INSERT, UPDATE ON "processor_events", "processor_objects" TO souk_payments_router;
GRANT USAGE ON SCHEMA public TO souk_payments_router;
GRANT SELECT ON "organizations" TO souk_payments_router;
CREATE POLICY payments_router ON "processor_events" TO souk_payments_router USING (true) WITH CHECK (true);
CREATE POLICY payments_router ON "processor_objects" TO souk_payments_router USING (true) WITH CHECK (true);

-- Objects Souk created before this migration, so their events route without metadata too.
INSERT INTO "processor_objects" ("id", "orgId", "kind", "invoiceId", "createdAt")
  SELECT "processorSessionId", "orgId", 'checkout_session', "invoiceId", "createdAt" FROM "hosted_checkout_sessions"
  ON CONFLICT DO NOTHING;
INSERT INTO "processor_objects" ("id", "orgId", "kind", "invoiceId", "createdAt")
  SELECT "processorPaymentIntentId", "orgId", 'payment_intent', "invoiceId", "createdAt" FROM "payments"
  ON CONFLICT DO NOTHING;
INSERT INTO "processor_objects" ("id", "orgId", "kind", "bookingId", "createdAt")
  SELECT "processorPaymentIntentId", "orgId", 'payment_intent', "bookingId", "createdAt" FROM "booking_payments"
  ON CONFLICT DO NOTHING;
INSERT INTO "processor_objects" ("id", "orgId", "kind", "vendorId", "createdAt")
  SELECT "connectedAccountId", "orgId", 'account', "id", "createdAt" FROM "vendors" WHERE "connectedAccountId" IS NOT NULL
  ON CONFLICT DO NOTHING;
INSERT INTO "processor_objects" ("id", "orgId", "kind", "bookingId", "payoutId", "vendorId", "createdAt")
  SELECT "transferId", "orgId", 'transfer', "bookingId", "id", "vendorId", "createdAt" FROM "payouts" WHERE "transferId" IS NOT NULL
  ON CONFLICT DO NOTHING;
-- Events stored before routing keys existed: their object is the one in the payload.
UPDATE "processor_events" SET "objectId" = COALESCE(
  CASE WHEN "payload"->'data'->'object'->>'object' IN ('charge', 'refund')
       THEN "payload"->'data'->'object'->>'payment_intent' END,
  "payload"->'data'->'object'->>'id', '');

-- Tenant admins see how many events platform-wide still wait to be routed (never which).
-- SECURITY DEFINER: runs as the migration owner, which RLS does not bind when a superuser.
CREATE FUNCTION platform_unrouted_events() RETURNS bigint LANGUAGE sql STABLE SECURITY DEFINER
  SET search_path = public
  AS $$ SELECT count(*) FROM processor_events WHERE status::text = 'unrouted' $$;
