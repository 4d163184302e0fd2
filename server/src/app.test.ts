import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  RUN_METRICS_QUERY, RUN_METRICS_SUBSCRIPTION, RUN_QUERY, RUN_UPDATES_SUBSCRIPTION, RUNS_QUERY, START_RUN_MUTATION,
  START_SWEEP_MUTATION, SYSTEM_QUERY, type ApiMetricBatch, type ApiRun,
} from '@orthoscope/shared';
import { getIntrospectionQuery } from 'graphql/index.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { collect, gql, removeHomes, startTestApp, TINY_CNN, waitFor, wsClient, type TestApp } from './app.test-helper';

let app: TestApp;
beforeAll(async () => { app = await startTestApp(); });
afterAll(async () => { await app?.stop(); removeHomes(); });

async function runOf(id: string): Promise<ApiRun & Record<string, any>> {
  return (await gql(app.url, RUN_QUERY, { id })).data.run;
}

describe('buildApp: a real run', () => {
  it('CNN on ../shared/data, 4 iterations of batch 16: streams metrics over graphql-ws, SUCCEEDED, downsampled and exported', async () => {
    const client = wsClient(app.url);
    const updates = collect<{ runUpdates: ApiRun }>(client, RUN_UPDATES_SUBSCRIPTION);
    await new Promise((r) => setTimeout(r, 300));
    const started = await gql(app.url, START_RUN_MUTATION, { input: { ...TINY_CNN, name: 'tiny', tags: ['api-test'] } });
    expect(started.errors).toBeUndefined();
    const id: string = started.data.startRun.id;
    expect(started.data.startRun).toMatchObject({ status: 'QUEUED', name: 'tiny', tags: ['api-test'], kind: 'CNN' });
    expect(started.data.startRun.config).toMatchObject({ mode: 'baseline', learningRate: 3e-4, batchSize: 16, evalLimit: 32, seed: 99 });
    const live = collect<{ runMetrics: ApiMetricBatch }>(client, RUN_METRICS_SUBSCRIPTION, { runId: id });

    const run = await waitFor('the run to finish', async () => {
      const r = await runOf(id);
      return ['QUEUED', 'RUNNING'].includes(r.status) ? undefined : r;
    });
    expect(run).toMatchObject({ status: 'SUCCEEDED', iteration: 4, totalIterations: 4, backend: 'wasm', error: null });
    expect(run.checkpoints.map((c: { iteration: number }) => c.iteration)).toEqual([1, 2, 4]);
    expect(run.finishedAt).not.toBeNull();

    await waitFor('the last live batch', () => live.items.some((b) => b.runMetrics.points.some((p) => p.split === 'VALIDATION' && p.iteration === 4)));
    const livePoints = live.items.flatMap((b) => b.runMetrics.points);
    const liveTrainLoss = livePoints.filter((p) => p.split === 'TRAIN' && p.name === 'crossEntropy');
    expect(liveTrainLoss.map((p) => p.iteration)).toEqual([1, 2, 3, 4]);
    for (const p of liveTrainLoss) expect(p.value).toBeGreaterThan(0);
    expect(livePoints.filter((p) => p.split === 'VALIDATION' && p.name === 'accuracy').map((p) => p.iteration)).toEqual([1, 2, 4]);
    expect(new Set(livePoints.filter((p) => p.split === 'TRAIN').map((p) => p.name)))
      .toEqual(new Set(['crossEntropy', 'accuracy', 'orthoLoss', 'weightedOrthoLoss', 'totalLoss', 'timePerIter', 'stepMs']));
    const statuses = updates.items.filter((u) => u.runUpdates.id === id).map((u) => u.runUpdates.status);
    expect(statuses[0]).toBe('QUEUED');
    expect(statuses).toContain('RUNNING');
    expect(statuses.at(-1)).toBe('SUCCEEDED');

    // Downsampled: 4 training points into 2 buckets of 2, each with the mean, min and max of its pair.
    const metrics = await gql(app.url, RUN_METRICS_QUERY, { id, names: ['crossEntropy'], split: 'TRAIN', maxPoints: 2 });
    const [series] = metrics.data.run.metrics;
    expect(series).toMatchObject({ name: 'crossEntropy', split: 'TRAIN' });
    expect(series.points.map((p: { iteration: number; count: number }) => [p.iteration, p.count])).toEqual([[2, 2], [4, 2]]);
    const [a, b, c, d] = liveTrainLoss.map((p) => p.value as number);
    expect(series.points[0].value).toBeCloseTo((a + b) / 2, 6);
    expect(series.points[0].min).toBeCloseTo(Math.min(a, b), 6);
    expect(series.points[1].max).toBeCloseTo(Math.max(c, d), 6);
    const all = await gql(app.url, RUN_METRICS_QUERY, { id });
    expect(all.data.run.metrics).toHaveLength(10); // 7 training + 3 evaluation series

    // Zoom: an iteration range gets maxPoints buckets of its own points only (bounds inclusive).
    const zoomed = await gql(app.url, RUN_METRICS_QUERY, { id, names: ['crossEntropy'], split: 'TRAIN', maxPoints: 1, fromIteration: 2, toIteration: 3 });
    expect(zoomed.data.run.metrics[0].points).toHaveLength(1);
    expect(zoomed.data.run.metrics[0].points[0]).toMatchObject({ iteration: 3, count: 2 });
    expect(zoomed.data.run.metrics[0].points[0].value).toBeCloseTo((b + c) / 2, 6);
    const tail = await gql(app.url, RUN_METRICS_QUERY, { id, names: ['crossEntropy'], split: 'TRAIN', fromIteration: 3 });
    expect(tail.data.run.metrics[0].points.map((p: { iteration: number }) => p.iteration)).toEqual([3, 4]);
    const reversed = await gql(app.url, RUN_METRICS_QUERY, { id, fromIteration: 3, toIteration: 2 });
    expect(reversed.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'fromIteration', value: 3 });

    // Full-resolution exports hold exactly the points streamed live.
    const base = app.url.replace(/\/graphql$/, '');
    const csv = await (await fetch(`${base}/runs/${id}/metrics.csv`)).text();
    const rows = csv.trim().split('\n');
    expect(rows[0]).toBe('split,name,iteration,value,time');
    expect(rows).toHaveLength(livePoints.length + 1);
    expect(rows).toContain(`TRAIN,crossEntropy,3,${c},${liveTrainLoss[2].time}`);
    const json = (await (await fetch(`${base}/runs/${id}/metrics.json`)).json()) as { run: object; points: object[] };
    expect(json.run).toMatchObject({ id, status: 'SUCCEEDED' });
    expect(json.points).toHaveLength(livePoints.length);
    expect((await fetch(`${base}/runs/nope/metrics.csv`)).status).toBe(404);

    const listed = await gql(app.url, RUNS_QUERY, { tag: 'api-test' });
    expect(listed.data.runs.map((r: ApiRun) => r.id)).toEqual([id]);
    expect(listed.data.runs[0].latestMetrics.find((p: { name: string; split: string }) => p.name === 'accuracy' && p.split === 'VALIDATION').iteration).toBe(4);
    expect(readFileSync(join(app.home, 'runs', id, 'run.log'), 'utf8')).not.toMatch(/Error/);
    live.dispose();
    updates.dispose();
    await client.dispose();
  });
});

