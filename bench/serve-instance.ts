/**
 * `polydesk serve` inside the bench process, started by the same function the command runs
 * (src/cli/serve-command.ts `startServe`): the sample knowledge base ingested on first start, the
 * admission path (rate limit, fair queue), the adapters that the environment enables, the HTTP
 * server with its middleware, heartbeat, recovery and the refresh tick. SQLite in a temp folder.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { type ServeInstance, startServe } from '../src/cli/serve-command.js';
import { type Config, loadConfig } from '../src/config.js';
import { silentLogger } from '../src/core/log.js';
import { SUPPORTED_LANGUAGES, t } from '../src/core/i18n.js';
import { createRuntime } from '../src/runtime.js';

export interface BenchServe {
  /** `http://127.0.0.1:port` */
  readonly url: string;
  readonly config: Config;
  stop(): Promise<void>;
}

/**
 * Starts serve on a free loopback port with `env` added to a fresh DATA_DIR. The rate limit is off
 * unless `env` sets one: a bench's few askers send hundreds of questions a minute, which the
 * default limit (20 a minute each) would mostly answer "busy"; the fair queue keeps its defaults.
 */
export async function startBenchServe(name: string, env: Record<string, string>): Promise<BenchServe> {
  const dir = mkdtempSync(path.join(tmpdir(), `polydesk-bench-${name}-`));
  const config = loadConfig(
    { DATA_DIR: path.join(dir, 'data'), PORT: '0', HOST: '127.0.0.1', RATE_LIMIT_PER_MINUTE: '0', ...env },
    dir,
  );
  const runtime = await createRuntime(config, silentLogger);
  let serve: ServeInstance;
  try {
    serve = await startServe(runtime);
  } catch (error) {
    await runtime.close();
    rmSync(dir, { recursive: true, force: true });
    throw error;
  }
  return {
    url: `http://127.0.0.1:${serve.port}`,
    config,
    async stop() {
      try {
        await serve.stop(5_000);
      } finally {
        await runtime.close();
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}

const BUSY = SUPPORTED_LANGUAGES.map((language) => t(language, 'busy'));

/** Whether a reply is the "busy, try again in a minute" notice (in any language). */
export function isBusyReply(text: string): boolean {
  return BUSY.some((busy) => text.includes(busy));
}

/** How admission was set for the run, for the report. */
export function admissionNote(config: Config): string {
  const r = config.reliability;
  const limit =
    r.rateLimitPerMinute > 0
      ? `${r.rateLimitPerMinute}`
      : '0 (off: a dozen askers send hundreds of questions a minute here, which the default 20 a minute each would mostly answer "busy")';
  return (
    `Admission as \`serve\` runs it (rate limit, then the per-asker fair queue): ANSWER_CONCURRENCY ${r.answerConcurrency}, ` +
    `ANSWER_QUEUE_SIZE ${r.answerQueueSize}, RATE_LIMIT_PER_MINUTE ${limit}`
  );
}
