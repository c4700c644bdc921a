import type { CheckedText } from '../core/checked-text.js';
import type { AnswerScheduler } from './ports.js';
import type { Citation, Place, Platform, Principal, Verdict } from '../core/types.js';

/**
 * Summaries on request (issue 18): of one indexed document, or of a chat thread the adapter read.
 * The chat adapters and the CLI see only this; src/answer/summary.ts implements it.
 */

/** Progress of one summary, for adapters that show status and stream text. */
export type SummaryProgress =
  | { readonly type: 'started'; readonly questionId: string; readonly language: string }
  /**
   * A model is reading part `part` of `parts` (1-based): `status` is the localised line to show,
   * e.g. "Reading section 3 of 12…". Not sent for an extractive summary, which is ready at once.
   */
  | { readonly type: 'reading'; readonly part: number; readonly parts: number; readonly status: CheckedText }
  /** The summary text that is safe to show so far (already scanned by the guardrails); replaces the previous one. */
  | { readonly type: 'text'; readonly text: CheckedText };

/** Where the summary was asked, as far as delivering it later needs (a held summary, once approved). */
export type SummaryPlace = Pick<Place, 'kind' | 'channelId' | 'threadId' | 'delivery'>;

export interface SummaryRequestBase {
  /** Who asked (e-mail, groups, locale). */
  readonly requester: Principal;
  /** Everyone who will read the summary: the requester alone, or in a channel every member. */
  readonly readers: readonly Principal[];
  readonly platform: Platform;
  /** The language to write in, when known (`--language`, the words of the request); else detected. */
  readonly language?: string | undefined;
  /** Where it was asked: stored with the record so that an approved held summary reaches it. */
  readonly place?: SummaryPlace | undefined;
  /** Platform event id for exactly-once processing, when there is one. */
  readonly eventId?: string | undefined;
  readonly signal?: AbortSignal | undefined;
  readonly onProgress?: ((progress: SummaryProgress) => void) | undefined;
}

export interface DocumentSummaryRequest extends SummaryRequestBase {
  /** The document: its source or id exactly, else words of its title. */
  readonly document: string;
}

/** One message of a thread, oldest first, as the adapter read it. */
export interface ThreadMessage {
  /** Display name of who wrote it. */
  readonly author: string;
  readonly text: string;
  /** When it was written (ISO 8601), if known. */
  readonly at?: string | undefined;
  /** A link to the message, used as its citation's source when given. */
  readonly link?: string | undefined;
}

export interface ThreadSummaryRequest extends SummaryRequestBase {
  /** What was summarised, shown in the heading, e.g. "#it-help thread". */
  readonly title: string;
  /** The messages to summarise, oldest first (a long thread already paged and bounded by the caller). */
  readonly messages: readonly ThreadMessage[];
}

/**
 * `answered`: `text` is the summary. `not_found`: no such document for these readers (said without
 * revealing whether it exists), or nothing to summarise. `held`: waiting for a reviewer (`reviewId`).
 * `blocked`: the guard refused it. `busy`: over the asker's rate limit or with the summary queue
 * full; `text` says to try again in a minute. `failed`: an error; `text` is the apology.
 */
export type SummaryStatus = 'answered' | 'not_found' | 'held' | 'blocked' | 'busy' | 'failed';

export interface SummaryResult {
  /** The id it is recorded under (in the questions table, marked as a summary). */
  readonly questionId: string;
  readonly status: SummaryStatus;
  /**
   * What to show: the guard-checked summary under its localised heading, or for every other status
   * the localised notice. Never held text.
   */
  readonly text: CheckedText;
  readonly language: string;
  /**
   * For a document, one per section quoted or summarised (`source` the document's, `title` its title
   * and section). For a thread, the messages cited: `title` the author, `source` and `url` the
   * message link when given, `docId` empty.
   */
  readonly citations: readonly Citation[];
  readonly verdict: Verdict;
  readonly reviewId?: string | undefined;
  /** `extractive`, or the model's generator name (`onnx`, `openai`). */
  readonly generator: string;
  /** True when the summary quotes sentences (no model, or the model failed and this is the fallback). */
  readonly extractive: boolean;
  readonly latencyMs: number;
}

/** How a summary is admitted; set by the admission path (`serve`), never by an adapter. */
export interface SummaryOptions {
  /**
   * Decides when the recorded request is worked on (default: at once); resolving `false` refuses it
   * and the result is `busy`.
   */
  readonly schedule?: AnswerScheduler | undefined;
}

/** The summariser as the chat adapters and the CLI see it. */
export interface SummaryService {
  summarizeDocument(request: DocumentSummaryRequest, options?: SummaryOptions): Promise<SummaryResult>;
  summarizeThread(request: ThreadSummaryRequest, options?: SummaryOptions): Promise<SummaryResult>;
}
