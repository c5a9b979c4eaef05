'use client';

import { useFormContext } from 'react-hook-form';
import { SUPPORTED_CURRENCIES } from '@souk/core/money';
import { slugify, type ProductDraft } from './product-draft';
import { SelectField, TextField, fid, useErrorAt } from './product-form-parts';
import { Field, fieldControlProps } from '@souk/ui';

const CURRENCIES = SUPPORTED_CURRENCIES.map((c) => [c, c] as const);
const STATUSES = [
  ['draft', 'Draft'],
  ['active', 'Active'],
  ['archived', 'Archived'],
] as const;

/** Name, slug, price, currency, status, image and description. */
export function ProductBasics({ suggestSlug }: { suggestSlug: boolean }) {
  const { register, setValue, getFieldState, formState } = useFormContext<ProductDraft>();
  const nameError = useErrorAt('name');
  const descriptionError = useErrorAt('description');
  return (
    <div className="card">
      <div className="form-grid">
        <Field id={fid('name')} label="Name" error={nameError} required>
          <input
            {...fieldControlProps(fid('name'), nameError)}
            {...register('name', {
              // A new product's slug follows its name until someone edits the slug.
              onChange: (e: { target: { value: string } }) => {
                if (suggestSlug && !getFieldState('slug', formState).isDirty)
                  setValue('slug', slugify(e.target.value));
              },
            })}
          />
        </Field>
        <TextField name="slug" label="Slug" hint="Used in the product's web address" required />
        <TextField
          name="basePrice"
          label="Base price"
          hint="e.g. 49.00"
          inputMode="decimal"
          required
        />
        <SelectField name="currency" label="Currency" options={CURRENCIES} />
        <SelectField name="status" label="Status" options={STATUSES} />
        <TextField name="imageUrl" label="Image URL" type="url" />
      </div>
      <div style={{ marginTop: '0.75rem' }}>
        <Field id={fid('description')} label="Description" error={descriptionError}>
          <textarea
            {...fieldControlProps(fid('description'), descriptionError)}
            {...register('description')}
          />
        </Field>
      </div>
    </div>
  );
}
