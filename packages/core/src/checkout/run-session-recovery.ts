import { withOrg, type Db } from '@souk/db';
import { recordAudit } from '../audit/record-audit';
import type { TenantContext } from '../context';
import { coreEnv } from '../env';
import { formatMoney } from '../money';
import { enqueueOutbox } from '../outbox/enqueue-outbox';
import { wantsOrderUpdates } from './order-updates-consent';
import { getOrCreateOrchestration } from './orchestration';
import { resumeUrl } from './resume-token';
import { sweepHostedSessions } from './sweep-hosted-sessions';

export interface RecoverySettings {
  limit: number;
  maxAttempts: number;
  /** Attempts 1..emailAttempts email the customer; later ones alert ops on Slack. */
  emailAttempts: number;
  retryMinutes: number;
  abandonAfterMinutes: number;
  emailEnabled: boolean;
  /** Slack only when enabled AND a webhook URL is configured. */
  slackEnabled: boolean;
  slackChannel?: string;
}

export function recoverySettingsFromEnv(limit = 100): RecoverySettings {
  return {
    limit,
    maxAttempts: coreEnv.HOSTED_RECOVERY_MAX_ATTEMPTS,
    emailAttempts: coreEnv.HOSTED_RECOVERY_EMAIL_ATTEMPTS,
    retryMinutes: coreEnv.HOSTED_RECOVERY_RETRY_MINUTES,
    abandonAfterMinutes: coreEnv.CHECKOUT_ABANDON_AFTER_MINUTES,
    emailEnabled: coreEnv.HOSTED_RECOVERY_EMAIL_ENABLED,
    slackEnabled:
      coreEnv.HOSTED_RECOVERY_SLACK_ENABLED && Boolean(coreEnv.HOSTED_RECOVERY_SLACK_WEBHOOK_URL),
    slackChannel: coreEnv.HOSTED_RECOVERY_SLACK_CHANNEL,
  };
}

interface Candidate {
  id: string;
  recoveryAttempts: number;
  amountCents: number;
  currency: string;
  status: string;
  orderId: string;
  orderNumber: number;
  customerId: string | null;
  customerEmail: string;
}

/**
 * One recovery pass for one org (spec 000): sweep, then prompt abandoned or
 * expired sessions whose invoice is still open, logged as a run row. Candidates
 * are locked with SKIP LOCKED, so two workers never prompt the same session.
 */
