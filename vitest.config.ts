import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts', 'src/**/*.test.ts', 'ingest/**/*.test.ts'],
    // A safety net, not a timing: tests that start the CLI or a server take several times longer on a busy 2-core machine.
    testTimeout: 120_000,
    hookTimeout: 120_000,
    pool: 'forks',
    // As production runs (src/guardrails/regexp-engine.ts).
    execArgv: ['--no-regexp-tier-up'],
    maxWorkers: 2,
  },
});
