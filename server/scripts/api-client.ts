/**
 * What the example scripts share: GraphQL over HTTP with the optional token, and the matching
 * graphql-ws client for subscriptions.
 */
import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';
import { RUN_QUERY, type ApiRun } from '@orthoscope/shared';

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

/** The newest value of one metric among a run's latest points, if it has one. */
export const latestMetric = (run: ApiRun, name: string, split: string): number | null | undefined =>
  run.latestMetrics?.find((p) => p.name === name && p.split === split)?.value;

/** A metric value for a report line: `digits` significant digits, or `n/a`. */
export const formatMetric = (value: number | null | undefined, digits = 4): string => (typeof value === 'number' ? value.toPrecision(digits) : 'n/a');

/**
 * Polls every `pollMs` until each of `runIds` has ended (neither QUEUED nor RUNNING), calling
 * `onProgress` whenever a run's iteration moved; resolves with the ended runs by id.
 */
export async function followRuns(api: ApiClient, runIds: readonly string[], pollMs: number, onProgress: (run: ApiRun) => void): Promise<Map<string, ApiRun>> {
  const last = new Map<string, number>();
  const final = new Map<string, ApiRun>();
  while (final.size < runIds.length) {
    await new Promise((r) => setTimeout(r, pollMs));
    for (const id of runIds) {
      if (final.has(id)) continue;
      const { run } = await api.request<{ run: ApiRun }>(RUN_QUERY, { id });
      if (run.iteration !== last.get(id)) {
        last.set(id, run.iteration);
        onProgress(run);
      }
      if (!['QUEUED', 'RUNNING'].includes(run.status)) final.set(id, run);
    }
  }
  return final;
}
