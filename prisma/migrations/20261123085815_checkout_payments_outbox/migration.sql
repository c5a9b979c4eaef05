-- CreateEnum
CREATE TYPE "OrderStatus" AS ENUM ('pending_payment', 'paid', 'fulfilled', 'refunded', 'cancelled');

-- CreateEnum
CREATE TYPE "InvoiceStatus" AS ENUM ('open', 'paid', 'refunded', 'void');

-- CreateEnum
CREATE TYPE "HostedSessionStatus" AS ENUM ('open', 'abandoned', 'expired', 'completed', 'superseded');

-- CreateEnum
CREATE TYPE "ProcessorEventStatus" AS ENUM ('received', 'processed', 'failed');

-- CreateEnum
CREATE TYPE "OutboxChannel" AS ENUM ('email', 'slack', 'webhook');

-- CreateEnum
CREATE TYPE "OutboxStatus" AS ENUM ('pending', 'delivered', 'dead');

-- CreateEnum
CREATE TYPE "OrchestrationStage" AS ENUM ('payment', 'identity_verification', 'loyalty_hold', 'fulfillment_readiness', 'completed');

-- CreateEnum
CREATE TYPE "FulfillmentTaskStatus" AS ENUM ('pending', 'completed', 'failed');

-- AlterTable
ALTER TABLE "organizations" ADD COLUMN     "taxRateBps" INTEGER NOT NULL DEFAULT 0;

