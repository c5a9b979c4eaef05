'use client';

import { useFieldArray, useFormContext, useWatch } from 'react-hook-form';
import { emptyField, type ProductDraft } from './product-draft';
import { CheckboxField, RowActions, Section, SelectField, TextField } from './product-form-parts';

const FIELD_TYPES = [
  ['text', 'Text'],
  ['url', 'URL'],
  ['number', 'Number'],
] as const;

export function CustomFieldsSection() {
  const { control } = useFormContext<ProductDraft>();
  const fields = useFieldArray({ control, name: 'customFields' });
  return (
    <Section
      title="Custom fields"
      addLabel="Add custom field"
      onAdd={() => fields.append(emptyField())}
      listName="customFields"
    >
      {fields.fields.length === 0 ? <p className="muted">No custom fields.</p> : null}
      {fields.fields.map((field, i) => (
        <CustomField
          key={field.id}
          index={i}
          count={fields.fields.length}
          onMove={(to) => fields.move(i, to)}
          onRemove={() => fields.remove(i)}
        />
      ))}
    </Section>
  );
}

function CustomField({
  index: i,
  count,
  onMove,
  onRemove,
}: {
  index: number;
  count: number;
  onMove: (to: number) => void;
  onRemove: () => void;
}) {
  const { control } = useFormContext<ProductDraft>();
  const p = `customFields.${i}` as const;
  const n = i + 1;
  // Number fields take a minimum and maximum; text and URL fields a length and pattern.
  const numeric = useWatch({ control, name: `${p}.fieldType` }) === 'number';
  return (
    <div className="panel" role="group" aria-label={`Custom field ${n}`}>
      <div className="form-grid" style={{ alignItems: 'end' }}>
        <TextField name={`${p}.label`} label={`Field ${n} label`} required />
        <SelectField name={`${p}.fieldType`} label={`Field ${n} type`} options={FIELD_TYPES} />
        <CheckboxField name={`${p}.isRequired`} label={`Field ${n} required`} />
        <RowActions
          what={`field ${n}`}
          index={i}
          count={count}
          onMove={onMove}
          onRemove={onRemove}
        />
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
