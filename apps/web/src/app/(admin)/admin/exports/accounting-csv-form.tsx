import { INVOICE_STATUSES } from '@souk/core';
import { Field, fieldControlProps, formatStatus } from '@souk/ui';

/**
 * accounting.csv with its filters: a plain GET form, so the checked statuses go out as
 * repeated `status` parameters, as spec 002 has them.
 */
export function AccountingCsvForm() {
  return (
    <form
      method="get"
      action="/api/export/accounting"
      className="form-grid"
      aria-label="Accounting CSV"
    >
      <Field id="accounting-from" label="Issued from" hint="First day included">
        <input {...fieldControlProps('accounting-from')} name="from" type="date" />
      </Field>
      <Field id="accounting-to" label="Issued to" hint="Last day included">
        <input {...fieldControlProps('accounting-to')} name="to" type="date" />
      </Field>
      <fieldset className="services-fieldset">
        <legend>Statuses (none checked: all)</legend>
        {INVOICE_STATUSES.map((status) => (
          <label key={status} className="checkbox">
            <input type="checkbox" name="status" value={status} /> {formatStatus(status)}
          </label>
        ))}
      </fieldset>
      <div className="inline-actions">
        <button type="submit" className="button button-primary">
          Download CSV
        </button>
      </div>
    </form>
  );
}
