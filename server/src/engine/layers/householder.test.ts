import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { HouseholderGenerator, householderParamCount } from './householder';
import type { TSolver } from './householder-t';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

function unitVectors(params: ArrayLike<number>, m: number, n: number): Float64Array[] {
  const v: Float64Array[] = [];
  let p = 0;
  for (let i = 1; i <= n; i++) {
    const col = new Float64Array(m);
    for (let r = n - i; r < m; r++) col[r] = params[p++];
    const norm = Math.hypot(...col);
    v.push(col.map((x) => x / norm));
  }
  return v;
}

/** Dense float64 reference of SPEC §2 exactly as the original code did it: n m'×m' reflections multiplied. */
function denseReference(params: ArrayLike<number>, m: number, n: number): Float64Array {
  let q = new Float64Array(m * m);
  for (let r = 0; r < m; r++) q[r * m + r] = 1;
  for (const vi of unitVectors(params, m, n)) {
    const next = new Float64Array(m * m);
    // q · (I − 2 v vᵀ), formed densely on purpose.
    const h = new Float64Array(m * m);
    for (let r = 0; r < m; r++) for (let c = 0; c < m; c++) h[r * m + c] = (r === c ? 1 : 0) - 2 * vi[r] * vi[c];
    for (let r = 0; r < m; r++) for (let k = 0; k < m; k++) {
      const a = q[r * m + k];
      if (a !== 0) for (let c = 0; c < m; c++) next[r * m + c] += a * h[k * m + c];
    }
    q = next;
  }
  const out = new Float64Array(m * n);
  for (let r = 0; r < m; r++) for (let c = 0; c < n; c++) out[r * n + c] = q[r * m + c];
  return out;
}

/** Float64 reference for large shapes: Hₙ, …, H₁ applied in turn to the first n identity columns. */
function reflectionReference(params: ArrayLike<number>, m: number, n: number): Float64Array {
  const y = new Float64Array(m * n);
  for (let c = 0; c < n; c++) y[c * n + c] = 1;
  const v = unitVectors(params, m, n);
  for (let i = n - 1; i >= 0; i--) {
    for (let c = 0; c < n; c++) {
      let dot = 0;
      for (let r = 0; r < m; r++) dot += v[i][r] * y[r * n + c];
      for (let r = 0; r < m; r++) y[r * n + c] -= 2 * dot * v[i][r];
    }
  }
  return y;
}

function maxAbsDiff(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let d = 0;
  for (let i = 0; i < a.length; i++) d = Math.max(d, Math.abs(a[i] - b[i]));
  return d;
}

function orthonormalityError(q: tf.Tensor2D): number {
  return tf.tidy(() => {
    const [rows, cols] = q.shape;
    const gram = rows >= cols ? tf.matMul(q, q, true, false) : tf.matMul(q, q, false, true);
    return tf.max(tf.abs(tf.sub(gram, tf.eye(Math.min(rows, cols))))).dataSync()[0];
  });
}

const SOLVERS: TSolver[] = ['readback', 'tensor'];
const SPEC_SHAPES: [string, number, number][] = [
  ['conv1 5×5×3+1 → 32', 76, 32],
  ['conv2 3×3×32+1 → 32', 289, 32],
  ['conv3 3×3×32+1 → 64', 289, 64],
  ['conv4 3×3×64+1 → 64', 577, 64],
];
const RANDOM_SHAPES: [number, number][] = [[1, 1], [2, 2], [5, 3], [7, 7], [10, 1], [33, 17], [40, 33], [100, 5]];

describe('householderParamCount', () => {
  it('equals Σᵢ (m′−n+i) for (76, 32), (577, 64), (7, 7)', () => {
    for (const [m, n] of [[76, 32], [577, 64], [7, 7]]) {
      let sum = 0;
      for (let i = 1; i <= n; i++) sum += m - n + i;
      expect(householderParamCount(m, n)).toBe(sum);
    }
  });
});

