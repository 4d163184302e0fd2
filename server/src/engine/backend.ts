import { execFile } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import * as tf from '@tensorflow/tfjs';
import { getThreadsCount, setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import { registerWasmTrainingKernels } from './kernels/register-wasm-training-kernels';

/** Which TensorFlow.js backend to train on; `auto` takes the first that loads, in this order. */
export type BackendPreference = 'auto' | 'tensorflow-gpu' | 'tensorflow' | 'wasm' | 'cpu';
export const BACKEND_PREFERENCES: readonly BackendPreference[] = ['auto', 'tensorflow-gpu', 'tensorflow', 'wasm', 'cpu'];

/** What `initBackend` chose: the tfjs backend name and a human-readable device. */
export interface BackendInfo {
  /** tfjs backend name: `tensorflow` (tfjs-node or tfjs-node-gpu), `wasm` or `cpu`. */
  backend: string;
  /** GPU name, or e.g. `CPU (wasm SIMD, 1 thread)`, `CPU (tensorflow)`, `CPU (JavaScript)`. */
  device: string;
}

type Forced = Exclude<BackendPreference, 'auto'>;
const AUTO_ORDER: readonly Forced[] = ['tensorflow-gpu', 'tensorflow', 'wasm', 'cpu'];
const NODE_PACKAGES: Record<'tensorflow-gpu' | 'tensorflow', string> = {
  'tensorflow-gpu': '@tensorflow/tfjs-node-gpu',
  tensorflow: '@tensorflow/tfjs-node',
};

const loaded = new Map<Forced, BackendInfo>();
let lastAuto: BackendInfo | undefined;

/**
 * Selects and initialises the tfjs backend (default `auto`: tfjs-node-gpu, then tfjs-node, then
 * wasm, then cpu). The tfjs-node packages are optional: their absence only moves `auto` on, while
 * a forced preference that cannot load throws an Error naming the backend and the cause.
 * On wasm the training kernels of ./kernels are registered once the backend is ready.
 * Idempotent: calling again with the same preference returns the same result without reloading.
 */
export async function initBackend(preference: BackendPreference = 'auto'): Promise<BackendInfo> {
  if (!BACKEND_PREFERENCES.includes(preference)) {
    throw new Error(`backend: unknown preference ${JSON.stringify(preference)}; expected one of ${BACKEND_PREFERENCES.join(', ')}`);
  }
  if (preference === 'auto') {
    if (lastAuto && tf.getBackend() === lastAuto.backend) return lastAuto;
    const failures: string[] = [];
    for (const candidate of AUTO_ORDER) {
      try {
        lastAuto = await initForced(candidate);
        return lastAuto;
      } catch (error) {
        failures.push(`${candidate}: ${(error as Error).message}`);
      }
    }
    throw new Error(`backend: no TensorFlow.js backend could be initialised (${failures.join('; ')})`);
  }
  return initForced(preference);
}

async function initForced(preference: Forced): Promise<BackendInfo> {
  const known = loaded.get(preference);
  if (known) {
    if (tf.getBackend() !== known.backend) await activate(known.backend, preference);
    return known;
  }
  const info = preference === 'wasm' ? await initWasm()
    : preference === 'cpu' ? await initCpu()
      : await initNode(preference);
  loaded.set(preference, info);
  return info;
}

async function activate(name: string, preference: Forced): Promise<void> {
  let ok = false;
  let cause = 'setBackend returned false';
  try {
    ok = await tf.setBackend(name);
    await tf.ready();
  } catch (error) {
    cause = (error as Error).message;
  }
  if (!ok) throw new Error(`backend ${preference}: could not initialise tfjs backend '${name}' (${cause})`);
}

async function initCpu(): Promise<BackendInfo> {
  await activate('cpu', 'cpu');
  return { backend: 'cpu', device: 'CPU (JavaScript)' };
}

async function initWasm(): Promise<BackendInfo> {
  // In Node the emscripten loader finds its .wasm beside the CommonJS bundle; pointing it at the
  // package's dist/ explicitly keeps that true under bundlers and ESM-only resolution as well.
  try {
    setWasmPaths(wasmDistDir());
  } catch {
    // Thrown only when wasm was already initialised elsewhere, which means its paths worked.
  }
  await activate('wasm', 'wasm');
  registerWasmTrainingKernels();
  const simd = await tf.env().getAsync('WASM_HAS_SIMD_SUPPORT');
  const threads = getThreadsCount();
  return { backend: 'wasm', device: `CPU (wasm${simd ? ' SIMD' : ''}, ${threads} thread${threads === 1 ? '' : 's'})` };
}

function wasmDistDir(): string {
  const require = createRequire(import.meta.url);
  return join(dirname(require.resolve('@tensorflow/tfjs-backend-wasm')), '/');
}

async function initNode(preference: 'tensorflow-gpu' | 'tensorflow'): Promise<BackendInfo> {
  const packageName = NODE_PACKAGES[preference];
  // tfjs-node-gpu also runs on the CPU, so when auto loaded it without finding a GPU its
  // 'tensorflow' backend serves the plain `tensorflow` preference (a second native package would clash).
  if (!tf.findBackend('tensorflow')) {
    try {
      // A variable specifier keeps TypeScript and bundlers from requiring the optional package.
      await import(/* @vite-ignore */ packageName);
    } catch (error) {
      throw new Error(`backend ${preference}: optional package ${packageName} is not available (${firstLine(error)})`);
    }
  }
  if (!tf.findBackend('tensorflow')) {
    throw new Error(`backend ${preference}: ${packageName} loaded but registered no 'tensorflow' backend on this @tensorflow/tfjs (version mismatch?)`);
  }
  await activate('tensorflow', preference);
  const backend = tf.backend() as { isUsingGpuDevice?: boolean };
  if (preference === 'tensorflow') return { backend: 'tensorflow', device: 'CPU (tensorflow)' };
  if (!backend.isUsingGpuDevice) {
    throw new Error(`backend tensorflow-gpu: ${packageName} loaded but TensorFlow found no usable GPU (CUDA/cuDNN missing?)`);
  }
  return { backend: 'tensorflow', device: await gpuName() };
}

async function gpuName(): Promise<string> {
  try {
    const { stdout } = await promisify(execFile)('nvidia-smi', ['--query-gpu=name', '--format=csv,noheader'], { timeout: 5000 });
    const names = stdout.split('\n').map((s) => s.trim()).filter(Boolean);
    if (names.length > 0) return names.join(', ');
  } catch {
    // nvidia-smi is a convenience for the name only; the GPU itself was confirmed by TensorFlow.
  }
  return 'GPU (CUDA)';
}

function firstLine(error: unknown): string {
  return String((error as Error)?.message ?? error).split('\n')[0];
}
