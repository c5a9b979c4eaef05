import { Field, fieldControlProps } from '@souk/ui';

/**
 * The report's month, kept in the URL (`?month=YYYY-MM`): a plain GET form, so a link to
 * the page shows the same month.
 */
export function MonthForm({ month, error }: { month: string; error?: string }) {
  const id = 'usage-month';
  return (
    <form method="get" action="/admin/billing" className="form-grid" aria-label="Usage month">
      <Field id={id} label="Month" error={error} hint="YYYY-MM, in UTC">
        <input {...fieldControlProps(id, error)} name="month" type="month" defaultValue={month} />
      </Field>
      <div className="inline-actions">
        <button type="submit" className="button button-primary">
          Show usage
        </button>
      </div>
    </form>
  );
}