describe('buildApp: bad input and limits', () => {
  const cases: [string, Record<string, unknown>, string, unknown][] = [
    ['batchSize=0', { ...TINY_CNN, batchSize: 0 }, 'batchSize', 0],
    ['learningRate=-1', { ...TINY_CNN, learningRate: -1 }, 'learningRate', -1],
    ['dataset=../../etc/passwd', { ...TINY_CNN, dataset: '../../etc/passwd' }, 'dataset', '../../etc/passwd'],
    ['dataset=cifar100 absent, downloads off', { ...TINY_CNN, dataset: 'cifar100' }, 'dataset', 'cifar100'],
    ['mode=BASELINE with orthoWeight=1', { ...TINY_CNN, mode: 'BASELINE', orthoWeight: 1 }, 'orthoWeight', 1],
    ['alertRules.lossRiseFactor=0.5', { ...TINY_CNN, alertRules: { lossRiseFactor: 0.5 } }, 'alertRules.lossRiseFactor', 0.5],
    ['maxIterations=0', { ...TINY_CNN, maxIterations: 0 }, 'maxIterations', 0],
    ['tags=[""]', { ...TINY_CNN, tags: [''] }, 'tags[0]', ''],
  ];
  it.each(cases)('startRun %s: BAD_USER_INPUT naming the field and value', async (_title, input, field, value) => {
    const result = await gql(app.url, START_RUN_MUTATION, { input });
    expect(result.data).toBeNull();
    expect(result.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field, value });
    expect(result.errors?.[0].message).toContain(field);
  });

  it('startRun mode=SIDEWAYS (not an enum value): BAD_USER_INPUT from GraphQL naming the value', async () => {
    const result = await gql(app.url, START_RUN_MUTATION, { input: { ...TINY_CNN, mode: 'SIDEWAYS' } });
    expect(result.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(result.errors?.[0].message).toContain('SIDEWAYS');
  });

  it('startSweep orthoWeights=[0, -1]: BAD_USER_INPUT on orthoWeights[1], no run of the sweep created', async () => {
    const result = await gql(app.url, START_SWEEP_MUTATION, { input: { base: TINY_CNN, orthoWeights: [0, -1], includeHouseholder: true } });
    expect(result.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'orthoWeights[1]', value: -1 });
  });

  it('after every rejection: no run stored, nothing queued or running', async () => {
    const runs = await gql(app.url, RUNS_QUERY, { status: 'QUEUED' });
    expect(runs.data.runs).toEqual([]);
    const system = await gql(app.url, SYSTEM_QUERY);
    expect(system.data.system).toMatchObject({ queued: 0, running: 0, backend: 'wasm', authRequired: false });
    expect(app.services.repository.listRuns().filter((r) => r.name !== 'tiny')).toEqual([]);
  });

  it.each(['stopRun', 'resumeRun', 'deleteRun'])('%s(id: "nope"): NOT_FOUND', async (mutation) => {
    const selection = mutation === 'deleteRun' ? '' : ' { id }';
    const result = await gql(app.url, `mutation { ${mutation}(id: "nope")${selection} }`);
    expect(result.errors?.[0].extensions).toMatchObject({ code: 'NOT_FOUND', id: 'nope' });
  });

  it('runMetrics(runId: "nope") over graphql-ws: NOT_FOUND', async () => {
    const client = wsClient(app.url);
    const sub = collect(client, RUN_METRICS_SUBSCRIPTION, { runId: 'nope' });
    await waitFor('the error', () => sub.errors.length > 0, 10_000);
    expect(JSON.stringify(sub.errors)).toContain('NOT_FOUND');
    await client.dispose();
  });

  it('query 12 levels deep: rejected by the depth limit', async () => {
    const deep = 'runs { sweep { runs { sweep { runs { sweep { runs { sweep { runs { sweep { runs { id } } } } } } } } } } }';
    const result = await gql(app.url, `{ ${deep} }`);
    expect(result.errors?.[0].message).toMatch(/depth 1[12] exceeds the limit of 10/);
  });

  it('the standard introspection query (GraphiQL, codegen): allowed despite its depth', async () => {
    const result = await gql(app.url, getIntrospectionQuery());
    expect(result.errors).toBeUndefined();
    expect(result.data.__schema.types.some((t: { name: string }) => t.name === 'RunInput')).toBe(true);
  });

  it('runs(first: 1000) with full metrics: QUERY_TOO_COMPLEX', async () => {
    const result = await gql(app.url, '{ runs(first: 1000) { id metrics(maxPoints: 5000) { name points { iteration value min max time count } } } }');
    expect(result.errors?.[0].extensions?.code).toBe('QUERY_TOO_COMPLEX');
  });

  it('POST with content-type text/plain: blocked by CSRF prevention', async () => {
    const response = await fetch(app.url, { method: 'POST', headers: { 'content-type': 'text/plain' }, body: JSON.stringify({ query: '{ system { version } }' }) });
    expect(response.status).toBe(400);
  });
});

