'use client';

import { z } from 'zod';
import { TextForm } from '@/components/text-form';

// Where a caller passes no rule of its own, the server's answer is the check.
const anyText = z.string();

/**
 * The textarea + confirm button an action reveals when it needs a reason. The page's
 * notice shows how the action went, so `onSubmit` only starts it.
 */
export function ReasonForm({
  id,
  label,
  submitLabel,
  pending,
  danger = false,
  schema = anyText,
  onSubmit,
}: {
  id: string;
  label: string;
  submitLabel: string;
  pending: boolean;
  danger?: boolean;
  /** The core input schema's field for the reason. */
  schema?: z.ZodType<string | undefined>;
  onSubmit: (text: string) => void;
}) {
  return (
    <TextForm
      className="reason-form"
      actionsClassName="inline-actions"
      label={submitLabel}
      id={id}
      fieldLabel={label}
      schema={schema}
      rows={3}
      pending={pending}
      actions={[
        {
          label: submitLabel,
          className: `button-small ${danger ? 'button-danger' : 'button-primary'}`,
          send: onSubmit,
        },
      ]}
    />
  );
}
