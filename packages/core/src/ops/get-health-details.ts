// Spec 002 health details for the operator (admin only, unlike the worker's public
// /readyz): database, migrations, worker heartbeat, processor, mail channel. Every check
// has a short timeout and says what it saw in words; none echoes a URL or a credential.
import { connect } from 'node:net';
import { migrationState, type Db } from '@souk/db';
import type { PaymentGateway } from '@souk/payments';
import { PaymentGatewayError } from '@souk/payments';
import { AppError } from '../errors';

export type HealthStatus = 'ok' | 'degraded' | 'down';

export interface HealthCheck {
  name: string;
  status: HealthStatus;
  detail: string;
}

/** A probe that hangs is as bad as one that fails. */
export const HEALTH_CHECK_TIMEOUT_MS = 3_000;
/** The worker's heartbeat job runs every minute; three missed ones is a stalled worker. */
export const HEARTBEAT_STALE_AFTER_MS = 3 * 60_000;
/** The worker's heartbeat queue (apps/worker/src/jobs/heartbeat.ts). */
export const HEARTBEAT_QUEUE = 'heartbeat';

function withTimeout<T>(work: Promise<T>, what: string, ms = HEALTH_CHECK_TIMEOUT_MS): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} did not answer within ${ms} ms`)), ms);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

function ago(ms: number): string {
  const seconds = Math.round(ms / 1000);
  if (seconds < 120) return `${seconds} s ago`;
  const minutes = Math.round(seconds / 60);
  return minutes < 120 ? `${minutes} min ago` : `${Math.round(minutes / 60)} h ago`;
}

async function checkDatabase(db: Db): Promise<HealthCheck> {
  const started = performance.now();
  try {
    await withTimeout(db.$queryRaw`select 1`, 'The database');
    const ms = Math.round(performance.now() - started);
    return {
      name: 'Database',
      status: ms > 500 ? 'degraded' : 'ok',
      detail: `Answered in ${ms} ms`,
    };
  } catch {
    // The driver's message names hosts and users: not shown.
    return { name: 'Database', status: 'down', detail: 'The database did not answer' };
  }
}

async function checkMigrations(ownerUrl: string | undefined): Promise<HealthCheck> {
  const name = 'Migrations';
  if (!ownerUrl) {
    return {
      name,
      status: 'degraded',
      detail: 'Migration state unknown: DATABASE_URL (the owner connection) is not set here',
    };
  }
  try {
    const state = await withTimeout(migrationState(ownerUrl), 'The migration check');
    const problems = [
      state.pending.length ? `${state.pending.length} pending (${state.pending.join(', ')})` : '',
      state.failed.length ? `${state.failed.length} failed (${state.failed.join(', ')})` : '',
      state.edited.length
        ? `${state.edited.length} edited after being applied (${state.edited.join(', ')})`
        : '',
    ].filter(Boolean);
    if (problems.length === 0) {
      return { name, status: 'ok', detail: `${state.applied} of ${state.total} applied, at head` };
    }
    return {
      name,
      status: state.pending.length || state.failed.length ? 'down' : 'degraded',
      detail: `${state.applied} of ${state.total} applied; ${problems.join('; ')}. Run \`pnpm db:status\``,
    };
  } catch {
    return { name, status: 'down', detail: 'The migration state could not be read' };
  }
}

async function checkWorker(db: Db, now: Date): Promise<HealthCheck> {
  const name = 'Worker heartbeat';
  try {
    const rows = await withTimeout(
      db.$queryRaw<{ queue: string; at: Date; outcome: string | null }[]>`
        (SELECT queue, coalesce("finishedAt", "startedAt") AS at, outcome::text AS outcome
           FROM job_runs WHERE queue = ${HEARTBEAT_QUEUE} ORDER BY "startedAt" DESC LIMIT 1)
        UNION ALL
        (SELECT queue, coalesce("finishedAt", "startedAt") AS at, outcome::text AS outcome
           FROM job_runs ORDER BY "startedAt" DESC LIMIT 1)`,
      'The job history',
    );
    const heartbeat = rows.find((r) => r.queue === HEARTBEAT_QUEUE);
    const latest = heartbeat ?? rows[0];
    if (!latest) {
      return {
        name,
        status: 'down',
        detail: 'No job has ever run: is the worker running (JOBS_ENABLED)?',
      };
    }
    const age = now.getTime() - latest.at.getTime();
    const what = heartbeat ? 'Last heartbeat' : `No heartbeat recorded; last job (${latest.queue})`;
    return {
      name,
      status: age > HEARTBEAT_STALE_AFTER_MS ? 'down' : heartbeat ? 'ok' : 'degraded',
      detail: `${what} ${ago(age)}`,
    };
  } catch {
    return { name, status: 'down', detail: 'The job history could not be read' };
  }
}

