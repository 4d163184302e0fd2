import { describe, expect, it } from 'vitest';
import { parseTrainArgs, TrainArgsError } from './train-args';

const issueCommand = '--dataset cifar10 --data-dir DIR --mode householder --ortho-weight 0.1 --epochs 1 --max-iterations 200 --batch-size 128 --eval-every 100 --seed 99'.split(' ');

describe('parseTrainArgs', () => {
  it("the issue's command: every flag lands in the config; relative --data-dir from INIT_CWD", () => {
    const o = parseTrainArgs(issueCommand, { INIT_CWD: '/home/u/orthoscope' });
    expect(o.config).toMatchObject({ dataset: 'cifar10', mode: 'householder', orthoWeight: 0.1, epochs: 1, maxIterations: 200, batchSize: 128, evalEvery: 100, seed: 99 });
    expect(o.dataDir).toBe('/home/u/orthoscope/DIR');
    expect(o).toMatchObject({ backend: 'auto', download: false, json: false, checkpointDir: null, resume: null, workers: 1 });
  });

  it('options: --activation selu --scale=channel --backend cpu --eval-limit 50 --checkpoint-dir --resume --download --json', () => {
    const o = parseTrainArgs(
      ['--data-dir', '/d', '--mode', 'householder', '--activation', 'selu', '--scale=channel', '--backend', 'cpu', '--eval-limit', '50', '--checkpoint-dir', 'ck', '--resume', '/ck/iter-100', '--download', '--json'],
      { INIT_CWD: '/w' },
    );
    expect(o.config).toMatchObject({ activation: 'selu', householderScale: 'channel', evalLimit: 50 });
    expect(o).toMatchObject({ dataDir: '/d', backend: 'cpu', checkpointDir: '/w/ck', resume: '/ck/iter-100', download: true, json: true });
  });

  it('--workers 2: two threads per step', () => {
    expect(parseTrainArgs(['--data-dir', '/d', '--workers', '2']).workers).toBe(2);
  });

  it('--data-dir defaults to ORTHOSCOPE_DATA; missing both is an error', () => {
    expect(parseTrainArgs([], { ORTHOSCOPE_DATA: '/data' }).dataDir).toBe('/data');
    expect(() => parseTrainArgs([], {})).toThrow(/--data-dir is required/);
  });

  const bad: [string[], RegExp][] = [
    [['--mode', 'orthogonal'], /--mode "orthogonal": must be one of baseline, penalty, householder/],
    [['--batch-size', 'lots'], /--batch-size "lots": not a number/],
    [['--batch-size', '0'], /--batch-size 0: must be an integer from 1/],
    [['--epochs', '1.5'], /--epochs 1.5: must be an integer/],
    [['--dataset', 'mnist'], /--dataset "mnist": the CNN experiment takes cifar10 or cifar100/],
    [['--ortho-weight', '0.1'], /--ortho-weight 0.1: mode baseline trains without the penalty/],
    [['--mode', 'penalty'], /--mode penalty needs --ortho-weight/],
    [['--backend', 'gpu'], /--backend "gpu": must be one of auto, tensorflow-gpu, tensorflow, wasm, cpu/],
    [['--seed'], /--seed needs a value/],
    [['--learning-rate', '0'], /--learning-rate 0: must be a finite number greater than 0/],
    [['--frobnicate', '3'], /unknown flag "--frobnicate"/],
    [['--json=yes'], /unknown flag "--json=yes"/],
    [['--workers', '0'], /--workers "0": must be an integer ≥ 1/],
    [['--kind', 'char_rnn', '--workers', '2'], /--workers is an option of --kind cnn only, not char_rnn/],
  ];
  for (const [args, message] of bad) {
    it(`${args.join(' ')} → TrainArgsError ${message}`, () => {
      expect(() => parseTrainArgs(['--data-dir', '/d', ...args])).toThrow(TrainArgsError);
      expect(() => parseTrainArgs(['--data-dir', '/d', ...args])).toThrow(message);
    });
  }
});
