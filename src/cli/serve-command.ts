import path from 'node:path';
import { describeError } from '../core/errors.js';
import { PACKAGE_ROOT } from '../core/package-root.js';
import { syncPaths } from '../../ingest/sync.js';
import { REGEXP_FLAG, regexpTierUpOff } from '../guardrails/regexp-engine.js';
import { createReliability } from '../reliability/reliability.js';
import type { Runtime } from '../runtime.js';
import { InFlight, type ReadinessCheck, createExpressApp, listen } from '../server.js';
import { loadLanguageModel } from '../inference/language.js';
import { AdminRepository } from '../store/admin-repository.js';
import { createAdapters } from '../wiring/adapters.js';
import { webChatAccess } from '../wiring/web-chat-access.js';
import { webAnswerRating, webHeldAnswer } from '../wiring/web-chat-answers.js';
import { SourceScheduler } from '../../ingest/sources/source-scheduler.js';
import { openSources, runOpenSource } from '../wiring/sources.js';

export const SAMPLE_KNOWLEDGE = path.join(PACKAGE_ROOT, 'examples', 'knowledge');

const LOOPBACK = new Set(['127.0.0.1', '::1', 'localhost']);

/** Ingests the bundled sample knowledge base into an empty store. */
export async function ingestSamplesIfEmpty(runtime: Runtime): Promise<boolean> {
  if (!runtime.config.samples) return false;
  const { documents } = await runtime.store.documents.counts();
  if (documents > 0) return false;
  runtime.logger('info', 'samples.ingesting', { path: SAMPLE_KNOWLEDGE });
  const report = await syncPaths(runtime.ingestDeps, {
    paths: [SAMPLE_KNOWLEDGE],
    maxBytes: runtime.config.maxFileBytes,
    cwd: PACKAGE_ROOT,
  });
  await runtime.index.persist();
  runtime.logger('info', 'samples.ingested', { added: report.added.length, failed: report.failed.length });
  return true;
}

/** A running `serve`: what {@link startServe} started, until `stop`. */
export interface ServeInstance {
  readonly port: number;
  /** Requests being handled now (logged when stopping). */
  readonly inFlight: number;
  /** Stops taking requests, lets those in flight finish (up to `graceMs`), then stops the adapters and the heartbeat. */
  stop(graceMs?: number): Promise<void>;
}

/**
 * Everything `polydesk serve` runs: the sample knowledge base on first start, the admission path
 * (rate limit, fair queue), the chat adapters and admin UI, the HTTP server, heartbeat and recovery,
 * and the index refresh tick. The benches start the same thing, so that they measure what serve does.
 */