async function checkProcessor(gateway: () => Promise<PaymentGateway>): Promise<HealthCheck> {
  const name = 'Payment processor';
  let processor: PaymentGateway;
  try {
    processor = await gateway();
  } catch (error) {
    return {
      name,
      status: 'down',
      // AppError messages are written for people ("Payments are not configured: …").
      detail:
        error instanceof AppError ? error.message : 'The processor account could not be loaded',
    };
  }
  const where = processor.isSandbox ? 'the local sandbox' : 'Stripe';
  const started = performance.now();
  try {
    // The cheapest authenticated read: one PaymentIntent at most.
    await withTimeout(processor.listPaymentIntents({ limit: 1 }), where);
    const ms = Math.round(performance.now() - started);
    return {
      name,
      status: 'ok',
      detail: `Reachable: ${where}${processor.isSandbox ? ' (sandbox payments)' : ''}, answered in ${ms} ms`,
    };
  } catch (error) {
    if (error instanceof PaymentGatewayError) {
      return { name, status: 'degraded', detail: `${where} answered but refused the check` };
    }
    return { name, status: 'down', detail: `${where} could not be reached` };
  }
}

/** SMTP: the server's 220 greeting within the timeout (no login, nothing sent). */
function smtpGreeting(smtpUrl: string): Promise<void> {
  const url = new URL(smtpUrl);
  const secure = url.protocol === 'smtps:';
  const port = Number(url.port || (secure ? 465 : 587));
  return new Promise((resolve, reject) => {
    const socket = connect({ host: url.hostname, port });
    socket.setTimeout(HEALTH_CHECK_TIMEOUT_MS);
    const done = (error?: Error) => {
      socket.destroy();
      if (error) reject(error);
      else resolve();
    };
    // An implicit-TLS port greets inside TLS: reaching it is as far as a plain probe goes.
    socket.once('connect', () => {
      if (secure) done();
    });
    socket.once('data', (data) => {
      if (data.toString('latin1').startsWith('220')) done();
      else done(new Error('unexpected greeting'));
    });
    socket.once('timeout', () => done(new Error('timeout')));
    socket.once('error', (error) => done(error));
  });
}

async function checkMail({
  smtpUrl,
  sendgridConfigured,
}: {
  smtpUrl?: string;
  sendgridConfigured: boolean;
}): Promise<HealthCheck> {
  const name = 'Mail channel';
  if (smtpUrl) {
    let host = 'the SMTP server';
    try {
      host = `SMTP server ${new URL(smtpUrl).hostname}`;
      await smtpGreeting(smtpUrl);
      return { name, status: 'ok', detail: `SMTP: ${host} answered` };
    } catch {
      return { name, status: 'down', detail: `SMTP: ${host} could not be reached` };
    }
  }
  if (sendgridConfigured) {
    return {
      name,
      status: 'ok',
      detail: 'SendGrid: API key set (not probed: a probe would use the sending quota)',
    };
  }
  return {
    name,
    status: 'degraded',
    detail:
      'No mail channel configured (SMTP_URL or SENDGRID_API_KEY): emails stay in the outbox, readable in the admin console',
  };
}

export interface HealthDetailsOptions {
  db: Db;
  /** The owner connection (`_prisma_migrations` is not readable by the app role). */
  ownerUrl?: string;
  /** The org's processor (resolved lazily: a missing configuration is a finding, not a crash). */
  gateway: () => Promise<PaymentGateway>;
  smtpUrl?: string;
  sendgridConfigured: boolean;
  now?: Date;
}

/** Every check runs at once; the slowest bounds the answer (about 3 s at worst). */
export async function getHealthDetails(options: HealthDetailsOptions): Promise<HealthCheck[]> {
  const now = options.now ?? new Date();
  return Promise.all([
    checkDatabase(options.db),
    checkMigrations(options.ownerUrl),
    checkWorker(options.db, now),
    checkProcessor(options.gateway),
    checkMail({ smtpUrl: options.smtpUrl, sendgridConfigured: options.sendgridConfigured }),
  ]);
}
