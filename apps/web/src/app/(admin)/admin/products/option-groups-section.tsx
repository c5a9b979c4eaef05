'use client';

import { useFieldArray, useFormContext } from 'react-hook-form';
import { emptyGroup, emptyOption, type ProductDraft } from './product-draft';
import {
  CheckboxField,
  ListError,
  ListSection,
  RowActions,
  SelectField,
  TextField,
  type ListRow,
} from './product-form-parts';

const SELECTION = [
  ['single', 'Single choice'],
  ['multiple', 'Multiple choice'],
] as const;

export function OptionGroupsSection() {
  return (
    <ListSection
      name="optionGroups"
      title="Option groups"
      addLabel="Add option group"
      emptyText="No option groups."
      newItem={emptyGroup}
    >
      {(row) => <OptionGroup {...row} />}
    </ListSection>
  );
}

function OptionGroup(row: ListRow) {
  const gi = row.index;
  const { control } = useFormContext<ProductDraft>();
  const options = useFieldArray({ control, name: `optionGroups.${gi}.options` });
  const gp = `optionGroups.${gi}` as const;
  const n = gi + 1;
  return (
    <div className="panel" role="group" aria-label={`Option group ${n}`}>
      <div className="page-head" style={{ marginBottom: '0.5rem' }}>
        <h3 style={{ flex: 1 }}>Option group {n}</h3>
        <RowActions what={`group ${n}`} {...row} />
      </div>
      <div className="form-grid">
        <TextField name={`${gp}.name`} label={`Group ${n} name`} required />
        <SelectField
          name={`${gp}.selectionType`}
          label={`Group ${n} selection`}
          options={SELECTION}
        />
        <CheckboxField name={`${gp}.isRequired`} label={`Group ${n} required`} />
      </div>
      <ListError name={`${gp}.options`} />
      {options.fields.map((option, oi) => {
        const op = `${gp}.options.${oi}` as const;
        const m = oi + 1;
        return (
          <div
            key={option.id}
            className="form-grid"
            style={{ marginTop: '0.5rem', alignItems: 'end' }}
          >
            <TextField name={`${op}.label`} label={`Group ${n} option ${m} label`} required />
            <TextField
              name={`${op}.price`}
              label={`Group ${n} option ${m} price change`}
              inputMode="decimal"
            />
            <RowActions
              what={`group ${n} option ${m}`}
              index={oi}
              count={options.fields.length}
              onMove={(to) => options.move(oi, to)}
              onRemove={() => options.remove(oi)}
            />
          </div>
        );
      })}
      <button
        type="button"
        className="button-small"
        style={{ marginTop: '0.5rem' }}
        onClick={() => options.append(emptyOption())}
      >
        Add option to group {n}
      </button>
    </div>
  );
}
