import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { initBackend } from '../backend';
import { randomValues, wasmVsCpu } from './kernel-test-utils';

describe('identity', () => {
  it('tf.clone of x=[3,5,7] float32 and int32: matches cpu', async () => {
    const x = randomValues(105, 91);
    expect(await wasmVsCpu(() => [tf.clone(tf.tensor3d(x, [3, 5, 7])), tf.clone(tf.tensor1d([4, -2, 9], 'int32')).cast('float32')])).toBe(0);
  });

  it('clone shares the data: disposing the original keeps the clone intact, memory is freed with the last reference', async () => {
    await initBackend('wasm');
    const backend = tf.engine().backend;
    const before = backend.numDataIds();
    const x = tf.tensor1d([1, 2, 3, 4]);
    const y = tf.clone(x);
    expect(backend.numDataIds() - before).toBe(1);
    x.dispose();
    expect(Array.from(await y.data())).toEqual([1, 2, 3, 4]);
    y.dispose();
    expect(backend.numDataIds()).toBe(before);
  });
});
