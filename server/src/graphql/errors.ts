import type { GraphQLError, GraphQLFormattedError } from 'graphql/index.js';

/** Codes that GraphQL itself or this API set on purpose: passed to clients as they are. */
const PUBLIC_CODES = new Set([
  'GRAPHQL_PARSE_FAILED', 'GRAPHQL_VALIDATION_FAILED', 'BAD_USER_INPUT', 'BAD_REQUEST', 'NOT_FOUND',
  'UNAUTHENTICATED', 'PERSISTED_QUERY_NOT_FOUND', 'PERSISTED_QUERY_NOT_SUPPORTED', 'OPERATION_RESOLUTION_FAILURE',
  'QUERY_TOO_COMPLEX',
]);

// Errors are recognised by name, not instanceof: test runners and dual CommonJS/ESM packages can
// load a class twice, and a masked "Internal server error" would hide a user's mistake.
type Named = Error & Record<string, unknown>;

/**
 * The one place errors become what clients see: InvalidFieldError → BAD_USER_INPUT naming field
 * and value, RunNotFoundError → NOT_FOUND, type-graphql's auth errors → UNAUTHENTICATED, errors of
 * GraphQL itself (syntax, validation, variables) as they are; anything else is logged and masked
 * as INTERNAL_SERVER_ERROR.
 */
export function formatApiError(formatted: GraphQLFormattedError, error: unknown, log: (message: string) => void = console.error): GraphQLFormattedError {
  const graphqlError = isGraphQLError(error) ? error : null;
  const original = (graphqlError?.originalError ?? error) as Named | undefined;
  const base = { message: formatted.message, locations: formatted.locations, path: formatted.path };
  switch (original?.name) {
    case 'InvalidFieldError':
      return { ...base, message: original.message, extensions: { code: 'BAD_USER_INPUT', field: original.field, value: jsonSafe(original.value) } };
    case 'RunNotFoundError':
      return { ...base, message: original.message, extensions: { code: 'NOT_FOUND', id: original.id } };
    case 'AuthenticationError':
    case 'AuthorizationError':
    case 'UnauthorizedError':
    case 'ForbiddenError':
      return { ...base, message: 'Mutations need Authorization: Bearer <token> (ORTHOSCOPE_HOME/token) when HOST is not loopback', extensions: { code: 'UNAUTHENTICATED' } };
  }
  const code = formatted.extensions?.code ?? (original as Named | undefined)?.extensions?.['code' as never];
  if (typeof code === 'string' && PUBLIC_CODES.has(code)) return { ...base, extensions: { code } };
  // A GraphQLError caused by nothing but another GraphQLError comes from GraphQL itself: parsing,
  // validation, or variables that do not fit their types (e.g. an unknown enum value).
  const root = (graphqlError?.originalError ?? graphqlError) as Named | null;
  if (root && isGraphQLError(root) && !root.originalError) {
    return { ...base, extensions: { code: /^Variable "\$/.test(formatted.message) ? 'BAD_USER_INPUT' : 'GRAPHQL_VALIDATION_FAILED' } };
  }
  log(`[orthoscope] internal error: ${original instanceof Error ? original.stack : JSON.stringify(formatted)}`);
  return { ...base, message: 'Internal server error', extensions: { code: 'INTERNAL_SERVER_ERROR' } };
}

/** Formats the errors of a result that did not pass through Apollo (graphql-ws). */
export function formatErrors(errors: readonly GraphQLError[]): GraphQLFormattedError[] {
  return errors.map((e) => formatApiError(typeof e.toJSON === 'function' ? e.toJSON() : { message: e.message }, e));
}

function isGraphQLError(error: unknown): error is GraphQLError {
  return error instanceof Error && error.name === 'GraphQLError';
}

function jsonSafe(value: unknown): unknown {
  return typeof value === 'number' && !Number.isFinite(value) ? String(value) : value;
}
