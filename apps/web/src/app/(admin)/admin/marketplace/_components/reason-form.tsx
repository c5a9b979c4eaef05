'use client';

import { useState } from 'react';
import { Field, fieldControlProps } from '@souk/ui';

/** The textarea + confirm button an action reveals when it needs a reason. */
export function ReasonForm({
  id,
  label,
  submitLabel,
  pending,
  danger = false,
  onSubmit,
}: {
  id: string;
  label: string;
  submitLabel: string;
  pending: boolean;
  danger?: boolean;
  onSubmit: (text: string) => void;
}) {
  const [text, setText] = useState('');
  return (
    <form
      className="reason-form"
      aria-label={submitLabel}
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        onSubmit(text);
      }}
    >
      <Field id={id} label={label}>
        <textarea
          {...fieldControlProps(id)}
          rows={3}
          value={text}
          onChange={(e) => setText(e.target.value)}
        />
      </Field>
      <div className="inline-actions">
        <button
          type="submit"
          className={`button-small ${danger ? 'button-danger' : 'button-primary'}`}
          disabled={pending}
        >
          {submitLabel}
        </button>
      </div>
    </form>
  );
}
