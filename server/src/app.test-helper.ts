import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';
import { buildApp, type StartedApp } from './app';
import { readServerConfig, type ServerConfig } from './config';

/** The real data of the project (../shared/data beside the repository), as CI lays it out. */
export const SHARED_DATA = resolve(fileURLToPath(new URL('../..', import.meta.url)), '../shared/data');

/** A tiny real CNN run: a few wasm steps of batch 16, evaluation on 32 test images. */
export const TINY_CNN = { kind: 'CNN', dataset: 'cifar10', batchSize: 16, evalLimit: 32, maxIterations: 4, evalEvery: 2 };

export interface TestApp extends StartedApp {
  home: string;
  config: ServerConfig;
  stop(): Promise<void>;
}

/** A fresh ORTHOSCOPE_HOME in the temp folder (removed by `removeHomes`). */
const homes: string[] = [];
export function tempHome(): string {
  const home = mkdtempSync(join(tmpdir(), 'orthoscope-api-'));
  homes.push(home);
  return home;
}
export function removeHomes(): void {
  for (const home of homes.splice(0)) rmSync(home, { recursive: true, force: true });
}

/** Starts the API on a free port of 127.0.0.1 (or `env.HOST`) with the wasm backend and ../shared/data. */
export async function startTestApp(env: Record<string, string> = {}, home = tempHome()): Promise<TestApp> {
  const config = readServerConfig({ PORT: '0', ORTHOSCOPE_HOME: home, ORTHOSCOPE_DATA: SHARED_DATA, ORTHOSCOPE_BACKEND: 'wasm', ORTHOSCOPE_DOWNLOAD: '0', ...env });
  const app = buildApp({ config, stopGraceMs: 10_000, log: process.env.ORTHOSCOPE_TEST_LOG ? console.log : () => {} });
  const started = await app.start();
  return { ...started, home, config, stop: app.stop };
}

export interface GqlResult<T = any> {
  status: number;
  data?: T;
  errors?: { message: string; extensions?: Record<string, unknown> }[];
}

/** POSTs one operation over real HTTP. */
export async function gql<T = any>(url: string, query: string, variables: Record<string, unknown> = {}, headers: Record<string, string> = {}): Promise<GqlResult<T>> {
  const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify({ query, variables }) });
  return { status: response.status, ...((await response.json()) as object) };
}

/** A real graphql-ws client on the API's WebSocket endpoint. */
export function wsClient(url: string, connectionParams?: Record<string, unknown>): Client {
  return createClient({ url: url.replace(/^http/, 'ws'), webSocketImpl: WebSocket, connectionParams, retryAttempts: 0 });
}

/** Subscribes and collects every payload's data until `dispose`. */
export function collect<T = any>(client: Client, query: string, variables: Record<string, unknown> = {}): { items: T[]; errors: unknown[]; dispose(): void } {
  const items: T[] = [];
  const errors: unknown[] = [];
  const dispose = client.subscribe<T>({ query, variables }, {
    next: (value) => { if (value.data) items.push(value.data as T); if (value.errors) errors.push(...value.errors); },
    error: (error) => errors.push(error),
    complete: () => {},
  });
  return { items, errors, dispose };
}

/** Polls `check` until it returns a value other than undefined/false (fails after `timeoutMs`). */
export async function waitFor<T>(what: string, check: () => Promise<T | undefined | false> | T | undefined | false, timeoutMs = 120_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined && value !== false) return value as T;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}
