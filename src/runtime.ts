import { existsSync } from 'node:fs';
import type { AnswerRecorder } from './answer/answer.js';
import { createAnswerService } from './answer/answer.js';
import type { AnswerService, Directory } from './answer/ports.js';
import type { SummaryService } from './answer/summary-ports.js';
import type { Config, DirectoryGraphConfig } from './config.js';
import { ConfigError } from './core/errors.js';
import type { Logger } from './core/log.js';
import { StaticDirectory } from './directory.js';
import type { GraphDirectory } from './graph-directory.js';
import type { Guard } from './guardrails/guard.js';
import type { Generator } from './inference/generator.js';
import { detectLanguage, detectQuestionLanguage } from './inference/language.js';
import { type Metrics, createMetrics, discardedMetrics } from './metrics.js';
import { KnowledgeIndex } from './rag/knowledge-index.js';
import { createDenseRetriever } from './rag/dense-retriever.js';
import type { Embedder } from './rag/embedder.js';
import { createHybridRetriever } from './rag/hybrid-retriever.js';
import { createLexicalRetriever } from './rag/lexical-retriever.js';
import { BUILT_IN_CONCEPTS, EMPTY_LEXICON, type Lexicon, loadLexicon } from './rag/lexicon.js';
import { analyze } from './rag/text-analyzer.js';
import { createStopTerms } from './inference/reader-question.js';
import { createTranslatingRetriever } from './rag/translating-retriever.js';
import { createTranslationBudget } from './inference/translation-budget.js';
import type { Retriever } from './rag/retriever.js';
import { Store } from './store/store.js';
import {
  type StandardAnswerService,
  createStandardAnswerLookup,
  createStandardAnswerService,
} from './helpdesk/standard-answers.js';
import { createGeneratorParts, findInstructions } from './wiring/generator.js';
import { type GuardParts, createGuardParts, detectInjection } from './wiring/guardrails.js';
import type { SyncDeps } from '../ingest/sync.js';

/** Every long-lived part of a PolyDesk process, built once from the configuration. */
export interface Runtime {
  readonly config: Config;
  readonly logger: Logger;
  readonly store: Store;
  readonly metrics: Metrics;
  readonly directory: Directory;
  /** Entra ID groups (DIRECTORY_GRAPH_GROUPS): read once here; `serve` refreshes them on their schedule. */
  readonly graphDirectory?: GraphDirectory | undefined;
  readonly index: KnowledgeIndex;
  readonly retriever: Retriever;
  /** The embedding model, when EMBEDDING_MODEL_DIR is set. */
  readonly embedder?: Embedder | undefined;
  readonly generator: Generator;
  readonly guard: Guard;
  /** Reloads the guardrails' canaries and restricted passages (after ingest, periodically in serve). */
  readonly guardParts: GuardParts;
  readonly answers: AnswerService;
  /** Summaries of documents and threads (issue 18). */
  readonly summaries: SummaryService;
  /** Standard answers: created in the admin UI and API or from an expert's reply, edited, retired. */
  readonly standardAnswers: StandardAnswerService;
  readonly ingestDeps: SyncDeps;
  /**
   * Picks up what other processes changed (CLI ingest, another replica, admin canaries): reloads the
   * search index and the guardrails' caches. Returns true when the knowledge base changed.
   */
  refresh(): Promise<boolean>;
  close(): Promise<void>;
}

/** The concept lexicon as configured: the built-in concepts plus the operator's `LEXICON_FILE`, or none. */
function openLexicon(config: Config): Lexicon {
  if (!config.lexicon.enabled) return EMPTY_LEXICON;
  try {
    return loadLexicon([BUILT_IN_CONCEPTS, ...(config.lexicon.file ? [config.lexicon.file] : [])], {
      isStopWord: createStopTerms(analyze),
    });
  } catch (error) {
    throw new ConfigError(`LEXICON_FILE: ${(error as Error).message}`);
  }
}

/** The pipeline's recorder on the database: questions, outcomes and held answers. */
export function storeRecorder(store: Store): AnswerRecorder {
  return {
    create: (question) => store.questions.create(question),
    complete: (id, result, attempt) => store.questions.complete(id, result, attempt),
    identify: (id, asker) => store.questions.identify(id, asker),
    beginDelivery: (id, attempt) => store.questions.beginDelivery(id, attempt),
    holdsLease: () => store.questions.holdsLease(),
    hold: async ({ questionId, text, verdict, language, citations }) =>
      store.reviews.create({ questionId, text, findings: verdict.findings, language, citations }),
  };
}

