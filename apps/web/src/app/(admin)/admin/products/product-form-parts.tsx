'use client';

import { Fragment, type ReactNode } from 'react';
import {
  useFieldArray,
  useFormContext,
  type FieldArray,
  type FieldError,
  type FieldPath,
} from 'react-hook-form';
import { Field, fieldControlProps } from '@souk/ui';
import type { ProductDraft } from './product-draft';

export type DraftPath = FieldPath<ProductDraft>;

/** The id of a field's control: `addOns.0.price` -> `f-addOns-0-price` (its error is `…-error`). */
export const fid = (path: string) => `f-${path.replace(/\./g, '-')}`;

/** The message react-hook-form holds for a field, a list (`.root`) or a list item. */
export function useErrorAt(path: string): string | undefined {
  const { getFieldState, formState } = useFormContext<ProductDraft>();
  // A list's own error sits under `root` once the list has items.
  const error = getFieldState(path as DraftPath, formState).error as
    (FieldError & { root?: FieldError }) | undefined;
  return error?.message ?? error?.root?.message;
}

interface ControlProps {
  name: DraftPath;
  label: string;
  hint?: string;
  required?: boolean;
}

export function TextField({
  name,
  label,
  hint,
  required,
  inputMode,
  type,
}: ControlProps & { inputMode?: 'decimal' | 'numeric'; type?: 'url' }) {
  const { register } = useFormContext<ProductDraft>();
  const error = useErrorAt(name);
  return (
    <Field id={fid(name)} label={label} error={error} hint={hint} required={required}>
      <input
        {...fieldControlProps(fid(name), error)}
        {...register(name)}
        inputMode={inputMode}
        type={type}
      />
    </Field>
  );
}

export function SelectField({
  name,
  label,
  options,
}: ControlProps & { options: readonly (readonly [value: string, label: string])[] }) {
  const { register } = useFormContext<ProductDraft>();
  const error = useErrorAt(name);
  return (
    <Field id={fid(name)} label={label} error={error}>
      <select {...fieldControlProps(fid(name), error)} {...register(name)}>
        {options.map(([value, text]) => (
          <option key={value} value={value}>
            {text}
          </option>
        ))}
      </select>
    </Field>
  );
}

export function CheckboxField({
  name,
  label,
  onChecked,
}: {
  name: DraftPath;
  label: string;
  onChecked?: (checked: boolean) => void;
}) {
  const { register } = useFormContext<ProductDraft>();
  const error = useErrorAt(name);
  return (
    <span>
      <label className="checkbox">
        <input
          type="checkbox"
          {...fieldControlProps(fid(name), error)}
          {...register(name, {
            onChange: (e: { target: { checked: boolean } }) => onChecked?.(e.target.checked),
          })}
        />
        {label}
      </label>
      {error ? (
        <span id={`${fid(name)}-error`} className="field-error" role="alert">
          {error}
        </span>
      ) : null}
    </span>
  );
}

/** A list-level error ("Add at least one option"), shown above the list. */
export function ListError({ name }: { name: string }) {
  const error = useErrorAt(name);
  return error ? (
    <p className="field-error" role="alert">
      {error}
    </p>
  ) : null;
}

/** One entry of a repeatable list: where it sits and how to move or remove it. */
export interface ListRow {
  index: number;
  count: number;
  onMove: (to: number) => void;
  onRemove: () => void;
}

export function RowActions({ what, index, count, onMove, onRemove }: ListRow & { what: string }) {
  return (
    <span className="inline-actions">
      <button
        type="button"
        className="button-small"
        disabled={index === 0}
        onClick={() => onMove(index - 1)}
        aria-label={`Move ${what} up`}
      >
        ↑
      </button>
      <button
        type="button"
        className="button-small"
        disabled={index === count - 1}
        onClick={() => onMove(index + 1)}
        aria-label={`Move ${what} down`}
      >
        ↓
      </button>
      <button type="button" className="button-small button-danger" onClick={onRemove}>
        Remove {what}
      </button>
    </span>
  );
}

type DraftList = 'optionGroups' | 'addOns' | 'customFields' | 'subscriptionPlans';

/** A repeatable list of the draft: its heading and add button, its own errors, its rows. */
export function ListSection<N extends DraftList>({
  name,
  title,
  addLabel,
  emptyText,
  newItem,
  children,
}: {
  name: N;
  title: string;
  addLabel: string;
  emptyText: string;
  newItem: () => FieldArray<ProductDraft, N>;
  children: (row: ListRow) => ReactNode;
}) {
  const { control } = useFormContext<ProductDraft>();
  const list = useFieldArray<ProductDraft, N>({ control, name });
  return (
    <section aria-label={title} style={{ marginTop: '1.5rem' }}>
      <div className="page-head" style={{ marginBottom: '0.5rem' }}>
        <h2 style={{ margin: 0, flex: 1 }}>{title}</h2>
        <button type="button" onClick={() => list.append(newItem())}>
          {addLabel}
        </button>
      </div>
      {/* The list's own errors ("A product has at most 20 option groups"). */}
      <ListError name={name} />
      {list.fields.length === 0 ? <p className="muted">{emptyText}</p> : null}
      {list.fields.map((item, index) => (
        <Fragment key={item.id}>
          {children({
            index,
            count: list.fields.length,
            onMove: (to) => list.move(index, to),
            onRemove: () => list.remove(index),
          })}
        </Fragment>
      ))}
    </section>
  );
}
