import { spawnSync } from 'node:child_process';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CHAR_RNN_EVAL_METRICS, CHAR_RNN_TRAIN_METRICS } from '@orthoscope/shared';
import { describe, expect, it } from 'vitest';
import { parseTrainArgs, TrainArgsError } from './train-args';

const SERVER = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const REPO = resolve(SERVER, '..');

describe('parseTrainArgs --kind char_rnn', () => {
  it('char-RNN flags land in a SPEC §4 config; no --data-dir needed (embedded brown)', () => {
    const options = parseTrainArgs(['--kind', 'char_rnn', '--dataset', 'brown', '--cell', 'gru', '--hidden-size', '64', '--layers', '1',
      '--embedding-size', '16', '--steps', '12', '--learning-rate-decay', '0.9', '--validation-fraction', '0.1', '--ortho-weight', '1e-5'], {});
    expect(options.config).toMatchObject({ kind: 'char_rnn', dataset: 'brown', cell: 'gru', hiddenSize: 64, layers: 1, embeddingSize: 16, steps: 12,
      learningRateDecay: 0.9, validationFraction: 0.1, orthoWeight: 1e-5, batchSize: 128, epochs: 20, learningRate: 1e-3 });
    expect(options.dataDir).toBe('');
  });

  it('--mode with --kind char_rnn, --hidden-size with a CNN: TrainArgsError naming the flag', () => {
    expect(() => parseTrainArgs(['--kind', 'char_rnn', '--mode', 'penalty'])).toThrow(TrainArgsError);
    expect(() => parseTrainArgs(['--kind', 'char_rnn', '--mode', 'penalty'])).toThrow('--mode is not an option of --kind char_rnn');
    expect(() => parseTrainArgs(['--data-dir', '/d', '--hidden-size', '8'])).toThrow('--hidden-size is not an option of --kind cnn');
  });

  it('--kind lstm, --cell transformer: errors naming flag and value', () => {
    expect(() => parseTrainArgs(['--kind', 'lstm'])).toThrow('--kind "lstm": must be cnn, char_rnn or segmentation');
    expect(() => parseTrainArgs(['--kind', 'char_rnn', '--cell', 'transformer'])).toThrow('--cell "transformer": must be one of lstm, gru, rnn');
  });
});

describe('npm run train --kind char_rnn', () => {
  it('--json, 2 iterations on the real Nietzsche text (wasm): train and eval lines with exactly the SPEC §4 names', () => {
    const r = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/train.ts', '--kind', 'char_rnn', '--dataset', 'nietzsche', '--data-dir', '../shared/data',
      '--hidden-size', '16', '--embedding-size', '8', '--batch-size', '8', '--max-iterations', '2', '--eval-every', '2', '--eval-limit', '2', '--backend', 'wasm', '--json'],
    { cwd: SERVER, env: { ...process.env, INIT_CWD: REPO }, encoding: 'utf8', timeout: 170_000 });
    expect(r.status, r.stderr).toBe(0);
    const lines = r.stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(lines[0]).toMatchObject({ type: 'start', backend: 'wasm', config: { kind: 'char_rnn', dataset: 'nietzsche', hiddenSize: 16 } });
    const trains = lines.filter((l) => l.type === 'train');
    expect(trains.map((l) => l.iteration)).toEqual([1, 2]);
    for (const l of trains) expect(Object.keys(l).sort()).toEqual(['iteration', 'type', ...CHAR_RNN_TRAIN_METRICS].sort());
    const evals = lines.filter((l) => l.type === 'eval');
    expect(evals.map((l) => l.iteration)).toEqual([1, 2]);
    for (const l of evals) expect(Object.keys(l).sort()).toEqual(['iteration', 'type', ...CHAR_RNN_EVAL_METRICS].sort());
    expect(lines.at(-1)).toEqual({ type: 'done', iteration: 2, reason: 'completed' });
  });
});
