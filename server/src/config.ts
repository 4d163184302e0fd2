import { isAbsolute, resolve } from 'node:path';
import type { BackendPreference } from './engine/backend';

// A copy of the engine's list: importing engine/backend would load TensorFlow.js into the API process.
const BACKEND_PREFERENCES: readonly BackendPreference[] = ['auto', 'tensorflow-gpu', 'tensorflow', 'wasm', 'cpu'];

/** Server settings, read once from the environment by `readServerConfig`. */
export interface ServerConfig {
  /** `PORT`, default 4000 (0 picks a free port). */
  port: number;
  /** `HOST`, default 127.0.0.1. Any non-loopback host requires a Bearer token for mutations. */
  host: string;
  /** `ORTHOSCOPE_HOME`: database, checkpoints, logs, token; default `./.orthoscope`. */
  home: string;
  /** `ORTHOSCOPE_DATA`: the data root; default `ORTHOSCOPE_HOME/data`. */
  dataRoot: string;
  /** `ORTHOSCOPE_BACKEND`: auto (default), tensorflow-gpu, tensorflow, wasm or cpu; passed to each run's process. */
  backend: BackendPreference;
  /** `ORTHOSCOPE_CONCURRENCY`: runs at once; default one per core on CPU, one per GPU on GPU. */
  concurrency: number | null;
  /** `ORTHOSCOPE_DOWNLOAD`: `0` forbids downloading missing data sets; default allowed. */
  download: boolean;
}

/** A setting with a bad value: names the variable and the value. */
export class ConfigError extends Error {
  constructor(variable: string, value: string, problem: string) {
    super(`${variable}=${JSON.stringify(value)}: ${problem}`);
    this.name = 'ConfigError';
  }
}

/**
 * Reads the settings from `env` (default process.env), relative paths against `cwd` (main.ts passes
 * the folder npm was started from, so `ORTHOSCOPE_DATA=../shared/data npm start` means what it says).
 */
export function readServerConfig(env: NodeJS.ProcessEnv = process.env, cwd = process.cwd()): ServerConfig {
  const home = absolute(env.ORTHOSCOPE_HOME || '.orthoscope', cwd);
  const backend = (env.ORTHOSCOPE_BACKEND || 'auto') as BackendPreference;
  if (!BACKEND_PREFERENCES.includes(backend)) {
    throw new ConfigError('ORTHOSCOPE_BACKEND', backend, `expected one of ${BACKEND_PREFERENCES.join(', ')}`);
  }
  return {
    port: integer('PORT', env.PORT, 4000, 0, 65535),
    host: env.HOST || '127.0.0.1',
    home,
    dataRoot: env.ORTHOSCOPE_DATA ? absolute(env.ORTHOSCOPE_DATA, cwd) : resolve(home, 'data'),
    backend,
    concurrency: env.ORTHOSCOPE_CONCURRENCY ? integer('ORTHOSCOPE_CONCURRENCY', env.ORTHOSCOPE_CONCURRENCY, 1, 1, 1024) : null,
    download: env.ORTHOSCOPE_DOWNLOAD !== '0' && env.ORTHOSCOPE_DOWNLOAD !== 'false',
  };
}

/** True for 127.0.0.0/8, ::1 and localhost: the only hosts served without a token. */
export function isLoopbackHost(host: string): boolean {
  return host === 'localhost' || host === '::1' || /^127\.\d+\.\d+\.\d+$/.test(host);
}

function absolute(path: string, cwd: string): string {
  return isAbsolute(path) ? path : resolve(cwd, path);
}

function integer(variable: string, raw: string | undefined, fallback: number, min: number, max: number): number {
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new ConfigError(variable, raw, `expected an integer from ${min} to ${max}`);
  }
  return value;
}