export async function startServe(runtime: Runtime): Promise<ServeInstance> {
  const { config, logger } = runtime;
  if (!regexpTierUpOff()) {
    // Correct either way; without it the guard slows down about 15x once the process has run a while.
    logger('warn', 'serve.regexp_tier_up', {
      hint: `start Node with ${REGEXP_FLAG} (npm start and bin/polydesk.mjs do): see src/guardrails/regexp-engine.ts`,
    });
  }
  // SOURCES_FILE first: an invalid one fails the start before anything listens.
  const sources = await openSources(runtime);
  const scheduler = sources
    ? new SourceScheduler({
        sources,
        run: (source, signal) => runOpenSource(runtime, source, signal),
        logger,
      })
    : undefined;
  await ingestSamplesIfEmpty(runtime);
  const reliability = createReliability(runtime);
  // Every adapter answers and summarises through the rate limit and the fair queues.
  const adapters = await createAdapters(
    { ...runtime, answers: reliability.answers, summaries: reliability.summaries },
    {
      sources:
        scheduler && sources ? { scheduler, definitions: sources.map((s) => s.definition) } : undefined,
    },
  );
  let accepting = true;
  const readiness: ReadinessCheck[] = [
    { name: 'accepting', check: async () => accepting },
    { name: 'database', check: () => runtime.store.ping() },
    ...reliability.readiness,
    ...adapters.readiness,
  ];
  const webChat = webChatAccess({ config, admins: new AdminRepository(runtime.store.db) });
  const inFlight = new InFlight();
  const app = createExpressApp(
    {
      answers: reliability.answers,
      directory: runtime.directory,
      metrics: runtime.metrics,
      logger,
      readiness,
      mounts: adapters.mounts,
      webChat: webChat && {
        access: webChat,
        maxQuestionChars: config.maxQuestionChars,
        heldAnswer: webHeldAnswer(runtime.store, adapters.reviews),
        rateAnswer: webAnswerRating(runtime.store),
        handOff: adapters.handOff,
        summaries: reliability.summaries,
      },
      trustProxy: config.trustProxy,
    },
    inFlight,
  );
  const server = await listen(app, inFlight, config.port, config.host);
  // The short-question language model loads now rather than on the first question that needs it.
  void loadLanguageModel(logger);
  try {
    await adapters.start();
    await reliability.start(adapters.delivery);
  } catch (error) {
    // Already listening, /healthz answering 200: stop everything and fail, so that a supervisor sees
    // the exit and restarts or alerts, instead of a healthy-looking process that answers nobody.
    logger('error', 'server.start_failed', { error: describeError(error) });
    accepting = false;
    await server.close(1_000);
    await adapters.stop();
    await reliability.stop().catch(() => {});
    throw error;
  }
  // Synced sources run on their schedules, and a folder soon after it changes (one replica per source).
  scheduler?.start();
  const counts = await runtime.store.documents.counts();
  runtime.metrics.documents.set(counts.documents);
  runtime.metrics.chunks.set(counts.chunks);
  logger('info', 'server.listening', {
    url: `http://${config.host === '0.0.0.0' ? 'localhost' : config.host}:${server.port}`,
    documents: counts.documents,
    chunks: counts.chunks,
    generator: runtime.generator.name,
    retrieval: config.retrievalMode,
    webChat: config.webChat.mode,
  });
  if (config.webChat.mode === 'open' && !LOOPBACK.has(config.host))
    logger('warn', 'web_chat.open', {
      hint: `anyone who reaches ${config.host}:${server.port} can use the chat page without signing in (WEB_CHAT=open): set HOST=127.0.0.1, or WEB_CHAT=on (admin sign-in) or off`,
    });
  else if (config.webChat.mode === 'local' && !LOOPBACK.has(config.host))
    logger('info', 'web_chat.local_only', {
      hint: 'the chat page answers only browsers on this machine: WEB_CHAT=on serves it to signed-in users on the network',
    });

  // Every 0.5 s, one refresh at a time: a tick that finds the last one still running skips (the
  // index applies only what changed, so the next tick catches up with everything). An idle tick is
  // one read of the content version and of the canaries.
  let refreshing = false;
  const refresh = setInterval(() => {
    if (refreshing) return;
    refreshing = true;
    runtime
      .refresh()
      .then(async (changed) => {
        if (!changed) return;
        const c = await runtime.store.documents.counts();
        runtime.metrics.documents.set(c.documents);
        runtime.metrics.chunks.set(c.chunks);
      })
      .catch((error) => logger('warn', 'index.refresh_failed', { error: describeError(error) }))
      .finally(() => {
        refreshing = false;
      });
  }, 500);
  refresh.unref();
  const stopDirectory = runtime.graphDirectory?.start();

  return {
    port: server.port,
    get inFlight() {
      return server.inFlight.size;
    },
    async stop(graceMs = 30_000) {
      accepting = false;
      clearInterval(refresh);
      stopDirectory?.();
      await scheduler?.stop();
      await server.close(graceMs);
      await adapters.stop();
      // After the adapters: the heartbeat goes last, so that what is left unanswered is taken over at once.
      await reliability.stop();
    },
  };
}

/** `polydesk serve`: HTTP server with chat adapters, admin UI and the local chat page, until SIGTERM or SIGINT. */
export async function serveCommand(runtime: Runtime): Promise<number> {
  const { logger } = runtime;
  const serve = await startServe(runtime);
  await new Promise<void>((resolve) => {
    const stop = (signal: string) => {
      logger('info', 'server.stopping', { signal, inFlight: serve.inFlight });
      resolve();
    };
    process.once('SIGTERM', () => stop('SIGTERM'));
    process.once('SIGINT', () => stop('SIGINT'));
  });
  await serve.stop(30_000);
  logger('info', 'server.stopped', {});
  return 0;
}
