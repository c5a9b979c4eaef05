import {
  recoverySettingsFromEnv,
  runSessionRecoveryForAllOrgs,
  type RetryPolicy,
} from '@souk/core';
import type { Db } from '@souk/db';
import type { JobDefinition } from './runner';

export const SESSION_RECOVERY_QUEUE = 'hosted_session_recovery';

export const SESSION_RECOVERY_RETRY: RetryPolicy = {
  maxAttempts: 3,
  baseBackoffSeconds: 60,
  backoffMultiplier: 2,
  maxBackoffSeconds: 900,
  jitterSeconds: 30,
};

/**
 * Spec 000 recovery worker, per org: the hosted-session sweep (open sessions to
 * abandoned/expired), then recovery prompts, logged as a recovery run row.
 */
export function sessionRecoveryJob({
  db,
  everySeconds,
  limit,
}: {
  db: Db;
  everySeconds: number;
  limit: number;
}): JobDefinition {
  return {
    queue: SESSION_RECOVERY_QUEUE,
    everySeconds,
    perOrg: true,
    retry: SESSION_RECOVERY_RETRY,
    handler: async ({ orgId, log }) => {
      const [run] = await runSessionRecoveryForAllOrgs({
        db,
        orgIds: [orgId!],
        settings: recoverySettingsFromEnv(limit),
      });
      const queued = (run?.emailsQueued ?? 0) + (run?.slackQueued ?? 0);
      if (queued > 0) log.info({ queued }, 'recovery prompts queued');
    },
  };
}
