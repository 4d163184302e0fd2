import { BACKEND_PREFERENCES, type BackendPreference } from '../engine/backend';

/** Cases `npm run bench` knows, in print order; the first is the ratio's reference. */
export const BENCH_CASES = ['baseline', 'penalty', 'householder', 'baseline-2workers', 'char-lstm', 'segmentation'] as const;
export type BenchCaseName = (typeof BENCH_CASES)[number];

/** Options of `npm run bench`; defaults in {@link BENCH_DEFAULTS}. */
export interface BenchOptions {
  /** Timed steps per case (after warm-up), interleaved across cases. */
  iterations: number;
  /** Untimed steps per case first (operator creation, heap growth, JIT). */
  warmup: number;
  batchSize: number;
  cases: BenchCaseName[];
  backend: BackendPreference;
  /** A data root with `cifar-10-batches-bin/`; without it, seeded random images. */
  dataDir: string | null;
  /** One JSON line per case instead of the table. */
  json: boolean;
  /** Also print where the time of one step of each case goes, kernel by kernel. */
  profile: boolean;
  /** Run PyTorch on the same network when `python3 -c "import torch"` works (default); `false` never. */
  torch: boolean;
  /** PyTorch thread counts, one row each; empty (default) = as many threads as the tfjs backend uses. */
  torchThreads: number[];
  /** Conv filter-gradient formulation on wasm (`simd` default; `xnnpack` = the earlier form, for comparison). */
  filterGrad: 'simd' | 'xnnpack';
}

export const BENCH_DEFAULTS: BenchOptions = {
  iterations: 10,
  warmup: 2,
  batchSize: 128,
  cases: [...BENCH_CASES],
  backend: 'auto',
  dataDir: null,
  json: false,
  profile: false,
  torch: true,
  torchThreads: [],
  filterGrad: 'simd',
};

export const BENCH_USAGE = `usage: npm run bench -- [--iterations N] [--warmup N] [--batch-size N] [--cases baseline,penalty,householder,baseline-2workers,char-lstm,segmentation]
                      [--backend ${BACKEND_PREFERENCES.join('|')}] [--data-dir DIR] [--json] [--profile] [--no-torch] [--torch-threads 1,2]
                      [--filter-grad simd|xnnpack]`;

/** A flag error: the CLI prints it with the usage and exits with code 2. */
export class BenchArgsError extends Error {}

/** Parses the command line of `npm run bench`; throws BenchArgsError naming the bad flag and value. */
export function parseBenchArgs(argv: string[]): BenchOptions {
  const options: BenchOptions = { ...BENCH_DEFAULTS, cases: [...BENCH_DEFAULTS.cases] };
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i];
    const value = () => {
      const v = argv[++i];
      if (v === undefined || v.startsWith('--')) throw new BenchArgsError(`${flag} needs a value`);
      return v;
    };
    switch (flag) {
      case '--iterations': options.iterations = positiveInteger(flag, value()); break;
      case '--warmup': options.warmup = positiveInteger(flag, value(), 0); break;
      case '--batch-size': options.batchSize = positiveInteger(flag, value()); break;
      case '--backend': {
        const v = value();
        if (!BACKEND_PREFERENCES.includes(v as BackendPreference)) {
          throw new BenchArgsError(`--backend ${JSON.stringify(v)}: expected one of ${BACKEND_PREFERENCES.join(', ')}`);
        }
        options.backend = v as BackendPreference;
        break;
      }
      case '--cases': {
        const list = value().split(',').map((s) => s.trim()).filter(Boolean);
        const unknown = list.filter((c) => !BENCH_CASES.includes(c as BenchCaseName));
        if (unknown.length > 0 || list.length === 0) {
          throw new BenchArgsError(`--cases ${JSON.stringify(unknown.join(',') || '')}: expected some of ${BENCH_CASES.join(', ')}`);
        }
        options.cases = BENCH_CASES.filter((c) => list.includes(c));
        break;
      }
      case '--data-dir': options.dataDir = value(); break;
      case '--json': options.json = true; break;
      case '--profile': options.profile = true; break;
      case '--no-torch': options.torch = false; break;
      case '--torch-threads': {
        const raw = value();
        options.torchThreads = raw.split(',').map((t) => positiveInteger(flag, t.trim()));
        break;
      }
      case '--filter-grad': {
        const v = value();
        if (v !== 'simd' && v !== 'xnnpack') throw new BenchArgsError(`--filter-grad ${JSON.stringify(v)}: expected simd or xnnpack`);
        options.filterGrad = v;
        break;
      }
      default: throw new BenchArgsError(`unknown flag ${JSON.stringify(flag)}`);
    }
  }
  return options;
}

function positiveInteger(flag: string, raw: string, min = 1): number {
  const n = Number(raw);
  if (!Number.isInteger(n) || n < min) throw new BenchArgsError(`${flag} ${JSON.stringify(raw)}: expected an integer ≥ ${min}`);
  return n;
}
