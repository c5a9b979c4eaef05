import type { Prisma, Tx } from '@souk/db';
import { createLogger } from '../../logger';
import { applyProcessorEvent } from '../apply-processor-event';
import { MissingTargetError } from '../events/missing-target';
import { applyStorefrontSuccesses, isStorefrontSuccess } from '../events/storefront-successes';
import { applyBookingSuccesses } from '../events/booking-successes';
import { metadataOf, str } from '../events/missing-target';

const log = createLogger('payments');

/** Stripe retries a delivery for up to 3 days; Souk keeps trying a stored event as long. */
export const RETRY_HORIZON_MS = 3 * 24 * 60 * 60 * 1000;
const MAX_BACKOFF_MS = 60 * 60 * 1000;

export interface EventRow {
  id: string;
  eventId: string;
  type: string;
  payload: Prisma.JsonValue;
  attempts: number;
  receivedAt: Date;
}

export type RowOutcome =
  | { status: 'processed'; note: string | null; invoiceId: string | null; bookingId: string | null }
  | { status: 'waiting' | 'failed'; error: string; waitingFor: string | null; nextAttemptAt: Date };

/** 1 s, 2 s, 4 s … capped at an hour, with jitter so a crowd of waiting events spreads out. */
export function backoffMs(attempts: number): number {
  const base = Math.min(1000 * 2 ** Math.min(attempts, 22), MAX_BACKOFF_MS);
  return Math.round(base * (0.8 + Math.random() * 0.4));
}

function lastLine(error: unknown): string {
  // Prisma prefixes the database's words with a code frame (file paths): keep the last line.
  const message = (error instanceof Error ? error.message : String(error)).trim();
  return (message.split('\n').pop() ?? 'error').slice(0, 1000);
}

interface Parsed {
  row: EventRow;
  object: Record<string, unknown>;
  created: number;
}

function waitingOrFailed(row: EventRow, error: unknown, now: Date, orgId: string): RowOutcome {
  const missing = error instanceof MissingTargetError;
  const reason = lastLine(error);
  if (!missing) log.warn({ eventId: row.eventId, orgId, reason }, 'processor event not applied');
  const expired = now.getTime() - row.receivedAt.getTime() >= RETRY_HORIZON_MS;
  return {
    status: expired ? 'failed' : 'waiting',
    error: expired ? `Gave up after 3 days of retries: ${reason}` : reason,
    waitingFor: missing ? error.waitingFor : null,
    nextAttemptAt: new Date(now.getTime() + backoffMs(row.attempts)),
  };
}

/** One event through its own handler, in a savepoint of its own. */
async function applyOne(
  tx: Tx,
  orgId: string,
  { row, object, created }: Parsed,
  now: Date,
  appeared: Set<string>,
): Promise<RowOutcome> {
  await tx.$executeRaw`SAVEPOINT apply_event`;
  try {
    const result = await applyProcessorEvent(
      { tx, orgId, actor: null, requestId: null },
      row.type,
      object,
      { eventId: row.eventId, created },
    );
    await tx.$executeRaw`RELEASE SAVEPOINT apply_event`;
    for (const id of result.appeared) appeared.add(id);
    return {
      status: 'processed',
      note: result.handled ? null : 'No handler for this event type (stored only)',
      invoiceId: result.invoiceId,
      bookingId: result.bookingId,
    };
  } catch (error) {
    await tx.$executeRaw`ROLLBACK TO SAVEPOINT apply_event`;
    await tx.$executeRaw`RELEASE SAVEPOINT apply_event`;
    return waitingOrFailed(row, error, now, orgId);
  }
}

function isBookingSuccess(type: string, object: Record<string, unknown>): boolean {
  return type === 'payment_intent.succeeded' && Boolean(str(metadataOf(object).bookingId));
}

/**
 * A run of consecutive success events (storefront and booking), set-based in one
 * savepoint: successes commute, so their order inside the run does not matter. If
 * anything in it fails, the run is rolled back and each event goes through its own
 * handler instead, so one bad event cannot hold up the others.
 */
