import type { SummaryRecorder, SummaryWriter } from '../answer/summary.js';
import type { SummaryDocuments } from '../answer/summary-documents.js';
import type { Config } from '../config.js';
import { writeAbstractiveSummary } from '../inference/abstractive-summary.js';
import { detectLanguage } from '../inference/language.js';
import type { TextEngine } from '../inference/text-engine.js';
import type { Tokenize } from '../inference/reader-question.js';
import type { InstructionFinder } from '../inference/untrusted-sentences.js';
import type { Store } from '../store/store.js';

/** Documents considered for a title match: the newest this many (a title search, not a catalogue). */
const MAX_TITLE_CANDIDATES = 5000;

/** The documents a summary may be asked for, from the store. */
export function storeSummaryDocuments(store: Store): SummaryDocuments {
  return {
    exact: async (reference) =>
      (await store.documents.get(reference)) ?? (await store.documents.getBySource(reference)),
    list: () => store.documents.list({ limit: MAX_TITLE_CANDIDATES, offset: 0 }),
    chunks: async (docId) => (await store.documents.documentChunks([docId])).get(docId) ?? [],
  };
}

/** Summaries are recorded with the questions, marked as summaries; held ones become reviews. */
export function storeSummaryRecorder(store: Store): SummaryRecorder {
  return {
    create: (question) => store.questions.create(question, 'summary'),
    complete: (id, result, attempt) => store.questions.complete(id, result, attempt),
    hold: ({ questionId, text, verdict, language, citations }) =>
      store.reviews.create({ questionId, text, findings: verdict.findings, language, citations }),
  };
}

/** The configured model as a summary writer (map-reduce within its context window). */
export function summaryWriter(
  engine: TextEngine,
  config: Config,
  untrusted: InstructionFinder,
  tokenize: Tokenize,
): SummaryWriter {
  return {
    name: engine.name,
    write: (request) =>
      writeAbstractiveSummary(
        {
          engine,
          maxTokens: Math.min(config.llm.maxNewTokens, Math.floor(engine.contextTokens / 4)),
          deadlineMs: config.llm.deadlineMs,
          totalDeadlineMs: config.llm.summaryDeadlineMs,
          maxCalls: config.llm.summaryMaxCalls,
          tokenize,
          untrusted,
          detectLanguage,
        },
        request,
      ),
  };
}
