import type { ReactNode } from 'react';

interface FieldProps {
  id: string;
  label: string;
  value: string;
  onChange(value: string): void;
  error?: string;
  hint?: ReactNode;
  disabled?: boolean;
  required?: boolean;
  multiline?: boolean;
  rows?: number;
  type?: 'text' | 'url' | 'email' | 'search' | 'password' | 'color' | 'time' | 'datetime-local' | 'number';
  placeholder?: string;
  autoComplete?: string;
}

/** A labelled input or textarea; its hint and error are tied to it with aria-describedby. */
export function TextField({
  id,
  label,
  value,
  onChange,
  error,
  hint,
  disabled,
  required,
  multiline,
  rows,
  type = 'text',
  placeholder,
  autoComplete,
}: FieldProps) {
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const describedBy = [hintId, errorId].filter(Boolean).join(' ') || undefined;
  const common = {
    id,
    value,
    disabled,
    required,
    placeholder,
    autoComplete,
    'aria-invalid': error ? true : undefined,
    'aria-describedby': describedBy,
  } as const;
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {hint ? (
        <p id={hintId} className="field-hint">
          {hint}
        </p>
      ) : null}
      {multiline ? (
        <textarea {...common} rows={rows ?? 4} onChange={(e) => onChange(e.target.value)} />
      ) : (
        <input {...common} type={type} onChange={(e) => onChange(e.target.value)} />
      )}
      <FieldError id={errorId} message={error} />
    </div>
  );
}

/** A control's error message (the control points at it with aria-describedby). */
export function FieldError({ id, message }: { id: string | undefined; message: string | undefined }) {
  if (!message || !id) return null;
  return (
    <p id={id} className="field-error">
      {message}
    </p>
  );
}
