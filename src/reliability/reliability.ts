import type { Kysely } from 'kysely';
import { recordedQuestion } from '../answer/answer.js';
import type { AnswerService, DeliveryChannel } from '../answer/ports.js';
import type { SummaryService } from '../answer/summary-ports.js';
import type { Platform } from '../core/types.js';
import { detectQuestionLanguage } from '../inference/language.js';
import type { Runtime } from '../runtime.js';
import type { ReadinessCheck } from '../server.js';
import type { ReliabilityDatabase } from '../store/question-repository.js';
import { withAdmission, withSummaryAdmission } from './admission.js';
import { FairQueue } from './fair-queue.js';
import { createRateLimiter } from './rate-limiter.js';
import { RecoveryWorker } from './recovery-worker.js';
import { createReliabilityMetrics } from './reliability-metrics.js';
import { scheduleRetention } from './retention.js';
import { HeartbeatThread } from './heartbeat-thread.js';
import { WorkerHeartbeat } from './worker-heartbeat.js';

/** Claims after which a question that keeps killing its workers gets an apology instead. */
const MAX_ATTEMPTS = 3;

/** What `serve` adds around the pipeline so that bursts, crashes and old data are handled. */
export interface Reliability {
  /** The pipeline behind the per-asker rate limit and the fair, bounded queue. */
  readonly answers: AnswerService;
  /** The summariser behind the same rate limit and a small fair queue of its own. */
  readonly summaries: SummaryService;
  readonly readiness: readonly ReadinessCheck[];
  /** Starts the heartbeat, crash recovery (through the adapters' delivery channels) and retention. */
  start(delivery: (platform: Platform) => DeliveryChannel | undefined): Promise<void>;
  stop(): Promise<void>;
}

export function createReliability(runtime: Runtime): Reliability {
  const { config, logger, store } = runtime;
  const settings = config.reliability;
  const queue = new FairQueue({
    concurrency: settings.answerConcurrency,
    maxQueued: settings.answerQueueSize,
  });
  // serve's runtime collects metrics (createRuntime's default); only one-shot commands discard theirs.
  const registry = runtime.metrics.registry;
  if (!registry) throw new Error('the admission path needs a runtime that collects metrics');
  const metrics = createReliabilityMetrics(registry, queue);
  const limiter = createRateLimiter({
    perMinute: settings.rateLimitPerMinute,
    countSince: (asker, windowMs) => store.questions.countSince(asker, windowMs),
  });
  const answers = withAdmission(runtime.answers, {
    queue,
    limiter,
    logger,
    onRefused: (reason) => metrics.refused.inc({ reason }),
    recordClaimed: (question, claims) =>
      store.questions.createClaimed(recordedQuestion(question, config.maxQuestionChars), claims),
  });
  const summaries = withSummaryAdmission(runtime.summaries, {
    queue: new FairQueue({ concurrency: settings.summaryConcurrency, maxQueued: settings.summaryQueueSize }),
    limiter,
    logger,
    onRefused: (reason) => metrics.refused.inc({ reason }),
  });
  // Liveness: a worker silent (by the database's clock) for `afterMs` is dead and its questions are
  // taken over. It beats every fifth of that (at most every 5 s), from a thread and a connection of
  // its own, and acts on its claims only within half of it after a beat was sent: whatever it
  // starts to post, it starts at least `afterMs / 2` before another replica may claim the question.
  const afterMs = settings.recoveryAfterSeconds * 1000;
  const leaseMs = afterMs / 2;
  const intervalMs = Math.min(5_000, afterMs / 5);
  const db = store.db as unknown as Kysely<ReliabilityDatabase>;
  const worker = store.questions.worker;
  const { location } = store;
  const heartbeat =
    location.dialect === 'sqlite' && location.file === ':memory:'
      ? new WorkerHeartbeat({ db, dialect: store.dialect, worker, intervalMs, leaseMs, logger })
      : new HeartbeatThread({
          db,
          location,
          worker,
          intervalMs,
          leaseMs,
          // A main thread that has not run for this long is wedged, not slow.
          stallLimitMs: Math.max(60_000, 10 * afterMs),
          logger,
        });
  let recovery: RecoveryWorker | undefined;
  let stopRetention: (() => void) | undefined;

  return {
    answers,
    summaries,
    readiness: [
      { name: 'capacity', check: async () => !queue.saturated },
      // Without a heartbeat this replica holds no lease: it would take questions and answer none.
      { name: 'heartbeat', check: async () => heartbeat.running },
    ],
    async start(delivery) {
      await heartbeat.start();
      store.questions.useLease(heartbeat);
      recovery = new RecoveryWorker({
        questions: store.questions,
        answers: runtime.answers,
        directory: runtime.directory,
        delivery,
        detectLanguage: (text) => detectQuestionLanguage(text),
        logger,
        afterMs,
        maxAttempts: MAX_ATTEMPTS,
        onRecovered: (outcome) => metrics.recovered.inc({ outcome }),
        steady: () => heartbeat.steady,
      });
      recovery.start(Math.min(5_000, afterMs / 3));
      stopRetention = scheduleRetention({
        db: store.db,
        claims: store.events,
        days: config.retentionDays,
        logger,
        onAnonymised: (count) => metrics.anonymised.inc(count),
      });
    },
    async stop() {
      stopRetention?.();
      await recovery?.stop();
      await heartbeat.stop();
    },
  };
}
