import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';
import {
  RESUME_RUN_MUTATION, RUN_METRICS_SUBSCRIPTION, RUN_QUERY, START_RUN_MUTATION, type ApiMetricBatch,
} from '@orthoscope/shared';
import { afterAll, describe, expect, it } from 'vitest';
import { collect, gql, removeHomes, SHARED_DATA, startTestApp, tempHome, TINY_CNN, waitFor, wsClient, type TestApp } from './app.test-helper';

const SERVER_DIR = fileURLToPath(new URL('..', import.meta.url));
let server: ChildProcess | undefined;
let app: TestApp | undefined;
afterAll(async () => {
  server?.kill('SIGKILL');
  await app?.stop();
  removeHomes();
});

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

/** `npm run start -w server` as CI would run it: src/main.ts under tsx, settings from the environment. */
async function startServerProcess(home: string): Promise<{ process: ChildProcess; url: string }> {
  const port = await freePort();
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    cwd: SERVER_DIR,
    env: { ...process.env, PORT: String(port), ORTHOSCOPE_HOME: home, ORTHOSCOPE_DATA: SHARED_DATA, ORTHOSCOPE_BACKEND: 'wasm', ORTHOSCOPE_DOWNLOAD: '0' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (d) => { output += d; });
  child.stderr!.on('data', (d) => { output += d; });
  const url = await waitFor('the server to listen', () => /API on (http:\S+)/.exec(output)?.[1], 60_000);
  return { process: child, url };
}

describe('buildApp: restart', () => {
  it('server killed with -9 mid-run: restarted server has the run (INTERRUPTED) and every streamed point; resumeRun finishes it from its checkpoint', async () => {
    const home = tempHome();
    const first = await startServerProcess(home);
    server = first.process;
    const input = { ...TINY_CNN, maxIterations: 10, evalEvery: 3 };
    const id: string = (await gql(first.url, START_RUN_MUTATION, { input })).data.startRun.id;
    const client = wsClient(first.url);
    const live = collect<{ runMetrics: ApiMetricBatch }>(client, RUN_METRICS_SUBSCRIPTION, { runId: id });
    await waitFor('a checkpoint after iteration 3 and a few more steps', async () => {
      const run = (await gql(first.url, RUN_QUERY, { id })).data.run;
      return run.checkpoints.some((c: { iteration: number }) => c.iteration === 3) && run.iteration >= 4 && run.iteration < 10;
    });
    server.kill('SIGKILL');
    await new Promise((r) => server!.once('exit', r));
    await Promise.resolve(client.dispose()).catch(() => {});
    const streamed = live.items.flatMap((b) => b.runMetrics.points);
    expect(streamed.length).toBeGreaterThan(0);

    app = await startTestApp({}, home);
    const after = (await gql(app.url, RUN_QUERY, { id })).data.run;
    expect(after.status).toBe('INTERRUPTED');
    expect(after.error).toMatch(/resumeRun/);
    const stored = new Set(app.services.repository.allPoints(id).map((p) => `${p.split}/${p.name}/${p.iteration}`));
    for (const p of streamed) expect(stored.has(`${p.split}/${p.name}/${p.iteration}`)).toBe(true);
    const lastCheckpoint = after.checkpoints.at(-1).iteration;
    expect(lastCheckpoint).toBeGreaterThanOrEqual(3);

    const resumed = await gql(app.url, RESUME_RUN_MUTATION, { id });
    expect(resumed.data.resumeRun.status).toBe('QUEUED');
    const done = await waitFor('the resumed run to end', async () => {
      const r = (await gql(app!.url, RUN_QUERY, { id })).data.run;
      return ['QUEUED', 'RUNNING'].includes(r.status) ? undefined : r;
    });
    expect(done).toMatchObject({ status: 'SUCCEEDED', iteration: 10, error: null });
    // Every iteration exactly once: the resumed process re-measured what followed its checkpoint.
    const loss = app.services.repository.allPoints(id).filter((p) => p.split === 'TRAIN' && p.name === 'crossEntropy');
    expect(loss.map((p) => p.iteration)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    const resumedAt = loss.find((p) => p.iteration === lastCheckpoint + 1)!.time;
    expect(loss.find((p) => p.iteration === lastCheckpoint)!.time).toBeLessThan(resumedAt);
  });
});