export async function runSessionRecovery({
  ctx,
  trigger,
  settings,
  now = new Date(),
}: {
  ctx: TenantContext;
  trigger: 'schedule' | 'manual';
  settings: RecoverySettings;
  now?: Date;
}) {
  const { tx, orgId } = ctx;
  const swept = await sweepHostedSessions({
    tx,
    now,
    abandonAfterMinutes: settings.abandonAfterMinutes,
  });
  const retryBefore = new Date(now.getTime() - settings.retryMinutes * 60_000);
  const candidates = await tx.$queryRaw<Candidate[]>`
    SELECT s.id, s."recoveryAttempts", s."amountCents", s.currency, s.status::text AS status,
           o.id AS "orderId", o.number AS "orderNumber", o."customerId", o."customerEmail"
    FROM hosted_checkout_sessions s
    JOIN invoices i ON i.id = s."invoiceId"
    JOIN orders o ON o.id = i."orderId"
    WHERE s.status IN ('abandoned', 'expired') AND s."replacedById" IS NULL
      AND s."linksVoidedAt" IS NULL
      AND i.status = 'open'
      AND s."recoveryAttempts" < ${settings.maxAttempts}
      AND (s."lastRecoveryAt" IS NULL OR s."lastRecoveryAt" <= ${retryBefore})
    ORDER BY s."createdAt"
    LIMIT ${settings.limit}
    FOR UPDATE OF s SKIP LOCKED`;

  let emailsQueued = 0;
  let slackQueued = 0;
  let skipped = 0;
  for (const c of candidates) {
    const attempt = c.recoveryAttempts + 1;
    await tx.hostedCheckoutSession.update({
      where: { id: c.id },
      data: { recoveryAttempts: attempt, lastRecoveryAt: now },
    });
    const amount = formatMoney(c.amountCents, c.currency);
    const link = resumeUrl(c.orderId);
    const orchestration = await getOrCreateOrchestration(tx, orgId, c.orderId);
    const logEvent = (note: string) =>
      tx.checkoutOrchestrationEvent.create({
        data: { orgId, orchestrationId: orchestration.id, kind: 'session_recovery', note },
      });

    if (attempt <= settings.emailAttempts) {
      if (!settings.emailEnabled) {
        skipped += 1;
        continue;
      }
      if (!(await wantsOrderUpdates(ctx, c.customerId))) {
        skipped += 1;
        await logEvent(`Recovery email ${attempt} skipped: customer opted out of order updates`);
        continue;
      }
      const queued = await enqueueOutbox(ctx, {
        dedupeKey: `session:${c.id}:recovery:${attempt}`,
        channel: 'email',
        topic: 'checkout.recovery',
        recipient: c.customerEmail,
        subject: `Your order #${c.orderNumber} is waiting for you`,
        body: [
          `You left order #${c.orderNumber} (${amount}) before paying.`,
          `Pick up where you left off: ${link}`,
          '',
          'If you no longer want it, you can ignore this email.',
        ].join('\n'),
      });
      if (queued) {
        emailsQueued += 1;
        await logEvent(`Recovery email ${attempt} queued`);
      }
    } else if (settings.slackEnabled) {
      const queued = await enqueueOutbox(ctx, {
        dedupeKey: `session:${c.id}:recovery:${attempt}`,
        channel: 'slack',
        topic: 'checkout.recovery.escalation',
        recipient: settings.slackChannel ?? null,
        subject: `Checkout still unpaid after ${attempt - 1} reminders`,
        body: `Order #${c.orderNumber} (${amount}, ${c.customerEmail}) has a ${c.status} checkout. Resume link: ${link}`,
      });
      if (queued) {
        slackQueued += 1;
        await logEvent(`Recovery attempt ${attempt} escalated to Slack`);
      }
    } else {
      skipped += 1;
    }
  }

  const run = await tx.hostedSessionRecoveryRun.create({
    data: {
      orgId,
      trigger,
      startedAt: now,
      finishedAt: new Date(),
      expiredCount: swept.expired,
      abandonedCount: swept.abandoned,
      emailsQueued,
      slackQueued,
      skippedCount: skipped,
    },
  });
  // A person starting a run answers for the emails and Slack alerts it sent; the
  // scheduled runs (no actor) are on record as run rows already.
  if (ctx.actor) {
    await recordAudit(ctx, {
      action: 'session_recovery.ran',
      entityType: 'hosted_session_recovery_run',
      entityId: run.id,
      after: {
        trigger,
        expired: run.expiredCount,
        abandoned: run.abandonedCount,
        emailsQueued: run.emailsQueued,
        slackQueued: run.slackQueued,
        skipped: run.skippedCount,
      },
    });
  }
  return run;
}

/** The scheduled entry: every org, each in its own transaction. */
export async function runSessionRecoveryForAllOrgs({
  db,
  orgIds,
  settings,
  trigger = 'schedule',
  now,
}: {
  db: Db;
  orgIds: string[];
  settings: RecoverySettings;
  trigger?: 'schedule' | 'manual';
  now?: Date;
}) {
  const runs = [];
  for (const orgId of orgIds) {
    runs.push(
      await withOrg(
        db,
        orgId,
        (tx) =>
          runSessionRecovery({
            ctx: { tx, orgId, actor: null, requestId: null },
            trigger,
            settings,
            ...(now ? { now } : {}),
          }),
        { timeoutMs: 120_000 },
      ),
    );
  }
  return runs;
}
