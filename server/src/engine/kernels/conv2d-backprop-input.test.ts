import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { convCaseTitle, convCases, randomValues, wasmVsCpu } from './kernel-test-utils';

function backpropInput(dy: Float32Array, dyShape: number[], w: Float32Array, wShape: number[], inputShape: number[], strides: number, pad: unknown) {
  return () => tf.engine().runKernel(tf.Conv2DBackpropInput, {
    dy: tf.tensor(dy, dyShape), filter: tf.tensor(w, wShape),
  }, { strides: [strides, strides], pad, dataFormat: 'NHWC', inputShape } as unknown as tf.NamedAttrMap) as tf.Tensor;
}

describe('conv2dBackpropInput', () => {
  for (const c of convCases()) {
    it(`${convCaseTitle(c)}: matches cpu`, async () => {
      const ho = c.pad === 'same' ? Math.ceil(c.height / c.stride) : Math.ceil((c.height - c.k + 1) / c.stride);
      const wo = c.pad === 'same' ? Math.ceil(c.width / c.stride) : Math.ceil((c.width - c.k + 1) / c.stride);
      const dy = randomValues(c.batch * ho * wo * c.cout, 5);
      const w = randomValues(c.k * c.k * c.cin * c.cout, 6);
      const error = await wasmVsCpu(backpropInput(dy, [c.batch, ho, wo, c.cout], w, [c.k, c.k, c.cin, c.cout],
        [c.batch, c.height, c.width, c.cin], c.stride, c.pad));
      expect(error).toBeLessThan(2e-5);
    });
  }

  it('explicit pads [[0,0],[4,0],[0,1],[0,0]] k=3 s=2 (pad beyond k−1): matches cpu', async () => {
    // out = floor((9 + 4 − 3) / 2) + 1 = 6, floor((8 + 1 − 3) / 2) + 1 = 4
    const dy = randomValues(2 * 6 * 4 * 3, 7);
    const w = randomValues(3 * 3 * 2 * 3, 8);
    const error = await wasmVsCpu(backpropInput(dy, [2, 6, 4, 3], w, [3, 3, 2, 3], [2, 9, 8, 2], 2, [[0, 0], [4, 0], [0, 1], [0, 0]]));
    expect(error).toBeLessThan(2e-5);
  });

  it('conv2dTranspose x=[2,5,4,3] f=[3,3,2,3] s=2 same → [2,10,8,2]: matches cpu', async () => {
    const x = randomValues(2 * 5 * 4 * 3, 9);
    const w = randomValues(3 * 3 * 2 * 3, 10);
    const error = await wasmVsCpu(() => tf.conv2dTranspose(tf.tensor4d(x, [2, 5, 4, 3]), tf.tensor4d(w, [3, 3, 2, 3]), [2, 10, 8, 2], 2, 'same'));
    expect(error).toBeLessThan(2e-5);
  });
});
