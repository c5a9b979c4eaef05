import Link from 'next/link';
import { Field, fieldControlProps } from '@souk/ui';

const PRESETS = [7, 30, 90];
const DAY_MS = 86_400_000;

/** `days` days ending today (UTC), as the dashboard reads `?from=&to=`. */
function presetHref(days: number, today: string): string {
  const from = new Date(Date.parse(`${today}T00:00:00Z`) - (days - 1) * DAY_MS);
  return `/admin?from=${from.toISOString().slice(0, 10)}&to=${today}`;
}

/**
 * The date range, kept in the URL: a plain GET form, so it works before (and without)
 * JavaScript and a link to the page shows the same figures.
 */
export function RangeForm({
  from,
  to,
  errors,
}: {
  from: string;
  to: string;
  errors: Record<string, string[]> | undefined;
}) {
  const today = new Date().toISOString().slice(0, 10);
  return (
    <section className="panel" aria-labelledby="range-heading">
      <h2 id="range-heading" className="visually-hidden">
        Date range
      </h2>
      <form method="get" action="/admin" className="form-grid">
        {(['from', 'to'] as const).map((field) => {
          const id = `range-${field}`;
          const error = errors?.[field]?.[0];
          return (
            <Field key={field} id={id} label={field === 'from' ? 'From' : 'To'} error={error}>
              <input
                {...fieldControlProps(id, error)}
                name={field}
                type="date"
                defaultValue={field === 'from' ? from : to}
              />
            </Field>
          );
        })}
        <div className="inline-actions">
          <button type="submit" className="button button-primary">
            Show
          </button>
        </div>
      </form>
      <nav className="inline-actions" aria-label="Preset ranges">
        {PRESETS.map((days) => {
          const href = presetHref(days, today);
          const current = href === `/admin?from=${from}&to=${to}`;
          return (
            <Link
              key={days}
              href={href}
              className="button button-small"
              aria-current={current ? 'true' : undefined}
            >
              Last {days} days
            </Link>
          );
        })}
      </nav>
    </section>
  );
}
