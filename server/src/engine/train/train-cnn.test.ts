import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as tf from '@tensorflow/tfjs';
import { resolveCnnConfig, type TrainEvent } from '@orthoscope/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { initBackend } from '../backend';
import { SHARED_DATA } from '../data/cifar-fixtures.test-helper';
import { loadCifar, type CifarData } from '../data/cifar';
import { evaluateCnnCheckpoint, trainCnn } from './train-cnn';

let data: CifarData;
let root: string;
beforeAll(async () => {
  await initBackend('wasm');
  data = await loadCifar(SHARED_DATA, 'cifar10');
  root = await mkdtemp(join(tmpdir(), 'train-cnn-'));
});
afterAll(() => rm(root, { recursive: true, force: true }));

type TrainOf<T extends TrainEvent['type']> = Extract<TrainEvent, { type: T }>;

async function run(overrides: Parameters<typeof resolveCnnConfig>[0], hooks: Partial<Parameters<typeof trainCnn>[2]> = {}) {
  const events: TrainEvent[] = [];
  const tensorCounts: number[] = [];
  await trainCnn(resolveCnnConfig({ batchSize: 16, epochs: 1, evalLimit: 50, ...overrides }), data, {
    onEvent: (e) => {
      events.push(e);
      if (e.type === 'train') tensorCounts.push(tf.memory().numTensors);
    },
    ...hooks,
  });
  const of = <T extends TrainEvent['type']>(type: T) => events.filter((e): e is TrainOf<T> => e.type === type);
  return { events, of, tensorCounts };
}

