import * as tf from '@tensorflow/tfjs';
import type { TextStreams } from '../data/text-batches';
import { meanCrossEntropy, runCharRnn, zeroCharRnnState, type CharRnnModel } from '../models/char-rnn';
import { disposeState, toTimeMajor } from './train-char-rnn-step';

/**
 * Validation of SPEC §4 on the held-out tail: its streams run from the zero state with the state
 * carried from step to step, as in training, over at most `limit` steps (all when null).
 * Returns the mean cross-entropy (nats), bits per character and the duration.
 */
export function evaluateCharRnn(model: CharRnnModel, streams: TextStreams, limit: number | null): { crossEntropy: number; bitsPerChar: number; evalMs: number } {
  const started = performance.now();
  const count = Math.min(streams.stepsPerEpoch, limit ?? Infinity);
  let state = zeroCharRnnState(model, streams.batch);
  let total = 0;
  for (let i = 0; i < count; i++) {
    const batch = streams.batchAt(i);
    const { loss, next } = tf.tidy(() => {
      const ids = tf.tensor1d(toTimeMajor(batch.inputs, streams.batch, streams.steps), 'int32');
      const targets = tf.tensor1d(toTimeMajor(batch.targets, streams.batch, streams.steps), 'int32');
      const out = runCharRnn(model, ids, streams.steps, state, 'batch');
      return { loss: meanCrossEntropy(out.logits, targets), next: out.state };
    });
    total += loss.dataSync()[0];
    loss.dispose();
    disposeState(state);
    state = next;
  }
  disposeState(state);
  const crossEntropy = total / count;
  return { crossEntropy, bitsPerChar: crossEntropy / Math.LN2, evalMs: performance.now() - started };
}
