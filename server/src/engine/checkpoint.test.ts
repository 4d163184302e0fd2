import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as tf from '@tensorflow/tfjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assignWeights, loadCheckpoint, saveCheckpoint } from './checkpoint';

let root: string;
beforeAll(async () => {
  await tf.setBackend('cpu');
  root = await mkdtemp(join(tmpdir(), 'ckpt-'));
});
afterAll(() => rm(root, { recursive: true, force: true }));

describe('saveCheckpoint / loadCheckpoint', () => {
  it('round-trips float32 and int32 tensors, order, config and state exactly', async () => {
    const w1 = tf.randomNormal([3, 3, 2, 4], 0, 1, 'float32', 1);
    const w2 = tf.tensor1d([1.5, -2, 3e-8]);
    const it1 = tf.scalar(17, 'int32');
    const dir = join(root, 'iter-100');
    await saveCheckpoint(dir, {
      weights: [['conv1/kernel', w1], ['conv1/bias', w2]],
      optimizer: [['adam/iterations', it1], ['adam/m/conv1/bias', w2]],
      config: { kind: 'cnn', seed: 99 },
      state: { iteration: 100, epoch: 4 },
    });
    const ck = await loadCheckpoint(dir);
    expect([...ck.weights.keys()]).toEqual(['conv1/kernel', 'conv1/bias']);
    expect(ck.weights.get('conv1/kernel')!.shape).toEqual([3, 3, 2, 4]);
    expect(Array.from(ck.weights.get('conv1/kernel')!.dataSync())).toEqual(Array.from(w1.dataSync()));
    expect(Array.from(ck.weights.get('conv1/bias')!.dataSync())).toEqual(Array.from(w2.dataSync()));
    expect(ck.optimizer.map(([n]) => n)).toEqual(['adam/iterations', 'adam/m/conv1/bias']);
    expect(ck.optimizer[0][1].dtype).toBe('int32');
    expect(ck.optimizer[0][1].dataSync()[0]).toBe(17);
    expect(ck.config).toEqual({ kind: 'cnn', seed: 99 });
    expect(ck.state).toEqual({ iteration: 100, epoch: 4 });
  });

  it('missing folder: error names manifest.json', async () => {
    await expect(loadCheckpoint(join(root, 'nope'))).rejects.toThrow(/nope\/manifest\.json: cannot read checkpoint file/);
  });

  it('truncated weights.bin: error names the file and both sizes', async () => {
    const dir = join(root, 'iter-1');
    await saveCheckpoint(dir, { weights: [['a', tf.ones([10])]], optimizer: [], config: {}, state: {} });
    await writeFile(join(dir, 'weights.bin'), Buffer.alloc(12));
    await expect(loadCheckpoint(dir)).rejects.toThrow(/weights\.bin: 12 bytes, but the manifest describes 40/);
  });
});

describe('assignWeights', () => {
  it('assigns by name; a missing name or a shape mismatch is an error naming the variable', () => {
    const v = tf.variable(tf.zeros([2]));
    assignWeights([['fc/bias', v]], new Map([['fc/bias', tf.tensor1d([4, 5])]]));
    expect(Array.from(v.dataSync())).toEqual([4, 5]);
    expect(() => assignWeights([['fc/kernel', v]], new Map([['fc/bias', tf.zeros([2])]]))).toThrow(/no weights for variable fc\/kernel/);
    expect(() => assignWeights([['fc/bias', v]], new Map([['fc/bias', tf.zeros([3])]]))).toThrow(/fc\/bias has shape \[2\] but the checkpoint holds \[3\]/);
  });
});
