import * as tf from '@tensorflow/tfjs';

function cpuMs(): number {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
}

/** CPU milliseconds per kernel name over the profiled calls (kernels the engine ran, nested calls included). */
export type KernelProfile = Map<string, { ms: number; calls: number }>;

/**
 * Times (CPU time, steady on a shared machine) every kernel of `backendName` the engine runs while `fn` runs. Only outermost calls are
 * counted, so a replacement kernel's time includes the stock kernels it delegates to.
 */
export async function profileKernels(backendName: string, fn: () => Promise<void>): Promise<KernelProfile> {
  const profile: KernelProfile = new Map();
  const restore: (() => void)[] = [];
  let depth = 0;
  for (const config of tf.getKernelsForBackend(backendName)) {
    const original = config.kernelFunc;
    const mutable = config as { kernelFunc: tf.KernelFunc };
    mutable.kernelFunc = ((args: Parameters<tf.KernelFunc>[0]) => {
      const start = depth === 0 ? cpuMs() : 0;
      depth++;
      try {
        return original(args);
      } finally {
        depth--;
        if (depth === 0) {
          const entry = profile.get(config.kernelName) ?? { ms: 0, calls: 0 };
          entry.ms += cpuMs() - start;
          entry.calls++;
          profile.set(config.kernelName, entry);
        }
      }
    }) as tf.KernelFunc;
    restore.push(() => { mutable.kernelFunc = original; });
  }
  try {
    await fn();
  } finally {
    restore.forEach((r) => r());
  }
  return profile;
}

/** The `top` most expensive kernels and the total, one per line. */
export function formatProfile(title: string, profile: KernelProfile, stepMs: number, top = 12): string {
  const rows = [...profile.entries()].sort((a, b) => b[1].ms - a[1].ms);
  const kernelMs = rows.reduce((s, [, e]) => s + e.ms, 0);
  const lines = rows.slice(0, top).map(([name, e]) => `  ${name.padEnd(26)}${e.ms.toFixed(1).padStart(9)} ms${String(e.calls).padStart(6)} calls`);
  return [`${title}: step ${stepMs.toFixed(1)} ms, kernels ${kernelMs.toFixed(1)} ms, outside kernels ${(stepMs - kernelMs).toFixed(1)} ms`, ...lines].join('\n');
}
