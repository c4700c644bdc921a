/**
 * What every chat platform shows for a question's outcome, decided once: the answer (with its
 * sources and feedback) or the localised notice that stands for the outcome, and the pipeline call
 * that turns an unexpected failure into a `failed` reply instead of silence.
 */
import { failedResult } from '../answer/failed-result.js';
import {
  type AnswerProgress,
  type AnswerService,
  type AskOptions,
  type CheckedText,
  notice,
} from '../answer/ports.js';
import type { Logger } from '../core/log.js';
import type { MessageKey } from '../core/i18n.js';
import type { AnswerResult, AnswerStatus, Citation, IncomingQuestion } from '../core/types.js';

/** What an answer message shows: an AnswerResult, or an approved held answer. */
export interface AnswerView {
  readonly questionId: string;
  readonly text: CheckedText;
  readonly language: string;
  readonly citations: readonly Citation[];
  /** Written from the documents' own sentences (the message says so under its sources). */
  readonly extractive: boolean;
  /** A line above the answer (e.g. that an admin approved it). */
  readonly heading?: string | undefined;
  /** A standard answer's title (above it) and "answered by <team> on <date>" (below it). */
  readonly standard?: { readonly title: CheckedText; readonly byline: CheckedText } | undefined;
}

/** The notice for an outcome that carries no text of its own. */
export const NOTICE_KEYS: Readonly<Record<AnswerStatus, MessageKey>> = {
  answered: 'failed',
  not_found: 'notFound',
  held: 'held',
  blocked: 'blocked',
  busy: 'busy',
  failed: 'failed',
  invalid: 'emptyQuestion',
};

/** The answer to show with sources and feedback, or undefined when the outcome is a notice. */
export function answerViewOf(result: AnswerResult): AnswerView | undefined {
  if (result.status !== 'answered' && result.status !== 'not_found') return undefined;
  if (!result.answer || !result.questionId) return undefined;
  return {
    questionId: result.questionId,
    text: result.answer,
    language: result.language,
    citations: result.citations,
    extractive: result.extractive && result.status === 'answered',
    ...(result.standard
      ? { standard: { title: result.standard.title, byline: result.standard.byline } }
      : {}),
  };
}

/** The notice that stands for an outcome: its own guard-checked text, or the localised message. */
export function noticeOf(result: AnswerResult): CheckedText {
  return result.answer || notice(result.language, NOTICE_KEYS[result.status]);
}

/** How a platform logs a failed pipeline call. */
export interface AskFailureReport {
  readonly logger: Logger;
  /** The log event, e.g. `slack.answer_failed`. */
  readonly event: string;
  /** The error as the platform describes it in logs (no secrets, no request bodies). */
  readonly describe: (error: unknown) => string;
}

/** Runs the pipeline; an unexpected throw becomes a `failed` result so the asker still gets a reply. */
export async function askSafely(
  answers: AnswerService,
  question: IncomingQuestion,
  options: AskOptions & {
    readonly signal: AbortSignal;
    readonly onProgress?: ((progress: AnswerProgress) => void) | undefined;
  },
  language: () => string,
  failure: AskFailureReport,
): Promise<AnswerResult> {
  try {
    return await answers.ask(question, options);
  } catch (error) {
    failure.logger('error', failure.event, { error: failure.describe(error) });
    return failedResult(language());
  }
}
