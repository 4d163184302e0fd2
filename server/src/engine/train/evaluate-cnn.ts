import * as tf from '@tensorflow/tfjs';
import { cifarBatch, type CifarSplit } from '../data/cifar';
import type { CifarCnn } from '../models/cifar-cnn';

/** Images per forward pass during evaluation (divides 10,000 and the 800 of the real sample). */
export const EVAL_BATCH = 250;

/**
 * SPEC §3 evaluation: mean cross-entropy and accuracy over the first `limit` records of `split`
 * (all when null), plus the wall time in ms. Householder weights are generated once, not per batch.
 */
export async function evaluateCnn(
  model: CifarCnn,
  split: CifarSplit,
  limit: number | null,
): Promise<{ crossEntropy: number; accuracy: number; evalMs: number }> {
  const start = performance.now();
  const count = Math.min(limit ?? split.count, split.count);
  const weights = tf.tidy(() => model.convWeights());
  let ceSum = tf.scalar(0);
  let correct = tf.scalar(0);
  for (let from = 0; from < count; from += EVAL_BATCH) {
    const indices = Int32Array.from({ length: Math.min(EVAL_BATCH, count - from) }, (_, k) => from + k);
    const { x, y } = cifarBatch(split, indices);
    const [nextCe, nextCorrect] = tf.tidy(() => {
      const logits = model.logits(x, weights);
      const ce = tf.losses.softmaxCrossEntropy(tf.oneHot(y, logits.shape[1]), logits, undefined, undefined, tf.Reduction.SUM);
      const hits = tf.sum(tf.cast(tf.equal(tf.argMax(logits, 1), y), 'float32'));
      return [tf.add(ceSum, ce), tf.add(correct, hits)];
    });
    tf.dispose([x, y, ceSum, correct]);
    ceSum = nextCe;
    correct = nextCorrect;
  }
  const both = tf.stack([ceSum, correct]);
  const [ce, hits] = await both.data();
  // In baseline/penalty mode the weights ARE the variables: free only generated ones.
  const generated = weights.flatMap((w) => [w.kernel, w.bias]).filter((t) => !(t instanceof tf.Variable));
  tf.dispose([both, ceSum, correct, ...generated]);
  return { crossEntropy: ce / count, accuracy: hits / count, evalMs: performance.now() - start };
}
