'use client';

import { useFormContext, useWatch } from 'react-hook-form';
import { emptyField, type ProductDraft } from './product-draft';
import {
  CheckboxField,
  ListSection,
  RowActions,
  SelectField,
  TextField,
  type ListRow,
} from './product-form-parts';

const FIELD_TYPES = [
  ['text', 'Text'],
  ['url', 'URL'],
  ['number', 'Number'],
] as const;

export function CustomFieldsSection() {
  return (
    <ListSection
      name="customFields"
      title="Custom fields"
      addLabel="Add custom field"
      emptyText="No custom fields."
      newItem={emptyField}
    >
      {(row) => <CustomField {...row} />}
    </ListSection>
  );
}

function CustomField(row: ListRow) {
  const { control } = useFormContext<ProductDraft>();
  const p = `customFields.${row.index}` as const;
  const n = row.index + 1;
  // Number fields take a minimum and maximum; text and URL fields a length and pattern.
  const numeric = useWatch({ control, name: `${p}.fieldType` }) === 'number';
  return (
    <div className="panel" role="group" aria-label={`Custom field ${n}`}>
      <div className="form-grid" style={{ alignItems: 'end' }}>
        <TextField name={`${p}.label`} label={`Field ${n} label`} required />
        <SelectField name={`${p}.fieldType`} label={`Field ${n} type`} options={FIELD_TYPES} />
        <CheckboxField name={`${p}.isRequired`} label={`Field ${n} required`} />
        <RowActions what={`field ${n}`} {...row} />
      </div>
      <div className="form-grid" style={{ marginTop: '0.5rem' }}>
        <TextField name={`${p}.placeholder`} label={`Field ${n} placeholder`} />
        {numeric ? (
          <>
            <TextField name={`${p}.minValue`} label={`Field ${n} minimum`} inputMode="numeric" />
            <TextField name={`${p}.maxValue`} label={`Field ${n} maximum`} inputMode="numeric" />
          </>
        ) : (
          <>
            <TextField
              name={`${p}.maxLength`}
              label={`Field ${n} max length`}
              inputMode="numeric"
            />
            <TextField
              name={`${p}.pattern`}
              label={`Field ${n} pattern`}
              hint="Regular expression the whole value must match"
            />
          </>
        )}
      </div>
    </div>
  );
}
