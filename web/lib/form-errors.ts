import type { CombinedError } from 'urql';
import { isAuthError, TOKEN_HINT } from './api-errors';
import { formFieldOf } from './launch-input';

/**
 * A failed mutation's errors for a form: those naming a field (extensions.field, e.g.
 * `base.hiddenSize`) by form field, the rest joined into one message (with the token hint when
 * the API refused for want of a token).
 */
export function formErrorsOf(error: CombinedError): { byField: Record<string, string>; other: string | null } {
  const byField: Record<string, string> = {};
  const other: string[] = [];
  for (const e of error.graphQLErrors) {
    const field = formFieldOf(e.extensions?.field);
    if (field) byField[field] = e.message;
    else other.push(e.message);
  }
  if (error.networkError) other.push(error.networkError.message);
  if (isAuthError(error)) other.push(TOKEN_HINT);
  return { byField, other: other.length ? other.join('; ') : null };
}
