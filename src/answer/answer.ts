import type {
  Citation,
  AnswerResult,
  AnswerStatus,
  IncomingQuestion,
  Principal,
  SearchHit,
  Verdict,
} from '../core/types.js';
import { GeneratorBusyError, describeError } from '../core/errors.js';
import type { CheckedText } from '../core/checked-text.js';
import type { MessageKey } from '../core/i18n.js';
import { notice } from '../guardrails/checked-text.js';
import type { Logger } from '../core/log.js';
import type { Guard } from '../guardrails/guard.js';
import type { Generator, GenerationResult } from '../inference/generator.js';
import type { Retriever } from '../rag/retriever.js';
import type {
  AnswerProgress,
  AnswerService,
  AskOptions,
  StandardAnswerLookup,
  StandardAnswerMatch,
} from './ports.js';
import { followUpOf, isSure, leansOnEarlier, previousQuestion } from './follow-up.js';
import { checkQuestion } from './question-input.js';
import { renumberCitations } from './renumber-citations.js';

/** A citation marker such as `[2]`. */
const CITATION = /\[\d+\]/;

/**
 * A standard answer as one Markdown text: its title in bold, the answer, "answered by <team> on
 * <date>". What the guard checks and what a reviewer approves; `at` is where each part starts in it.
 */
export function composeStandard(parts: {
  readonly title: string;
  readonly answer: string;
  readonly byline: string;
}): { readonly text: string; readonly at: readonly [number, number, number] } {
  const title = 2;
  const answer = title + parts.title.length + 4;
  const byline = answer + parts.answer.length + 2;
  return {
    text: `**${parts.title}**\n\n${parts.answer}\n\n${parts.byline}`,
    at: [title, answer, byline],
  };
}

/** Where the pipeline records questions and held answers (the store implements it). */
export interface AnswerRecorder {
  create(question: IncomingQuestion): Promise<string>;
  /**
   * Records the outcome under claim `attempt` (0: the worker that recorded it); false when the
   * question is no longer this process's to complete (recovery took it over).
   */
  complete(questionId: string, result: AnswerResult, attempt?: number): Promise<boolean>;
  /**
   * Records who asked, resolved: an adapter records a question on arrival under the platform's
   * user id (`slack:U…`), before any directory lookup, and passes the resolved asker to `ask`.
   */
  identify?(questionId: string, asker: string): Promise<void>;
  /**
   * Takes the right to post the answer under claim `attempt` (0: the worker that recorded it):
   * false when another replica took the question over meanwhile — it posts, this one must not.
   */
  beginDelivery?(questionId: string, attempt: number): Promise<boolean>;
  /**
   * False while another replica may have judged this process dead (its heartbeat is late): partial
   * text is not shown then, since the question may be being answered elsewhere.
   */
  holdsLease?(): boolean;
  hold(input: {
    questionId: string;
    text: string;
    verdict: Verdict;
    language: string;
    citations: readonly Citation[];
  }): Promise<string>;
}

/** Streams partial text through the guardrails; only text it releases is shown. */
export type StreamGuardFactory = (
  context: { readers: IncomingQuestion['place']['readers']; sources: readonly SearchHit[]; language: string },
  onVisible: (text: CheckedText) => void,
  /** How the text so far is presented (citations renumbered); the guard scans exactly that. */
  present?: (text: string) => string,
) => {
  push(delta: string): void;
  /** Stops releasing text (the final verdict decides what is shown). */
  close(): void;
};

export interface AnswerServiceDeps {
  readonly retriever: Retriever;
  readonly generator: Generator;
  readonly guard: Guard;
  readonly recorder: AnswerRecorder;
  readonly detectLanguage: (text: string, localeHint?: string) => string | Promise<string>;
  readonly logger: Logger;
  readonly maxQuestionChars: number;
  /** How many sources the generator gets. */
  readonly sources?: number;
  readonly streamGuard?: StreamGuardFactory;
  /** Standard answers written by HR and IT, given before any retrieval when a question means the same. */
  readonly standardAnswers?: StandardAnswerLookup | undefined;
  readonly observe?: (event: {
    status: AnswerStatus;
    generator: string;
    seconds: number;
    retrievalSeconds: number;
  }) => void;
}

