import { ALERTS_SUBSCRIPTION, RUN_QUERY, START_RUN_MUTATION, type ApiAlert } from '@orthoscope/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { collect, gql, removeHomes, startTestApp, TINY_CNN, waitFor, wsClient, type TestApp } from './app.test-helper';

let app: TestApp;
beforeAll(async () => { app = await startTestApp(); });
afterAll(async () => { await app?.stop(); removeHomes(); });

describe('buildApp: divergence', () => {
  it('learningRate=10 with autoStop: an alert on the alerts subscription, the run stops as DIVERGED long before maxIterations', async () => {
    const client = wsClient(app.url);
    const alerts = collect<{ alerts: ApiAlert }>(client, ALERTS_SUBSCRIPTION);
    await new Promise((r) => setTimeout(r, 300));
    const input = { ...TINY_CNN, learningRate: 10, maxIterations: 60, evalEvery: 1, alertRules: { autoStop: true, lossRiseEvaluations: 2 } };
    const started = await gql(app.url, START_RUN_MUTATION, { input });
    const id: string = started.data.startRun.id;
    const run = await waitFor('the run to end', async () => {
      const r = (await gql(app.url, RUN_QUERY, { id })).data.run;
      return ['QUEUED', 'RUNNING'].includes(r.status) ? undefined : r;
    });
    expect(run.status).toBe('DIVERGED');
    expect(run.iteration).toBeLessThan(60);
    expect(run.alerts.length).toBeGreaterThanOrEqual(1);
    const [first] = run.alerts;
    expect(first).toMatchObject({ runId: id, autoStopped: true });
    expect(['NON_FINITE_LOSS', 'LOSS_RISE', 'ACCURACY_AT_CHANCE']).toContain(first.rule);
    expect(run.error).toBe(first.message);
    await waitFor('the alert over graphql-ws', () => alerts.items.length > 0, 10_000);
    expect(alerts.items[0].alerts).toMatchObject({ id: first.id, rule: first.rule, runId: id, autoStopped: true });
    // Once per episode: the stored alerts are exactly the published ones, one per rule at most here.
    expect(alerts.items.map((a) => a.alerts.id)).toEqual(run.alerts.map((a: ApiAlert) => a.id));
    expect(new Set(run.alerts.map((a: ApiAlert) => a.rule)).size).toBe(run.alerts.length);
    alerts.dispose();
    await client.dispose();
  });
});
