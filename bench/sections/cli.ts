/**
 * The CLI's start-up: `polydesk ask --json` on the bundled sample knowledge base, as a user runs it
 * (bin/polydesk.mjs, which runs the JavaScript that `npm ci` built and bundled into dist/bundle/), against a bare
 * `node -e 0` on the same machine in the same run — the ratio is what issue 16 asks to keep ≤ 8×.
 * The same question run from the TypeScript sources through tsx (POLYDESK_FROM_SOURCE=1, how every
 * start ran before dist/) is the baseline. Runs alternate (bare, built, source) so that a busy
 * machine slows all three alike; medians of wall time.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { type BenchReport, formatNumber, percentile } from '../report.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const BIN = path.join(ROOT, 'bin', 'polydesk.mjs');
const ROUNDS = 7;
const QUESTIONS = ['How many vacation days do I get?', 'Wie beantrage ich Urlaub?'];

function timed(args: readonly string[], env: NodeJS.ProcessEnv): number {
  const start = process.hrtime.bigint();
  const result = spawnSync(process.execPath, args, { env, encoding: 'utf8', cwd: ROOT });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  if (result.status !== 0)
    throw new Error(`${args.join(' ')} exited ${result.status}: ${result.stderr.slice(0, 300)}`);
  return ms;
}

export async function run(report: BenchReport): Promise<void> {
  report.section('CLI start-up: polydesk ask --json');
  // The built JavaScript must be current, or bin/polydesk.mjs would run the sources.
  execFileSync(process.execPath, [path.join(ROOT, 'scripts', 'build.mjs')], { cwd: ROOT, stdio: 'ignore' });
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'polydesk-bench-cli-'));
  try {
    const env = { ...process.env, DATA_DIR: dataDir, POLYDESK_SAMPLES: '0', LOG_LEVEL: 'error' };
    execFileSync(
      process.execPath,
      ['--no-regexp-tier-up', BIN, 'ingest', path.join(ROOT, 'examples', 'knowledge'), '--json'],
      {
        env,
        cwd: ROOT,
        stdio: 'ignore',
      },
    );
    const bare: number[] = [];
    const built: number[] = [];
    const source: number[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      const question = QUESTIONS[round % QUESTIONS.length]!;
      const ask = ['--no-regexp-tier-up', BIN, 'ask', question, '--json'];
      bare.push(timed(['-e', '0'], env));
      built.push(timed(ask, env));
      source.push(timed(ask, { ...env, POLYDESK_FROM_SOURCE: '1' }));
    }
    const median = (values: number[]) => percentile(values, 50);
    const base = median(bare);
    report.table(
      ['command', 'runs', 'median ms', 'p90 ms', 'ratio to node -e 0'],
      [
        ['node -e 0', ROUNDS, formatNumber(base), formatNumber(percentile(bare, 90)), '1.0×'],
        [
          'polydesk ask --json (dist/bundle/, as installed)',
          ROUNDS,
          formatNumber(median(built)),
          formatNumber(percentile(built, 90)),
          `${(median(built) / base).toFixed(1)}×`,
        ],
        [
          'polydesk ask --json (sources through tsx, before)',
          ROUNDS,
          formatNumber(median(source)),
          formatNumber(percentile(source, 90)),
          `${(median(source) / base).toFixed(1)}×`,
        ],
      ],
    );
    report.note(
      `Bar (issue 16): ask ≤ 8× node -e 0. ${os.loadavg()[0]!.toFixed(1)} load average (1 min) at the end of the run; a busy machine inflates the ratio.`,
    );
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}