/**
 * Access control depends only on group membership, so readers with the same groups are one reader
 * for retrieval (a 5,000-member channel is a handful of distinct group sets).
 */
export function distinctReaders(readers: readonly Principal[]): Principal[] {
  const seen = new Map<string, Principal>();
  for (const reader of readers) {
    const key = [...new Set(reader.groups)].sort().join('\u0000');
    if (!seen.has(key)) seen.set(key, reader);
  }
  return [...seen.values()];
}

/** The question as recorded: its text normalised and bounded the way the pipeline reads it. */
export function recordedQuestion(question: IncomingQuestion, maxQuestionChars: number): IncomingQuestion {
  const checked = checkQuestion(question.text, maxQuestionChars);
  return { ...question, text: checked.text || question.text.slice(0, 2000) };
}

/** The answer pipeline: language → access-controlled retrieval → generator → guardrails → record. */
export function createAnswerService(deps: AnswerServiceDeps): AnswerService {
  const k = deps.sources ?? 5;

  const record = (question: IncomingQuestion) =>
    deps.recorder.create(recordedQuestion(question, deps.maxQuestionChars));

  async function ask(question: IncomingQuestion, options: AskOptions = {}): Promise<AnswerResult> {
    const started = performance.now();
    const progress = (p: AnswerProgress) => {
      if (p.type === 'text' && deps.recorder.holdsLease && !deps.recorder.holdsLease()) return;
      options.onProgress?.(p);
    };
    const checked = checkQuestion(question.text, deps.maxQuestionChars);
    const language = await deps.detectLanguage(
      checked.text || question.asker.locale || '',
      question.asker.locale,
    );
    const questionId = options.questionId ?? (await record(question));
    if (options.questionId && deps.recorder.identify) {
      // Before scheduling: the per-asker rate limit counts this question under the person.
      await deps.recorder.identify(questionId, question.asker.email).catch((error: unknown) => {
        deps.logger('warn', 'answer.identify_failed', { questionId, error: describeError(error) });
      });
    }
    progress({ type: 'started', questionId, language });

    const finish = async (
      fields: Omit<AnswerResult, 'questionId' | 'language' | 'latencyMs' | 'verdict'> & { verdict?: Verdict },
      retrievalSeconds = 0,
      /** Keeps the text for review once the right to post is taken (a superseded worker holds nothing). */
      holdForReview?: () => Promise<string>,
    ): Promise<AnswerResult> => {
      const unheld: AnswerResult = {
        questionId,
        language,
        latencyMs: performance.now() - started,
        verdict: fields.verdict ?? { action: 'allow', findings: [], text: fields.answer },
        ...fields,
      };
      // The right to post, taken before anything final is shown, whether `deliver` posts it or the
      // caller does with the returned result: another replica that took the question over posts it.
      const attempt = options.attempt ?? 0;
      const ours = !deps.recorder.beginDelivery || (await deps.recorder.beginDelivery(questionId, attempt));
      if (!ours) {
        deps.logger('warn', 'answer.superseded', { questionId, attempt });
        return { ...unheld, superseded: true };
      }
      const result = holdForReview ? { ...unheld, reviewId: await holdForReview() } : unheld;
      if (options.deliver) {
        try {
          await options.deliver(result);
        } catch (error) {
          deps.logger('warn', 'answer.delivery_failed', { questionId, error: describeError(error) });
        }
      }
      await deps.recorder.complete(questionId, result, attempt);
      deps.observe?.({
        status: result.status,
        generator: result.generator,
        seconds: result.latencyMs / 1000,
        retrievalSeconds,
      });
      deps.logger('info', 'answer.done', {
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
    const message = (status: AnswerStatus, key: MessageKey, params?: Readonly<Record<string, number>>) =>
      finish({
        status,
        answer: notice(language, key, params),
        citations: [],
        generator: 'none',
        extractive: false,
        retrievedChunkIds: [],
      });

    if (!checked.ok) {
      return checked.reason === 'empty'
        ? message('invalid', 'emptyQuestion')
        : message('invalid', 'questionTooLong', { max: deps.maxQuestionChars });
    }

    /**
     * A standard answer passes the guard for its readers as one text, its title, answer and "answered
     * by" line together as the asker reads them (a team's name is text someone typed too). A hold keeps
     * that whole text, so a reviewer reads, and an approval posts, the complete answer.
     */
    const giveStandard = async (
      match: StandardAnswerMatch,
      readers: readonly Principal[],
    ): Promise<AnswerResult> => {
      const context = { readers, sources: [], language };
      const composed = composeStandard(match);
      // Each part is checked as well, only to show it in its place (a bold title, a small byline):
      // the parts are shown only when together they read exactly as the whole was released.
      const [whole, title, body, byline] = await Promise.all(
        [composed.text, match.title, match.answer, match.byline].map((text) =>
          deps.guard.check(text, context),
        ),
      );
      const base = { generator: 'standard', extractive: false, retrievedChunkIds: [], citations: [] };
      const parts = [title!, body!, byline!];
      const partBlocked = parts.find((p) => p.action === 'block');
      if (whole!.action === 'block' || partBlocked) {
        return finish({
          ...base,
          status: 'blocked',
          answer: notice(language, 'blocked'),
          verdict: whole!.action === 'block' ? whole! : partBlocked!,
        });
      }
      const shownAsReleased =
        whole!.action !== 'hold' &&
        parts.every((p) => p.action !== 'hold') &&
        composeStandard({ title: title!.text, answer: body!.text, byline: byline!.text }).text ===
          whole!.text;
      if (!shownAsReleased) {
        // Held as a whole, or the parts alone read otherwise than the whole did (a finding across two
        // of them, or one seen only in a part, each added where it lies in the whole): a reviewer
        // decides on the whole text.
        const verdict: Verdict =
          whole!.action === 'hold'
            ? whole!
            : {
                ...whole!,
                action: 'hold',
                findings: [
                  ...whole!.findings,
                  ...parts.flatMap((p, i) =>
                    p.findings.map((f) => ({
                      ...f,
                      start: f.start + composed.at[i]!,
                      end: f.end + composed.at[i]!,
                    })),
                  ),
                ],
              };
        return finish({ ...base, status: 'held', answer: notice(language, 'held'), verdict }, 0, () =>
          deps.recorder.hold({ questionId, text: composed.text, verdict, language, citations: [] }),
        );
      }
      const result = await finish({
        ...base,
        status: 'answered',
        answer: body!.text,
        verdict: body!,
        standard: {
          id: match.id,
          title: title!.text,
          team: match.team,
          answeredOn: match.answeredOn,
          byline: byline!.text,
        },
      });
      if (!result.superseded) {
        await deps.standardAnswers
          ?.recordUse({ questionId, standardId: match.id, score: match.score })
          .catch((error: unknown) => {
            deps.logger('warn', 'answer.standard_use_failed', { questionId, error: describeError(error) });
          });
      }
      return result;
    };

    const work = async (): Promise<AnswerResult> => {
      try {
        const readers = distinctReaders(question.place.readers);
        // A question that continues an earlier one means more than its own words: not matched alone.
        if (deps.standardAnswers && !followUpOf(question.history, checked.text, language)) {
          // A lookup that fails (the database, the encoder) leaves the question to the documents.
          const match = await deps.standardAnswers
            .match({ text: checked.text, language, readers })
            .catch((error: unknown) => {
              deps.logger('warn', 'answer.standard_lookup_failed', {
                questionId,
                error: describeError(error),
              });
              return undefined;
            });
          if (match) return await giveStandard(match, readers);
        }
        const retrievalStart = performance.now();
        const retrieve = (continues: string | undefined) =>
          deps.retriever.retrieve({
            text: continues ? `${continues}\n${checked.text}` : checked.text,
            readers,
            k,
            language,
          });
        // A follow-up that does not stand alone is searched and read with the question it continues.
        let continues = followUpOf(question.history, checked.text, language);
        const quotes = deps.generator.name === 'extractive';
        const earlier = previousQuestion(question.history);
        // A question that shows no sign of continuing may still lean on the previous one for its topic
        // ("食事代は？", "do I have to pay for the new one?"): it is searched alone and with the previous
        // question at once, read alone, and read with the previous question (whose words rank the units
        // but never answer by themselves) unless alone it is already sure; that reading is taken only
        // when it answers and is clearly surer.
        const leaning = quotes && !continues && earlier !== undefined;
        const [aloneHits, leaningHits] = await Promise.all([
          retrieve(continues),
          leaning ? retrieve(earlier) : undefined,
        ]);
        let hits = aloneHits;
        const retrievalSeconds = (performance.now() - retrievalStart) / 1000;
        /** The extractive reading already made (alone or with the previous question), to be shown as it is. */
        let ready: GenerationResult | undefined;
        if (leaningHits) {
          const alone = await deps.generator.generate(
            { question: checked.text, language, sources: aloneHits, history: question.history },
            { signal: options.signal },
          );
          ready = alone;
          if (!isSure(alone)) {
            const withEarlier = await deps.generator.generate(
              {
                question: checked.text,
                language,
                sources: leaningHits,
                history: question.history,
                followUpOf: earlier,
              },
              { signal: options.signal },
            );
            if (leansOnEarlier(alone, withEarlier)) {
              continues = earlier;
              hits = leaningHits;
              ready = withEarlier;
            }
          }
        }
        progress({ type: 'retrieved', sources: hits.length });
        const retrievedChunkIds = hits.map((h) => h.chunkId);
        const context = { readers, sources: hits, language };

        // A model's streamed text shows only once it cites a source: text that cites nothing is
        // never shown, not even while it is being written. (Quotes are their sources' own words.)
        const stream = deps.streamGuard?.(
          context,
          (text) => {
            if (quotes || CITATION.test(text)) progress({ type: 'text', text });
          },
          (text) => renumberCitations(text, [], hits).text,
        );
        let generated: GenerationResult;
        try {
          if (ready) stream?.push(ready.text); // quotes are ready at once: shown in one piece
          generated =
            ready ??
            (await deps.generator.generate(
              {
                question: checked.text,
                language,
                sources: hits,
                history: question.history,
                followUpOf: continues,
              },
              { signal: options.signal, onText: stream ? (delta) => stream.push(delta) : undefined },
            ));
        } finally {
          stream?.close();
        }

        const { text: answerText, citations } = renumberCitations(generated.text, generated.cited, hits);
        const base = {
          generator: generated.generator,
          extractive: generated.extractive,
          retrievedChunkIds,
        };

        if (generated.notFound && generated.extractive) {
          return finish(
            { ...base, status: 'not_found', answer: notice(language, 'notFound'), citations: [] },
            retrievalSeconds,
          );
        }
        const verdict = await deps.guard.check(answerText, context);
        /** Keeps the text for a reviewer; the asker sees a notice. */
        const holdForReview = (cited: typeof citations) =>
          deps.recorder.hold({ questionId, text: answerText, verdict, language, citations: cited });
        if (generated.notFound) {
          // A model's text that cites no source is never shown: the asker gets the not-found
          // notice; the text is kept for admins, in the review queue when the guard flagged it.
          const notFound = {
            ...base,
            status: 'not_found' as const,
            answer: notice(language, 'notFound'),
            citations: [],
          };
          if (verdict.action === 'hold' || verdict.action === 'block') {
            return finish({ ...notFound, verdict }, retrievalSeconds, () => holdForReview([]));
          }
          return finish({ ...notFound, unshownText: answerText }, retrievalSeconds);
        }
        if (verdict.action === 'hold') {
          return finish(
            { ...base, status: 'held', answer: notice(language, 'held'), citations: [], verdict },
            retrievalSeconds,
            () => holdForReview(citations),
          );
        }
        if (verdict.action === 'block') {
          return finish(
            { ...base, status: 'blocked', answer: notice(language, 'blocked'), citations: [], verdict },
            retrievalSeconds,
          );
        }
        return finish(
          { ...base, status: 'answered', answer: verdict.text, citations, verdict },
          retrievalSeconds,
        );
      } catch (error) {
        if (error instanceof GeneratorBusyError) return message('busy', 'busy');
        if (options.signal?.aborted) throw error;
        deps.logger('error', 'answer.failed', { questionId, error: describeError(error) });
        return message('failed', 'failed');
      }
    };

    if (!options.schedule) return work();
    const outcome: { result?: AnswerResult } = {};
    const admitted = await options.schedule(
      question,
      async () => {
        outcome.result = await work();
      },
      options.signal,
    );
    return admitted && outcome.result ? outcome.result : message('busy', 'busy');
  }

  const holdsLease = deps.recorder.holdsLease?.bind(deps.recorder);
  return { ask, record, ...(holdsLease ? { holdsLease } : {}) };
}
