import type { Server } from 'node:http';
import { parse, specifiedRules, validate, type ExecutionArgs, type GraphQLSchema } from 'graphql/index.js';
import { useServer } from 'graphql-ws/use/ws';
import { WebSocketServer } from 'ws';
import type { ApiContext } from '../context';
import { formatErrors } from '../errors';
import { complexityError, depthLimit } from '../limits';

/**
 * graphql-ws on the HTTP server's /graphql path, with the same depth and complexity limits and
 * error masking as HTTP. `context` receives the connection params (e.g. `{ authorization }`).
 * Returns the disposer.
 */
export function attachWebSocket(server: Server, schema: GraphQLSchema, context: (params: Record<string, unknown> | undefined) => ApiContext): () => Promise<void> {
  const wss = new WebSocketServer({ server, path: '/graphql' });
  const cleanup = useServer<Record<string, unknown> | undefined>({
    schema,
    context: (ctx) => context(ctx.connectionParams),
    onSubscribe: (_ctx, _id, payload) => {
      let document;
      try {
        document = parse(payload.query);
      } catch (error) {
        return formatErrors([error as never]) as never;
      }
      const errors = [...validate(schema, document, [...specifiedRules, depthLimit()])];
      const tooComplex = errors.length === 0 ? complexityError(schema, document, payload.variables ?? undefined, payload.operationName) : null;
      if (tooComplex) errors.push(tooComplex);
      if (errors.length > 0) return formatErrors(errors) as never;
      return { schema, document, variableValues: payload.variables, operationName: payload.operationName } as ExecutionArgs;
    },
    onNext: (_ctx, _id, _payload, _args, result) => (result.errors ? { ...result, errors: formatErrors(result.errors) } : result) as never,
    onError: (_ctx, _id, _payload, errors) => formatErrors(errors as never) as never,
  }, wss);
  return async () => {
    await cleanup.dispose();
    await new Promise<void>((resolve) => wss.close(() => resolve()));
  };
}
