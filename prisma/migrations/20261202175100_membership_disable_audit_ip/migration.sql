-- AlterTable
ALTER TABLE "audit_logs" ADD COLUMN     "ip" TEXT;

-- AlterTable
ALTER TABLE "memberships" ADD COLUMN     "disabledAt" TIMESTAMP(3);