async function applyRun(
  tx: Tx,
  orgId: string,
  run: Parsed[],
  now: Date,
  appeared: Set<string>,
  outcomes: Map<string, RowOutcome>,
): Promise<void> {
  await tx.$executeRaw`SAVEPOINT apply_run`;
  try {
    const ctx = { tx, orgId, actor: null, requestId: null };
    const bookings = run.filter((p) => isBookingSuccess(p.row.type, p.object));
    const storefront = run.filter((p) => !isBookingSuccess(p.row.type, p.object));
    const results = new Map<
      string,
      | { ok: true; appeared: string[]; invoiceId?: string; bookingId?: string }
      | { ok: false; error: MissingTargetError }
    >([
      ...(await applyStorefrontSuccesses(
        ctx,
        storefront.map((p) => ({ key: p.row.id, type: p.row.type, object: p.object })),
      )),
      ...(await applyBookingSuccesses(
        ctx,
        bookings.map((p) => ({ key: p.row.id, object: p.object })),
      )),
    ]);
    await tx.$executeRaw`RELEASE SAVEPOINT apply_run`;
    for (const { row } of run) {
      const result = results.get(row.id)!;
      if (result.ok) {
        for (const id of result.appeared) appeared.add(id);
        outcomes.set(row.id, {
          status: 'processed',
          note: null,
          invoiceId: result.invoiceId ?? null,
          bookingId: result.bookingId ?? null,
        });
      } else {
        outcomes.set(row.id, waitingOrFailed(row, result.error, now, orgId));
      }
    }
  } catch {
    await tx.$executeRaw`ROLLBACK TO SAVEPOINT apply_run`;
    await tx.$executeRaw`RELEASE SAVEPOINT apply_run`;
    for (const parsed of run) {
      outcomes.set(parsed.row.id, await applyOne(tx, orgId, parsed, now, appeared));
    }
  }
}

/**
 * Applies locked ledger rows of one org in order. Consecutive storefront success
 * events (the bulk of a checkout burst) are applied together, set-based; every
 * other event through its own handler in a savepoint, so one that cannot be
 * applied yet rolls back only its own writes and is rescheduled. Returns each
 * row's outcome and the processor ids that appeared (which wake the events waiting
 * for them); the caller writes the outcomes in the same transaction.
 */
export async function applyEventRows(
  tx: Tx,
  orgId: string,
  rows: EventRow[],
  now = new Date(),
): Promise<{ outcomes: Map<string, RowOutcome>; appeared: Set<string> }> {
  const outcomes = new Map<string, RowOutcome>();
  const appeared = new Set<string>();
  let run: Parsed[] = [];
  const flush = async () => {
    if (run.length > 0) await applyRun(tx, orgId, run, now, appeared, outcomes);
    run = [];
  };
  for (const row of rows) {
    const payload = row.payload as {
      created?: number;
      data?: { object?: Record<string, unknown> };
    };
    const parsed = { row, object: payload.data?.object ?? {}, created: payload.created ?? 0 };
    if (isStorefrontSuccess(row.type, parsed.object) || isBookingSuccess(row.type, parsed.object)) {
      run.push(parsed);
      continue;
    }
    await flush();
    outcomes.set(row.id, await applyOne(tx, orgId, parsed, now, appeared));
  }
  await flush();
  return { outcomes, appeared };
}

/** Writes the outcomes of applyEventRows, and wakes waiting events whose target appeared. */
export async function recordOutcomes(
  tx: Tx,
  outcomes: Map<string, RowOutcome>,
  appeared: Set<string>,
): Promise<void> {
  const ids: string[] = [];
  const statuses: string[] = [];
  const errors: (string | null)[] = [];
  const waitingFor: (string | null)[] = [];
  const next: (Date | null)[] = [];
  const invoiceIds: (string | null)[] = [];
  const bookingIds: (string | null)[] = [];
  for (const [id, outcome] of outcomes) {
    ids.push(id);
    statuses.push(outcome.status);
    if (outcome.status === 'processed') {
      errors.push(outcome.note);
      waitingFor.push(null);
      next.push(null);
      invoiceIds.push(outcome.invoiceId);
      bookingIds.push(outcome.bookingId);
    } else {
      errors.push(outcome.error);
      waitingFor.push(outcome.waitingFor);
      next.push(outcome.nextAttemptAt);
      invoiceIds.push(null);
      bookingIds.push(null);
    }
  }
  if (ids.length > 0) {
    await tx.$executeRaw`
      UPDATE processor_events e SET
        status = u.status::"ProcessorEventStatus",
        error = u.error,
        "waitingFor" = u.waiting_for,
        attempts = e.attempts + 1,
        "nextAttemptAt" = COALESCE(u.next_at, e."nextAttemptAt"),
        "processedAt" = CASE WHEN u.status = 'processed' THEN now() AT TIME ZONE 'UTC' ELSE e."processedAt" END,
        "invoiceId" = COALESCE(u.invoice_id, e."invoiceId"),
        "bookingId" = COALESCE(u.booking_id, e."bookingId")
      FROM unnest(${ids}::uuid[], ${statuses}::text[], ${errors}::text[], ${waitingFor}::text[],
                  ${next}::timestamp[], ${invoiceIds}::uuid[], ${bookingIds}::uuid[])
        AS u(id, status, error, waiting_for, next_at, invoice_id, booking_id)
      WHERE e.id = ANY(${ids}::uuid[]) AND e.id = u.id`;
  }
  if (appeared.size > 0) {
    await tx.$executeRaw`
      UPDATE processor_events SET "nextAttemptAt" = now() AT TIME ZONE 'UTC'
      WHERE status = 'waiting' AND "waitingFor" = ANY(${[...appeared]}::text[])`;
  }
}
