import { existsSync } from 'node:fs';
import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import * as tf from '@tensorflow/tfjs';
import type { TrainEvent, TrainStepEvent } from '@orthoscope/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { initBackend } from '../backend';
import { cutStreams, splitHeldOutTail } from '../data/text-batches';
import { loadTextDataset } from '../data/text-dataset';
import { encodeText } from '../data/text-vocabulary';
import { disposeCharRnn, meanCrossEntropy, runCharRnn, zeroCharRnnState } from '../models/char-rnn';
import { loadCharRnnCheckpoint } from '../models/char-rnn-checkpoint';
import { sampleText } from '../models/char-rnn-sample';
import { toTimeMajor } from './train-char-rnn-step';
import { trainCharRnn } from './train-char-rnn';

// The shared real data sits beside the repository: <repo root>/../shared/data.
const SHARED_DATA = resolve(import.meta.dirname, '../../../../../shared/data');
const SMALL = { dataset: 'nietzsche', embeddingSize: 16, hiddenSize: 32, batchSize: 16, steps: 8, evalLimit: 8 };

let dir: string;
beforeAll(async () => {
  await initBackend('wasm');
  dir = await mkdtemp(join(tmpdir(), 'orthoscope-charrnn-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

function recorder() {
  const events: TrainEvent[] = [];
  return { events, onEvent: (event: TrainEvent) => void events.push(event) };
}

describe('trainCharRnn', () => {
  const checkpoints = () => join(dir, 'run');
  let trained: TrainEvent[] = [];

  it('nietzsche, lstm 2×32, batch 16, 60 iterations on wasm: cross-entropy and validation bits per char fall', async () => {
    const { events, onEvent } = recorder();
    const tensorsBefore = tf.memory().numTensors;
    const result = await trainCharRnn({ ...SMALL, maxIterations: 60, evalEvery: 30 }, { dataRoot: SHARED_DATA }, { onEvent, checkpointDir: checkpoints() });
    trained = events;
    expect(result).toMatchObject({ iteration: 60, reason: 'completed' });
    expect(events[0]).toMatchObject({ type: 'start', backend: 'wasm', iteration: 0, totalIterations: 60 });
    expect(events.map((e) => e.type).filter((t) => t !== 'train')).toEqual(['start', 'eval', 'checkpoint', 'eval', 'checkpoint', 'eval', 'checkpoint', 'done']);
    const steps = events.filter((e): e is TrainStepEvent => e.type === 'train');
    expect(steps.map((e) => e.iteration)).toEqual(Array.from({ length: 60 }, (_, i) => i + 1));
    expect(Object.keys(steps[0].metrics).sort()).toEqual(['crossEntropy', 'orthonormalityLoss', 'stepMs', 'timePerIter', 'totalLoss', 'weightedOrthonormalityLoss']);
    const ce = steps.map((e) => e.metrics.crossEntropy);
    const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
    // ln(vocabulary ≈ 85) ≈ 4.4 at the start; a char model learns letter frequencies within tens of steps.
    expect(mean(ce.slice(0, 5))).toBeGreaterThan(4.2);
    expect(mean(ce.slice(-10))).toBeLessThan(mean(ce.slice(0, 5)) - 0.8);
    const evals = events.filter((e) => e.type === 'eval');
    expect(evals.map((e) => e.iteration)).toEqual([1, 30, 60]);
    expect(evals[2].metrics.bitsPerChar).toBeLessThan(evals[0].metrics.bitsPerChar - 1);
    expect(evals[2].metrics.bitsPerChar).toBeCloseTo(evals[2].metrics.crossEntropy / Math.LN2, 6);
    expect(steps.every((e) => e.metrics.orthonormalityLoss > 0 && e.metrics.weightedOrthonormalityLoss === 0)).toBe(true);
    expect(tf.memory().numTensors).toBe(tensorsBefore);
  });

  it('the checkpoint at iteration 60 samples the same 100 characters twice for rngSeed 5', async () => {
    const path = join(checkpoints(), 'iter-60');
    expect(trained.some((e) => e.type === 'checkpoint' && e.path === path)).toBe(true);
    const a = await sampleText(path, 'The ', { length: 100, rngSeed: 5 });
    const b = await sampleText(path, 'The ', { length: 100, rngSeed: 5 });
    expect(a).toBe(b);
    expect([...a].length).toBe(100);
    expect(a.startsWith('The ')).toBe(true);
  });

  it('only iter-60 (newest) kept Adam state: resumeFrom iter-30 is an Error naming iter-60', async () => {
    expect(['iter-1', 'iter-30', 'iter-60'].map((name) => existsSync(join(checkpoints(), name, 'optimizer.bin')))).toEqual([false, false, true]);
    await expect(trainCharRnn({ ...SMALL, maxIterations: 63 }, { dataRoot: SHARED_DATA }, { ...recorder(), resumeFrom: join(checkpoints(), 'iter-30') }))
      .rejects.toThrow(`weights-only checkpoint — only the newest checkpoint of a run keeps the optimizer (Adam) state that resuming needs (dropped when iter-60 was written); resume from ${join(checkpoints(), 'iter-60')}`);
  });

  it('resumeFrom iter-60 with maxIterations 63: starts at 60 and continues with iterations 61–63', async () => {
    const { events, onEvent } = recorder();
    await trainCharRnn({ ...SMALL, maxIterations: 63, evalEvery: 30 }, { dataRoot: SHARED_DATA }, { onEvent, resumeFrom: join(checkpoints(), 'iter-60') });
    expect(events[0]).toMatchObject({ type: 'start', iteration: 60, totalIterations: 63 });
    const steps = events.filter((e): e is TrainStepEvent => e.type === 'train');
    expect(steps.map((e) => e.iteration)).toEqual([61, 62, 63]);
    // Exactly the checkpoint's weights on batch 60 from the zero state (the carried state is not
    // part of a checkpoint: a resumed run restarts it, as at an epoch start).
    const loaded = await loadCharRnnCheckpoint(join(checkpoints(), 'iter-60'));
    const text = (await loadTextDataset('nietzsche', SHARED_DATA)).text;
    const { train } = splitHeldOutTail(encodeText(loaded.vocabulary, text), 0.05);
    const batch = cutStreams(train, 16, 8).batchAt(60);
    const expected = tf.tidy(() => {
      const out = runCharRnn(loaded.model, tf.tensor1d(toTimeMajor(batch.inputs, 16, 8), 'int32'), 8, zeroCharRnnState(loaded.model, 16));
      return meanCrossEntropy(out.logits, tf.tensor1d(toTimeMajor(batch.targets, 16, 8), 'int32')).dataSync()[0];
    });
    disposeCharRnn(loaded.model);
    expect(steps[0].metrics.crossEntropy).toBeCloseTo(expected, 5);
    // and far below a fresh model's (≈ ln 85)
    const first = trained.find((e): e is TrainStepEvent => e.type === 'train' && e.iteration === 1)!;
    expect(steps[2].metrics.crossEntropy).toBeLessThan(first.metrics.crossEntropy - 0.4);
  });

  it('shouldStop after 3 iterations: done with reason stopped at iteration 3', async () => {
    const { events, onEvent } = recorder();
    let polls = 0;
    await trainCharRnn({ ...SMALL, cell: 'gru', maxIterations: 50 }, { dataRoot: SHARED_DATA }, { onEvent, shouldStop: () => ++polls > 3 });
    expect(events.at(-1)).toEqual({ type: 'done', iteration: 3, reason: 'stopped' });
  });

  it('a tiny corpus over 3 epochs: epoch numbers in the events advance 1 → 3 and every epoch has the same step count', async () => {
    const root = join(dir, 'tiny-root');
    await mkdir(join(root, 'text'), { recursive: true });
    await writeFile(join(root, 'text', 'tiny.txt'), 'abcdefghij'.repeat(40));
    const { events, onEvent } = recorder();
    await trainCharRnn({ dataset: 'tiny', cell: 'rnn', embeddingSize: 4, hiddenSize: 8, batchSize: 4, steps: 5, epochs: 3, validationFraction: 0.1 }, { dataRoot: root }, { onEvent });
    const epochs = events.filter((e): e is TrainStepEvent => e.type === 'train').map((e) => e.epoch);
    // 360 training characters: (360 − 1) / (4 · 5) → 17 steps per epoch.
    expect(epochs.length).toBe(51);
    expect([1, 2, 3].map((k) => epochs.filter((e) => e === k).length)).toEqual([17, 17, 17]);
  });

  it('a dataset that does not exist: error naming the expected file', async () => {
    await expect(trainCharRnn({ dataset: 'missing' }, { dataRoot: SHARED_DATA }, recorder())).rejects.toThrow(join(SHARED_DATA, 'text', 'missing.txt'));
  });
});
