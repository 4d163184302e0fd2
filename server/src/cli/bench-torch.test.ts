import { describe, expect, it } from 'vitest';
import { findTorchPython, runTorch } from './bench-torch';

describe('findTorchPython', () => {
  it('no candidate can run: null', () => {
    expect(findTorchPython(['/nonexistent/python3'])).toBeNull();
  });

  it('a candidate without torch is skipped for a later one', () => {
    // `true` exits 0 whatever it is given, so it stands in for an interpreter that imports torch.
    expect(findTorchPython(['/nonexistent/python3', 'true'])).toBe('true');
  });
});

describe('runTorch', () => {
  it('an interpreter that fails: an Error naming it, the thread count and the exit code', () => {
    const result = runTorch('false', 8, 1, 0, 2);
    expect(result).toBeInstanceOf(Error);
    expect((result as Error).message).toContain('(false, 2 threads) failed (exit 1)');
  });

  const python = findTorchPython();
  it.skipIf(!python)('torch importable: batch 8, 2 steps on 1 thread give positive wall and CPU medians and the version', () => {
    const result = runTorch(python!, 8, 2, 1, 1);
    if (result instanceof Error) throw result;
    expect(result.threads).toBe(1);
    expect(result.msPerStep).toBeGreaterThan(0);
    expect(result.cpuMsPerStep).toBeGreaterThan(0);
    expect(result.version).toMatch(/^\d+\.\d+/);
  });
});
