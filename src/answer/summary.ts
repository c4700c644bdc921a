import { describeError } from '../core/errors.js';
import { t } from '../core/i18n.js';
import type { Logger } from '../core/log.js';
import type { AnswerResult, Citation, IncomingQuestion, Principal, Verdict } from '../core/types.js';
import { notice } from '../guardrails/checked-text.js';
import type { Guard } from '../guardrails/guard.js';
import type { AbstractiveSummary, AbstractiveSummaryRequest } from '../inference/abstractive-summary.js';
import { extractiveSummary } from '../inference/extractive-summary.js';
import type { Tokenize } from '../inference/reader-question.js';
import type { InstructionFinder } from '../inference/untrusted-sentences.js';
import { type AnswerRecorder, type StreamGuardFactory, distinctReaders } from './answer.js';
import { type SummaryDocuments, findDocument, sectionsOf } from './summary-documents.js';
import type {
  DocumentSummaryRequest,
  SummaryOptions,
  SummaryProgress,
  SummaryRequestBase,
  SummaryResult,
  SummaryService,
  SummaryStatus,
  ThreadSummaryRequest,
} from './summary-ports.js';
import { type PreparedSummary, writeWithModel } from './summary-model.js';
import { composeAbstractive, composeExtractive, sectionSources } from './summary-text.js';
import { composeThreadAbstractive, composeThreadExtractive, threadSections } from './thread-summary-text.js';

/** Where summaries are recorded: with the questions, marked as summaries (the store implements it). */
export interface SummaryRecorder extends Pick<AnswerRecorder, 'complete' | 'hold'> {
  create(question: IncomingQuestion): Promise<string>;
}

/** A model that writes summaries (map-reduce over the sections); absent without one (GENERATOR=extractive). */
export interface SummaryWriter {
  /** The engine's name (`onnx`, `openai`), recorded as the generator. */
  readonly name: string;
  write(request: AbstractiveSummaryRequest): Promise<AbstractiveSummary>;
}

export interface SummaryServiceDeps {
  readonly documents: SummaryDocuments;
  readonly guard: Guard;
  readonly streamGuard?: StreamGuardFactory | undefined;
  readonly recorder: SummaryRecorder;
  /** The retrieval analyzer: sentences and titles compared by their terms. */
  readonly tokenize: Tokenize;
  /** Instructions aimed at the assistant: never quoted, never in a prompt. */
  readonly untrusted?: InstructionFinder | undefined;
  readonly detectLanguage: (text: string, localeHint?: string) => string | Promise<string>;
  readonly writer?: SummaryWriter | undefined;
  readonly logger: Logger;
  readonly observe?:
    | ((event: { status: SummaryStatus; generator: string; seconds: number }) => void)
    | undefined;
}

/** Characters of a thread read to tell its language when the request does not say. */
const LANGUAGE_SAMPLE = 2000;

/**
 * Summaries of documents and threads: the document found among those every reader may read → its
 * sections → the extractive summary (always made: it is the fallback) → the model's map-reduce
 * summary when one is configured → the guard, as for answers → held for review or shown → recorded
 * with the questions, marked as a summary.
 */
