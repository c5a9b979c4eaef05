'use client';

import { useFieldArray, useFormContext } from 'react-hook-form';
import { emptyAddOn, type ProductDraft } from './product-draft';
import { RowActions, Section, TextField } from './product-form-parts';

export function AddOnsSection() {
  const { control } = useFormContext<ProductDraft>();
  const addOns = useFieldArray({ control, name: 'addOns' });
  return (
    <Section
      title="Add-ons"
      addLabel="Add add-on"
      onAdd={() => addOns.append(emptyAddOn())}
      listName="addOns"
    >
      {addOns.fields.length === 0 ? <p className="muted">No add-ons.</p> : null}
      {addOns.fields.map((addOn, i) => {
        const n = i + 1;
        return (
          <div
            key={addOn.id}
            className="panel form-grid"
            role="group"
            aria-label={`Add-on ${n}`}
            style={{ alignItems: 'end' }}
          >
            <TextField name={`addOns.${i}.label`} label={`Add-on ${n} label`} required />
            <TextField name={`addOns.${i}.price`} label={`Add-on ${n} price`} inputMode="decimal" />
            <RowActions
              what={`add-on ${n}`}
              index={i}
              count={addOns.fields.length}
              onMove={(to) => addOns.move(i, to)}
              onRemove={() => addOns.remove(i)}
            />
          </div>
        );
      })}
    </Section>
  );
}
