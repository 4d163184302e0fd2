import * as tf from '@tensorflow/tfjs';
import type { CifarSplit } from '../engine/data/cifar';
import { CifarCnn } from '../engine/models/cifar-cnn';
import { createRng } from '../engine/random';
import { cnnTrainStep } from '../engine/train/cnn-step';
import { DataParallelCnnStep } from '../engine/train/data-parallel';
import type { BenchCaseName } from './bench-args';

/** One timed workload: `step` is one full training iteration (batch, forward, backward, Adam, readback). */
export interface BenchCase {
  name: BenchCaseName;
  step(): Promise<void>;
  dispose(): void;
}

/** The CNN cases (char-lstm is the SPEC §4 model: see bench-char-rnn.ts; segmentation: bench-segmentation.ts). */
export type CnnBenchCaseName = Exclude<BenchCaseName, 'char-lstm' | 'segmentation' | 'baseline-2workers'>;

const CASE_SETTINGS: Record<CnnBenchCaseName, { mode: 'baseline' | 'penalty' | 'householder'; orthoWeight: number }> = {
  baseline: { mode: 'baseline', orthoWeight: 0 },
  penalty: { mode: 'penalty', orthoWeight: 0.1 },
  householder: { mode: 'householder', orthoWeight: 0 },
};

/** The SPEC §3 network in the case's mode (seed 99, Adam 3e-4) stepping through `split` batch by batch. */
export function cnnBenchCase(name: CnnBenchCaseName, split: CifarSplit, numClasses: number, batchSize: number): BenchCase {
  const { mode, orthoWeight } = CASE_SETTINGS[name];
  const model = new CifarCnn({ numClasses, mode, seed: 99 });
  const variables = model.namedVariables().map(([, v]) => v);
  const optimizer = tf.train.adam(3e-4);
  let next = 0;
  return {
    name,
    async step() {
      const indices = Int32Array.from({ length: batchSize }, (_, i) => (next + i) % split.count);
      next = (next + batchSize) % split.count;
      await cnnTrainStep(model, optimizer, variables, split, indices, orthoWeight);
    },
    dispose() {
      model.dispose();
      optimizer.dispose();
    },
  };
}

/**
 * The baseline network stepped data-parallel over 2 threads (the main one and a helper with its own
 * wasm backend; see DataParallelCnnStep): same weights, batches and mathematics as `baseline`.
 */
export async function dataParallelBenchCase(split: CifarSplit, numClasses: number, batchSize: number): Promise<BenchCase> {
  const model = new CifarCnn({ numClasses, mode: 'baseline', seed: 99 });
  const variables = model.namedVariables().map(([, v]) => v);
  const optimizer = tf.train.adam(3e-4);
  const parallel = await DataParallelCnnStep.create({ workers: 2, numClasses, model: { mode: 'baseline', seed: 99 } });
  let next = 0;
  return {
    name: 'baseline-2workers',
    async step() {
      const indices = Int32Array.from({ length: batchSize }, (_, i) => (next + i) % split.count);
      next = (next + batchSize) % split.count;
      await parallel.step(model, optimizer, variables, split, indices, 0);
    },
    dispose() {
      model.dispose();
      optimizer.dispose();
      void parallel.dispose();
    },
  };
}

/** Seeded random CIFAR-shaped records, for benchmarking without a data root. */
export function syntheticCifarSplit(count: number, numClasses = 10, seed = 99): CifarSplit {
  const rng = createRng(seed);
  const images = new Uint8Array(count * 3072);
  for (let i = 0; i < images.length; i++) images[i] = rng.int(256);
  const labels = Uint8Array.from({ length: count }, () => rng.int(numClasses));
  return { images, labels, count };
}
