import { RUN_METRICS_QUERY, RUN_QUERY, SAMPLE_TEXT_QUERY, START_RUN_MUTATION, START_SWEEP_MUTATION, type ApiRun } from '@orthoscope/shared';
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gql, removeHomes, startTestApp, waitFor, type TestApp } from './app.test-helper';

/** A char-RNN small enough for CI: a few wasm steps on the real Nietzsche text. */
const TINY_CHAR_RNN = { kind: 'CHAR_RNN', dataset: 'nietzsche', cell: 'GRU', embeddingSize: 8, hiddenSize: 16, batchSize: 8, maxIterations: 6, evalEvery: 3, evalLimit: 2 };

let app: TestApp;
beforeAll(async () => { app = await startTestApp(); });
afterAll(async () => { await app?.stop(); removeHomes(); });

async function runOf(id: string): Promise<ApiRun & Record<string, any>> {
  return (await gql(app.url, RUN_QUERY, { id })).data.run;
}
async function finished(id: string): Promise<ApiRun & Record<string, any>> {
  return waitFor(`run ${id} to finish`, async () => {
    const r = await runOf(id);
    return ['QUEUED', 'RUNNING'].includes(r.status) ? undefined : r;
  });
}

describe('CHAR_RNN over the API', () => {
  let runId = '';

  it('startRun CHAR_RNN on nietzsche (GRU 2×16, 6 iterations): SUCCEEDED with the SPEC §4 metrics and 3 checkpoints', async () => {
    const started = await gql(app.url, START_RUN_MUTATION, { input: { ...TINY_CHAR_RNN, orthoWeight: 1e-4 } });
    expect(started.errors).toBeUndefined();
    runId = started.data.startRun.id;
    expect(started.data.startRun).toMatchObject({ kind: 'CHAR_RNN', name: 'char_rnn nietzsche gru λ=0.0001' });
    expect(started.data.startRun.config).toMatchObject({ kind: 'char_rnn', cell: 'gru', hiddenSize: 16, layers: 2, steps: 8, learningRateDecay: 0.97, validationFraction: 0.05 });
    const run = await finished(runId);
    expect(run).toMatchObject({ status: 'SUCCEEDED', iteration: 6, totalIterations: 6, error: null });
    expect(run.checkpoints.map((c: { iteration: number }) => c.iteration)).toEqual([1, 3, 6]);
    const metrics = (await gql(app.url, RUN_METRICS_QUERY, { id: runId })).data.run.metrics as { name: string; split: string; points: { value: number }[] }[];
    const names = metrics.map((m) => `${m.split}:${m.name}`).sort();
    expect(names).toEqual([
      'TRAIN:crossEntropy', 'TRAIN:orthonormalityLoss', 'TRAIN:stepMs', 'TRAIN:timePerIter', 'TRAIN:totalLoss', 'TRAIN:weightedOrthonormalityLoss',
      'VALIDATION:bitsPerChar', 'VALIDATION:crossEntropy', 'VALIDATION:evalMs',
    ]);
    const ortho = metrics.find((m) => m.name === 'orthonormalityLoss')!.points[0].value;
    const weighted = metrics.find((m) => m.name === 'weightedOrthonormalityLoss')!.points[0].value;
    expect(weighted).toBeCloseTo(1e-4 * ortho, 6);
  });

  it('sampleText(runId, "The ", length 80, randomSeed 9): 80 characters from the seed, the same text twice', async () => {
    const variables = { runId, seed: 'The ', length: 80, randomSeed: 9 };
    const first = await gql(app.url, SAMPLE_TEXT_QUERY, variables);
    expect(first.errors).toBeUndefined();
    const text: string = first.data.sampleText;
    expect([...text].length).toBe(80);
    expect(text.startsWith('The ')).toBe(true);
    expect((await gql(app.url, SAMPLE_TEXT_QUERY, variables)).data.sampleText).toBe(text);
  });

  it('sampleText with a character outside the vocabulary: BAD_USER_INPUT on seed; unknown run: NOT_FOUND', async () => {
    const bad = await gql(app.url, SAMPLE_TEXT_QUERY, { runId, seed: 'Zarathustra ☃' });
    expect(bad.errors?.[0].extensions, JSON.stringify(bad.errors)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'seed' });
    expect(bad.errors?.[0].message).toContain('"☃"');
    const missing = await gql(app.url, SAMPLE_TEXT_QUERY, { runId: 'nope', seed: 'a' });
    expect(missing.errors?.[0].extensions).toMatchObject({ code: 'NOT_FOUND' });
    const tooLong = await gql(app.url, SAMPLE_TEXT_QUERY, { runId, seed: 'a', length: 0 });
    expect(tooLong.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'length' });
  });

  it('fields of the other kind: CHAR_RNN with mode, CNN with hiddenSize → BAD_USER_INPUT naming the field', async () => {
    const withMode = await gql(app.url, START_RUN_MUTATION, { input: { ...TINY_CHAR_RNN, mode: 'PENALTY' } });
    expect(withMode.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'mode' });
    const cnn = await gql(app.url, START_RUN_MUTATION, { input: { kind: 'CNN', dataset: 'cifar10', hiddenSize: 64 } });
    expect(cnn.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'hiddenSize' });
    const cell = await gql(app.url, START_RUN_MUTATION, { input: { ...TINY_CHAR_RNN, dataset: 'shakespeare' } });
    expect(cell.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'dataset' });
  });

  it('startSweep CHAR_RNN on the embedded brown corpus, orthoWeights [1e-3, 0]: two runs that SUCCEED with their λ', async () => {
    const base = { kind: 'CHAR_RNN', dataset: 'brown', cell: 'RNN', embeddingSize: 4, hiddenSize: 8, batchSize: 4, maxIterations: 2, evalEvery: 2, evalLimit: 1 };
    const sweep = await gql(app.url, START_SWEEP_MUTATION, { input: { name: 'brown', base, orthoWeights: [1e-3, 0] } });
    expect(sweep.errors).toBeUndefined();
    const runs = sweep.data.startSweep.runs as ApiRun[];
    expect(runs.map((r) => [r.name, r.config.orthoWeight, r.config.mode])).toEqual([['brown λ=0.001', 1e-3, undefined], ['brown λ=0', 0, undefined]]);
    for (const r of runs) expect(await finished(r.id)).toMatchObject({ status: 'SUCCEEDED', iteration: 2 });
    const householder = await gql(app.url, START_SWEEP_MUTATION, { input: { base, orthoWeights: [0], includeHouseholder: true } });
    expect(householder.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'includeHouseholder' });
  });

  it('scripts/char-rnn-sweep.ts λ = 1e-3, 0 on nietzsche, 2 iterations: prints both results and samples, exits 0', async () => {
    const script = fileURLToPath(new URL('../scripts/char-rnn-sweep.ts', import.meta.url));
    const { stdout } = await promisify(execFile)('npx', ['tsx', script, '--url', app.url, '--ortho-weights', '1e-3,0', '--cell', 'rnn',
      '--embedding-size', '4', '--hidden-size', '8', '--batch-size', '4', '--max-iterations', '2', '--eval-every', '2', '--eval-limit', '1', '--poll-ms', '300'],
    { timeout: 150_000 });
    const done = stdout.split('\n').filter((line) => line.startsWith('DONE '));
    expect(done).toHaveLength(2);
    expect(done.every((line) => line.includes(': SUCCEEDED at iteration 2') && /validation bits\/char \d/.test(line))).toBe(true);
    const samples = stdout.split('\n').filter((line) => line.startsWith('SAMPLE '));
    expect(samples).toHaveLength(2);
    expect(samples[0]).toContain('"ethics is a basic foundation of all that');
  });
});
