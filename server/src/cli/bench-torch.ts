import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/**
 * Interpreters tried, in order, for the PyTorch comparison: `python3` on PATH, then Debian's own
 * (`python3-torch` installs only there, and a pyenv or venv `python3` earlier on PATH hides it).
 */
export const TORCH_PYTHONS: readonly string[] = ['python3', '/usr/bin/python3'];

/** One PyTorch measurement of the SPEC §3 network (median ms per Adam step). */
export interface TorchResult {
  msPerStep: number;
  /** Median CPU time of the Python process per step (all threads). */
  cpuMsPerStep: number;
  threads: number;
  version: string;
}

/** The first of `candidates` (default {@link TORCH_PYTHONS}) that can `import torch`; null when none can. */
export function findTorchPython(candidates: readonly string[] = TORCH_PYTHONS): string | null {
  return candidates.find((python) => spawnSync(python, ['-c', 'import torch'], { stdio: 'ignore' }).status === 0) ?? null;
}

/**
 * Runs bench-torch.py with `python` on `threads` threads: `warmup` untimed then `iterations` timed
 * steps at `batchSize`. Returns the result, or an Error whose message carries the script's last
 * stderr line (the comparison is optional: the caller reports it and goes on).
 */
export function runTorch(python: string, batchSize: number, iterations: number, warmup: number, threads: number): TorchResult | Error {
  const script = fileURLToPath(new URL('./bench-torch.py', import.meta.url));
  const run = spawnSync(python, [script, String(batchSize), String(iterations), String(warmup), String(threads)], { encoding: 'utf8' });
  if (run.status !== 0) {
    return new Error(`the PyTorch comparison (${python}, ${threads} thread${threads === 1 ? '' : 's'}) failed (exit ${run.status}): ${run.stderr.trim().split('\n').at(-1)}`);
  }
  return JSON.parse(run.stdout.trim().split('\n').at(-1)!) as TorchResult;
}