export function createSummaryService(deps: SummaryServiceDeps): SummaryService {
  const asked = (request: SummaryRequestBase, text: string): IncomingQuestion => ({
    text: text.slice(0, 2000),
    asker: request.requester,
    place: {
      platform: request.platform,
      kind: request.place?.kind ?? (request.platform === 'cli' ? 'local' : 'dm'),
      channelId: request.place?.channelId,
      threadId: request.place?.threadId,
      delivery: request.place?.delivery,
      readers: request.readers,
    },
    history: [],
    eventId: request.eventId,
  });

  /** One run: what both kinds of summary share once their sections and texts are known. */
  async function run(
    request: SummaryRequestBase,
    recorded: string,
    prepare: (
      language: string,
    ) => Promise<PreparedSummary | { readonly status: 'not_found'; readonly text: string }>,
    languageOf: () => Promise<string>,
    options: SummaryOptions,
  ): Promise<SummaryResult> {
    const started = performance.now();
    const question = asked(request, recorded);
    const questionId = await deps.recorder.create(question);
    const progress = (p: SummaryProgress) => request.onProgress?.(p);
    let language = request.language ?? localeLanguage(request.requester) ?? 'en';
    const finish = async (
      fields: Omit<SummaryResult, 'questionId' | 'language' | 'latencyMs' | 'verdict'> & {
        verdict?: Verdict;
      },
      chunkIds: readonly string[] = [],
      hold?: { text: string; verdict: Verdict; citations: readonly Citation[] },
    ): Promise<SummaryResult> => {
      // The reviewer reads the held text with its sources; the readers see the notice alone.
      const reviewId = hold
        ? await deps.recorder.hold({
            questionId,
            text: hold.text,
            verdict: hold.verdict,
            language,
            citations: hold.citations,
          })
        : undefined;
      const result: SummaryResult = {
        questionId,
        language,
        latencyMs: performance.now() - started,
        verdict: fields.verdict ?? { action: 'allow', findings: [], text: fields.text },
        ...fields,
        ...(reviewId ? { reviewId } : {}),
      };
      await deps.recorder.complete(questionId, asAnswer(result, chunkIds));
      deps.observe?.({
        status: result.status,
        generator: result.generator,
        seconds: result.latencyMs / 1000,
      });
      deps.logger('info', 'summary.done', {
        questionId,
        status: result.status,
        language,
        generator: result.generator,
        sources: result.citations.length,
        verdict: result.verdict.action,
        ms: Math.round(result.latencyMs),
      });
      return result;
    };
    const plain = (status: SummaryStatus, key: Parameters<typeof notice>[1]) =>
      finish({ status, text: notice(language, key), citations: [], generator: 'none', extractive: false });

    const work = async (): Promise<SummaryResult> => {
      try {
        language = await languageOf();
        progress({ type: 'started', questionId, language });
        const readers = distinctReaders(request.readers);
        const prepared = await prepare(language);
        if (prepared.status === 'not_found') {
          if (prepared.text === '') return await plain('not_found', 'summary.notFound');
          // "Did you mean": titles of documents the readers may read, checked like any text shown.
          const verdict = await deps.guard.check(prepared.text, { readers, sources: [], language });
          if (verdict.action !== 'allow') return await plain('not_found', 'summary.notFound');
          return await finish({
            status: 'not_found',
            text: verdict.text,
            citations: [],
            generator: 'none',
            extractive: false,
            verdict,
          });
        }
        const { sections } = prepared;
        const chosen = extractiveSummary(sections, prepared.sectionLanguage, {
          tokenize: deps.tokenize,
          untrusted: deps.untrusted,
        });
        if (chosen.length === 0) return await plain('not_found', 'summary.nothing');

        const modelled = deps.writer
          ? await writeWithModel({
              writer: deps.writer,
              streamGuard: deps.streamGuard,
              prepared,
              readers,
              language,
              sentences: Math.max(3, chosen.length),
              signal: request.signal,
              progress,
              logger: deps.logger,
              questionId,
            })
          : undefined;
        const generator = modelled?.generator ?? 'extractive';
        const lead = modelled && !modelled.composed ? t(language, 'summary.fallback') : undefined;
        const composed = modelled?.composed ?? prepared.extractive(chosen, language, lead);
        const base = { generator, extractive: generator !== deps.writer?.name };
        const chunkIds = prepared.chunkIds;
        const verdict = await deps.guard.check(composed.text, {
          readers,
          sources: composed.sources,
          language,
        });
        if (verdict.action === 'hold') {
          return await finish(
            { ...base, status: 'held', text: notice(language, 'summary.held'), citations: [], verdict },
            chunkIds,
            { text: composed.text, verdict, citations: composed.citations },
          );
        }
        if (verdict.action === 'block') {
          return await finish(
            { ...base, status: 'blocked', text: notice(language, 'blocked'), citations: [], verdict },
            chunkIds,
          );
        }
        return await finish(
          { ...base, status: 'answered', text: verdict.text, citations: composed.citations, verdict },
          chunkIds,
        );
      } catch (error) {
        if (request.signal?.aborted) {
          await cancelled();
          throw error;
        }
        deps.logger('error', 'summary.failed', { questionId, error: describeError(error) });
        return plain('failed', 'failed');
      }
    };
    // A request given up (the chat page closed, serve stopping) is recorded as failed, so that its
    // row is not left pending forever (recovery leaves summaries alone).
    let ended = false;
    const cancelled = async () => {
      if (ended) return;
      ended = true;
      await plain('failed', 'failed').catch(() => {});
    };
    // Recorded first, then admitted (the rate limit counts it): a refused request hears "busy".
    if (!options.schedule) return work();
    let result: SummaryResult | undefined;
    let ran: boolean;
    try {
      ran = await options.schedule(
        question,
        async () => {
          result = await work();
        },
        request.signal,
      );
    } catch (error) {
      if (request.signal?.aborted && !result) await cancelled();
      throw error;
    }
    return ran && result ? result : plain('busy', 'busy');
  }

  async function summarizeDocument(
    request: DocumentSummaryRequest,
    options: SummaryOptions = {},
  ): Promise<SummaryResult> {
    const readers = distinctReaders(request.readers);
    let found: Awaited<ReturnType<typeof findDocument>> | undefined;
    const lookUp = async () =>
      (found ??= await findDocument(
        request.document,
        readers,
        deps.documents,
        deps.tokenize,
        request.language,
      ));
    return run(
      request,
      request.document,
      async (language) => {
        const match = await lookUp();
        if (match.kind === 'unclear') {
          const titles = match.suggestions.map((doc) => `- ${doc.title}`);
          const text =
            titles.length === 0
              ? ''
              : `${t(language, 'summary.notFound')}\n\n${t(language, 'summary.didYouMean')}\n${titles.join('\n')}`;
          return { status: 'not_found', text };
        }
        const doc = match.document;
        const sections = sectionsOf(await deps.documents.chunks(doc.id));
        return {
          status: 'ready',
          sections,
          sectionLanguage: doc.language,
          sources: sectionSources(doc, sections),
          chunkIds: sections.flatMap((s) => s.chunkIds),
          extractive: (chosen, lang, lead) => composeExtractive(doc, sections, chosen, lang, lead),
          abstractive: (text, lang) => composeAbstractive(doc, sections, text, lang),
        };
      },
      async () => {
        if (request.language) return request.language;
        const match = await lookUp();
        return (
          localeLanguage(request.requester) ??
          (match.kind === 'found' ? match.document.language : undefined) ??
          'en'
        );
      },
      options,
    );
  }

  async function summarizeThread(
    request: ThreadSummaryRequest,
    options: SummaryOptions = {},
  ): Promise<SummaryResult> {
    const sections = threadSections(request.messages);
    return run(
      request,
      request.title,
      async () => {
        if (sections.length === 0) return { status: 'not_found', text: '' };
        return {
          status: 'ready',
          sections,
          sectionLanguage: undefined,
          sources: [],
          chunkIds: [],
          extractive: (chosen, lang, lead) => composeThreadExtractive(request, chosen, lang, lead),
          abstractive: (text, lang) => composeThreadAbstractive(request, text, lang),
        };
      },
      async () => {
        if (request.language) return request.language;
        const sample = request.messages
          .map((m) => m.text)
          .join('\n')
          .slice(0, LANGUAGE_SAMPLE);
        return deps.detectLanguage(sample, request.requester.locale);
      },
      options,
    );
  }

  return { summarizeDocument, summarizeThread };
}

function localeLanguage(principal: Principal): string | undefined {
  return principal.locale?.trim().toLowerCase().split(/[-_]/u)[0] || undefined;
}

/** The record of a summary in the questions' shape (the recorder stores both alike). */
function asAnswer(result: SummaryResult, chunkIds: readonly string[]): AnswerResult {
  return {
    questionId: result.questionId,
    status: result.status,
    answer: result.text,
    language: result.language,
    citations: result.citations as Citation[],
    verdict: result.verdict,
    reviewId: result.reviewId,
    generator: result.generator,
    extractive: result.extractive,
    retrievedChunkIds: chunkIds,
    latencyMs: result.latencyMs,
  };
}