/** Memoises an async value for `ms` milliseconds. */
function cachedFor<T>(ms: number, load: () => Promise<T>): () => Promise<T> {
  let value: Promise<T> | undefined;
  let at = 0;
  return () => {
    if (!value || Date.now() - at > ms) {
      at = Date.now();
      value = load().catch((error: unknown) => {
        value = undefined;
        throw error;
      });
    }
    return value;
  };
}

/** The Entra ID directory with its first membership read (a failure is logged; DIRECTORY_FILE's groups still apply). */
async function openGraphDirectory(
  config: DirectoryGraphConfig,
  base: Directory,
  logger: Logger,
): Promise<GraphDirectory> {
  // Imported only where DIRECTORY_GRAPH_GROUPS is set: other starts do not load them.
  const [{ GraphClient }, { GraphDirectory }] = await Promise.all([
    import('./core/graph-client.js'),
    import('./graph-directory.js'),
  ]);
  const graph = new GraphClient({
    tenantId: config.tenantId,
    clientId: config.clientId,
    clientSecret: config.clientSecret,
    graphUrl: config.graphUrl,
    loginUrl: config.loginUrl,
    logger,
  });
  const directory = new GraphDirectory({
    graph,
    groups: config.groups,
    base,
    logger,
    refreshMs: config.refreshMs,
  });
  // A start waits for Graph a few seconds at most: an outage must not hold every CLI command for the
  // client's whole retry budget. A read still under way finishes in the background.
  let timer: NodeJS.Timeout | undefined;
  const waited = await Promise.race([
    directory.refresh(),
    new Promise<'late'>((resolve) => {
      timer = setTimeout(() => resolve('late'), FIRST_DIRECTORY_READ_MS);
    }),
  ]);
  clearTimeout(timer);
  if (waited === 'late') logger('warn', 'directory.graph_slow', { waitedMs: FIRST_DIRECTORY_READ_MS });
  return directory;
}

/** A summary service built when it is first asked for. */
function onFirstUse(build: () => Promise<SummaryService>): SummaryService {
  let service: Promise<SummaryService> | undefined;
  const get = () => {
    service ??= build().catch((error: unknown) => {
      service = undefined;
      throw error;
    });
    return service;
  };
  return {
    summarizeDocument: async (request, options) => (await get()).summarizeDocument(request, options),
    summarizeThread: async (request, options) => (await get()).summarizeThread(request, options),
  };
}

/** How long a start waits for the first Entra ID membership read. Chosen, not measured: room for some tens of Graph pages. */
const FIRST_DIRECTORY_READ_MS = 15_000;

