import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { InvalidFieldError } from '@orthoscope/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { initBackend } from '../engine/backend';
import { trainCharRnn } from '../engine/train/train-char-rnn';
import { MAX_SAMPLERS, sampleTextInChild } from './sample-text';

const SHARED_DATA = resolve(import.meta.dirname, '../../../../shared/data');
let dir: string;
let checkpoint: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'orthoscope-sample-'));
  await initBackend('wasm');
  await trainCharRnn({ dataset: 'nietzsche', embeddingSize: 8, hiddenSize: 16, batchSize: 8, maxIterations: 2, evalEvery: 2, evalLimit: 1 }, { dataRoot: SHARED_DATA }, {
    onEvent: (event) => { if (event.type === 'checkpoint') checkpoint = event.path; },
    checkpointDir: dir,
  });
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('sampleTextInChild', () => {
  it('a checkpoint, seed "The ", length 60, rngSeed 3: two processes return the same 60 characters', async () => {
    const request = { checkpoint, seed: 'The ', length: 60, temperature: 1, rngSeed: 3 };
    const [a, b] = await Promise.all([sampleTextInChild(request, { backend: 'wasm' }), sampleTextInChild(request, { backend: 'wasm' })]);
    expect([...a].length).toBe(60);
    expect(a.startsWith('The ')).toBe(true);
    expect(b).toBe(a);
  });

  it('a seed with a character the model does not know: InvalidFieldError on seed', async () => {
    const error = await sampleTextInChild({ checkpoint, seed: 'The ☃', length: 20, temperature: 1, rngSeed: 0 }, { backend: 'wasm' }).catch((e) => e);
    expect(error).toBeInstanceOf(InvalidFieldError);
    expect(error.field).toBe('seed');
    expect(error.message).toContain('character "☃" at position 4');
  });

  it('a folder that is no checkpoint: Error naming the manifest file', async () => {
    await expect(sampleTextInChild({ checkpoint: join(dir, 'nope'), seed: 'a', length: 5, temperature: 1, rngSeed: 0 }, { backend: 'wasm' }))
      .rejects.toThrow(join(dir, 'nope', 'manifest.json'));
  });

  it(`${MAX_SAMPLERS + 1} requests at once: at most ${MAX_SAMPLERS} processes run, the last waits for one to end`, async () => {
    // A stand-in sampler: replies with its start and end times after 400 ms.
    const entry = join(dir, 'fake-sampler.mjs');
    await writeFile(entry, "process.once('message', () => { const start = Date.now(); setTimeout(() => process.send({ type: 'text', text: `${start},${Date.now()}` }, undefined, {}, () => process.exit(0)), 400); });\n");
    const request = { checkpoint: dir, seed: '', length: 1, temperature: 1, rngSeed: 0 };
    const spans = (await Promise.all(Array.from({ length: MAX_SAMPLERS + 1 }, () => sampleTextInChild(request, { backend: 'cpu', entry }))))
      .map((text) => text.split(',').map(Number)).sort((a, b) => a[0] - b[0]);
    const last = spans[MAX_SAMPLERS];
    expect(last[0]).toBeGreaterThanOrEqual(Math.min(...spans.slice(0, MAX_SAMPLERS).map(([, end]) => end)));
  });
});
