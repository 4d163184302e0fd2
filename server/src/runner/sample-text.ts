import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { InvalidFieldError } from '@orthoscope/shared';
import type { BackendPreference } from '../engine/backend';
import type { SampleReplyMessage, SampleRequestMessage } from './child/sample-child';

/** The child entry that samples. */
export const SAMPLE_CHILD_ENTRY = fileURLToPath(new URL('./child/sample-child.ts', import.meta.url));

/** What to sample (see the engine's sampleText). */
export interface SampleTextRequest {
  /** Checkpoint folder of a char-RNN run. */
  checkpoint: string;
  seed: string;
  /** Characters in the returned text, seed included. */
  length: number;
  temperature: number;
  rngSeed: number;
}

/** Options of {@link sampleTextInChild}. */
export interface SampleTextOptions {
  backend: BackendPreference;
  /** The process is killed after this long (default 120 s). */
  timeoutMs?: number;
  /** Child entry (default SAMPLE_CHILD_ENTRY). */
  entry?: string;
}

/**
 * Samples text from a char-RNN checkpoint in a short-lived child process (TensorFlow.js never
 * loads into the server). A seed the model cannot read becomes InvalidFieldError('seed');
 * anything else that goes wrong is an Error with the child's message.
 */
export async function sampleTextInChild(request: SampleTextRequest, options: SampleTextOptions): Promise<string> {
  // Each sampler is a process loading TensorFlow.js: a burst of requests waits its turn instead
  // of starting dozens of them at once.
  while (running >= MAX_SAMPLERS) await new Promise<void>((resolve) => waiting.push(resolve));
  running++;
  try {
    return await sampleOnce(request, options);
  } finally {
    running--;
    waiting.shift()?.();
  }
}

/** Sampling processes at once; more requests queue. */
export const MAX_SAMPLERS = 2;
let running = 0;
const waiting: (() => void)[] = [];

function sampleOnce(request: SampleTextRequest, options: SampleTextOptions): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = fork(options.entry ?? SAMPLE_CHILD_ENTRY, [], { execArgv: ['--import', 'tsx'], stdio: ['ignore', 'ignore', 'pipe', 'ipc'] });
    let stderr = '';
    let settled = false;
    const settle = (fn: () => void) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      fn();
    };
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      settle(() => reject(new Error(`sampleText: no text after ${options.timeoutMs ?? 120_000} ms`)));
    }, options.timeoutMs ?? 120_000);
    child.stderr?.on('data', (chunk: Buffer) => { stderr = (stderr + chunk.toString()).slice(-2000); });
    child.on('message', (message: SampleReplyMessage) => {
      if (message.type === 'text') settle(() => resolve(message.text));
      else if (message.field === 'seed') settle(() => reject(new InvalidFieldError('seed', request.seed, message.message.replace(/^seed: /, ''))));
      else settle(() => reject(new Error(`sampleText: ${message.message}`)));
    });
    child.on('error', (error) => settle(() => reject(error)));
    child.on('exit', (code, signal) => settle(() => reject(new Error(`sampleText: the sampling process ended (${signal ?? `code ${code}`}) without text${stderr ? `: ${stderr.trim().split('\n').at(-1)}` : ''}`))));
    child.send({ type: 'sample', backend: options.backend, ...request } satisfies SampleRequestMessage);
  });
}
