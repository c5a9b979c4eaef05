import type { Tx } from '@souk/db';
import { coreEnv } from '../env';

export interface SweepResult {
  expired: number;
  abandoned: number;
}

/**
 * Marks sessions past their expiry as expired and open sessions left alone too
 * long as abandoned. Set-based and conditional on the current status, so it is
 * idempotent and two workers sweeping at once never double-count a row.
 */
export async function sweepHostedSessions({
  tx,
  now = new Date(),
  abandonAfterMinutes = coreEnv.CHECKOUT_ABANDON_AFTER_MINUTES,
}: {
  tx: Tx;
  now?: Date;
  abandonAfterMinutes?: number;
}): Promise<SweepResult> {
  const expired = await tx.$executeRaw`
    UPDATE hosted_checkout_sessions
    SET status = 'expired', "expiredAt" = ${now}, "updatedAt" = ${now}
    WHERE status IN ('open', 'abandoned') AND "expiresAt" <= ${now}`;
  const abandonedBefore = new Date(now.getTime() - abandonAfterMinutes * 60_000);
  const abandoned = await tx.$executeRaw`
    UPDATE hosted_checkout_sessions
    SET status = 'abandoned', "abandonedAt" = ${now}, "updatedAt" = ${now}
    WHERE status = 'open' AND "createdAt" <= ${abandonedBefore} AND "expiresAt" > ${now}`;
  return { expired, abandoned };
}
