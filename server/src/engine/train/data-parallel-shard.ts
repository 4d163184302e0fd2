import * as tf from '@tensorflow/tfjs';
import { cifarBatch, type CifarSplit } from '../data/cifar';
import type { CifarCnn } from '../models/cifar-cnn';
import { CNN_STEP_TERMS } from './cnn-step';

/** The five SPEC terms of one shard, in {@link CNN_STEP_TERMS} order. */
export type ShardTerms = Float32Array;

/**
 * Gradients of the mean loss over the records `indices` of `split` with respect to `variables`
 * (in that order) and the shard's five SPEC terms — what one data-parallel worker contributes.
 * The caller owns the returned gradient tensors. Shards weighted by their share of the batch sum
 * to the gradient of the whole batch: cross-entropy is a mean over records and the orthogonality
 * term depends on the weights only (its weights sum to 1).
 */
export async function shardGradients(
  model: CifarCnn,
  variables: tf.Variable[],
  split: CifarSplit,
  indices: ArrayLike<number>,
  orthoWeight: number,
): Promise<{ grads: tf.Tensor[]; terms: ShardTerms }> {
  const { x, y } = cifarBatch(split, indices);
  let packed: tf.Tensor | undefined;
  const { value, grads } = tf.variableGrads(() => {
    const terms = model.loss(x, y, orthoWeight);
    packed = tf.keep(tf.stack(CNN_STEP_TERMS.map((k) => terms[k])));
    return terms.totalLoss;
  }, variables);
  tf.dispose([x, y, value]);
  const terms = new Float32Array(await packed!.data());
  packed!.dispose();
  return { grads: variables.map((v) => grads[v.name]), terms };
}
