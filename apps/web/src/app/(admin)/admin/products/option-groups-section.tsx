'use client';

import { useFieldArray, useFormContext } from 'react-hook-form';
import { emptyGroup, emptyOption, type ProductDraft } from './product-draft';
import {
  CheckboxField,
  ListError,
  RowActions,
  Section,
  SelectField,
  TextField,
} from './product-form-parts';

const SELECTION = [
  ['single', 'Single choice'],
  ['multiple', 'Multiple choice'],
] as const;

export function OptionGroupsSection() {
  const { control } = useFormContext<ProductDraft>();
  const groups = useFieldArray({ control, name: 'optionGroups' });
  return (
    <Section
      title="Option groups"
      addLabel="Add option group"
      onAdd={() => groups.append(emptyGroup())}
      listName="optionGroups"
    >
      {groups.fields.length === 0 ? <p className="muted">No option groups.</p> : null}
      {groups.fields.map((group, gi) => (
        <OptionGroup
          key={group.id}
          index={gi}
          count={groups.fields.length}
          onMove={(to) => groups.move(gi, to)}
          onRemove={() => groups.remove(gi)}
        />
      ))}
    </Section>
  );
}

function OptionGroup({
  index: gi,
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
  const options = useFieldArray({ control, name: `optionGroups.${gi}.options` });
  const gp = `optionGroups.${gi}` as const;
  const n = gi + 1;
  return (
    <div className="panel" role="group" aria-label={`Option group ${n}`}>
      <div className="page-head" style={{ marginBottom: '0.5rem' }}>
        <h3 style={{ flex: 1 }}>Option group {n}</h3>
        <RowActions
          what={`group ${n}`}
          index={gi}
          count={count}
          onMove={onMove}
          onRemove={onRemove}
        />
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
