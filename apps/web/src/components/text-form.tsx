'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import { useState, type ReactNode } from 'react';
import { useForm } from 'react-hook-form';
import { z } from 'zod';
import { Field, fieldControlProps, Notice } from '@souk/ui';
import { applyFormErrors } from '@/lib/form-errors';

export interface TextFormAction {
  label: string;
  className?: string;
  /**
   * Sends the text. Return the mutation's promise (`mutateAsync`): the form clears once it
   * resolves, and a refusal shows beside the field or above the form. Return nothing where
   * the page shows the outcome itself.
   */
  send: (text: string) => Promise<unknown> | void;
}

/**
 * A form around one text a person writes (a reason, a note, a problem described) and the
 * buttons that send it. The first action is the form's submit button.
 */
export function TextForm({
  label,
  id,
  fieldLabel,
  schema,
  name,
  required,
  rows,
  maxLength,
  actions,
  pending = false,
  className,
  actionsClassName = 'form-actions',
  children,
}: {
  /** The form's accessible name. */
  label: string;
  id: string;
  fieldLabel: string;
  /** The core input schema's own field, so the browser checks what the server will. */
  schema: z.ZodType<string | undefined>;
  /** The API input field the text is sent as: its refusals land beside the textarea. */
  name?: string;
  required?: boolean;
  rows?: number;
  maxLength?: number;
  actions: readonly [TextFormAction, ...TextFormAction[]];
  /** Something else on the page is being sent: the buttons wait. */
  pending?: boolean;
  className?: string;
  actionsClassName?: string;
  /** After the buttons, e.g. a button that closes the form. */
  children?: ReactNode;
}) {
  const form = useForm({
    resolver: zodResolver(z.object({ text: schema })),
    defaultValues: { text: '' },
  });
  const [summary, setSummary] = useState<string | null>(null);
  const error = form.formState.errors.text?.message;
  const busy = pending || form.formState.isSubmitting;

  const run = (action: TextFormAction) =>
    form.handleSubmit(async ({ text }) => {
      setSummary(null);
      const sent = action.send(text ?? '');
      if (!sent) return;
      try {
        await sent;
        // The page may show the outcome before the promise settles, and a person (or a
        // test) may already be typing the next text: clear only what was sent.
        if (form.getValues('text') === text) form.reset();
      } catch (failure) {
        const toField = (path: string) => (path === name ? 'text' : null);
        setSummary(applyFormErrors(form.setError, failure, { toField }));
      }
    });
  const [submit, ...others] = actions;

  return (
    <form className={className} aria-label={label} noValidate onSubmit={(e) => void run(submit)(e)}>
      <Notice kind="error">{summary}</Notice>
      <Field id={id} label={fieldLabel} error={error} required={required}>
        <textarea
          {...fieldControlProps(id, error)}
          {...form.register('text')}
          rows={rows}
          maxLength={maxLength}
        />
      </Field>
      <div className={actionsClassName}>
        <button type="submit" className={submit.className} disabled={busy} aria-busy={busy}>
          {submit.label}
        </button>
        {others.map((action) => (
          <button
            key={action.label}
            type="button"
            className={action.className}
            disabled={busy}
            aria-busy={busy}
            onClick={() => void run(action)()}
          >
            {action.label}
          </button>
        ))}
        {children}
      </div>
    </form>
  );
}
