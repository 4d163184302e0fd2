import * as tf from '@tensorflow/tfjs';
import type { NamedTensors } from '../checkpoint';

/**
 * Adam's state as named tensors for a checkpoint: `adam/iterations`, then `adam/m/<variable>` and
 * `adam/v/<variable>` in the order of `names` — the order in which gradients were applied (tfjs
 * Adam keeps its moments by position). Returns copies; the caller disposes them. Before the first
 * step there are no moments and only the iteration count is returned.
 */
export async function adamState(optimizer: tf.AdamOptimizer, names: readonly string[]): Promise<NamedTensors> {
  const [iterations, ...moments] = await optimizer.getWeights();
  const half = moments.length / 2;
  if (half !== 0 && half !== names.length) {
    throw new Error(`adamState: the optimizer holds moments for ${half} variables but ${names.length} names were given`);
  }
  return [
    ['adam/iterations', iterations.tensor],
    ...moments.map((w, i): [string, tf.Tensor] => [`adam/${i < half ? 'm' : 'v'}/${names[i % half]}`, tf.clone(w.tensor)]),
  ];
}

/**
 * Restores state saved by {@link adamState} into a fresh Adam optimizer for variables `names`
 * (same order). The saved tensors are copied; the caller still owns them. An Error names the first
 * moment whose variable does not match.
 */
export async function restoreAdamState(optimizer: tf.AdamOptimizer, names: readonly string[], saved: NamedTensors): Promise<void> {
  const byName = new Map(saved);
  const iterations = byName.get('adam/iterations');
  if (!iterations) throw new Error('restoreAdamState: checkpoint has no adam/iterations');
  if (saved.length === 1) return;
  const weights: { name: string; tensor: tf.Tensor }[] = [{ name: 'iter', tensor: iterations }];
  for (const kind of ['m', 'v']) {
    for (const name of names) {
      const tensor = byName.get(`adam/${kind}/${name}`);
      if (!tensor) throw new Error(`restoreAdamState: checkpoint has no adam/${kind}/${name} (optimizer state of another model?)`);
      weights.push({ name: `${name}/${kind}`, tensor });
    }
  }
  await optimizer.setWeights(weights);
}
