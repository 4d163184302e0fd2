import type { ReactNode } from 'react';

/** A labelled form control with the server's (or the form's) error for it shown beneath. */
export function FormField({ label, name, error, hint, children }: { label: string; name: string; error?: string; hint?: string; children: ReactNode }) {
  return (
    <label className="field" data-field={name}>
      <span>{label}</span>
      {children}
      {error ? (
        <span className="error-text" role="alert" data-error-for={name}>
          {error}
        </span>
      ) : hint ? (
        <span className="muted" style={{ fontSize: 12 }}>
          {hint}
        </span>
      ) : null}
    </label>
  );
}
