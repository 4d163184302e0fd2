import * as tf from '@tensorflow/tfjs';
import { cifarBatch, type CifarSplit } from '../data/cifar';
import type { CifarCnn } from '../models/cifar-cnn';

/** SPEC §3 per-iteration loss metrics, in the order {@link cnnTrainStep} returns them. */
export const CNN_STEP_TERMS = ['crossEntropy', 'accuracy', 'orthoLoss', 'weightedOrthoLoss', 'totalLoss'] as const;

/**
 * One Adam step on the records `indices` of `split`; returns the five SPEC terms of the batch
 * (measured before the update) with a single readback. Creates no tensor that outlives the step.
 */
export async function cnnTrainStep(
  model: CifarCnn,
  optimizer: tf.Optimizer,
  variables: tf.Variable[],
  split: CifarSplit,
  indices: ArrayLike<number>,
  orthoWeight: number,
): Promise<Record<(typeof CNN_STEP_TERMS)[number], number>> {
  const { x, y } = cifarBatch(split, indices);
  let packed: tf.Tensor | undefined;
  const { value, grads } = optimizer.computeGradients(() => {
    const terms = model.loss(x, y, orthoWeight);
    packed = tf.keep(tf.stack(CNN_STEP_TERMS.map((k) => terms[k])));
    return terms.totalLoss;
  }, variables);
  // The array form makes Adam keep its moments in `variables` order (checkpoints rely on it).
  optimizer.applyGradients(variables.map((v) => ({ name: v.name, tensor: grads[v.name] })));
  tf.dispose([x, y, value, ...Object.values(grads)]);
  const values = await packed!.data();
  packed!.dispose();
  return Object.fromEntries(CNN_STEP_TERMS.map((k, i) => [k, values[i]])) as Record<(typeof CNN_STEP_TERMS)[number], number>;
}
