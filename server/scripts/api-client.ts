/**
 * What the example scripts share: GraphQL over HTTP with the optional token, and the matching
 * graphql-ws client for subscriptions.
 */
import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';

export interface ApiClient {
  /** POSTs one operation; throws with the server's messages when it answers errors. */
  request<T>(query: string, variables: Record<string, unknown>): Promise<T>;
  /** A graphql-ws client on the same URL (ws://), sending the token as connection param. */
  subscriptions(): Client;
  /** `{ authorization: 'Bearer …' }` when a token is set, else empty. */
  auth: Record<string, string>;
}

/** Connects to the API at `url` (http://…/graphql); `token` defaults to ORTHOSCOPE_TOKEN. */
export function connectApi(url: string, token = process.env.ORTHOSCOPE_TOKEN): ApiClient {
  const auth: Record<string, string> = token ? { authorization: `Bearer ${token}` } : {};
  return {
    auth,
    async request<T>(query: string, variables: Record<string, unknown>): Promise<T> {
      const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...auth }, body: JSON.stringify({ query, variables }) });
      const body = (await response.json()) as { data?: T; errors?: { message: string }[] };
      if (body.errors?.length) throw new Error(body.errors.map((e) => e.message).join('; '));
      return body.data!;
    },
    subscriptions: () => createClient({ url: url.replace(/^http/, 'ws'), webSocketImpl: WebSocket, connectionParams: auth }),
  };
}

/** A numeric flag's value, or undefined when the flag was not given (the server's default applies). */
export const optionalNumber = (value: string | undefined): number | undefined => (value === undefined ? undefined : Number(value));
