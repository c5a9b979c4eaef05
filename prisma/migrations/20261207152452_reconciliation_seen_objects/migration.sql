-- CreateTable
CREATE TABLE "reconciliation_seen_objects" (
    "orgId" UUID NOT NULL,
    "objectId" TEXT NOT NULL,

    CONSTRAINT "reconciliation_seen_objects_pkey" PRIMARY KEY ("orgId","objectId")
);

-- AddForeignKey
ALTER TABLE "reconciliation_seen_objects" ADD CONSTRAINT "reconciliation_seen_objects_orgId_fkey" FOREIGN KEY ("orgId") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Row-level security for the new tenant tables (appended by db:migration).
ALTER TABLE "reconciliation_seen_objects" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "reconciliation_seen_objects" FORCE ROW LEVEL SECURITY;
CREATE POLICY org_isolation ON "reconciliation_seen_objects"
  USING ("orgId" = NULLIF(current_setting('app.current_org_id', true), '')::uuid)
  WITH CHECK ("orgId" = NULLIF(current_setting('app.current_org_id', true), '')::uuid);