describe('trainCnn', () => {
  it('householder λ-free, 12 steps of 16 on the real sample (wasm): loss falls, metrics have SPEC names, tensor count flat', async () => {
    const before = tf.memory().numTensors;
    const { events, of, tensorCounts } = await run({ mode: 'householder', maxIterations: 12, evalEvery: 6, learningRate: 2e-3 });
    expect(events[0]).toMatchObject({ type: 'start', backend: 'wasm', iteration: 0, totalIterations: 12 });
    const train = of('train');
    expect(train.map((e) => e.iteration)).toEqual(Array.from({ length: 12 }, (_, i) => i + 1));
    expect(Object.keys(train[0].metrics).sort()).toEqual(
      ['accuracy', 'crossEntropy', 'orthoLoss', 'stepMs', 'timePerIter', 'totalLoss', 'weightedOrthoLoss'],
    );
    const ce = train.map((e) => e.metrics.crossEntropy);
    const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
    expect(mean(ce.slice(-4)), ce.join(', ')).toBeLessThan(mean(ce.slice(0, 4)));
    for (const e of train) expect(e.metrics.orthoLoss).toBeLessThan(0.05); // element scales start at 1, drift slowly
    expect(new Set(tensorCounts).size, tensorCounts.join(',')).toBe(1);
    expect(of('eval').map((e) => e.iteration)).toEqual([1, 6, 12]);
    expect(Object.keys(of('eval')[0].metrics).sort()).toEqual(['accuracy', 'crossEntropy', 'evalMs']);
    expect(events.at(-1)).toEqual({ type: 'done', iteration: 12, reason: 'completed' });
    expect(tf.memory().numTensors).toBe(before);
  });

  it('penalty λ=1: weightedOrthoLoss = λ·orthoLoss, totalLoss = crossEntropy + weighted, orthoLoss falls from ≈38', async () => {
    const { of } = await run({ mode: 'penalty', orthoWeight: 1, maxIterations: 4, learningRate: 3e-3 });
    const m = of('train').map((e) => e.metrics);
    expect(m[0].orthoLoss).toBeGreaterThan(35);
    expect(m[3].orthoLoss).toBeLessThan(m[0].orthoLoss);
    for (const x of m) {
      expect(x.weightedOrthoLoss).toBeCloseTo(x.orthoLoss, 4);
      expect(x.totalLoss).toBeCloseTo(x.crossEntropy + x.weightedOrthoLoss, 4);
    }
  });

  it('shouldStop after 2 iterations: done.reason = stopped at iteration 2', async () => {
    const events: TrainEvent[] = [];
    await trainCnn(resolveCnnConfig({ batchSize: 16, maxIterations: 10, evalLimit: 50 }), data, {
      onEvent: (e) => events.push(e),
      shouldStop: () => events.filter((e) => e.type === 'train').length >= 2,
    });
    expect(events.filter((e) => e.type === 'train')).toHaveLength(2);
    expect(events.at(-1)).toEqual({ type: 'done', iteration: 2, reason: 'stopped' });
  });

  it('checkpoints at 1, 2, 4: only iter-4 keeps Adam state; resumed from it to 6 equals an uninterrupted run; iter-2 cannot resume; checkpoint evaluates like its eval event', async () => {
    const config = { mode: 'penalty' as const, orthoWeight: 0.1, maxIterations: 6, evalEvery: 2 };
    const full = await run(config);
    const dir = join(root, 'ck');
    const first = await run({ ...config, maxIterations: 4 }, { checkpointDir: dir });
    expect((await readdir(dir)).sort()).toEqual(['iter-1', 'iter-2', 'iter-4']);
    expect(first.of('checkpoint').map((e) => e.path)).toEqual([join(dir, 'iter-1'), join(dir, 'iter-2'), join(dir, 'iter-4')]);
    expect((await readdir(join(dir, 'iter-2'))).sort()).toEqual(['config.json', 'manifest.json', 'weights.bin']);
    expect((await readdir(join(dir, 'iter-4'))).sort()).toEqual(['config.json', 'manifest.json', 'optimizer.bin', 'weights.bin']);
    await expect(run(config, { resumeFrom: join(dir, 'iter-2') })).rejects.toThrow(`weights-only checkpoint — only the newest checkpoint of a run keeps the optimizer (Adam) state that resuming needs (dropped when iter-4 was written); resume from ${join(dir, 'iter-4')}`);
    const resumed = await run(config, { resumeFrom: join(dir, 'iter-4') });
    expect(resumed.events[0]).toMatchObject({ type: 'start', iteration: 4, totalIterations: 6 });
    expect(resumed.of('train').map((e) => e.iteration)).toEqual([5, 6]);
    const fullLast = full.of('train').slice(4).map((e) => e.metrics.totalLoss);
    const resumedLast = resumed.of('train').map((e) => e.metrics.totalLoss);
    for (let i = 0; i < 2; i++) expect(resumedLast[i]).toBeCloseTo(fullLast[i], 4);

    const evalAt4 = first.of('eval').find((e) => e.iteration === 4)!.metrics;
    const fromCheckpoint = await evaluateCnnCheckpoint(join(dir, 'iter-4'), data, 50);
    expect(fromCheckpoint.crossEntropy).toBeCloseTo(evalAt4.crossEntropy, 5);
    expect(fromCheckpoint.accuracy).toBe(evalAt4.accuracy);
  });

  it('workers 2, penalty λ=0.1, 3 steps of 32: the same losses and evaluation as workers 1 within float32 rounding; workers 0 is an error', async () => {
    const settings = { mode: 'penalty', orthoWeight: 0.1, batchSize: 32, maxIterations: 3, evalEvery: 3 } as const;
    const one = await run(settings);
    const two = await run(settings, { workers: 2 });
    const [a, b] = [one.of('train'), two.of('train')];
    expect(b).toHaveLength(3);
    a.forEach((e, i) => {
      for (const k of ['crossEntropy', 'accuracy', 'orthoLoss', 'totalLoss'] as const) expect(b[i].metrics[k]).toBeCloseTo(e.metrics[k], 4);
    });
    expect(two.of('eval').at(-1)!.metrics.crossEntropy).toBeCloseTo(one.of('eval').at(-1)!.metrics.crossEntropy, 4);
    await expect(run(settings, { workers: 0 })).rejects.toThrow('workers: expected an integer ≥ 1, got 0');
  });
});
