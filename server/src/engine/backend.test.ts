import { createRequire } from 'node:module';
import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { initBackend, type BackendPreference } from './backend';

function installed(name: string): boolean {
  try {
    createRequire(import.meta.url).resolve(name);
    return true;
  } catch {
    return false;
  }
}
const hasNode = installed('@tensorflow/tfjs-node') || installed('@tensorflow/tfjs-node-gpu');

describe('initBackend', () => {
  it.skipIf(hasNode)('auto without tfjs-node: picks wasm and names the device', async () => {
    const info = await initBackend();
    expect(info.backend).toBe('wasm');
    expect(tf.getBackend()).toBe('wasm');
    expect(info.device).toMatch(/^CPU \(wasm( SIMD)?, \d+ threads?\)$/);
  });

  it('auto twice: returns the same result', async () => {
    const first = await initBackend('auto');
    expect(await initBackend('auto')).toBe(first);
  });

  it('wasm: conv layers can be trained (filter gradient registered)', async () => {
    await initBackend('wasm');
    expect(tf.getKernel('Conv2DBackpropFilter', 'wasm')).toBeDefined();
    const x = tf.ones([2, 5, 5, 1]);
    const w = tf.ones([3, 3, 1, 2]);
    const dw = tf.grad((f: tf.Tensor) => tf.conv2d(x as tf.Tensor4D, f as tf.Tensor4D, 1, 'valid').sum())(w);
    // each filter tap sees 3×3 output positions × 2 images of ones
    expect(Array.from(await dw.data())).toEqual(new Array(18).fill(18));
    tf.dispose([x, w, dw]);
  });

  it('cpu forced: switches to the JavaScript backend, then back to wasm', async () => {
    expect(await initBackend('cpu')).toEqual({ backend: 'cpu', device: 'CPU (JavaScript)' });
    expect(tf.getBackend()).toBe('cpu');
    expect((await initBackend('wasm')).backend).toBe('wasm');
    expect(tf.getBackend()).toBe('wasm');
  });

  it.skipIf(hasNode)('tensorflow forced without tfjs-node: throws naming the package', async () => {
    await expect(initBackend('tensorflow')).rejects.toThrow(/backend tensorflow: optional package @tensorflow\/tfjs-node is not available/);
    await expect(initBackend('tensorflow-gpu')).rejects.toThrow(/@tensorflow\/tfjs-node-gpu is not available/);
  });

  it('unknown preference "webgpu": throws listing the choices', async () => {
    await expect(initBackend('webgpu' as BackendPreference)).rejects.toThrow(/unknown preference "webgpu"; expected one of auto, tensorflow-gpu/);
  });
});