describe('HouseholderGenerator', () => {
  for (const solver of SOLVERS) {
    for (const [name, m, n] of SPEC_SHAPES) {
      it(`${solver}: ${name} (${m}×${n}): QᵀQ ≈ I within 1e-5 and matches a float64 reference`, () => {
        const gen = new HouseholderGenerator(m, n, { solver });
        const params = gen.initialParams(7);
        const q = gen.generate(params);
        expect(q.shape).toEqual([m, n]);
        expect(orthonormalityError(q)).toBeLessThan(1e-5);
        const reference = m <= 80 ? denseReference : reflectionReference;
        expect(maxAbsDiff(q.dataSync(), reference(params.dataSync(), m, n))).toBeLessThan(1e-5);
        tf.dispose([params, q]);
        gen.dispose();
      });
    }
    it(`${solver}: random shapes ${RANDOM_SHAPES.map((s) => s.join('×')).join(', ')} match the dense reference`, () => {
      for (const [m, n] of RANDOM_SHAPES) {
        const gen = new HouseholderGenerator(m, n, { solver });
        const params = gen.initialParams(m * 31 + n);
        const q = gen.generate(params);
        expect(orthonormalityError(q), `${m}×${n}`).toBeLessThan(1e-5);
        expect(maxAbsDiff(q.dataSync(), denseReference(params.dataSync(), m, n)), `${m}×${n}`).toBeLessThan(1e-5);
        tf.dispose([params, q]);
        gen.dispose();
      }
    });
    it(`${solver}: strongly correlated vectors (all ≈ the same direction) stay orthonormal`, () => {
      const gen = new HouseholderGenerator(80, 40, { solver });
      const base = tf.randomUniform([80], -1, 1, 'float32', 3);
      const noise = tf.randomUniform([gen.paramCount], -1e-3, 1e-3, 'float32', 4);
      // Each vᵢ's free entries are the tail of one shared direction, plus tiny noise.
      const shared = base.dataSync();
      const p = new Float32Array(gen.paramCount);
      let k = 0;
      for (let i = 1; i <= 40; i++) for (let r = 40 - i; r < 80; r++) p[k++] = shared[r];
      const params = tf.add(tf.tensor1d(p), noise) as tf.Tensor1D;
      const q = gen.generate(params);
      expect(Number.isFinite(q.sum().dataSync()[0])).toBe(true);
      expect(orthonormalityError(q)).toBeLessThan(1e-4);
      tf.dispose([base, noise, params, q]);
      gen.dispose();
    });
    it(`${solver}: gradient of Σ R⊙Q matches float64 central differences on (7, 4) and (6, 6)`, () => {
      for (const [m, n] of [[7, 4], [6, 6]]) {
        const gen = new HouseholderGenerator(m, n, { solver });
        const params = gen.initialParams(11);
        const r = tf.randomNormal([m, n], 0, 1, 'float32', 12);
        const grad = tf.grad((p: tf.Tensor) => tf.sum(tf.mul(gen.generate(p as tf.Tensor1D), r)))(params).dataSync();
        const p0 = Array.from(params.dataSync());
        const rv = r.dataSync();
        const loss = (p: number[]) => denseReference(p, m, n).reduce((s, x, i) => s + x * rv[i], 0);
        const h = 1e-6;
        for (let i = 0; i < p0.length; i++) {
          const plus = [...p0];
          const minus = [...p0];
          plus[i] += h;
          minus[i] -= h;
          const fd = (loss(plus) - loss(minus)) / (2 * h);
          expect(Math.abs(grad[i] - fd), `${m}×${n} param ${i}: ${grad[i]} vs ${fd}`).toBeLessThan(1e-4 + 1e-3 * Math.abs(fd));
        }
        tf.dispose([params, r]);
        gen.dispose();
      }
    });
  }

  it('tensor solver: forward and gradient never read data back from the backend (GPU path, issue 3)', () => {
    const gen = new HouseholderGenerator(289, 64, { solver: 'tensor' });
    const params = gen.initialParams(2);
    // Tensor.dataSync()/data() go through the engine; backend kernels' own reads do not.
    const backend = tf.engine() as unknown as { readSync: (id: unknown) => unknown; read: (id: unknown) => unknown };
    const [readSync, read] = [backend.readSync, backend.read];
    let reads = 0;
    backend.readSync = (id) => { reads++; return readSync.call(backend, id); };
    backend.read = (id) => { reads++; return read.call(backend, id); };
    try {
      const g = tf.grad((p: tf.Tensor) => tf.sum(tf.square(gen.generate(p as tf.Tensor1D))))(params);
      expect(reads).toBe(0);
      g.dispose();
    } finally {
      backend.readSync = readSync;
      backend.read = read;
    }
    // The readback solver does read (T and the parameter scatter), which is why it is cpu/wasm only.
    const cpuGen = new HouseholderGenerator(289, 64, { solver: 'readback' });
    backend.readSync = (id) => { reads++; return readSync.call(backend, id); };
    try {
      cpuGen.generate(params).dispose();
      expect(reads).toBeGreaterThan(0);
    } finally {
      backend.readSync = readSync;
    }
    tf.dispose(params);
    gen.dispose();
    cpuGen.dispose();
  });

  it('rows < cols: (3, 5) has orthonormal rows and equals the transpose of (5, 3)', () => {
    const wide = new HouseholderGenerator(3, 5);
    const tall = new HouseholderGenerator(5, 3);
    expect(wide.paramCount).toBe(tall.paramCount);
    const params = tall.initialParams(5);
    const a = wide.generate(params);
    const b = tall.generate(params);
    expect(a.shape).toEqual([3, 5]);
    expect(orthonormalityError(a)).toBeLessThan(1e-5);
    expect(maxAbsDiff(a.dataSync(), tf.transpose(b).dataSync())).toBe(0);
    tf.dispose([params, a, b]);
    wide.dispose();
    tall.dispose();
  });

  it('vectors(): vᵢ has its first n−i entries fixed at zero (m′=5, n=3)', () => {
    const gen = new HouseholderGenerator(5, 3);
    const v = gen.vectors(tf.range(1, gen.paramCount + 1) as tf.Tensor1D).arraySync();
    // v1: last 3 entries = 1,2,3; v2: last 4 = 4..7; v3: all 5 = 8..12
    expect(v.map((row) => row[0])).toEqual([0, 0, 1, 2, 3]);
    expect(v.map((row) => row[1])).toEqual([0, 4, 5, 6, 7]);
    expect(v.map((row) => row[2])).toEqual([8, 9, 10, 11, 12]);
    gen.dispose();
  });

  it('wrong parameter length: error names the label, shape and expected count', () => {
    const gen = new HouseholderGenerator(5, 3, { label: 'conv9' });
    expect(() => gen.generate(tf.zeros([11]) as tf.Tensor1D)).toThrow(/conv9: expected 12 parameters for \(5, 3\), got shape \[11\]/);
    gen.dispose();
  });
});
