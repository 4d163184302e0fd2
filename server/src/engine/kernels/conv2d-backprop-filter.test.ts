import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { convCaseTitle, convCases, randomValues, wasmVsCpu } from './kernel-test-utils';

describe('conv2dBackpropFilter', () => {
  for (const c of convCases()) {
    it(`${convCaseTitle(c)}: matches cpu`, async () => {
      const ho = c.pad === 'same' ? Math.ceil(c.height / c.stride) : Math.ceil((c.height - c.k + 1) / c.stride);
      const wo = c.pad === 'same' ? Math.ceil(c.width / c.stride) : Math.ceil((c.width - c.k + 1) / c.stride);
      const x = randomValues(c.batch * c.height * c.width * c.cin, 1);
      const dy = randomValues(c.batch * ho * wo * c.cout, 2);
      const error = await wasmVsCpu(() => tf.engine().runKernel(tf.Conv2DBackpropFilter, {
        x: tf.tensor4d(x, [c.batch, c.height, c.width, c.cin]),
        dy: tf.tensor4d(dy, [c.batch, ho, wo, c.cout]),
      }, { strides: [c.stride, c.stride], pad: c.pad, dataFormat: 'NHWC', filterShape: [c.k, c.k, c.cin, c.cout] }) as tf.Tensor);
      expect(error).toBeLessThan(2e-5);
    });
  }

  it('explicit pads [[0,0],[2,0],[0,1],[0,0]] k=3 s=2: matches cpu', async () => {
    const x = randomValues(2 * 9 * 8 * 2, 3);
    // out = floor((9 + 2 - 3) / 2) + 1 = 5, floor((8 + 1 - 3) / 2) + 1 = 4
    const dy = randomValues(2 * 5 * 4 * 3, 4);
    const error = await wasmVsCpu(() => tf.engine().runKernel(tf.Conv2DBackpropFilter, {
      x: tf.tensor4d(x, [2, 9, 8, 2]),
      dy: tf.tensor4d(dy, [2, 5, 4, 3]),
    }, { strides: [2, 2], pad: [[0, 0], [2, 0], [0, 1], [0, 0]], dataFormat: 'NHWC', filterShape: [3, 3, 2, 3] }) as tf.Tensor);
    expect(error).toBeLessThan(2e-5);
  });
});
