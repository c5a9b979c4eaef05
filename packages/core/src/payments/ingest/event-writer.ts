import type { RouterPool } from '@souk/db';

export interface EventRow {
  eventId: string;
  type: string;
  created: number;
  objectId: string;
  /** An org id the event claims or was verified for; kept only if the org exists. */
  orgHint: string | null;
  /** The body as delivered (valid JSON, checked storable). */
  payload: string;
}

export type WriteResult = 'stored' | 'duplicate';

interface Pending {
  row: EventRow;
  resolve(result: WriteResult): void;
  reject(error: unknown): void;
}

// The org is the verified/claimed one if it exists, else the one processor_objects knows for
// the event's object; with neither the event is stored `unrouted` and routed later.
const INSERT_SQL = `
  INSERT INTO processor_events
    (id, "orgId", processor, "eventId", type, status, payload, "objectId", "eventCreatedAt",
     "receivedAt", "nextAttemptAt")
  SELECT gen_random_uuid(), r.org, 'stripe', v.event_id, v.type,
         (CASE WHEN r.org IS NULL THEN 'unrouted' ELSE 'received' END)::"ProcessorEventStatus",
         v.payload::jsonb, v.object_id, to_timestamp(v.created) AT TIME ZONE 'UTC',
         now() AT TIME ZONE 'UTC', now() AT TIME ZONE 'UTC'
  FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::bigint[], $6::text[])
         AS v(event_id, type, payload, object_id, created, org_hint)
  CROSS JOIN LATERAL (SELECT COALESCE(
    (SELECT o.id FROM organizations o WHERE o.id::text = v.org_hint),
    (SELECT p."orgId" FROM processor_objects p WHERE p.id = v.object_id AND v.object_id <> '')
  ) AS org) r
  ON CONFLICT (processor, "eventId") DO NOTHING
  RETURNING "eventId"`;

/**
 * Group commit for the webhook route: deliveries that arrive while an insert is in
 * flight are written together by the next one (one multi-row INSERT), and each
 * caller's promise settles only once its own row is committed. A batch that fails
 * is retried row by row, so one bad row cannot fail its neighbours.
 */
export class ProcessorEventWriter {
  private queue: Pending[] = [];
  private flushing = false;

  constructor(
    private readonly pool: RouterPool,
    private readonly options: { maxBatch?: number; onStored?: (count: number) => void } = {},
  ) {}

  write(row: EventRow): Promise<WriteResult> {
    return new Promise<WriteResult>((resolve, reject) => {
      this.queue.push({ row, resolve, reject });
      if (!this.flushing) {
        this.flushing = true;
        // Lets deliveries parsed in the same turn of the event loop join the first batch.
        setImmediate(() => void this.flush());
      }
    });
  }

  private async flush(): Promise<void> {
    try {
      while (this.queue.length > 0) {
        const batch = this.queue.splice(0, this.options.maxBatch ?? 500);
        try {
          await this.insert(batch);
        } catch {
          for (const pending of batch) {
            await this.insert([pending]).catch((error: unknown) => pending.reject(error));
          }
        }
      }
    } finally {
      this.flushing = false;
    }
  }

  private async insert(batch: Pending[]): Promise<void> {
    const column = <K extends keyof EventRow>(key: K) => batch.map((p) => p.row[key]);
    const { rows } = await this.pool.query<{ eventId: string }>(INSERT_SQL, [
      column('eventId'),
      column('type'),
      column('payload'),
      column('objectId'),
      column('created'),
      column('orgHint'),
    ]);
    const inserted = new Set(rows.map((r) => r.eventId));
    for (const pending of batch) {
      // The same event twice in one batch: the first caller stored it.
      const stored = inserted.delete(pending.row.eventId);
      pending.resolve(stored ? 'stored' : 'duplicate');
    }
    if (rows.length > 0) this.options.onStored?.(rows.length);
  }
}
