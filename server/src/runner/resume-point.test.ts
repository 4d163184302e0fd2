import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as tf from '@tensorflow/tfjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { saveCheckpoint } from '../engine/checkpoint';
import { pruneOptimizerState } from '../engine/checkpoint-optimizer';
import { openSqliteRepository } from '../storage/sqlite/sqlite-repository';
import { DEFAULT_ALERT_RULES } from './divergence-rules';
import { resumePoint } from './resume-point';

const root = mkdtempSync(join(tmpdir(), 'orthoscope-resume-point-'));
beforeAll(() => tf.setBackend('cpu'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

async function checkpointAt(dir: string, n: number): Promise<string> {
  const path = await saveCheckpoint(join(dir, `iter-${n}`), {
    weights: [['w', tf.fill([2], n)]], optimizer: [['adam/iterations', tf.scalar(n, 'int32')]], config: {}, state: { iteration: n },
  });
  await pruneOptimizerState(dir, path);
  return path;
}

function repositoryWithRun(name: string) {
  const repository = openSqliteRepository(join(root, `${name}.db`));
  repository.insertRun({
    id: 'r', name: 'r', kind: 'cnn', status: 'INTERRUPTED', config: {}, alertRules: DEFAULT_ALERT_RULES, tags: [], sweepId: null,
    createdAt: 1, startedAt: 1, finishedAt: 2, iteration: 0, totalIterations: null, backend: null, device: null, error: null,
  });
  return repository;
}

describe('resumePoint', () => {
  it('the server died before iter-200 was recorded (iter-100, recorded, is weights-only): iter-200, now recorded', async () => {
    const dir = join(root, 'race', 'checkpoints');
    const repository = repositoryWithRun('race');
    repository.insertCheckpoint({ runId: 'r', iteration: 100, path: await checkpointAt(dir, 100), createdAt: 5 });
    await checkpointAt(dir, 200);
    expect(await resumePoint(repository, 'r', dir)).toEqual({ iteration: 200, path: join(dir, 'iter-200') });
    expect(repository.listCheckpoints('r').map((c) => [c.iteration, c.path])).toEqual([[100, join(dir, 'iter-100')], [200, join(dir, 'iter-200')]]);
    repository.close();
  });

  it('recorded newest checkpoint: it, no duplicate record; no checkpoint folder: null (start from scratch)', async () => {
    const dir = join(root, 'normal', 'checkpoints');
    const repository = repositoryWithRun('normal');
    expect(await resumePoint(repository, 'r', dir)).toBeNull();
    for (const n of [1, 3, 6]) repository.insertCheckpoint({ runId: 'r', iteration: n, path: await checkpointAt(dir, n), createdAt: n });
    expect(await resumePoint(repository, 'r', dir)).toEqual({ iteration: 6, path: join(dir, 'iter-6') });
    expect(repository.listCheckpoints('r').map((c) => c.iteration)).toEqual([1, 3, 6]);
    repository.close();
  });
});
