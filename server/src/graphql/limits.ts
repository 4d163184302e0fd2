import {
  GraphQLError, Kind, type ASTVisitor, type DocumentNode, type FragmentDefinitionNode, type GraphQLSchema,
  type SelectionSetNode, type ValidationContext,
} from 'graphql/index.js';
import { createRequire } from 'node:module';

// The package's ESM build imports graphql/index.mjs while everything else here gets graphql's
// CommonJS build (Node ignores its "module" field): two graphql copies reject each other's
// schemas, so the CommonJS build is loaded on purpose.
const { fieldExtensionsEstimator, getComplexity, simpleEstimator } =
  createRequire(import.meta.url)('graphql-query-complexity') as typeof import('graphql-query-complexity');

/** Deepest selection nesting accepted (the dashboard needs about 5). */
export const MAX_DEPTH = 10;
/** Largest estimated cost of one operation (each field 1; lists multiply by their size). */
export const MAX_COMPLEXITY = 50_000;

/** A validation rule rejecting operations nested deeper than `max` (fragments followed). */
export function depthLimit(max = MAX_DEPTH): (context: ValidationContext) => ASTVisitor {
  return (context) => ({
    OperationDefinition(node) {
      const fragments = new Map<string, FragmentDefinitionNode>();
      for (const d of context.getDocument().definitions) if (d.kind === Kind.FRAGMENT_DEFINITION) fragments.set(d.name.value, d);
      const depth = selectionDepth(node.selectionSet, fragments, new Set());
      if (depth > max) {
        context.reportError(new GraphQLError(`Query depth ${depth} exceeds the limit of ${max}`, { nodes: [node], extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } }));
      }
    },
  });
}

function selectionDepth(set: SelectionSetNode | undefined, fragments: Map<string, FragmentDefinitionNode>, seen: Set<string>): number {
  if (!set) return 0;
  let deepest = 0;
  for (const s of set.selections) {
    // Introspection (__schema, __type) is deep by nature (ofType chains) and bounded by the schema.
    if (s.kind === Kind.FIELD && s.name.value.startsWith('__')) continue;
    if (s.kind === Kind.FIELD) deepest = Math.max(deepest, s.selectionSet ? 1 + selectionDepth(s.selectionSet, fragments, seen) : 1);
    else if (s.kind === Kind.INLINE_FRAGMENT) deepest = Math.max(deepest, selectionDepth(s.selectionSet, fragments, seen));
    else if (!seen.has(s.name.value)) {
      const fragment = fragments.get(s.name.value);
      deepest = Math.max(deepest, selectionDepth(fragment?.selectionSet, fragments, new Set([...seen, s.name.value])));
    }
  }
  return deepest;
}

/** The QUERY_TOO_COMPLEX error of an operation above `max`, or null. */
export function complexityError(
  schema: GraphQLSchema, document: DocumentNode, variables: Record<string, unknown> | undefined,
  operationName?: string | null, max = MAX_COMPLEXITY,
): GraphQLError | null {
  const complexity = getComplexity({
    schema, query: document, variables: variables ?? {}, operationName: operationName ?? undefined,
    estimators: [fieldExtensionsEstimator(), simpleEstimator({ defaultComplexity: 1 })],
  });
  if (complexity <= max) return null;
  return new GraphQLError(`Query complexity ${complexity} exceeds the limit of ${max}`, { extensions: { code: 'QUERY_TOO_COMPLEX' } });
}
