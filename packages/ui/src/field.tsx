import type { ReactNode } from 'react';

/**
 * Label + control + hint + error. The control must use `id`; the error is linked
 * with aria-describedby so screen readers (and tests) find it from the input.
 */
export function Field({
  id,
  label,
  error,
  hint,
  required,
  children,
}: {
  id: string;
  label: string;
  error?: string | null;
  hint?: string;
  required?: boolean;
  children: ReactNode;
}) {
  return (
    <div className="field" data-invalid={error ? 'true' : undefined}>
      {/* The required mark is drawn by CSS so it never becomes part of the label's name. */}
      <label htmlFor={id} className={required ? 'is-required' : undefined}>
        {label}
      </label>
      {children}
      {hint ? <span className="field-hint">{hint}</span> : null}
      {error ? (
        <span id={`${id}-error`} className="field-error" role="alert">
          {error}
        </span>
      ) : null}
    </div>
  );
}

/** Props to spread on the control inside a Field. */
export function fieldControlProps(id: string, error?: string | null) {
  return {
    id,
    'aria-invalid': error ? true : undefined,
    'aria-describedby': error ? `${id}-error` : undefined,
  } as const;
}