export async function createRuntime(
  config: Config,
  logger: Logger,
  options: {
    /** `discard` for a one-shot command, whose metrics nobody reads (default `prometheus`). */
    readonly metrics?: 'prometheus' | 'discard' | undefined;
  } = {},
): Promise<Runtime> {
  // First, before anything is opened: a bad LEXICON_FILE is a configuration error.
  const lexicon = openLexicon(config);
  const metrics =
    options.metrics === 'discard' ? discardedMetrics() : createMetrics({ defaultMetrics: true });
  const store = await Store.open({
    dataDir: config.dataDir,
    databaseUrl: config.databaseUrl,
    statementTimeoutMs: config.databaseStatementTimeoutMs,
  });
  const closers: (() => Promise<void>)[] = [];
  try {
    if (config.directoryFile && !existsSync(config.directoryFile))
      logger('warn', 'directory.missing', { file: config.directoryFile });
    const fileDirectory =
      config.directoryFile && existsSync(config.directoryFile)
        ? StaticDirectory.fromFile(config.directoryFile)
        : new StaticDirectory();
    const graphDirectory = config.directoryGraph
      ? await openGraphDirectory(config.directoryGraph, fileDirectory, logger)
      : undefined;
    const directory: Directory = graphDirectory ?? fileDirectory;
    const embedder = config.embeddingModelDir
      ? await (await import('./rag/onnx-embedder.js')).createOnnxEmbedder({
          modelDir: config.embeddingModelDir,
          logger,
        })
      : undefined;
    closers.push(async () => embedder?.close());
    // Each question is embedded once, however many parts ask (standard answers, dense retrieval, reader).
    const questionEmbedder = embedder
      ? (await import('./rag/query-cache.js')).withQueryCache(embedder)
      : undefined;
    if (embedder) logger('info', 'retrieval.dense', { model: embedder.modelId, mode: config.retrievalMode });
    else logger('info', 'retrieval.lexical_only', { hint: 'set EMBEDDING_MODEL_DIR to add dense retrieval' });
    const index = await KnowledgeIndex.open({
      dataDir: config.dataDir,
      chunks: store.documents,
      logger,
      embedder,
      onSnapshotError: () => metrics.indexSnapshotErrors.inc(),
    });
    if (lexicon.size > 0)
      logger('info', 'lexicon.loaded', { concepts: lexicon.size, file: config.lexicon.file });
    const generatorParts = await createGeneratorParts(config, logger, () => index.lexical, questionEmbedder);
    closers.push(() => generatorParts.close());
    const generator = generatorParts.generator;
    const getChunks = (ids: readonly string[]) => store.documents.getChunks(ids);
    const lexical = createLexicalRetriever({
      index: () => index.lexical,
      getChunks,
      expand: (text, language, own) => lexicon.expansion(text, language ?? 'und', own),
    });
    const hybrid = createHybridRetriever({
      lexical,
      dense:
        embedder && index.dense
          ? createDenseRetriever({ embedder: questionEmbedder!, index: () => index.dense!, getChunks })
          : undefined,
      mode: embedder ? config.retrievalMode : 'lexical',
      logger,
    });
    const engine = generatorParts.engine;
    const retriever =
      engine && config.crossLanguageSearch
        ? createTranslatingRetriever({
            base: hybrid,
            translate: createTranslationBudget({
              engine,
              maxInFlight: config.translation.concurrency,
              maxTokens: config.translation.maxTokens,
              logger,
              onSkip: (reason) => metrics.translationsSkipped.inc({ reason }),
            }),
            corpusLanguages: cachedFor(60_000, () => store.documents.languages()),
            logger,
          })
        : hybrid;
    const guardParts = await createGuardParts({ store, config, logger });
    const guard = guardParts.guard;
    const standardAnswers = createStandardAnswerService({
      repository: store.standardAnswers,
      audit: store.audit,
      logger,
    });
    const answers = createAnswerService({
      retriever,
      standardAnswers: createStandardAnswerLookup({
        repository: store.standardAnswers,
        detectLanguage: detectQuestionLanguage,
        minScore: config.standardAnswerMinScore,
        lexicon,
        embedder: questionEmbedder,
        knowledge: () => index.lexical,
        logger,
      }),
      generator,
      guard,
      streamGuard: guardParts.streamGuard,
      recorder: storeRecorder(store),
      detectLanguage: detectQuestionLanguage,
      logger,
      maxQuestionChars: config.maxQuestionChars,
      observe: ({ status, generator: g, seconds, retrievalSeconds }) => {
        metrics.answers.inc({ status });
        metrics.answerSeconds.observe({ status, generator: g }, seconds);
        metrics.retrievalSeconds.observe(retrievalSeconds);
      },
    });
    // Built on first use: a start that summarises nothing (`ask`, `ingest`) does not load the
    // summariser and its prompts.
    const summaries = onFirstUse(async (): Promise<SummaryService> => {
      const [{ createSummaryService }, { summaryWriter, storeSummaryDocuments, storeSummaryRecorder }] =
        await Promise.all([import('./answer/summary.js'), import('./wiring/summaries.js')]);
      return createSummaryService({
        documents: storeSummaryDocuments(store),
        guard,
        streamGuard: guardParts.streamGuard,
        recorder: storeSummaryRecorder(store),
        tokenize: analyze,
        untrusted: findInstructions,
        detectLanguage: detectQuestionLanguage,
        writer: engine ? summaryWriter(engine, config, findInstructions, analyze) : undefined,
        logger,
      });
    });
    const ingestDeps: SyncDeps = {
      documents: store.documents,
      index,
      detectLanguage: (text) => detectLanguage(text),
      detectInjection,
      scanSensitive: (text) => guardParts.scanSensitive(text),
      embed: embedder ? (texts) => embedder.embed(texts, 'passage') : undefined,
      embeddingModel: embedder?.modelId,
      limits: config.contentLimits,
      logger,
    };
    return {
      config,
      logger,
      store,
      metrics,
      directory,
      graphDirectory,
      index,
      retriever,
      embedder,
      generator,
      guard,
      guardParts,
      answers,
      summaries,
      standardAnswers,
      ingestDeps,
      async refresh() {
        const changed = await index.refresh();
        await guardParts.refresh(index.contentVersion);
        return changed;
      },
      async close() {
        if (index.hasUnsavedChanges) await index.persist();
        for (const close of closers) await close();
        await store.close();
      },
    };
  } catch (error) {
    for (const close of closers) await close().catch(() => {});
    await store.close();
    throw error;
  }
}
