import { spawnSync } from 'node:child_process';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CNN_EVAL_METRICS, CNN_TRAIN_METRICS } from '@orthoscope/shared';
import { describe, expect, it } from 'vitest';

const SERVER = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const REPO = resolve(SERVER, '..');

/** Runs the CLI as `npm run train` does (tsx inside server/, INIT_CWD = the repo root). */
function train(args: string[]) {
  return spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/train.ts', ...args], {
    cwd: SERVER,
    env: { ...process.env, INIT_CWD: REPO },
    encoding: 'utf8',
    timeout: 170_000,
  });
}

describe('npm run train', () => {
  it('--batch-size 0: exit code 2, message names the flag and value, usage follows', () => {
    const r = train(['--data-dir', '../shared/data', '--batch-size', '0']);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/train: --batch-size 0: must be an integer from 1/);
    expect(r.stderr).toMatch(/usage: npm run train/);
    expect(r.stdout).toBe('');
  });

  it('--json, 2 iterations of 8 on the real sample (wasm): start, train and eval lines with exactly the SPEC names', () => {
    const r = train([
      '--dataset', 'cifar10', '--data-dir', '../shared/data', '--mode', 'penalty', '--ortho-weight', '0.1',
      '--max-iterations', '2', '--batch-size', '8', '--eval-limit', '20', '--backend', 'wasm', '--json',
    ]);
    expect(r.status, r.stderr).toBe(0);
    const lines = r.stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(lines[0]).toMatchObject({ type: 'start', backend: 'wasm', config: { mode: 'penalty', orthoWeight: 0.1, batchSize: 8 } });
    expect(typeof lines[0].device).toBe('string');
    const trains = lines.filter((l) => l.type === 'train');
    expect(trains.map((l) => l.iteration)).toEqual([1, 2]);
    for (const l of trains) expect(Object.keys(l).sort()).toEqual(['iteration', 'type', ...CNN_TRAIN_METRICS].sort());
    const evals = lines.filter((l) => l.type === 'eval');
    expect(evals.map((l) => l.iteration)).toEqual([1, 2]);
    expect(Object.keys(evals[0]).sort()).toEqual(['iteration', 'type', ...CNN_EVAL_METRICS].sort());
    expect(lines.at(-1)).toEqual({ type: 'done', iteration: 2, reason: 'completed' });
  });
});
