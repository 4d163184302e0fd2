import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ensureWebBuild, WEB_DIR } from '../../../web/scripts/ensure-build.mjs';
import { ARTIFACTS_DIR } from './artifacts';
import { freePort } from './ports';

const ROOT = join(WEB_DIR, '..');
/** The real data of the project's workspace (read-only). */
export const DATA_ROOT = join(ROOT, '..', 'shared', 'data');

/** A running API + dashboard on free ports with a temporary ORTHOSCOPE_HOME. */
export interface Stack {
  apiUrl: string;
  webUrl: string;
  home: string;
  /** Stops the API (SIGTERM) and starts it again on the same port and home; resolves once it answers. */
  restartApi(): Promise<void>;
  /** POSTs a GraphQL operation to the API; throws on errors. */
  graphql<T = any>(query: string, variables?: Record<string, unknown>): Promise<T>;
  stop(): Promise<void>;
}

/**
 * Starts the API (tsx server/src/main.ts) and the production dashboard (`next start`, built first
 * when stale). Logs go to test/artifacts/<name>-api.log and -web.log.
 */
export async function startStack(name: string, env: Record<string, string> = {}): Promise<Stack> {
  mkdirSync(ARTIFACTS_DIR, { recursive: true });
  const home = mkdtempSync(join(tmpdir(), 'orthoscope-e2e-'));
  const [apiPort, webPort] = [await freePort(), await freePort()];
  const apiUrl = `http://127.0.0.1:${apiPort}/graphql`;
  const webUrl = `http://127.0.0.1:${webPort}`;
  const children: ChildProcess[] = [];
  const start = (label: string, args: string[], cwd: string, extra: Record<string, string>) => {
    const log = createWriteStream(join(ARTIFACTS_DIR, `${name}-${label}.log`));
    const child = spawn(process.execPath, args, {
      cwd,
      detached: true,
      env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1', ...extra },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout!.pipe(log);
    child.stderr!.pipe(log);
    children.push(child);
    return child;
  };
  const stop = async () => {
    await Promise.all(children.map(stopChild));
    rmSync(home, { recursive: true, force: true });
  };
  const startApi = async (label: string) => {
    const api = start(label, [join(ROOT, 'node_modules', 'tsx', 'dist', 'cli.mjs'), 'src/main.ts'], join(ROOT, 'server'), {
      PORT: String(apiPort),
      HOST: '127.0.0.1',
      ORTHOSCOPE_HOME: home,
      ORTHOSCOPE_DATA: DATA_ROOT,
      ...env,
    });
    await waitFor(`${apiUrl.replace(/\/graphql$/, '')}/health`, api, 'API', 90_000);
    return api;
  };
  let api: ChildProcess;
  try {
    const build = ensureWebBuild({ log: () => {} });
    api = await startApi('api');
    await build;
    const web = start('web', [join(ROOT, 'node_modules', 'next', 'dist', 'bin', 'next'), 'start', '-p', String(webPort), '-H', '127.0.0.1'], WEB_DIR, {
      ORTHOSCOPE_API_URL: apiUrl,
    });
    await waitFor(`${webUrl}/api/graphql`, web, 'dashboard', 90_000);
  } catch (error) {
    await stop();
    throw error;
  }
  const graphql = async (query: string, variables: Record<string, unknown> = {}) => {
    const res = await fetch(apiUrl, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query, variables }) });
    const body = (await res.json()) as { data?: any; errors?: { message: string }[] };
    if (body.errors?.length) throw new Error(body.errors.map((e) => e.message).join('; '));
    return body.data;
  };
  const restartApi = async () => {
    await stopChild(api);
    children.splice(children.indexOf(api), 1);
    api = await startApi('api-restarted');
  };
  return { apiUrl, webUrl, home, graphql, restartApi, stop };
}

async function waitFor(url: string, child: ChildProcess, label: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`${label} exited with code ${child.exitCode} before answering ${url} (see test/artifacts logs)`);
    try {
      await fetch(url);
      return;
    } catch {
      await new Promise((r) => setTimeout(r, 250));
    }
  }
  throw new Error(`${label} did not answer ${url} within ${timeoutMs / 1000} s`);
}

/** SIGTERM to the child's process group, SIGKILL after 8 s; resolves when it has exited. */
function stopChild(child: ChildProcess): Promise<void> {
  return new Promise<void>((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    child.once('exit', () => resolve());
    try {
      process.kill(-child.pid!, 'SIGTERM');
    } catch {
      resolve();
    }
    setTimeout(() => {
      try {
        process.kill(-child.pid!, 'SIGKILL');
      } catch {
        /* gone */
      }
    }, 8000).unref();
  });
}
