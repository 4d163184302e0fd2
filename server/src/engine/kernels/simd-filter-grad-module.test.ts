import * as tf from '@tensorflow/tfjs';
import type { BackendWasm } from '@tensorflow/tfjs-backend-wasm';
import { describe, expect, it } from 'vitest';
import { initBackend } from '../backend';
import { filterGradKernel, filterGradModuleBytes } from './simd-filter-grad-module';
import { backendMemory, validModule } from './wasm-simd-assembler';

describe('filterGradModuleBytes', () => {
  it('is a valid WebAssembly module (Node has wasm SIMD)', () => {
    expect(validModule(filterGradModuleBytes())).toBe(true);
  });
});

describe('filterGradKernel', () => {
  it('x=[1,2,3,4] all ones (rows read with stride), dy=[1,1,2,8] = co+1, k=2×2 s=1: every tap sums 2 positions', async () => {
    await initBackend('wasm');
    const backend = tf.engine().backend as unknown as BackendWasm;
    const memory = backendMemory(backend)!;
    const kernel = filterGradKernel(memory);
    expect(kernel).not.toBeNull();
    expect(filterGradKernel(memory)).toBe(kernel);
    const x = tf.ones([1, 2, 3, 4]);
    const dy = tf.tensor4d(Array.from({ length: 16 }, (_, i) => (i % 8) + 1), [1, 1, 2, 8]);
    const out = tf.zeros([2, 2, 4, 8]);
    const offset = (t: tf.Tensor) => (backend.dataIdMap.get(t.dataId) as unknown as { memoryOffset: number }).memoryOffset;
    kernel!(offset(x), offset(dy), offset(out), 1, 1, 2, 2, 2, 4, 8, 3 * 4 * 4, 2 * 3 * 4 * 4, 1, 1);
    const values = await out.data();
    // dW[kh,kw,ci,co] = Σ_ow x · dy[ow, co] = 2·(co + 1) for every kh, kw, ci
    expect(Array.from(values)).toEqual(Array.from({ length: 128 }, (_, i) => 2 * ((i % 8) + 1)));
    tf.dispose([x, dy, out]);
  });
});
