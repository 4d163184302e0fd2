import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { SWEEP_QUERY } from '@orthoscope/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gql, removeHomes, startTestApp, type TestApp } from './app.test-helper';

const SCRIPT = fileURLToPath(new URL('../scripts/sweep-example.ts', import.meta.url));
let app: TestApp;
beforeAll(async () => { app = await startTestApp({ ORTHOSCOPE_CONCURRENCY: '2' }); });
afterAll(async () => { await app?.stop(); removeHomes(); });

describe('buildApp: sweeps from a script', () => {
  it('scripts/sweep-example.ts with λ=0 + Householder, 2 iterations: prints both final accuracies and exits 0', async () => {
    const { stdout } = await promisify(execFile)(process.execPath, ['--import', 'tsx', SCRIPT, '--url', app.url,
      '--ortho-weights', '0', '--max-iterations', '2', '--batch-size', '16', '--eval-limit', '32'], { timeout: 150_000 });
    const id = /sweep (\S+): 2 runs queued/.exec(stdout)?.[1];
    expect(id).toBeDefined();
    const done = stdout.split('\n').filter((l) => l.startsWith('DONE'));
    expect(done).toHaveLength(2);
    for (const line of done) expect(line).toMatch(/: SUCCEEDED at iteration 2, validation accuracy 0\.\d{4}$/);
    const sweep = (await gql(app.url, SWEEP_QUERY, { id })).data.sweep;
    expect(sweep).toMatchObject({ name: 'experiment #2', orthoWeights: [0], includeHouseholder: true });
    expect(sweep.runs.map((r: { config: { mode: string } }) => r.config.mode)).toEqual(['baseline', 'householder']);
  });
});
