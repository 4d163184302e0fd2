import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import * as tf from '@tensorflow/tfjs';
import { PNG } from 'pngjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SEGMENTATION_EVAL_METRICS, SEGMENTATION_TRAIN_METRICS, resolveSegmentationConfig, type TrainEvent, type SegmentationConfig } from '@orthoscope/shared';
import { initBackend } from '../backend';
import { trainSegmentation } from './train-segmentation';

// The shared real data sits beside the repository: <repo root>/../shared/data.
const SHARED_DATA = resolve(import.meta.dirname, '../../../../../shared/data');
const checkpointRoot = mkdtempSync(join(tmpdir(), 'orthoscope-seg-train-'));

beforeAll(async () => {
  await initBackend('wasm');
});
afterAll(() => rmSync(checkpointRoot, { recursive: true, force: true }));

const small = (over: Partial<SegmentationConfig>) =>
  resolveSegmentationConfig({ imageSize: 64, batchSize: 4, baseChannels: 8, evalEvery: 8, ...over });

async function run(config: SegmentationConfig, checkpointDir?: string, shouldStop?: () => boolean) {
  const events: TrainEvent[] = [];
  const tensors: number[] = [];
  await trainSegmentation(config, { dataRoot: SHARED_DATA }, {
    checkpointDir,
    shouldStop,
    onEvent: (e) => {
      events.push(e);
      if (e.type === 'train') tensors.push(tf.memory().numTensors);
    },
  });
  const train = events.filter((e) => e.type === 'train').map((e) => e.metrics);
  return { events, tensors, train };
}

describe('trainSegmentation', () => {
  it('isbi2012-membrane 64 px, batch 4, 24 baseline steps on wasm: loss falls, evals at 1/8/16/24 with previews, flat tensor count', async () => {
    const dir = join(checkpointRoot, 'baseline');
    const { events, tensors, train } = await run(small({ maxIterations: 24, learningRate: 3e-3 }), dir);
    expect(events[0].type).toBe('start');
    expect(events.at(-1)).toEqual({ type: 'done', iteration: 24, reason: 'completed' });
    expect(train.length).toBe(24);
    expect(Object.keys(train[0]).sort()).toEqual([...SEGMENTATION_TRAIN_METRICS].sort());
    const evals = events.filter((e) => e.type === 'eval');
    expect(evals.map((e) => e.iteration)).toEqual([1, 8, 16, 24]);
    expect(Object.keys(evals[0].metrics).sort()).toEqual([...SEGMENTATION_EVAL_METRICS].sort());

    const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
    // Per-batch CE is noisy (random crops): compare the means of the first and last 8 steps.
    const first = mean(train.slice(0, 8).map((m) => m.crossEntropy));
    const last = mean(train.slice(-8).map((m) => m.crossEntropy));
    expect(last).toBeLessThan(first * 0.85);
    expect(evals.at(-1)!.metrics.crossEntropy).toBeLessThan(evals[0].metrics.crossEntropy);
    for (const m of train) {
      expect(m.pixelAccuracy).toBeGreaterThanOrEqual(0);
      expect(m.pixelAccuracy).toBeLessThanOrEqual(1);
      expect(m.meanIoU).toBeGreaterThanOrEqual(0);
      expect(m.meanIoU).toBeLessThanOrEqual(1);
      expect(m.stepMs).toBeGreaterThan(0);
    }
    // Baseline: the penalty is measured (a few dozen at init) but not weighted.
    expect(train[0].orthoLoss).toBeGreaterThan(5);
    expect(train[0].weightedOrthoLoss).toBe(0);
    expect(new Set(tensors.slice(1))).toEqual(new Set([tensors[1]]));

    const checkpoints = events.filter((e) => e.type === 'checkpoint');
    expect(checkpoints.map((e) => e.iteration)).toEqual([1, 8, 16, 24]);
    const previews = checkpoints.at(-1)!.previews!;
    expect(previews.length).toBe(3);
    for (const p of [previews[0].image, previews[0].trueMask, previews[0].predictedMask]) {
      expect(existsSync(p)).toBe(true);
      const png = PNG.sync.read(readFileSync(p));
      expect([png.width, png.height]).toEqual([64, 64]);
    }
  });

  it('penalty λ=1, 4 steps: orthoLoss falls and weightedOrthoLoss = λ·orthoLoss', async () => {
    const { train } = await run(small({ mode: 'penalty', orthoWeight: 1, maxIterations: 4, evalEvery: 100, learningRate: 3e-3 }));
    expect(train[3].orthoLoss).toBeLessThan(train[0].orthoLoss * 0.9);
    for (const m of train) {
      expect(m.weightedOrthoLoss).toBeCloseTo(m.orthoLoss, 5);
      expect(m.totalLoss).toBeCloseTo(m.crossEntropy + m.orthoLoss, 5);
    }
  });

  it('householder (first conv row-wise, m′=10 < 16), scale none, 2 steps: orthoLoss stays ≈ 0', async () => {
    const { train } = await run(small({ mode: 'householder', householderScale: 'none', maxIterations: 2, evalEvery: 100, baseChannels: 16 }));
    for (const m of train) {
      expect(m.orthoLoss).toBeLessThan(1e-5);
      expect(Number.isFinite(m.crossEntropy)).toBe(true);
    }
  });

  it('resume from iter-2 (newest of a run stopped at 2): steps 3 and 4 repeat the uninterrupted run; only iter-2 kept Adam state', async () => {
    const dir = join(checkpointRoot, 'resume');
    const config = small({ maxIterations: 4, evalEvery: 1, previewCount: 1 });
    const full = await run(config);
    await run({ ...config, maxIterations: 2 }, dir);
    expect(existsSync(join(dir, 'iter-2', 'manifest.json'))).toBe(true);
    expect(existsSync(join(dir, 'iter-2', 'preview-0-pred.png'))).toBe(true);
    expect(existsSync(join(dir, 'iter-1', 'preview-0-pred.png'))).toBe(true);
    expect([1, 2].map((n) => existsSync(join(dir, `iter-${n}`, 'optimizer.bin')))).toEqual([false, true]);
    const events: TrainEvent[] = [];
    await trainSegmentation(config, { dataRoot: SHARED_DATA }, { resumeFrom: join(dir, 'iter-2'), onEvent: (e) => events.push(e) });
    expect(events[0]).toMatchObject({ type: 'start', iteration: 2, totalIterations: 4 });
    const resumed = events.filter((e) => e.type === 'train');
    expect(resumed.map((e) => e.iteration)).toEqual([3, 4]);
    for (const [k, e] of resumed.entries()) {
      expect(e.metrics.crossEntropy).toBeCloseTo(full.train[2 + k].crossEntropy, 4);
      expect(e.metrics.orthoLoss).toBeCloseTo(full.train[2 + k].orthoLoss, 3);
    }
  });

  it('shouldStop true after 2 steps: done reason stopped at iteration 2', async () => {
    let steps = 0;
    const { events } = await run(small({ maxIterations: 10, evalEvery: 100 }), undefined, () => steps++ >= 2);
    expect(events.at(-1)).toEqual({ type: 'done', iteration: 2, reason: 'stopped' });
    expect(events.filter((e) => e.type === 'checkpoint').length).toBe(0);
  });

  it('unknown dataset: DataFileError naming the folder, no events', async () => {
    const events: TrainEvent[] = [];
    await expect(trainSegmentation(small({ dataset: 'nope' }), { dataRoot: SHARED_DATA }, { onEvent: (e) => events.push(e) }))
      .rejects.toThrow(/segmentation\/nope/);
    expect(events).toEqual([]);
  });
});
