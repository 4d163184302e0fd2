import { RUN_METRICS_QUERY, RUN_QUERY, SEGMENTATION_PREVIEWS_QUERY, START_RUN_MUTATION, type ApiRun } from '@orthoscope/shared';
import { execFile } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { PNG } from 'pngjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gql, removeHomes, startTestApp, waitFor, type TestApp } from './app.test-helper';

/** A segmentation run small enough for CI: a few wasm steps on 32 px crops of the real ISBI-2012 sample. */
const TINY_SEGMENTATION = { kind: 'SEGMENTATION', dataset: 'isbi2012-membrane', imageSize: 32, batchSize: 2, baseChannels: 4, maxIterations: 4, evalEvery: 2, evalLimit: 2 };

let app: TestApp;
beforeAll(async () => { app = await startTestApp(); });
afterAll(async () => { await app?.stop(); removeHomes(); });

async function finished(id: string): Promise<ApiRun & Record<string, any>> {
  return waitFor(`run ${id} to finish`, async () => {
    const r = (await gql(app.url, RUN_QUERY, { id })).data.run;
    return ['QUEUED', 'RUNNING'].includes(r.status) ? undefined : r;
  });
}

describe('SEGMENTATION over the API', () => {
  let runId = '';

  it('startRun SEGMENTATION on isbi2012-membrane (penalty λ=1, 32 px, 4 iterations): SUCCEEDED with its metrics and 3 checkpoints', async () => {
    const started = await gql(app.url, START_RUN_MUTATION, { input: { ...TINY_SEGMENTATION, mode: 'PENALTY', orthoWeight: 1, fit: 'RESIZE' } });
    expect(started.errors).toBeUndefined();
    const id = started.data.startRun.id;
    runId = id;
    expect(started.data.startRun).toMatchObject({ kind: 'SEGMENTATION', name: 'segmentation isbi2012-membrane penalty λ=1' });
    expect(started.data.startRun.config).toMatchObject({ kind: 'segmentation', imageSize: 32, fit: 'resize', baseChannels: 4, depth: 2, numClasses: null });
    const run = await finished(id);
    expect(run).toMatchObject({ status: 'SUCCEEDED', iteration: 4, totalIterations: 4, error: null });
    expect(run.checkpoints.map((c: { iteration: number }) => c.iteration)).toEqual([1, 2, 4]);
    const metrics = (await gql(app.url, RUN_METRICS_QUERY, { id })).data.run.metrics as { name: string; split: string; points: { value: number }[] }[];
    expect(metrics.map((m) => `${m.split}:${m.name}`).sort()).toEqual([
      'TRAIN:crossEntropy', 'TRAIN:meanIoU', 'TRAIN:orthoLoss', 'TRAIN:pixelAccuracy', 'TRAIN:stepMs', 'TRAIN:timePerIter', 'TRAIN:totalLoss', 'TRAIN:weightedOrthoLoss',
      'VALIDATION:crossEntropy', 'VALIDATION:evalMs', 'VALIDATION:meanIoU', 'VALIDATION:pixelAccuracy',
    ]);
    const series = (name: string, split = 'TRAIN') => metrics.find((m) => m.name === name && m.split === split)!.points.map((p) => p.value);
    expect(series('orthoLoss')).toHaveLength(4);
    expect(series('weightedOrthoLoss')[0]).toBeCloseTo(series('orthoLoss')[0], 4);
    for (const v of series('meanIoU', 'VALIDATION')) expect(v).toBeGreaterThan(0);
  });

  it('segmentationPreviews: latest checkpoint (4) holds 2 previews of 32×32 PNGs; iteration 2 too; iteration 3 → BAD_USER_INPUT; unknown run → NOT_FOUND', async () => {
    const latest = await gql(app.url, SEGMENTATION_PREVIEWS_QUERY, { runId });
    expect(latest.errors).toBeUndefined();
    const { iteration, previews } = latest.data.segmentationPreviews;
    expect(iteration).toBe(4);
    // evalLimit 2 < previewCount 3: one preview per evaluated validation image.
    expect(previews).toHaveLength(2);
    for (const url of [previews[0].image, previews[0].trueMask, previews[1].predictedMask]) {
      expect(url.startsWith('data:image/png;base64,')).toBe(true);
      const png = PNG.sync.read(Buffer.from(url.slice('data:image/png;base64,'.length), 'base64'));
      expect([png.width, png.height]).toEqual([32, 32]);
    }
    const second = await gql(app.url, SEGMENTATION_PREVIEWS_QUERY, { runId, iteration: 2 });
    expect(second.data.segmentationPreviews.iteration).toBe(2);
    const none = await gql(app.url, SEGMENTATION_PREVIEWS_QUERY, { runId, iteration: 3 });
    expect(none.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'iteration' });
    const missing = await gql(app.url, SEGMENTATION_PREVIEWS_QUERY, { runId: 'nope' });
    expect(missing.errors?.[0].extensions).toMatchObject({ code: 'NOT_FOUND' });
  });

  it('fields of another kind: SEGMENTATION with cell, CNN with imageSize → BAD_USER_INPUT naming the field; bad imageSize names it', async () => {
    const withCell = await gql(app.url, START_RUN_MUTATION, { input: { ...TINY_SEGMENTATION, cell: 'GRU' } });
    expect(withCell.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'cell' });
    const cnn = await gql(app.url, START_RUN_MUTATION, { input: { kind: 'CNN', dataset: 'cifar10', imageSize: 64 } });
    expect(cnn.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'imageSize' });
    const size = await gql(app.url, START_RUN_MUTATION, { input: { ...TINY_SEGMENTATION, imageSize: 30 } });
    expect(size.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'imageSize' });
    const dataset = await gql(app.url, START_RUN_MUTATION, { input: { ...TINY_SEGMENTATION, dataset: 'cifar10' } });
    expect(dataset.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'dataset' });
  });

  it('scripts/segmentation-sweep.ts λ = 0, 1 + householder, 2 iterations: three runs SUCCEED, previews saved as PNGs, exits 0', async () => {
    const out = join(app.home, 'previews');
    const script = fileURLToPath(new URL('../scripts/segmentation-sweep.ts', import.meta.url));
    const { stdout } = await promisify(execFile)('npx', ['tsx', script, '--url', app.url, '--ortho-weights', '0,1', '--image-size', '32',
      '--batch-size', '2', '--base-channels', '4', '--max-iterations', '2', '--eval-every', '2', '--eval-limit', '1', '--out', out, '--poll-ms', '300'],
    { timeout: 170_000 });
    const done = stdout.split('\n').filter((line) => line.startsWith('DONE '));
    expect(done.map((line) => line.slice(5, line.indexOf(':')))).toEqual([
      'segmentation isbi2012-membrane λ=0', 'segmentation isbi2012-membrane λ=1', 'segmentation isbi2012-membrane householder',
    ]);
    expect(done.every((line) => line.includes(': SUCCEEDED at iteration 2') && /validation mean IoU 0\.\d/.test(line))).toBe(true);
    const previews = stdout.split('\n').filter((line) => line.startsWith('PREVIEWS '));
    expect(previews).toHaveLength(3);
    const dir = previews[2].slice(previews[2].indexOf(' in ') + 4);
    expect(readdirSync(dir).sort()).toEqual(['0-image.png', '0-predictedMask.png', '0-trueMask.png']);
    expect(PNG.sync.read(readFileSync(join(dir, '0-predictedMask.png'))).width).toBe(32);
  });
});
