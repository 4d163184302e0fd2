import { availableParallelism } from 'node:os';
import { getThreadsCount } from '@tensorflow/tfjs-backend-wasm';
import { initBackend, type BackendInfo } from '../engine/backend';
import { setFilterGradForm } from '../engine/kernels/conv2d-backprop-filter';
import { loadCifar } from '../engine/data/cifar';
import { BENCH_USAGE, BenchArgsError, parseBenchArgs, type BenchOptions } from './bench-args';
import { cnnBenchCase, dataParallelBenchCase, syntheticCifarSplit, type BenchCase } from './bench-cases';
import { charRnnBenchCase } from './bench-char-rnn';
import { segmentationBenchCase } from './bench-segmentation';
import { formatProfile, profileKernels } from './bench-profile';
import { findTorchPython, runTorch, TORCH_PYTHONS, type TorchResult } from './bench-torch';
import { formatBenchTable, median, type BenchResult } from './bench-stats';

/**
 * `npm run bench`: median ms per training step of the SPEC §3 network in each mode on the current
 * backend, cases interleaved step by step (rotating which goes first) so machine drift cancels
 * out of the ratios; peak memory; PyTorch on the same network when it is importable.
 */
async function main(): Promise<void> {
  let options: BenchOptions;
  try {
    options = parseBenchArgs(process.argv.slice(2));
  } catch (error) {
    if (!(error instanceof BenchArgsError)) throw error;
    console.error(`bench: ${error.message}\n${BENCH_USAGE}`);
    process.exit(2);
  }
  const log = options.json ? () => {} : (line: string) => process.stderr.write(`${line}\n`);
  const info = await initBackend(options.backend);
  setFilterGradForm(options.filterGrad);
  log(`backend ${info.backend} — ${info.device}; batch ${options.batchSize}, ${options.warmup} warm-up + ${options.iterations} timed steps per case, interleaved`);

  const split = options.dataDir
    ? (await loadCifar(options.dataDir, 'cifar10')).train
    : syntheticCifarSplit(Math.max(512, options.batchSize * 2));
  const cases: BenchCase[] = await Promise.all(options.cases.map(async (name) => (name === 'char-lstm'
    ? { ...charRnnBenchCase(options.batchSize), name }
    // The segmentation case keeps its own batch (8 crops of 128 px), whatever --batch-size says.
    : name === 'segmentation' ? { ...segmentationBenchCase('baseline'), name }
      : name === 'baseline-2workers' ? dataParallelBenchCase(split, 10, options.batchSize)
        : cnnBenchCase(name, split, 10, options.batchSize))));
  const times = new Map<string, number[]>(cases.map((c) => [c.name, []]));
  const cpuTimes = new Map<string, number[]>(cases.map((c) => [c.name, []]));
  const peakRss = new Map<string, number>(cases.map((c) => [c.name, 0]));

  for (let w = 0; w < options.warmup; w++) {
    for (const c of cases) await c.step();
  }
  for (let i = 0; i < options.iterations; i++) {
    for (let j = 0; j < cases.length; j++) {
      const c = cases[(i + j) % cases.length];
      const start = performance.now();
      const cpuStart = process.cpuUsage();
      await c.step();
      times.get(c.name)!.push(performance.now() - start);
      const cpu = process.cpuUsage(cpuStart);
      cpuTimes.get(c.name)!.push((cpu.user + cpu.system) / 1000);
      peakRss.set(c.name, Math.max(peakRss.get(c.name)!, process.memoryUsage().rss));
    }
    log(`  step ${i + 1}/${options.iterations}: ${cases.map((c) => `${c.name} ${times.get(c.name)!.at(-1)!.toFixed(0)} ms`).join(', ')}`);
  }

  const reference = median(times.get(cases[0].name)!);
  const cpuReference = median(cpuTimes.get(cases[0].name)!);
  const results: BenchResult[] = cases.map((c) => {
    const ms = median(times.get(c.name)!);
    return {
      case: c.name, backend: info.backend, msPerStep: round(ms), ratio: round(ms / reference, 4),
      peakRssMb: round(peakRss.get(c.name)! / 2 ** 20), cpuMsPerStep: round(median(cpuTimes.get(c.name)!)),
      cpuRatio: round(median(cpuTimes.get(c.name)!) / cpuReference, 4),
    };
  });

  const torch = options.torch ? torchRows(options, info) : [];
  for (const t of torch) {
    results.push({ case: `pytorch-${t.threads}thread${t.threads === 1 ? '' : 's'}`, backend: `pytorch ${t.version} (${t.threads} thread${t.threads === 1 ? '' : 's'})`, msPerStep: round(t.msPerStep), ratio: round(t.msPerStep / reference, 4), peakRssMb: NaN, cpuMsPerStep: round(t.cpuMsPerStep), cpuRatio: round(t.cpuMsPerStep / cpuReference, 4) });
  }

  if (options.json) {
    for (const r of results) console.log(JSON.stringify({ ...r, device: info.device, batchSize: options.batchSize, iterations: options.iterations }));
  } else {
    console.log(`backend ${info.backend} — ${info.device}; batch ${options.batchSize}; median of ${options.iterations} interleaved steps`);
    console.log(formatBenchTable(results));
    const parallel = results.find((r) => r.case === 'baseline-2workers');
    for (const t of torch) {
      const threads = `${t.threads} thread${t.threads === 1 ? '' : 's'}`;
      console.log(`tfjs ${cases[0].name} ÷ PyTorch (${threads}): ${(reference / t.msPerStep).toFixed(2)} wall${t.threads === 1 ? `, ${(cpuReference / t.cpuMsPerStep).toFixed(2)} CPU time` : ''}`);
      if (parallel && t.threads === 2) console.log(`tfjs baseline-2workers ÷ PyTorch (${threads}): ${(parallel.msPerStep / t.msPerStep).toFixed(2)}`);
    }
    if (options.torch && torch.length === 0) console.log(`PyTorch: no comparison (none of ${TORCH_PYTHONS.join(', ')} could import torch, or the run failed)`);
  }
  if (options.profile) await printProfiles(cases, info);
  cases.forEach((c) => c.dispose());
}

async function printProfiles(cases: BenchCase[], info: BackendInfo): Promise<void> {
  for (const c of cases) {
    let stepMs = 0;
    const profile = await profileKernels(info.backend, async () => {
      const start = process.cpuUsage();
      await c.step();
      const used = process.cpuUsage(start);
      stepMs = (used.user + used.system) / 1000;
    });
    console.log(formatProfile(c.name, profile, stepMs));
  }
}

/** Threads PyTorch gets: as many as the tfjs backend uses for one run. */
function comparableThreads(info: BackendInfo): number {
  if (info.backend === 'wasm') return getThreadsCount();
  if (info.backend === 'cpu') return 1;
  return availableParallelism();
}

/** PyTorch on the same network, batch and step counts, once per requested thread count; failures are reported and skipped. */
function torchRows(options: BenchOptions, info: BackendInfo): TorchResult[] {
  const python = findTorchPython();
  if (!python) return [];
  const threads = options.torchThreads.length > 0 ? options.torchThreads : [comparableThreads(info)];
  return threads.flatMap((n) => {
    const result = runTorch(python, options.batchSize, options.iterations, options.warmup, n);
    if (result instanceof Error) {
      console.error(`bench: ${result.message}`);
      return [];
    }
    return [result];
  });
}

function round(x: number, digits = 1): number {
  return Number(x.toFixed(digits));
}

await main();
