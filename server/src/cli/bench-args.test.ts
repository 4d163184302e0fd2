import { describe, expect, it } from 'vitest';
import { BENCH_DEFAULTS, parseBenchArgs } from './bench-args';

describe('parseBenchArgs', () => {
  it('no flags: the defaults (10 iterations, batch 128, all three cases, auto backend)', () => {
    expect(parseBenchArgs([])).toEqual(BENCH_DEFAULTS);
  });

  it('--iterations 3 --batch-size 32 --cases householder,baseline --json --no-torch: parsed, cases in report order', () => {
    expect(parseBenchArgs(['--iterations', '3', '--batch-size', '32', '--cases', 'householder,baseline', '--json', '--no-torch'])).toMatchObject({
      iterations: 3, batchSize: 32, cases: ['baseline', 'householder'], json: true, torch: false,
    });
  });

  it('--torch-threads 1,2: one PyTorch row per thread count', () => {
    expect(parseBenchArgs(['--torch-threads', '1,2']).torchThreads).toEqual([1, 2]);
  });

  it('--filter-grad xnnpack: selects the earlier filter-gradient form', () => {
    expect(parseBenchArgs(['--filter-grad', 'xnnpack']).filterGrad).toBe('xnnpack');
  });

  it('--iterations 0, --batch-size 1.5, --backend webgpu, --cases lstm, --fast: errors naming flag and value', () => {
    expect(() => parseBenchArgs(['--iterations', '0'])).toThrow('--iterations "0": expected an integer ≥ 1');
    expect(() => parseBenchArgs(['--batch-size', '1.5'])).toThrow('--batch-size "1.5"');
    expect(() => parseBenchArgs(['--backend', 'webgpu'])).toThrow('--backend "webgpu": expected one of auto');
    expect(() => parseBenchArgs(['--cases', 'lstm'])).toThrow('--cases "lstm"');
    expect(() => parseBenchArgs(['--fast'])).toThrow('unknown flag "--fast"');
    expect(() => parseBenchArgs(['--iterations'])).toThrow('--iterations needs a value');
    expect(() => parseBenchArgs(['--torch-threads', '1,x'])).toThrow('--torch-threads "x": expected an integer ≥ 1');
    expect(() => parseBenchArgs(['--filter-grad', 'fft'])).toThrow('--filter-grad "fft": expected simd or xnnpack');
  });
});