describe('buildApp: HOST not loopback', () => {
  it('HOST=0.0.0.0: token created under ORTHOSCOPE_HOME; mutations need it, queries do not', async () => {
    const open = await startTestApp({ HOST: '0.0.0.0' });
    try {
      const token = readFileSync(join(open.home, 'token'), 'utf8').trim();
      expect(token).toMatch(/^[0-9a-f]{48}$/);
      const url = open.url.replace('0.0.0.0', '127.0.0.1');
      const denied = await gql(url, START_RUN_MUTATION, { input: { ...TINY_CNN, batchSize: 0 } });
      expect(denied.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
      const wrong = await gql(url, START_RUN_MUTATION, { input: { ...TINY_CNN, batchSize: 0 } }, { authorization: 'Bearer 00' });
      expect(wrong.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
      const allowed = await gql(url, START_RUN_MUTATION, { input: { ...TINY_CNN, batchSize: 0 } }, { authorization: `Bearer ${token}` });
      expect(allowed.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'batchSize' });
      const system = await gql(url, SYSTEM_QUERY);
      expect(system.data.system.authRequired).toBe(true);
      // Over graphql-ws the token travels as the connection param `authorization`.
      const mutation = `mutation { stopRun(id: "nope") { id } }`;
      for (const [params, code] of [[undefined, 'UNAUTHENTICATED'], [{ authorization: `Bearer ${token}` }, 'NOT_FOUND']] as const) {
        const client = wsClient(url, params);
        const result = collect(client, mutation);
        await waitFor('the mutation result', () => result.errors.length > 0, 10_000);
        expect(JSON.stringify(result.errors)).toContain(code);
        await client.dispose();
      }
    } finally {
      await open.stop();
    }
  });
});
