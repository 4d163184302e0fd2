import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts'],
    // tfjs backends are process-global singletons: one process per test file, one file at a time
    // (the machines have 2 cores and a wasm training step already uses one).
    pool: 'forks',
    fileParallelism: false,
    testTimeout: 180_000,
    hookTimeout: 180_000,
  },
});
