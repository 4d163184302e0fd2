import { createRng } from '../random';

/**
 * The order in which epoch `epoch` (0-based) visits the `count` training records: a permutation
 * that depends only on (seed, epoch), so a run resumed from a checkpoint continues with exactly
 * the batches it would have seen.
 */
export function epochPermutation(seed: number, epoch: number, count: number): Int32Array {
  // Golden-ratio stride keeps the per-epoch seeds of nearby run seeds apart.
  return createRng((seed + Math.imul(epoch + 1, 0x9e3779b9)) >>> 0).permutation(count);
}

/** Number of batches in one epoch: every record once; the last batch may be smaller. */
export function batchesPerEpoch(count: number, batchSize: number): number {
  return Math.ceil(count / batchSize);
}
