import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as tf from '@tensorflow/tfjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadCheckpoint, requireOptimizerState, saveCheckpoint } from './checkpoint';
import { dropOptimizerState, pruneOptimizerState, resumableCheckpoint } from './checkpoint-optimizer';

let root: string;
beforeAll(async () => {
  await tf.setBackend('cpu');
  root = await mkdtemp(join(tmpdir(), 'ckpt-opt-'));
});
afterAll(() => rm(root, { recursive: true, force: true }));

/** Writes iter-<n> in `dir` as a training loop does (weights n, Adam state), then prunes. */
async function checkpointAt(dir: string, n: number): Promise<string> {
  const path = await saveCheckpoint(join(dir, `iter-${n}`), {
    weights: [['w', tf.fill([4], n)]],
    optimizer: [['adam/iterations', tf.scalar(n, 'int32')], ['adam/m/w', tf.fill([4], n / 10)], ['adam/v/w', tf.fill([4], n / 100)]],
    config: { kind: 'cnn' },
    state: { iteration: n },
  });
  await pruneOptimizerState(dir, path);
  return path;
}

describe('pruneOptimizerState', () => {
  it('after 3 checkpoints only the newest holds optimizer.bin; older ones still load their weights', async () => {
    const dir = join(root, 'three');
    for (const n of [1, 100, 200]) await checkpointAt(dir, n);
    expect(['iter-1', 'iter-100', 'iter-200'].map((name) => existsSync(join(dir, name, 'optimizer.bin')))).toEqual([false, false, true]);
    const old = await loadCheckpoint(join(dir, 'iter-1'));
    expect(Array.from(old.weights.get('w')!.dataSync())).toEqual([1, 1, 1, 1]);
    expect(old.optimizer).toEqual([]);
    expect(old.optimizerKeptIn).toBe('iter-100');
    expect(old.state).toEqual({ iteration: 1 });
    const newest = await loadCheckpoint(join(dir, 'iter-200'));
    expect(newest.optimizer.map(([name]) => name)).toEqual(['adam/iterations', 'adam/m/w', 'adam/v/w']);
    expect(newest.optimizer[1][1].dataSync()[0]).toBeCloseTo(20, 6);
    expect(newest.optimizerKeptIn).toBeNull();
  });

  it('leaves folders that are not iter-<N> checkpoints alone', async () => {
    const dir = join(root, 'other');
    await saveCheckpoint(join(dir, 'best'), { weights: [['w', tf.ones([2])]], optimizer: [['adam/iterations', tf.scalar(1, 'int32')]], config: {}, state: {} });
    const newest = await checkpointAt(dir, 5);
    expect(await pruneOptimizerState(dir, newest)).toEqual([]);
    expect(existsSync(join(dir, 'best', 'optimizer.bin'))).toBe(true);
  });
});

describe('dropOptimizerState', () => {
  it('a crash after the manifest was rewritten (stray optimizer.bin): loads as weights-only, a second drop removes the file', async () => {
    const dir = join(root, 'crash');
    const a = await saveCheckpoint(join(dir, 'iter-1'), { weights: [['w', tf.ones([2])]], optimizer: [['adam/iterations', tf.scalar(1, 'int32')]], config: {}, state: {} });
    const stray = await readFile(join(a, 'optimizer.bin'));
    expect(await dropOptimizerState(a, join(dir, 'iter-2'))).toBe(true);
    await writeFile(join(a, 'optimizer.bin'), stray);
    expect((await loadCheckpoint(a)).optimizer).toEqual([]);
    expect(await dropOptimizerState(a, join(dir, 'iter-2'))).toBe(true);
    expect(existsSync(join(a, 'optimizer.bin'))).toBe(false);
    expect(await dropOptimizerState(a, join(dir, 'iter-2'))).toBe(false);
  });
});

describe('resumableCheckpoint', () => {
  it('picks the highest iteration with optimizer state (numeric order, not string order); null for a missing folder', async () => {
    const dir = join(root, 'resumable');
    await checkpointAt(dir, 9);
    await checkpointAt(dir, 10);
    expect(await resumableCheckpoint(dir)).toEqual({ path: join(dir, 'iter-10'), iteration: 10 });
    await rm(join(dir, 'iter-10', 'optimizer.bin'));
    expect(await resumableCheckpoint(dir)).toBeNull();
    expect(await resumableCheckpoint(join(root, 'nope'))).toBeNull();
  });
});

describe('requireOptimizerState', () => {
  it('weights-only checkpoint: Error naming it, why, and the newest checkpoint to resume from', async () => {
    const dir = join(root, 'require');
    for (const n of [1, 2, 3]) await checkpointAt(dir, n);
    const old = await loadCheckpoint(join(dir, 'iter-1'));
    await expect(requireOptimizerState(old, join(dir, 'iter-1'))).rejects.toThrow(
      `${join(dir, 'iter-1')}: weights-only checkpoint — only the newest checkpoint of a run keeps the optimizer (Adam) state that resuming needs (dropped when iter-2 was written); resume from ${join(dir, 'iter-3')}`,
    );
    await expect(requireOptimizerState(await loadCheckpoint(join(dir, 'iter-3')), join(dir, 'iter-3'))).resolves.toBeUndefined();
  });
});
