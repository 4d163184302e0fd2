import type { CombinedError } from 'urql';

/** Shown when the API refuses a mutation for lack of a token. */
export const TOKEN_HINT = 'This API requires a token for changes: paste it into the “API token” field in the top bar (it is in ORTHOSCOPE_HOME/token on the API machine).';

/** True when the error is the API refusing a request without a valid Bearer token. */
export function isAuthError(error: CombinedError): boolean {
  if (error.response?.status === 401 || error.response?.status === 403) return true;
  return error.graphQLErrors.some(
    (e) => e.extensions?.code === 'UNAUTHENTICATED' || e.extensions?.code === 'FORBIDDEN' || /access denied|authori[sz]ation/i.test(e.message),
  );
}

/** A one-line message for an action's error, with the token hint when that is the cause. */
export function describeError(error: CombinedError): string {
  const messages = error.graphQLErrors.map((e) => e.message);
  if (error.networkError) messages.push(error.networkError.message);
  const text = messages.join('; ') || error.message;
  return isAuthError(error) ? `${text} — ${TOKEN_HINT}` : text;
}
