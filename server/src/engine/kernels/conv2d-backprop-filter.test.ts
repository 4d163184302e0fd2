import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import type { BackendWasm } from '@tensorflow/tfjs-backend-wasm';
import { filterGradXnnpack } from './conv2d-backprop-filter';
import { convCaseTitle, convCases, randomValues, relativeError, valuesOn } from './kernel-test-utils';

function outSize(c: ReturnType<typeof convCases>[number]): [number, number] {
  return c.pad === 'same'
    ? [Math.ceil(c.height / c.stride), Math.ceil(c.width / c.stride)]
    : [Math.ceil((c.height - c.k + 1) / c.stride), Math.ceil((c.width - c.k + 1) / c.stride)];
}

/** Filter gradient on cpu (reference) and on wasm through `wasmRun` (the registered kernel by default). */
async function compare(xs: Float32Array, xShape: number[], dys: Float32Array, dyShape: number[], attrs: tf.NamedAttrMap,
  wasmRun?: (x: tf.Tensor, dy: tf.Tensor) => tf.Tensor): Promise<number> {
  const registered = (x: tf.Tensor, dy: tf.Tensor) => tf.engine().runKernel(tf.Conv2DBackpropFilter, { x, dy }, attrs) as tf.Tensor;
  const [expected] = await valuesOn('cpu', () => registered(tf.tensor(xs, xShape), tf.tensor(dys, dyShape)));
  const [actual] = await valuesOn('wasm', () => (wasmRun ?? registered)(tf.tensor(xs, xShape), tf.tensor(dys, dyShape)));
  return relativeError(actual, expected);
}

describe('conv2dBackpropFilter', () => {
  const cases = [...convCases(), ...convCases().filter((c) => c.batch === 7).map((c) => ({ ...c, cin: 8, cout: 16 }))];
  for (const c of cases) {
    it(`${convCaseTitle(c)}: matches cpu`, async () => {
      const [ho, wo] = outSize(c);
      expect(await compare(randomValues(c.batch * c.height * c.width * c.cin, 1), [c.batch, c.height, c.width, c.cin],
        randomValues(c.batch * ho * wo * c.cout, 2), [c.batch, ho, wo, c.cout],
        { strides: [c.stride, c.stride], pad: c.pad, dataFormat: 'NHWC', filterShape: [c.k, c.k, c.cin, c.cout] })).toBeLessThan(2e-5);
    });
  }

  it('explicit pads [[0,0],[2,0],[0,1],[0,0]] k=3 s=2: matches cpu', async () => {
    // out = floor((9 + 2 - 3) / 2) + 1 = 5, floor((8 + 1 - 3) / 2) + 1 = 4
    expect(await compare(randomValues(2 * 9 * 8 * 2, 3), [2, 9, 8, 2], randomValues(2 * 5 * 4 * 3, 4), [2, 5, 4, 3],
      { strides: [2, 2], pad: [[0, 0], [2, 0], [0, 1], [0, 0]], dataFormat: 'NHWC', filterShape: [3, 3, 2, 3] } as unknown as tf.NamedAttrMap)).toBeLessThan(2e-5);
  });

  it('SPEC §3 conv2 channels: x=[2,16,16,32] f=[3,3,32,32] valid: matches cpu', async () => {
    expect(await compare(randomValues(2 * 16 * 16 * 32, 5), [2, 16, 16, 32], randomValues(2 * 14 * 14 * 32, 6), [2, 14, 14, 32],
      { strides: [1, 1], pad: 'valid', dataFormat: 'NHWC', filterShape: [3, 3, 32, 32] })).toBeLessThan(2e-5);
  });
});

describe('filterGradXnnpack (the form used without wasm SIMD)', () => {
  for (const c of convCases().filter((c) => c.batch === 7)) {
    it(`${convCaseTitle(c)}: matches cpu`, async () => {
      const [ho, wo] = outSize(c);
      const attrs = { strides: [c.stride, c.stride], pad: c.pad, dataFormat: 'NHWC', filterShape: [c.k, c.k, c.cin, c.cout] } as unknown as tf.NamedAttrMap;
      expect(await compare(randomValues(c.batch * c.height * c.width * c.cin, 1), [c.batch, c.height, c.width, c.cin],
        randomValues(c.batch * ho * wo * c.cout, 2), [c.batch, ho, wo, c.cout], attrs, (x, dy) => {
          const backend = tf.engine().backend as unknown as BackendWasm;
          const info = filterGradXnnpack({ inputs: { x, dy }, backend, attrs });
          return tf.engine().makeTensorFromTensorInfo(info);
        })).toBeLessThan(2e-5);
    });
  }
});
