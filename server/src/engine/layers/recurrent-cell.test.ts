import * as tf from '@tensorflow/tfjs';
import type { RecurrentCell } from '@orthoscope/shared';
import { beforeAll, describe, expect, it } from 'vitest';
import { initBackend } from '../backend';
import { randomValues, wasmVsCpu } from '../kernels/kernel-test-utils';
import { CELL_GATES, cellStep, createRecurrentWeights, runRecurrentLayer, zeroLayerState, type RecurrentWeights } from './recurrent-cell';

const CELLS: RecurrentCell[] = ['lstm', 'gru', 'rnn'];
const sigmoid = (x: number) => 1 / (1 + Math.exp(-x));

beforeAll(async () => {
  await initBackend('cpu');
});

describe('createRecurrentWeights', () => {
  it.each(CELLS)('%s input 5 hidden 4: wx [5, g·4], wh [4, g·4], Glorot-bounded, same seed same values', (cell) => {
    const g = CELL_GATES[cell];
    const a = createRecurrentWeights(cell, 5, 4, 7, `t_${cell}_a`);
    const b = createRecurrentWeights(cell, 5, 4, 7, `t_${cell}_b`);
    expect(a.wx.shape).toEqual([5, g * 4]);
    expect(a.wh.shape).toEqual([4, g * 4]);
    expect(a.b.shape).toEqual([g * 4]);
    expect([...a.wh.dataSync()]).toEqual([...b.wh.dataSync()]);
    // GRU: the candidate kernel (4 columns) has the widest bound.
    const limit = Math.sqrt(6 / (9 + (cell === 'gru' ? 4 : g * 4)));
    expect(Math.max(...a.wx.dataSync().map(Math.abs))).toBeLessThanOrEqual(limit);
    const bias = [...a.b.dataSync()];
    expect(bias).toEqual(cell === 'gru' ? [1, 1, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0] : new Array(g * 4).fill(0));
  });
});

describe('zeroLayerState', () => {
  it('lstm: [h, c]; gru/rnn: [h]; zeros of [batch, hidden]', () => {
    expect(zeroLayerState('lstm', 3, 2).map((t) => t.shape)).toEqual([[2, 3], [2, 3]]);
    expect(zeroLayerState('gru', 3, 2).length).toBe(1);
    expect([...zeroLayerState('rnn', 3, 2)[0].dataSync()]).toEqual([0, 0, 0, 0, 0, 0]);
  });
});

describe('cellStep', () => {
  it('lstm hidden 1: TF BasicLSTMCell order i,j,f,o with forget bias 1, against hand computation', () => {
    // z = xw + h·wh = [0.1,0.2,0.3,0.4] + 0.5·[1,−1,0.5,2]
    const [h, c] = cellStep('lstm', 1, tf.tensor2d([[0.1, 0.2, 0.3, 0.4]]), [tf.tensor2d([[0.5]]), tf.tensor2d([[-0.7]])], tf.tensor2d([[1, -1, 0.5, 2]]));
    const [i, j, f, o] = [0.6, -0.3, 0.55, 1.4];
    const expectedC = -0.7 * sigmoid(f + 1) + sigmoid(i) * Math.tanh(j);
    expect(c.dataSync()[0]).toBeCloseTo(expectedC, 6);
    expect(h.dataSync()[0]).toBeCloseTo(Math.tanh(expectedC) * sigmoid(o), 6);
  });

  it('gru hidden 1: r,u gates then candidate on r∘h, h\' = u·h + (1−u)·c', () => {
    const [h] = cellStep('gru', 1, tf.tensor2d([[0.2, -0.1, 0.3]]), [tf.tensor2d([[0.4]])], tf.tensor2d([[0.5, 1.5, -2]]));
    const r = sigmoid(0.2 + 0.4 * 0.5);
    const u = sigmoid(-0.1 + 0.4 * 1.5);
    const candidate = Math.tanh(0.3 + r * 0.4 * -2);
    expect(h.dataSync()[0]).toBeCloseTo(u * 0.4 + (1 - u) * candidate, 6);
  });

  it('rnn hidden 2: tanh(xw + h·wh)', () => {
    const [h] = cellStep('rnn', 2, tf.tensor2d([[0.1, -0.2]]), [tf.tensor2d([[1, 2]])], tf.tensor2d([[0.5, 0], [0.25, -1]]));
    expect([...h.dataSync()].map((v) => +v.toFixed(6))).toEqual([Math.tanh(1.1), Math.tanh(-2.2)].map((v) => +v.toFixed(6)));
  });
});

describe('runRecurrentLayer', () => {
  it('steps 3 equals three single steps fed one after another (time-major rows)', () => {
    const weights = createRecurrentWeights('lstm', 3, 4, 1, 'run_eq');
    const inputs = tf.tensor2d(randomValues(3 * 2 * 3, 5), [6, 3]);
    const all = runRecurrentLayer(weights, inputs, zeroLayerState('lstm', 4, 2), 3);
    let state = zeroLayerState('lstm', 4, 2);
    const rows: number[] = [];
    for (let t = 0; t < 3; t++) {
      state = runRecurrentLayer(weights, inputs.slice([2 * t, 0], [2, 3]), state, 1).state;
      rows.push(...state[0].dataSync());
    }
    const got = [...all.outputs.dataSync()];
    rows.forEach((v, k) => expect(got[k]).toBeCloseTo(v, 6));
    expect([...all.state[1].dataSync()]).toEqual([...state[1].dataSync()]);
  });

  for (const cell of CELLS) {
    it(`${cell} steps 4 batch 3 input 5 hidden 6: gradients of every weight, the inputs and the state on wasm = cpu`, async () => {
      const g = CELL_GATES[cell];
      const values = {
        wx: randomValues(5 * g * 6, 11),
        wh: randomValues(6 * g * 6, 12),
        b: randomValues(g * 6, 13),
        x: randomValues(4 * 3 * 5, 14),
        h: randomValues(3 * 6, 15),
        c: randomValues(3 * 6, 16),
        probe: randomValues(4 * 3 * 6, 17),
      };
      const error = await wasmVsCpu(() => {
        const wx = tf.tensor2d(values.wx, [5, g * 6]).mul(0.5);
        const wh = tf.tensor2d(values.wh, [6, g * 6]).mul(0.5);
        const b = tf.tensor1d(values.b);
        const x = tf.tensor2d(values.x, [12, 5]);
        const h = tf.tensor2d(values.h, [3, 6]);
        const c = tf.tensor2d(values.c, [3, 6]);
        const probe = tf.tensor2d(values.probe, [12, 6]);
        const f = (...args: tf.Tensor[]) => {
          const [wxA, whA, bA, xA, hA, cA] = args;
          const weights = { cell, hiddenSize: 6, wx: wxA, wh: whA, b: bA } as unknown as RecurrentWeights;
          const out = runRecurrentLayer(weights, xA as tf.Tensor2D, cell === 'lstm' ? [hA, cA] as tf.Tensor2D[] : [hA as tf.Tensor2D], 4);
          // A loss that touches every output and the final state.
          return tf.add(tf.sum(tf.mul(out.outputs, probe)), tf.sum(tf.square(out.state[out.state.length - 1])));
        };
        const inputs = cell === 'lstm' ? [wx, wh, b, x, h, c] : [wx, wh, b, x, h];
        const { value, grads } = tf.valueAndGrads(f)(inputs);
        return [value, ...grads];
      });
      expect(error).toBeLessThan(1e-5);
    });
  }
});
