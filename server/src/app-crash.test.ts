import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { DELETE_RUN_MUTATION, RUN_QUERY, START_RUN_MUTATION, STOP_RUN_MUTATION, SYSTEM_QUERY } from '@orthoscope/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gql, removeHomes, startTestApp, TINY_CNN, waitFor, type TestApp } from './app.test-helper';

let app: TestApp;
beforeAll(async () => { app = await startTestApp({ ORTHOSCOPE_CONCURRENCY: '2' }); });
afterAll(async () => { await app?.stop(); removeHomes(); });

async function finished(id: string) {
  return waitFor(`run ${id} to end`, async () => {
    const r = (await gql(app.url, RUN_QUERY, { id })).data.run;
    return ['QUEUED', 'RUNNING'].includes(r.status) ? undefined : r;
  });
}

describe('buildApp: a run process dies', () => {
  it('kill -9 of one run\'s process: that run FAILED with the signal, the other run and the server carry on', async () => {
    const doomed = (await gql(app.url, START_RUN_MUTATION, { input: { ...TINY_CNN, name: 'doomed', maxIterations: 500 } })).data.startRun.id;
    const healthy = (await gql(app.url, START_RUN_MUTATION, { input: { ...TINY_CNN, name: 'healthy' } })).data.startRun.id;
    // Concurrency 2: a third run waits, and stopping it ends it before it starts.
    const waiting = (await gql(app.url, START_RUN_MUTATION, { input: { ...TINY_CNN, name: 'waiting' } })).data.startRun.id;
    expect((await gql(app.url, SYSTEM_QUERY)).data.system).toMatchObject({ concurrency: 2, running: 2, queued: 1 });
    const stoppedEarly = (await gql(app.url, STOP_RUN_MUTATION, { id: waiting })).data.stopRun;
    expect(stoppedEarly).toMatchObject({ status: 'STOPPED', startedAt: null, iteration: 0 });
    await waitFor('the doomed run to train', () => app.services.repository.countPoints(doomed) > 0);
    const pid = app.runner.pidOf(doomed);
    expect(pid).toBeGreaterThan(0);
    process.kill(pid!, 'SIGKILL');

    const dead = await finished(doomed);
    expect(dead.status).toBe('FAILED');
    expect(dead.error).toMatch(/SIGKILL/);
    expect(dead.iteration).toBeGreaterThan(0);
    expect(dead.iteration).toBeLessThan(500);
    const system = await gql(app.url, SYSTEM_QUERY);
    expect(system.status).toBe(200);
    expect(system.data.system.version).toMatch(/^\d+\.\d+\.\d+$/);
    const other = await finished(healthy);
    expect(other).toMatchObject({ status: 'SUCCEEDED', iteration: 4, error: null });
    // The points measured before the kill are kept.
    expect(app.services.repository.countPoints(doomed)).toBeGreaterThan(0);
  });

  it('stopRun of a running run: STOPPED at its next iteration; deleteRun removes it with its points and files', async () => {
    const id = (await gql(app.url, START_RUN_MUTATION, { input: { ...TINY_CNN, name: 'stop me', maxIterations: 500 } })).data.startRun.id;
    await waitFor('the run to train', () => app.services.repository.countPoints(id) > 0);
    const asked = await gql(app.url, STOP_RUN_MUTATION, { id });
    expect(asked.data.stopRun.id).toBe(id);
    const stopped = await finished(id);
    expect(stopped).toMatchObject({ status: 'STOPPED', error: 'stopped on request' });
    expect(stopped.iteration).toBeLessThan(500);
    expect(existsSync(join(app.home, 'runs', id))).toBe(true);
    expect((await gql(app.url, DELETE_RUN_MUTATION, { id })).data.deleteRun).toBe(true);
    expect((await gql(app.url, RUN_QUERY, { id })).data.run).toBeNull();
    expect(app.services.repository.countPoints(id)).toBe(0);
    expect(existsSync(join(app.home, 'runs', id))).toBe(false);
  });
});
