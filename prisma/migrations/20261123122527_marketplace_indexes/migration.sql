-- DropIndex
DROP INDEX "booking_vendors_orgId_vendorId_createdAt_idx";

-- CreateIndex
CREATE INDEX "booking_vendors_orgId_vendorId_createdAt_id_idx" ON "booking_vendors"("orgId", "vendorId", "createdAt" DESC, "id" DESC);

-- CreateIndex
CREATE INDEX "payout_allocations_bookingVendorId_idx" ON "payout_allocations"("bookingVendorId");

-- CreateIndex
CREATE INDEX "payout_allocations_vendorId_idx" ON "payout_allocations"("vendorId");
