import { createClient as createWsClient, type Client as WsClient } from 'graphql-ws';
import { cacheExchange, createClient, fetchExchange, subscriptionExchange, type Client } from 'urql';

/** What the browser needs to reach the API (see lib/api-config.ts). */
export interface ClientSettings {
  /** Same-origin GraphQL endpoint (the Next route that forwards to the API). */
  httpUrl: string;
  /** WebSocket URL for subscriptions; null on the server (no subscriptions during SSR). */
  wsUrl: string | null;
  /** Bearer token, when the API requires one for mutations. */
  token: string | null;
}

/** Creates the dashboard's urql client: HTTP POST for queries/mutations, graphql-ws for subscriptions. */
export function createUrqlClient({ httpUrl, wsUrl, token, onReconnect }: ClientSettings & {
  /** Called when the WebSocket comes back after a drop (API restart): live views reload their history. */
  onReconnect?: () => void;
}): { client: Client; dispose: () => void } {
  const headers: Record<string, string> = token ? { authorization: `Bearer ${token}` } : {};
  const ws: WsClient | null = wsUrl
    ? createWsClient({
        url: wsUrl,
        connectionParams: token ? { authorization: `Bearer ${token}`, Authorization: `Bearer ${token}` } : {},
        // Keep retrying through API restarts: a dashboard left open must come back by itself.
        retryAttempts: Infinity,
        shouldRetry: () => true,
        // Back off, but never wait more than ~5 s: after an API restart the charts resume quickly.
        retryWait: (retries) => new Promise((resolve) => setTimeout(resolve, Math.min(5000, 500 * 2 ** retries) + Math.random() * 300)),
        lazy: true,
        on: { connected: (_socket, _payload, wasRetry) => wasRetry && onReconnect?.() },
      })
    : null;
  const client = createClient({
    url: httpUrl,
    // POST always: Apollo's CSRF prevention refuses simple GET requests without a preflight header.
    preferGetMethod: false,
    requestPolicy: 'cache-and-network',
    fetchOptions: () => ({ headers }),
    exchanges: [
      cacheExchange,
      fetchExchange,
      ...(ws
        ? [
            subscriptionExchange({
              forwardSubscription(request) {
                const input = { ...request, query: request.query || '' };
                return { subscribe: (sink) => ({ unsubscribe: ws.subscribe(input, sink) }) };
              },
            }),
          ]
        : []),
    ],
  });
  return { client, dispose: () => void ws?.dispose() };
}
