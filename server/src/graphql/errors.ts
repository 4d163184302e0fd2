import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { AuthenticationError, AuthorizationError } from 'type-graphql';
import { InvalidFieldError } from '@orthoscope/shared';
import { RunNotFoundError } from '../runner/run-manager';

/** Codes that GraphQL itself or this API set on purpose: passed to clients as they are. */
const PUBLIC_CODES = new Set([
  'GRAPHQL_PARSE_FAILED', 'GRAPHQL_VALIDATION_FAILED', 'BAD_USER_INPUT', 'BAD_REQUEST', 'NOT_FOUND',
  'UNAUTHENTICATED', 'PERSISTED_QUERY_NOT_FOUND', 'PERSISTED_QUERY_NOT_SUPPORTED', 'OPERATION_RESOLUTION_FAILURE',
  'QUERY_TOO_COMPLEX',
]);

/**
 * The one place errors become what clients see: bad fields → BAD_USER_INPUT naming field and
 * value, unknown runs → NOT_FOUND, missing token → UNAUTHENTICATED; anything else is logged and
 * masked as INTERNAL_SERVER_ERROR.
 */
export function formatApiError(formatted: GraphQLFormattedError, error: unknown, log: (message: string) => void = console.error): GraphQLFormattedError {
  const original = error instanceof GraphQLError ? error.originalError ?? error : error;
  const base = { message: formatted.message, locations: formatted.locations, path: formatted.path };
  if (original instanceof InvalidFieldError) {
    return { ...base, message: original.message, extensions: { code: 'BAD_USER_INPUT', field: original.field, value: jsonSafe(original.value) } };
  }
  if (original instanceof RunNotFoundError) {
    return { ...base, message: original.message, extensions: { code: 'NOT_FOUND', id: original.id } };
  }
  if (original instanceof AuthenticationError || original instanceof AuthorizationError) {
    return { ...base, message: 'Mutations need Authorization: Bearer <token> (see ORTHOSCOPE_HOME/token) when HOST is not loopback', extensions: { code: 'UNAUTHENTICATED' } };
  }
  const code = formatted.extensions?.code;
  if (original instanceof GraphQLError && typeof code === 'string' && PUBLIC_CODES.has(code)) {
    return { ...base, extensions: { code } };
  }
  if (!(original instanceof GraphQLError) || code === 'INTERNAL_SERVER_ERROR' || code === undefined) {
    log(`[orthoscope] internal error: ${original instanceof Error ? original.stack : String(original)}`);
    return { ...base, message: 'Internal server error', extensions: { code: 'INTERNAL_SERVER_ERROR' } };
  }
  return { ...base, extensions: { code } };
}

/** Formats the errors of a result that did not pass through Apollo (graphql-ws). */
export function formatErrors(errors: readonly GraphQLError[]): GraphQLFormattedError[] {
  return errors.map((e) => formatApiError(e.toJSON(), e));
}

function jsonSafe(value: unknown): unknown {
  return typeof value === 'number' && !Number.isFinite(value) ? String(value) : value;
}
