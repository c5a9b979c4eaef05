'use client';

import { emptyAddOn } from './product-draft';
import { ListSection, RowActions, TextField } from './product-form-parts';

export function AddOnsSection() {
  return (
    <ListSection
      name="addOns"
      title="Add-ons"
      addLabel="Add add-on"
      emptyText="No add-ons."
      newItem={emptyAddOn}
    >
      {(row) => {
        const i = row.index;
        const n = i + 1;
        return (
          <div
            className="panel form-grid"
            role="group"
            aria-label={`Add-on ${n}`}
            style={{ alignItems: 'end' }}
          >
            <TextField name={`addOns.${i}.label`} label={`Add-on ${n} label`} required />
            <TextField name={`addOns.${i}.price`} label={`Add-on ${n} price`} inputMode="decimal" />
            <RowActions what={`add-on ${n}`} {...row} />
          </div>
        );
      }}
    </ListSection>
  );
}
