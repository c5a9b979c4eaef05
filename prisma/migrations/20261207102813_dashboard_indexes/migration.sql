-- CreateIndex
CREATE INDEX "booking_payments_orgId_status_succeededAt_idx" ON "booking_payments"("orgId", "status", "succeededAt");

-- CreateIndex
CREATE INDEX "invoices_orgId_paidAt_idx" ON "invoices"("orgId", "paidAt");

-- CreateIndex
CREATE INDEX "payout_allocations_orgId_createdAt_idx" ON "payout_allocations"("orgId", "createdAt");

-- CreateIndex
CREATE INDEX "payouts_orgId_status_approvedAt_idx" ON "payouts"("orgId", "status", "approvedAt");

-- CreateIndex
CREATE INDEX "refunds_orgId_status_createdAt_idx" ON "refunds"("orgId", "status", "createdAt");
