import * as tf from '@tensorflow/tfjs';
import { SEGMENTATION_DEFAULTS, type ConvMode, type SegmentationConfig } from '@orthoscope/shared';
import { segmentationBatch } from '../engine/data/segmentation-batches';
import type { SegmentationSample } from '../engine/data/segmentation-dataset';
import { SegmentationNet } from '../engine/models/segmentation-net';
import { createRng } from '../engine/random';
import { segmentationTrainStep } from '../engine/train/segmentation-step';

/** One timed segmentation workload: `step` is one SPEC §5 training iteration (crop, forward, backward, Adam, readback). */
export interface SegmentationBenchCase {
  name: string;
  step(): Promise<void>;
  dispose(): void;
}

/**
 * The segmentation U-Net at its defaults (128 px crops, batch 8, base 16 channels, depth 2, 2
 * classes) in `mode` on seeded random grey 256×256 images and masks — the batch size is the
 * segmentation default, not the CNN's --batch-size. Penalty mode uses λ = 0.1 as the CNN case does.
 */
export function segmentationBenchCase(mode: ConvMode = 'baseline', overrides: Partial<SegmentationConfig> = {}): SegmentationBenchCase {
  const config = { ...SEGMENTATION_DEFAULTS, mode, ...overrides };
  const rng = createRng(config.seed);
  const side = 2 * config.imageSize;
  const samples: SegmentationSample[] = Array.from({ length: config.batchSize * 2 }, (_, i) => ({
    name: `random-${i}`,
    image: { width: side, height: side, channels: 1, data: Uint8Array.from({ length: side * side }, () => rng.int(256)) },
    mask: { width: side, height: side, data: Uint16Array.from({ length: side * side }, () => rng.int(2)) },
  }));
  const net = new SegmentationNet({
    inChannels: 1, numClasses: 2, baseChannels: config.baseChannels, depth: config.depth, mode,
    activation: config.activation, householderScale: config.householderScale, seed: config.seed,
  });
  const variables = net.variables();
  const optimizer = tf.train.adam(config.learningRate);
  const orthoWeight = mode === 'penalty' ? 0.1 : 0;
  let next = 0;
  return {
    name: `segmentation-${mode}`,
    async step() {
      const indices = Int32Array.from({ length: config.batchSize }, (_, i) => (next + i) % samples.length);
      next = (next + config.batchSize) % samples.length;
      const batch = segmentationBatch(samples, indices, config.imageSize, 'random', rng.next);
      segmentationTrainStep(net, optimizer, variables, batch, 2, null, orthoWeight);
    },
    dispose() {
      optimizer.dispose();
      net.dispose();
    },
  };
}
