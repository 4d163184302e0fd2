import * as tf from '@tensorflow/tfjs';
import type { TextBatch } from '../data/text-batches';
import { orthonormalityLoss } from '../layers/orthonormality-loss';
import { meanCrossEntropy, runCharRnn, type CharRnnModel, type CharRnnState } from '../models/char-rnn';

/** Losses of one char-RNN training step (SPEC §4). */
export interface CharRnnStepLosses {
  crossEntropy: number;
  orthonormalityLoss: number;
  weightedOrthonormalityLoss: number;
  totalLoss: number;
}

/** Converts a `[batch, steps]` row-major batch to the model's time-major `[steps·batch]` layout. */
export function toTimeMajor(ids: Int32Array, batch: number, steps: number): Int32Array {
  const out = new Int32Array(batch * steps);
  for (let b = 0; b < batch; b++) for (let t = 0; t < steps; t++) out[t * batch + b] = ids[b * steps + t];
  return out;
}

/**
 * One SPEC §4 training step: forward from `state`, loss = cross-entropy + orthoWeight ·
 * orthonormality loss (measured also when the weight is 0), gradients, optimizer update.
 * Back-propagation is truncated at the step: the returned state is a plain value for the next
 * step. The caller owns (and must dispose) both the given and the returned state.
 */
export function trainCharRnnStep(
  model: CharRnnModel,
  optimizer: tf.Optimizer,
  batch: TextBatch,
  batchSize: number,
  steps: number,
  state: CharRnnState,
  orthoWeight: number,
): { losses: CharRnnStepLosses; state: CharRnnState } {
  const ids = tf.tensor1d(toTimeMajor(batch.inputs, batchSize, steps), 'int32');
  const targets = tf.tensor1d(toTimeMajor(batch.targets, batchSize, steps), 'int32');
  let nextState: CharRnnState = [];
  let crossEntropy: tf.Scalar | undefined;
  let ortho: tf.Scalar | undefined;
  const { value, grads } = tf.variableGrads(() => {
    const out = runCharRnn(model, ids, steps, state, 'batch');
    nextState = out.state.map((layer) => layer.map((t) => tf.keep(t)));
    crossEntropy = tf.keep(meanCrossEntropy(out.logits, targets));
    if (orthoWeight === 0) return crossEntropy;
    ortho = tf.keep(orthonormalityLoss(model.recurrentKernels));
    return tf.add(crossEntropy, tf.mul(ortho, orthoWeight)) as tf.Scalar;
  }, model.trainable);
  optimizer.applyGradients(grads);
  // At weight 0 the loss is only measured: computing it off the gradient tape keeps the backward pass free of it.
  ortho ??= orthonormalityLoss(model.recurrentKernels);
  const [ce, on] = [crossEntropy!.dataSync()[0], ortho.dataSync()[0]];
  tf.dispose([ids, targets, value, crossEntropy!, ortho, ...Object.values(grads)]);
  const weighted = orthoWeight * on;
  return { losses: { crossEntropy: ce, orthonormalityLoss: on, weightedOrthonormalityLoss: weighted, totalLoss: ce + weighted }, state: nextState };
}

/** Disposes every tensor of a model state. */
export function disposeState(state: CharRnnState): void {
  for (const layer of state) tf.dispose(layer);
}
