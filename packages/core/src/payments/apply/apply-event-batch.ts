import type { Prisma, Tx } from '@souk/db';
import { createLogger } from '../../logger';
import { applyProcessorEvent } from '../apply-processor-event';
import { MissingTargetError } from '../events/missing-target';

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

/**
 * Applies locked ledger rows of one org in order, each inside a savepoint: a row
 * that cannot be applied yet rolls back only its own writes and is rescheduled.
 * Returns each row's outcome and the processor ids that appeared (which wake the
 * events waiting for them); the caller writes the outcomes in the same transaction.
 */
export async function applyEventRows(
  tx: Tx,
  orgId: string,
  rows: EventRow[],
  now = new Date(),
): Promise<{ outcomes: Map<string, RowOutcome>; appeared: Set<string> }> {
  const outcomes = new Map<string, RowOutcome>();
  const appeared = new Set<string>();
  for (const row of rows) {
    const payload = row.payload as {
      created?: number;
      data?: { object?: Record<string, unknown> };
    };
    const object = payload.data?.object ?? {};
    await tx.$executeRaw`SAVEPOINT apply_event`;
    try {
      const result = await applyProcessorEvent(
        { tx, orgId, actor: null, requestId: null },
        row.type,
        object,
        { eventId: row.eventId, created: payload.created ?? 0 },
      );
      await tx.$executeRaw`RELEASE SAVEPOINT apply_event`;
      for (const id of result.appeared) appeared.add(id);
      outcomes.set(row.id, {
        status: 'processed',
        note: result.handled ? null : 'No handler for this event type (stored only)',
        invoiceId: result.invoiceId,
        bookingId: result.bookingId,
      });
    } catch (error) {
      await tx.$executeRaw`ROLLBACK TO SAVEPOINT apply_event`;
      await tx.$executeRaw`RELEASE SAVEPOINT apply_event`;
      const missing = error instanceof MissingTargetError;
      if (!missing)
        log.error({ err: error, eventId: row.eventId, orgId }, 'processor event failed');
      const reason = lastLine(error);
      const expired = now.getTime() - row.receivedAt.getTime() >= RETRY_HORIZON_MS;
      outcomes.set(row.id, {
        status: expired ? 'failed' : 'waiting',
        error: expired ? `Gave up after 3 days of retries: ${reason}` : reason,
        waitingFor: missing ? error.waitingFor : null,
        nextAttemptAt: new Date(now.getTime() + backoffMs(row.attempts)),
      });
    }
  }
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
      WHERE e.id = u.id`;
  }
  if (appeared.size > 0) {
    await tx.$executeRaw`
      UPDATE processor_events SET "nextAttemptAt" = now() AT TIME ZONE 'UTC'
      WHERE status = 'waiting' AND "waitingFor" = ANY(${[...appeared]}::text[])`;
  }
}
