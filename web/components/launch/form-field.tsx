import { cloneElement, isValidElement, useId, type ReactElement, type ReactNode } from 'react';

/**
 * A labelled form control with the server's (or the form's) error for it shown beneath. The
 * visible label names the control (<label htmlFor>, the id is given to the one child), and the
 * error or hint describes it (aria-describedby), so "Batch size" is what assistive tech reads.
 */
export function FormField({ label, name, error, hint, children }: { label: string; name: string; error?: string; hint?: string; children: ReactNode }) {
  const id = useId();
  const noteId = `${id}-note`;
  const note = error || hint ? noteId : undefined;
  const control = isValidElement(children)
    ? cloneElement(children as ReactElement<{ id?: string; 'aria-describedby'?: string }>, { id, 'aria-describedby': note })
    : children;
  return (
    <div className="field" data-field={name}>
      <label htmlFor={id}>{label}</label>
      {control}
      {error ? (
        <span className="error-text" role="alert" data-error-for={name} id={noteId}>
          {error}
        </span>
      ) : hint ? (
        <span className="muted" style={{ fontSize: 12 }} id={noteId}>
          {hint}
        </span>
      ) : null}
    </div>
  );
}
