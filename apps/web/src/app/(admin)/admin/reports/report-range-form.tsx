import { Field, fieldControlProps } from '@souk/ui';

/**
 * The months reported, kept in the URL: a plain GET form, so it works without JavaScript
 * and a link shows the same figures. Any day of a month stands for the whole month.
 */
export function ReportRangeForm({
  from,
  to,
  errors,
}: {
  from: string;
  to: string;
  errors: Record<string, string[]> | undefined;
}) {
  return (
    <section className="panel" aria-labelledby="report-range-heading">
      <h2 id="report-range-heading" className="visually-hidden">
        Months reported
      </h2>
      <form method="get" action="/admin/reports" className="form-grid">
        {(['from', 'to'] as const).map((field) => {
          const id = `report-${field}`;
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
    </section>
  );
}
