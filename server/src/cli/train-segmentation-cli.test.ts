import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { SEGMENTATION_EVAL_METRICS, SEGMENTATION_TRAIN_METRICS } from '@orthoscope/shared';
import { afterAll, describe, expect, it } from 'vitest';
import { parseTrainArgs } from './train-args';

const SERVER = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const REPO = resolve(SERVER, '..');
const checkpoints = mkdtempSync(join(tmpdir(), 'orthoscope-seg-cli-'));
afterAll(() => rmSync(checkpoints, { recursive: true, force: true }));

describe('parseTrainArgs --kind segmentation', () => {
  it('segmentation flags land in a SPEC §5 config; --validation-fraction sets valFraction; defaults fill the rest', () => {
    const options = parseTrainArgs(['--kind', 'segmentation', '--dataset', 'isbi2012-membrane', '--data-dir', 'data', '--mode', 'penalty', '--ortho-weight', '0.1',
      '--activation', 'selu', '--scale', 'channel', '--image-size', '64', '--fit', 'resize', '--num-classes', '2', '--ignore-label', '255',
      '--base-channels', '8', '--depth', '3', '--validation-fraction', '0.2', '--preview-count', '1'], { INIT_CWD: '/w' });
    expect(options.config).toEqual({
      kind: 'segmentation', dataset: 'isbi2012-membrane', mode: 'penalty', orthoWeight: 0.1, activation: 'selu', householderScale: 'channel',
      imageSize: 64, fit: 'resize', numClasses: 2, ignoreLabel: 255, baseChannels: 8, depth: 3, valFraction: 0.2, previewCount: 1,
      epochs: 50, batchSize: 8, learningRate: 1e-3, evalEvery: 50, seed: 99, maxIterations: null, evalLimit: null,
    });
    expect(options.dataDir).toBe('/w/data');
  });

  it('other kinds\' flags (--cell, --hidden-size, --steps) are refused by name; --image-size with a CNN too', () => {
    for (const [flag, value] of [['--cell', 'gru'], ['--hidden-size', '8'], ['--steps', '4']]) {
      expect(() => parseTrainArgs(['--kind', 'segmentation', '--data-dir', '/d', flag, value])).toThrow(`${flag} is not an option of --kind segmentation`);
    }
    expect(() => parseTrainArgs(['--data-dir', '/d', '--image-size', '64'])).toThrow('--image-size is not an option of --kind cnn');
    expect(() => parseTrainArgs(['--kind', 'char_rnn', '--fit', 'crop'])).toThrow('--fit is not an option of --kind char_rnn');
  });

  it('bad values: errors name the flag and value; --data-dir and λ for penalty are required', () => {
    const seg = (...args: string[]) => () => parseTrainArgs(['--kind', 'segmentation', '--data-dir', '/d', ...args]);
    expect(seg('--image-size', '90')).toThrow('--image-size 90: must be a multiple of 2^depth = 4');
    expect(seg('--fit', 'stretch')).toThrow('--fit "stretch": must be one of crop, resize');
    expect(seg('--validation-fraction', '0.95')).toThrow(/^--validation-fraction 0\.95: /);
    expect(seg('--num-classes', '2', '--ignore-label', '1')).toThrow('--ignore-label 1: must not be a class id (numClasses is 2)');
    expect(seg('--dataset', '../etc')).toThrow('--dataset "../etc": must be a folder name under segmentation/');
    expect(seg('--mode', 'penalty')).toThrow('--mode penalty needs --ortho-weight λ');
    expect(() => parseTrainArgs(['--kind', 'segmentation'], {})).toThrow('--data-dir is required');
  });
});

describe('npm run train --kind segmentation', () => {
  it('--json, 3 iterations at 32 px on isbi2012-membrane (wasm): train/eval lines with exactly the SPEC §5 names, checkpoints with previews', () => {
    const r = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/train.ts', '--kind', 'segmentation', '--dataset', 'isbi2012-membrane', '--data-dir', '../shared/data',
      '--image-size', '32', '--base-channels', '4', '--batch-size', '2', '--max-iterations', '3', '--eval-every', '2', '--eval-limit', '2',
      '--preview-count', '1', '--checkpoint-dir', checkpoints, '--backend', 'wasm', '--json'],
    { cwd: SERVER, env: { ...process.env, INIT_CWD: REPO }, encoding: 'utf8', timeout: 170_000 });
    expect(r.status, r.stderr).toBe(0);
    const lines = r.stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(lines[0]).toMatchObject({ type: 'start', backend: 'wasm', totalIterations: 3, config: { kind: 'segmentation', dataset: 'isbi2012-membrane', imageSize: 32, numClasses: 2 } });
    const trains = lines.filter((l) => l.type === 'train');
    expect(trains.map((l) => l.iteration)).toEqual([1, 2, 3]);
    for (const l of trains) expect(Object.keys(l).sort()).toEqual(['iteration', 'type', ...SEGMENTATION_TRAIN_METRICS].sort());
    const evals = lines.filter((l) => l.type === 'eval');
    expect(evals.map((l) => l.iteration)).toEqual([1, 2, 3]);
    for (const l of evals) {
      expect(Object.keys(l).sort()).toEqual(['iteration', 'type', ...SEGMENTATION_EVAL_METRICS].sort());
      expect(l.pixelAccuracy).toBeGreaterThan(0);
      expect(l.pixelAccuracy).toBeLessThanOrEqual(1);
      expect(l.meanIoU).toBeLessThanOrEqual(l.pixelAccuracy);
    }
    const saved = lines.filter((l) => l.type === 'checkpoint');
    expect(saved.map((l) => l.path)).toEqual([1, 2, 3].map((n) => join(checkpoints, `iter-${n}`)));
    expect(saved.every((l) => l.previews.length === 1)).toBe(true);
    expect([1, 2, 3].map((n) => existsSync(join(checkpoints, `iter-${n}`, 'optimizer.bin')))).toEqual([false, false, true]);
    expect(lines.at(-1)).toEqual({ type: 'done', iteration: 3, reason: 'completed' });
  });
});
