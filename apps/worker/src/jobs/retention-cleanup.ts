import { createOrgScope, runRetentionCleanup, type RetryPolicy } from '@souk/core';
import type { Db } from '@souk/db';
import type { JobDefinition } from './runner';

/** Spec 002's retention job (`RETENTION_*` settings in @souk/core's env). */
export const RETENTION_CLEANUP_QUEUE = 'retention-cleanup';

/** 02:23 UTC daily, away from the other jobs' minutes. */
export const RETENTION_CLEANUP_CRON = '23 2 * * *';

export const RETENTION_CLEANUP_RETRY: RetryPolicy = {
  maxAttempts: 3,
  baseBackoffSeconds: 300,
  backoffMultiplier: 2,
  maxBackoffSeconds: 3600,
  jitterSeconds: 60,
};

/**
 * Per org: carries out the deletion requests past their grace period and retries the
 * deletes of tombstoned files. A retry after a crash finishes a half-done erasure (the
 * request stays pending until it is complete).
 */
export function retentionCleanupJob({
  db,
  cron = RETENTION_CLEANUP_CRON,
}: {
  db: Db;
  cron?: string;
}): JobDefinition {
  return {
    queue: RETENTION_CLEANUP_QUEUE,
    cron,
    perOrg: true,
    retry: RETENTION_CLEANUP_RETRY,
    handler: async ({ orgId, log }) => {
      const result = await runRetentionCleanup({ scope: createOrgScope({ db, orgId: orgId! }) });
      if (result.requestsCompleted > 0 || result.filesRetried > 0 || result.filesGivenUp > 0) {
        log.info(
          {
            requestsCompleted: result.requestsCompleted,
            filesDeleted: result.filesDeleted,
            filesTombstoned: result.filesTombstoned,
            filesRetried: result.filesRetried,
            filesGivenUp: result.filesGivenUp,
          },
          RETENTION_CLEANUP_QUEUE,
        );
      }
    },
  };
}
