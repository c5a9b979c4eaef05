'use client';

import type { RouterOutputs } from '@souk/api';
import { EVENT_STATUS_LABELS, EVENT_STATUSES, formatLag, type EventStatus } from './event-filters';

type Summary = RouterOutputs['payments']['getEventsSummary'];

/**
 * The strip above the ledger: this org's count per status (each one a filter), the
 * platform-wide unrouted count, and how long events took from receipt to applied.
 */
export function EventsSummary({
  summary,
  status,
  onStatus,
}: {
  summary: Summary | undefined;
  status: EventStatus | undefined;
  onStatus: (status: EventStatus | undefined) => void;
}) {
  if (!summary) return null;
  const { lag } = summary;
  return (
    <section className="panel" aria-label="Ledger summary">
      <div className="inline-actions" role="group" aria-label="Events per state in this org">
        {EVENT_STATUSES.map((s) => (
          <button
            key={s}
            type="button"
            className="button-small"
            aria-pressed={status === s}
            onClick={() => onStatus(status === s ? undefined : s)}
          >
            {EVENT_STATUS_LABELS[s]}: <strong>{summary.byStatus[s]}</strong>
          </button>
        ))}
      </div>
      <p>
        Unrouted across all orgs: <strong>{summary.platformUnrouted}</strong>.{' '}
        <span className="muted">
          These events carry no org yet, so no org sees them; Souk routes them automatically once it
          learns the object they are about.
        </span>
      </p>
      <p>
        Receipt to applied, last 24 h:{' '}
        {lag.samples === 0 ? (
          <span className="muted">no events applied yet.</span>
        ) : (
          <>
            p50 <strong>{formatLag(lag.p50Ms)}</strong>, p99 <strong>{formatLag(lag.p99Ms)}</strong>{' '}
            <span className="muted">
              ({lag.samples} {lag.samples === 1 ? 'event' : 'events'})
            </span>
          </>
        )}
      </p>
    </section>
  );
}