-- CreateTable
CREATE TABLE "orders" (
    "id" UUID NOT NULL,
    "orgId" UUID NOT NULL,
    "number" SERIAL NOT NULL,
    "customerId" UUID,
    "customerEmail" TEXT NOT NULL,
    "status" "OrderStatus" NOT NULL DEFAULT 'pending_payment',
    "currency" CHAR(3) NOT NULL,
    "subtotalCents" INTEGER NOT NULL,
    "taxCents" INTEGER NOT NULL,
    "totalCents" INTEGER NOT NULL,
    "paidAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "orders_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "order_items" (
    "id" UUID NOT NULL,
    "orgId" UUID NOT NULL,
    "orderId" UUID NOT NULL,
    "productId" UUID,
    "productName" TEXT NOT NULL,
    "quantity" INTEGER NOT NULL,
    "unitPriceCents" INTEGER NOT NULL,
    "totalCents" INTEGER NOT NULL,
    "configuration" JSONB NOT NULL,

    CONSTRAINT "order_items_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "invoices" (
    "id" UUID NOT NULL,
    "orgId" UUID NOT NULL,
    "orderId" UUID NOT NULL,
    "number" SERIAL NOT NULL,
    "status" "InvoiceStatus" NOT NULL DEFAULT 'open',
    "currency" CHAR(3) NOT NULL,
    "subtotalCents" INTEGER NOT NULL,
    "taxableSubtotalCents" INTEGER NOT NULL,
    "taxCents" INTEGER NOT NULL,
    "taxRateBasis" INTEGER NOT NULL,
    "totalCents" INTEGER NOT NULL,
    "amountPaidCents" INTEGER NOT NULL DEFAULT 0,
    "amountRefundedCents" INTEGER NOT NULL DEFAULT 0,
    "issuedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "paidAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "invoices_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "invoice_line_items" (
    "id" UUID NOT NULL,
    "orgId" UUID NOT NULL,
    "invoiceId" UUID NOT NULL,
    "description" TEXT NOT NULL,
    "quantity" INTEGER NOT NULL,
    "unitAmountCents" INTEGER NOT NULL,
    "totalCents" INTEGER NOT NULL,
    "taxRateBps" INTEGER NOT NULL,
    "position" INTEGER NOT NULL,

    CONSTRAINT "invoice_line_items_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "hosted_checkout_sessions" (
    "id" UUID NOT NULL,
    "orgId" UUID NOT NULL,
    "invoiceId" UUID NOT NULL,
    "processor" TEXT NOT NULL DEFAULT 'stripe',
    "processorSessionId" TEXT NOT NULL,
    "url" TEXT NOT NULL,
    "status" "HostedSessionStatus" NOT NULL DEFAULT 'open',
    "amountCents" INTEGER NOT NULL,
    "currency" CHAR(3) NOT NULL,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "paymentIntentId" TEXT,
    "lastPaymentError" TEXT,
    "completedAt" TIMESTAMP(3),
    "abandonedAt" TIMESTAMP(3),
    "expiredAt" TIMESTAMP(3),
    "recoveryAttempts" INTEGER NOT NULL DEFAULT 0,
    "lastRecoveryAt" TIMESTAMP(3),
    "replacedById" UUID,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "hosted_checkout_sessions_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "hosted_session_recovery_runs" (
    "id" UUID NOT NULL,
    "orgId" UUID NOT NULL,
    "trigger" TEXT NOT NULL,
    "startedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finishedAt" TIMESTAMP(3),
    "expiredCount" INTEGER NOT NULL DEFAULT 0,
    "abandonedCount" INTEGER NOT NULL DEFAULT 0,
    "emailsQueued" INTEGER NOT NULL DEFAULT 0,
    "slackQueued" INTEGER NOT NULL DEFAULT 0,
    "skippedCount" INTEGER NOT NULL DEFAULT 0,
    "error" TEXT,

    CONSTRAINT "hosted_session_recovery_runs_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "processor_events" (
    "id" UUID NOT NULL,
    "orgId" UUID NOT NULL,
    "processor" TEXT NOT NULL DEFAULT 'stripe',
    "eventId" TEXT NOT NULL,
    "type" TEXT NOT NULL,
    "status" "ProcessorEventStatus" NOT NULL DEFAULT 'received',
    "payload" JSONB NOT NULL,
    "error" TEXT,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "invoiceId" UUID,
    "eventCreatedAt" TIMESTAMP(3) NOT NULL,
    "receivedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "processedAt" TIMESTAMP(3),

    CONSTRAINT "processor_events_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "payments" (
    "id" UUID NOT NULL,
    "orgId" UUID NOT NULL,
    "invoiceId" UUID NOT NULL,
    "processorPaymentIntentId" TEXT NOT NULL,
    "amountCents" INTEGER NOT NULL,
    "amountRefundedCents" INTEGER NOT NULL DEFAULT 0,
    "currency" CHAR(3) NOT NULL,
    "status" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "payments_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "outbox_events" (
    "id" UUID NOT NULL,
    "orgId" UUID NOT NULL,
    "dedupeKey" TEXT NOT NULL,
    "channel" "OutboxChannel" NOT NULL,
    "topic" TEXT NOT NULL,
    "recipient" TEXT,
    "subject" TEXT,
    "body" TEXT NOT NULL,
    "status" "OutboxStatus" NOT NULL DEFAULT 'pending',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "nextAttemptAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastError" TEXT,
    "deliveredAt" TIMESTAMP(3),
    "deliveredVia" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "outbox_events_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "checkout_orchestrations" (
    "id" UUID NOT NULL,
    "orgId" UUID NOT NULL,
    "orderId" UUID NOT NULL,
    "stage" "OrchestrationStage" NOT NULL DEFAULT 'payment',
    "nextActionAt" TIMESTAMP(3),
    "escalations" INTEGER NOT NULL DEFAULT 0,
    "metadata" JSONB NOT NULL DEFAULT '{}',
    "lastTransitionAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "checkout_orchestrations_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "checkout_orchestration_events" (
    "id" UUID NOT NULL,
    "orgId" UUID NOT NULL,
    "orchestrationId" UUID NOT NULL,
    "kind" TEXT NOT NULL,
    "fromStage" "OrchestrationStage",
    "toStage" "OrchestrationStage",
    "note" TEXT,
    "actorEmail" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "checkout_orchestration_events_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "fulfillment_tasks" (
    "id" UUID NOT NULL,
    "orgId" UUID NOT NULL,
    "orderId" UUID NOT NULL,
    "kind" TEXT NOT NULL,
    "status" "FulfillmentTaskStatus" NOT NULL DEFAULT 'pending',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "lastError" TEXT,
    "runAfter" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "completedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "fulfillment_tasks_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "customer_preferences" (
    "id" UUID NOT NULL,
    "orgId" UUID NOT NULL,
    "userId" UUID NOT NULL,
    "orderUpdates" BOOLEAN NOT NULL DEFAULT true,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "customer_preferences_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "payment_accounts" (
    "id" UUID NOT NULL,
    "orgId" UUID NOT NULL,
    "processor" TEXT NOT NULL DEFAULT 'stripe',
    "secretKeyEncrypted" TEXT NOT NULL,
    "webhookSecretEncrypted" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "payment_accounts_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "orders_number_key" ON "orders"("number");

-- CreateIndex
CREATE INDEX "orders_orgId_customerId_createdAt_idx" ON "orders"("orgId", "customerId", "createdAt" DESC);

-- CreateIndex
CREATE INDEX "orders_orgId_createdAt_idx" ON "orders"("orgId", "createdAt" DESC);

-- CreateIndex
CREATE INDEX "order_items_orderId_idx" ON "order_items"("orderId");

-- CreateIndex
CREATE UNIQUE INDEX "invoices_orderId_key" ON "invoices"("orderId");

-- CreateIndex
CREATE UNIQUE INDEX "invoices_number_key" ON "invoices"("number");

-- CreateIndex
CREATE INDEX "invoices_orgId_createdAt_idx" ON "invoices"("orgId", "createdAt" DESC);

-- CreateIndex
CREATE INDEX "invoice_line_items_invoiceId_position_idx" ON "invoice_line_items"("invoiceId", "position");

-- CreateIndex
CREATE UNIQUE INDEX "hosted_checkout_sessions_processorSessionId_key" ON "hosted_checkout_sessions"("processorSessionId");

-- CreateIndex
CREATE INDEX "hosted_checkout_sessions_orgId_status_expiresAt_idx" ON "hosted_checkout_sessions"("orgId", "status", "expiresAt");

-- CreateIndex
CREATE INDEX "hosted_checkout_sessions_orgId_createdAt_idx" ON "hosted_checkout_sessions"("orgId", "createdAt" DESC);

-- CreateIndex
CREATE INDEX "hosted_checkout_sessions_invoiceId_idx" ON "hosted_checkout_sessions"("invoiceId");

-- CreateIndex
CREATE INDEX "hosted_session_recovery_runs_orgId_startedAt_idx" ON "hosted_session_recovery_runs"("orgId", "startedAt" DESC);

-- CreateIndex
CREATE INDEX "processor_events_orgId_receivedAt_idx" ON "processor_events"("orgId", "receivedAt" DESC);

-- CreateIndex
CREATE UNIQUE INDEX "processor_events_processor_eventId_key" ON "processor_events"("processor", "eventId");

-- CreateIndex
CREATE UNIQUE INDEX "payments_processorPaymentIntentId_key" ON "payments"("processorPaymentIntentId");

-- CreateIndex
CREATE INDEX "payments_invoiceId_idx" ON "payments"("invoiceId");

-- CreateIndex
CREATE INDEX "outbox_events_orgId_status_nextAttemptAt_idx" ON "outbox_events"("orgId", "status", "nextAttemptAt");

-- CreateIndex
CREATE INDEX "outbox_events_orgId_createdAt_idx" ON "outbox_events"("orgId", "createdAt" DESC);

-- CreateIndex
CREATE UNIQUE INDEX "outbox_events_orgId_dedupeKey_key" ON "outbox_events"("orgId", "dedupeKey");

-- CreateIndex
CREATE UNIQUE INDEX "checkout_orchestrations_orderId_key" ON "checkout_orchestrations"("orderId");

-- CreateIndex
CREATE INDEX "checkout_orchestrations_orgId_nextActionAt_idx" ON "checkout_orchestrations"("orgId", "nextActionAt");

-- CreateIndex
CREATE INDEX "checkout_orchestration_events_orchestrationId_createdAt_idx" ON "checkout_orchestration_events"("orchestrationId", "createdAt");

-- CreateIndex
CREATE INDEX "fulfillment_tasks_orgId_status_runAfter_idx" ON "fulfillment_tasks"("orgId", "status", "runAfter");

-- CreateIndex
CREATE UNIQUE INDEX "fulfillment_tasks_orderId_kind_key" ON "fulfillment_tasks"("orderId", "kind");

-- CreateIndex
CREATE UNIQUE INDEX "customer_preferences_orgId_userId_key" ON "customer_preferences"("orgId", "userId");

-- CreateIndex
CREATE UNIQUE INDEX "payment_accounts_orgId_key" ON "payment_accounts"("orgId");

-- AddForeignKey
ALTER TABLE "orders" ADD CONSTRAINT "orders_orgId_fkey" FOREIGN KEY ("orgId") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "orders" ADD CONSTRAINT "orders_customerId_fkey" FOREIGN KEY ("customerId") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "order_items" ADD CONSTRAINT "order_items_orderId_fkey" FOREIGN KEY ("orderId") REFERENCES "orders"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "invoices" ADD CONSTRAINT "invoices_orgId_fkey" FOREIGN KEY ("orgId") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "invoices" ADD CONSTRAINT "invoices_orderId_fkey" FOREIGN KEY ("orderId") REFERENCES "orders"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "invoice_line_items" ADD CONSTRAINT "invoice_line_items_invoiceId_fkey" FOREIGN KEY ("invoiceId") REFERENCES "invoices"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "hosted_checkout_sessions" ADD CONSTRAINT "hosted_checkout_sessions_orgId_fkey" FOREIGN KEY ("orgId") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "hosted_checkout_sessions" ADD CONSTRAINT "hosted_checkout_sessions_invoiceId_fkey" FOREIGN KEY ("invoiceId") REFERENCES "invoices"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "hosted_session_recovery_runs" ADD CONSTRAINT "hosted_session_recovery_runs_orgId_fkey" FOREIGN KEY ("orgId") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "processor_events" ADD CONSTRAINT "processor_events_orgId_fkey" FOREIGN KEY ("orgId") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "payments" ADD CONSTRAINT "payments_orgId_fkey" FOREIGN KEY ("orgId") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "payments" ADD CONSTRAINT "payments_invoiceId_fkey" FOREIGN KEY ("invoiceId") REFERENCES "invoices"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "outbox_events" ADD CONSTRAINT "outbox_events_orgId_fkey" FOREIGN KEY ("orgId") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "checkout_orchestrations" ADD CONSTRAINT "checkout_orchestrations_orgId_fkey" FOREIGN KEY ("orgId") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "checkout_orchestrations" ADD CONSTRAINT "checkout_orchestrations_orderId_fkey" FOREIGN KEY ("orderId") REFERENCES "orders"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "checkout_orchestration_events" ADD CONSTRAINT "checkout_orchestration_events_orchestrationId_fkey" FOREIGN KEY ("orchestrationId") REFERENCES "checkout_orchestrations"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "fulfillment_tasks" ADD CONSTRAINT "fulfillment_tasks_orgId_fkey" FOREIGN KEY ("orgId") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "fulfillment_tasks" ADD CONSTRAINT "fulfillment_tasks_orderId_fkey" FOREIGN KEY ("orderId") REFERENCES "orders"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "customer_preferences" ADD CONSTRAINT "customer_preferences_orgId_fkey" FOREIGN KEY ("orgId") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "customer_preferences" ADD CONSTRAINT "customer_preferences_userId_fkey" FOREIGN KEY ("userId") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "payment_accounts" ADD CONSTRAINT "payment_accounts_orgId_fkey" FOREIGN KEY ("orgId") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Row-level security for the new tenant tables (appended by db:migration).
ALTER TABLE "orders" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "orders" FORCE ROW LEVEL SECURITY;
CREATE POLICY org_isolation ON "orders"
  USING ("orgId" = NULLIF(current_setting('app.current_org_id', true), '')::uuid)
  WITH CHECK ("orgId" = NULLIF(current_setting('app.current_org_id', true), '')::uuid);

ALTER TABLE "order_items" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "order_items" FORCE ROW LEVEL SECURITY;
CREATE POLICY org_isolation ON "order_items"
  USING ("orgId" = NULLIF(current_setting('app.current_org_id', true), '')::uuid)
  WITH CHECK ("orgId" = NULLIF(current_setting('app.current_org_id', true), '')::uuid);

ALTER TABLE "invoices" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "invoices" FORCE ROW LEVEL SECURITY;
CREATE POLICY org_isolation ON "invoices"
  USING ("orgId" = NULLIF(current_setting('app.current_org_id', true), '')::uuid)
  WITH CHECK ("orgId" = NULLIF(current_setting('app.current_org_id', true), '')::uuid);

ALTER TABLE "invoice_line_items" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "invoice_line_items" FORCE ROW LEVEL SECURITY;
CREATE POLICY org_isolation ON "invoice_line_items"
  USING ("orgId" = NULLIF(current_setting('app.current_org_id', true), '')::uuid)
  WITH CHECK ("orgId" = NULLIF(current_setting('app.current_org_id', true), '')::uuid);

ALTER TABLE "hosted_checkout_sessions" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "hosted_checkout_sessions" FORCE ROW LEVEL SECURITY;
CREATE POLICY org_isolation ON "hosted_checkout_sessions"
  USING ("orgId" = NULLIF(current_setting('app.current_org_id', true), '')::uuid)
  WITH CHECK ("orgId" = NULLIF(current_setting('app.current_org_id', true), '')::uuid);

ALTER TABLE "hosted_session_recovery_runs" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "hosted_session_recovery_runs" FORCE ROW LEVEL SECURITY;
CREATE POLICY org_isolation ON "hosted_session_recovery_runs"
  USING ("orgId" = NULLIF(current_setting('app.current_org_id', true), '')::uuid)
  WITH CHECK ("orgId" = NULLIF(current_setting('app.current_org_id', true), '')::uuid);

ALTER TABLE "processor_events" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "processor_events" FORCE ROW LEVEL SECURITY;
CREATE POLICY org_isolation ON "processor_events"
  USING ("orgId" = NULLIF(current_setting('app.current_org_id', true), '')::uuid)
  WITH CHECK ("orgId" = NULLIF(current_setting('app.current_org_id', true), '')::uuid);

ALTER TABLE "payments" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "payments" FORCE ROW LEVEL SECURITY;
CREATE POLICY org_isolation ON "payments"
  USING ("orgId" = NULLIF(current_setting('app.current_org_id', true), '')::uuid)
  WITH CHECK ("orgId" = NULLIF(current_setting('app.current_org_id', true), '')::uuid);

ALTER TABLE "outbox_events" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "outbox_events" FORCE ROW LEVEL SECURITY;
CREATE POLICY org_isolation ON "outbox_events"
  USING ("orgId" = NULLIF(current_setting('app.current_org_id', true), '')::uuid)
  WITH CHECK ("orgId" = NULLIF(current_setting('app.current_org_id', true), '')::uuid);

ALTER TABLE "checkout_orchestrations" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "checkout_orchestrations" FORCE ROW LEVEL SECURITY;
CREATE POLICY org_isolation ON "checkout_orchestrations"
  USING ("orgId" = NULLIF(current_setting('app.current_org_id', true), '')::uuid)
  WITH CHECK ("orgId" = NULLIF(current_setting('app.current_org_id', true), '')::uuid);

ALTER TABLE "checkout_orchestration_events" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "checkout_orchestration_events" FORCE ROW LEVEL SECURITY;
CREATE POLICY org_isolation ON "checkout_orchestration_events"
  USING ("orgId" = NULLIF(current_setting('app.current_org_id', true), '')::uuid)
  WITH CHECK ("orgId" = NULLIF(current_setting('app.current_org_id', true), '')::uuid);

ALTER TABLE "fulfillment_tasks" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "fulfillment_tasks" FORCE ROW LEVEL SECURITY;
CREATE POLICY org_isolation ON "fulfillment_tasks"
  USING ("orgId" = NULLIF(current_setting('app.current_org_id', true), '')::uuid)
  WITH CHECK ("orgId" = NULLIF(current_setting('app.current_org_id', true), '')::uuid);

ALTER TABLE "customer_preferences" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "customer_preferences" FORCE ROW LEVEL SECURITY;
CREATE POLICY org_isolation ON "customer_preferences"
  USING ("orgId" = NULLIF(current_setting('app.current_org_id', true), '')::uuid)
  WITH CHECK ("orgId" = NULLIF(current_setting('app.current_org_id', true), '')::uuid);

ALTER TABLE "payment_accounts" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "payment_accounts" FORCE ROW LEVEL SECURITY;
CREATE POLICY org_isolation ON "payment_accounts"
  USING ("orgId" = NULLIF(current_setting('app.current_org_id', true), '')::uuid)
  WITH CHECK ("orgId" = NULLIF(current_setting('app.current_org_id', true), '')::uuid);

-- Money rules the database enforces too.
ALTER TABLE "orders" ADD CONSTRAINT "orders_amounts_non_negative" CHECK ("subtotalCents" >= 0 AND "taxCents" >= 0 AND "totalCents" = "subtotalCents" + "taxCents");
ALTER TABLE "order_items" ADD CONSTRAINT "order_items_amounts" CHECK ("quantity" > 0 AND "unitPriceCents" >= 0 AND "totalCents" = "unitPriceCents" * "quantity");
ALTER TABLE "invoices" ADD CONSTRAINT "invoices_amounts" CHECK ("subtotalCents" >= 0 AND "taxCents" >= 0 AND "taxableSubtotalCents" BETWEEN 0 AND "subtotalCents" AND "totalCents" = "subtotalCents" + "taxCents" AND "amountPaidCents" >= 0 AND "amountRefundedCents" BETWEEN 0 AND "amountPaidCents");
ALTER TABLE "payments" ADD CONSTRAINT "payments_amounts" CHECK ("amountCents" >= 0 AND "amountRefundedCents" BETWEEN 0 AND "amountCents");
ALTER TABLE "hosted_checkout_sessions" ADD CONSTRAINT "hosted_checkout_sessions_amount" CHECK ("amountCents" >= 0);
ALTER TABLE "organizations" ADD CONSTRAINT "organizations_tax_rate_range" CHECK ("taxRateBps" BETWEEN 0 AND 10000);
