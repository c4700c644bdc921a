import { createRequire } from 'node:module';
import type { Counter, Gauge, Histogram, Registry } from 'prom-client';

type CounterOf<L extends string> = Pick<Counter<L>, 'inc'>;
type GaugeOf<L extends string> = Pick<Gauge<L>, 'set' | 'inc' | 'dec'>;
type HistogramOf<L extends string> = Pick<Histogram<L>, 'observe'>;

/** Prometheus metrics of one process, exposed at GET /metrics. */
export interface Metrics {
  /** What GET /metrics serves; undefined where nothing is exposed (one-shot CLI commands). */
  readonly registry: Registry | undefined;
  readonly answerSeconds: HistogramOf<'status' | 'generator'>;
  readonly retrievalSeconds: HistogramOf<string>;
  readonly answers: CounterOf<'status'>;
  readonly documents: GaugeOf<string>;
  readonly chunks: GaugeOf<string>;
  readonly ingestFailures: CounterOf<string>;
  readonly indexSnapshotErrors: CounterOf<string>;
  readonly inFlight: GaugeOf<string>;
  /** Translations for cross-language search not made: `budget` (TRANSLATION_CONCURRENCY reached) or `busy` (the model's queue full). */
  readonly translationsSkipped: CounterOf<'reason'>;
  /** Questions handed off to an expert channel ("Ask a person"), by route and platform. */
  readonly handOffs: CounterOf<'route' | 'platform'>;
  /** Hand-offs marked resolved, by route. */
  readonly handOffResolutions: CounterOf<'route'>;
  /** Time from hand-off to "Resolved", by route. */
  readonly handOffResolutionSeconds: HistogramOf<'route'>;
  /** Expert replies relayed to askers, by the guard's verdict (held ones went to review instead). */
  readonly handOffReplies: CounterOf<'verdict'>;
  /** Synced sources (SOURCES_FILE): when each last finished a run (ok or partial), as Unix seconds. */
  readonly sourceLastSuccess: GaugeOf<'source'>;
  /** Items each synced source holds after its last run. */
  readonly sourceItems: GaugeOf<'source'>;
  /** Runs of each synced source by outcome: ok, partial (some items failed), failed, busy (another replica ran it). */
  readonly sourceRuns: CounterOf<'source' | 'status'>;
  /** Items of each synced source that failed to sync (their old version stays). */
  readonly sourceItemFailures: CounterOf<'source'>;
}

/**
 * Metrics that count nothing, for the CLI's one-shot commands: nothing would ever read them, and
 * loading prom-client is a tenth of a short command's start.
 */
export function discardedMetrics(): Metrics {
  const none = { inc() {}, dec() {}, set() {}, observe() {} };
  return {
    registry: undefined,
    answerSeconds: none,
    retrievalSeconds: none,
    answers: none,
    documents: none,
    chunks: none,
    ingestFailures: none,
    indexSnapshotErrors: none,
    inFlight: none,
    translationsSkipped: none,
    handOffs: none,
    handOffResolutions: none,
    handOffResolutionSeconds: none,
    handOffReplies: none,
    sourceLastSuccess: none,
    sourceItems: none,
    sourceRuns: none,
    sourceItemFailures: none,
  };
}

export function createMetrics(options: { readonly defaultMetrics?: boolean } = {}): Metrics {
  // Loaded here, not at import: commands that discard their metrics never load it.
  const { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } = createRequire(import.meta.url)(
    'prom-client',
  ) as typeof import('prom-client');
  const registry = new Registry();
  if (options.defaultMetrics) collectDefaultMetrics({ register: registry, prefix: 'polydesk_' });
  const latencyBuckets = [0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60];
  return {
    registry,
    answerSeconds: new Histogram({
      name: 'polydesk_answer_duration_seconds',
      help: 'Time from question to final verdict',
      labelNames: ['status', 'generator'],
      buckets: latencyBuckets,
      registers: [registry],
    }),
    retrievalSeconds: new Histogram({
      name: 'polydesk_retrieval_duration_seconds',
      help: 'Time spent in retrieval per question',
      buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1],
      registers: [registry],
    }),
    answers: new Counter({
      name: 'polydesk_answers_total',
      help: 'Answers by outcome',
      labelNames: ['status'],
      registers: [registry],
    }),
    documents: new Gauge({
      name: 'polydesk_documents',
      help: 'Documents in the knowledge base',
      registers: [registry],
    }),
    chunks: new Gauge({ name: 'polydesk_chunks', help: 'Chunks in the search index', registers: [registry] }),
    ingestFailures: new Counter({
      name: 'polydesk_ingest_failures_total',
      help: 'Files that failed to ingest',
      registers: [registry],
    }),
    indexSnapshotErrors: new Counter({
      name: 'polydesk_index_snapshot_errors_total',
      help: 'Index snapshots that could not be written or read (the previous index stays in use)',
      registers: [registry],
    }),
    inFlight: new Gauge({
      name: 'polydesk_answers_in_flight',
      help: 'Answers being worked on',
      registers: [registry],
    }),
    translationsSkipped: new Counter({
      name: 'polydesk_translations_skipped_total',
      help: 'Translations for cross-language search skipped under load (the question is searched as asked)',
      labelNames: ['reason'],
      registers: [registry],
    }),
    handOffs: new Counter({
      name: 'polydesk_handoffs_total',
      help: 'Questions handed off to an expert channel ("Ask a person")',
      labelNames: ['route', 'platform'],
      registers: [registry],
    }),
    handOffResolutions: new Counter({
      name: 'polydesk_handoff_resolutions_total',
      help: 'Hand-offs marked resolved in their expert channel',
      labelNames: ['route'],
      registers: [registry],
    }),
    handOffResolutionSeconds: new Histogram({
      name: 'polydesk_handoff_resolution_seconds',
      help: 'Time from a hand-off to its "Resolved"',
      labelNames: ['route'],
      // Minutes to days: experts answer in office hours.
      buckets: [60, 300, 900, 1800, 3600, 7200, 14_400, 28_800, 86_400, 259_200, 604_800],
      registers: [registry],
    }),
    handOffReplies: new Counter({
      name: 'polydesk_handoff_replies_total',
      help: 'Expert replies relayed to askers, by the guard verdict',
      labelNames: ['verdict'],
      registers: [registry],
    }),
    sourceLastSuccess: new Gauge({
      name: 'polydesk_source_last_success_timestamp_seconds',
      help: 'When each synced source last finished a run that listed it (Unix time)',
      labelNames: ['source'],
      registers: [registry],
    }),
    sourceItems: new Gauge({
      name: 'polydesk_source_items',
      help: 'Items each synced source holds',
      labelNames: ['source'],
      registers: [registry],
    }),
    sourceRuns: new Counter({
      name: 'polydesk_source_runs_total',
      help: 'Runs of each synced source by outcome (ok, partial, failed, busy)',
      labelNames: ['source', 'status'],
      registers: [registry],
    }),
    sourceItemFailures: new Counter({
      name: 'polydesk_source_item_failures_total',
      help: 'Items of synced sources that failed to sync (their old version stays)',
      labelNames: ['source'],
      registers: [registry],
    }),
  };
}
