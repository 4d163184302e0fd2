import type { CombinedError } from 'urql';
import { isAuthError, TOKEN_HINT } from './api-errors';
import { formFieldOf } from './launch-input';

/**
 * A failed mutation's errors for a form: those naming a field (extensions.field, e.g.
 * `base.hiddenSize`, or a variable-coercion error `at "input.base.batchSize"`) by form field, with
 * the message cut to what the user needs beside that field ("Invalid value: 0 — must be …", not
 * "Invalid base.batchSize: 0 — …"); the rest joined into one message (with the token hint when
 * the API refused for want of a token).
 */
export function formErrorsOf(error: CombinedError): { byField: Record<string, string>; other: string | null } {
  const byField: Record<string, string> = {};
  const other: string[] = [];
  for (const e of error.graphQLErrors) {
    const named = fieldErrorOf(e.message, e.extensions?.field);
    if (named) byField[named.field] = named.message;
    else other.push(e.message);
  }
  if (error.networkError) other.push(error.networkError.message);
  if (isAuthError(error)) other.push(TOKEN_HINT);
  return { byField, other: other.length ? other.join('; ') : null };
}

const COERCION = /^Variable "\$\w+" got invalid value (.*?) at "([^"]+)"; (.*)$/s;

/**
 * The form field a server error is about and its message without the internal path: `Invalid
 * base.batchSize: 0 — must be …` → batchSize, `Invalid value: 0 — must be …`; GraphQL's `Variable
 * "$input" got invalid value 1.5 at "input.base.batchSize"; Int cannot …` → batchSize, `Int cannot …`.
 * Null when the error names no field.
 */
export function fieldErrorOf(message: string, extensionField: unknown): { field: string; message: string } | null {
  const field = formFieldOf(extensionField);
  if (field) {
    const path = String(extensionField);
    const prefix = `Invalid ${path}:`;
    const text = message.startsWith(prefix) ? `Invalid value:${message.slice(prefix.length)}` : message.replaceAll(path, field);
    return { field, message: text };
  }
  const coercion = COERCION.exec(message);
  // `input` or `input.base` as a whole (a missing required field) is no form field: left to `other`.
  const segments = coercion ? coercion[2].split('.') : [];
  const coerced = segments.length >= 2 && segments[segments.length - 1] !== 'base' ? formFieldOf(coercion![2]) : null;
  if (coercion && coerced) return { field: coerced, message: coercion[3] };
  return null;
}

/** `errors` without `field`'s message (the user changed that value); the same object when it had none. */
export function clearFieldError(errors: Record<string, string>, field: string): Record<string, string> {
  if (!(field in errors)) return errors;
  const { [field]: _cleared, ...rest } = errors;
  return rest;
}
