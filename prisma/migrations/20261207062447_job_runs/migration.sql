-- CreateEnum
CREATE TYPE "JobRunOutcome" AS ENUM ('ok', 'failed');

-- CreateTable
CREATE TABLE "job_runs" (
    "id" UUID NOT NULL,
    "queue" TEXT NOT NULL,
    "jobId" UUID,
    "forOrgId" UUID,
    "attempt" INTEGER NOT NULL DEFAULT 1,
    "startedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finishedAt" TIMESTAMP(3),
    "outcome" "JobRunOutcome",
    "durationMs" INTEGER,
    "error" TEXT,
    "consecutiveFailures" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "job_runs_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "job_runs_queue_forOrgId_startedAt_idx" ON "job_runs"("queue", "forOrgId", "startedAt" DESC);

-- CreateIndex
CREATE INDEX "job_runs_startedAt_idx" ON "job_runs"("startedAt");
