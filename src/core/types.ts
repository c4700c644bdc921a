import type { CheckedText } from './checked-text.js';

/**
 * Neutral domain types shared by every layer. Nothing here knows Slack, Teams,
 * a database driver or a model runtime: adapters translate into and out of these.
 */

/** How sensitive a document is. `public`/`internal` follow the audience; `confidential`/`restricted` only listed groups. */
export type Classification = 'public' | 'internal' | 'confidential' | 'restricted';
export const CLASSIFICATIONS: readonly Classification[] = [
  'public',
  'internal',
  'confidential',
  'restricted',
];

/** A document as stored: one ingested file or upload. */
export interface DocumentRecord {
  readonly id: string;
  /** Path or URL the document was ingested from; unique. */
  readonly source: string;
  readonly title: string;
  /** BCP-47 primary language subtag, e.g. `ja`, `en`. */
  readonly language: string;
  /** Groups allowed to read it; `all` means everyone. */
  readonly audience: readonly string[];
  readonly classification: Classification;
  readonly url?: string | undefined;
  readonly contentHash: string;
  /** True when the text contains instructions aimed at the assistant (prompt injection). */
  readonly injectionFlag: boolean;
  readonly chunkCount: number;
  readonly ingestedAt: string;
}

/** A retrievable passage of a document. */
export interface ChunkRecord {
  readonly id: string;
  readonly docId: string;
  readonly ordinal: number;
  readonly text: string;
  /** Headings above this chunk, outermost first. */
  readonly headingPath: readonly string[];
  readonly language: string;
}

/** A stored chunk with what rebuilding the search indexes needs: searchable text, access, vector. */
export interface StoredChunk {
  readonly id: string;
  readonly text: string;
  readonly language: string;
  readonly headingPath: readonly string[];
  readonly title: string;
  readonly audience: readonly string[];
  readonly classification: Classification;
  /** The chunk's embedding and the model that made it, when one was configured at ingest. */
  readonly embedding: Float32Array | null;
  readonly embeddingModel: string | null;
}

/** What a retriever needs to know about a chunk's document for access control and citation. */
export interface ChunkWithDoc extends ChunkRecord {
  readonly source: string;
  readonly title: string;
  readonly url?: string | undefined;
  readonly audience: readonly string[];
  readonly classification: Classification;
}

/** A resolved person: e-mail plus the directory groups they belong to (always including `all`). */
export interface Principal {
  readonly email: string;
  readonly groups: readonly string[];
  /** Platform locale such as `ja-JP`, a tie-breaker for language detection. */
  readonly locale?: string | undefined;
}

export type Platform = 'slack' | 'teams' | 'web' | 'cli';

/** Where a question was asked, and who will read the answer. */
export interface Place {
  readonly platform: Platform;
  readonly kind: 'dm' | 'channel' | 'local';
  /** Platform conversation/channel id. */
  readonly channelId?: string | undefined;
  /** Platform thread id (Slack thread_ts, Teams reply-chain id). */
  readonly threadId?: string | undefined;
  /** Everyone who will read the answer. In a DM just the asker; in a channel every member. */
  readonly readers: readonly Principal[];
  /** Opaque platform data needed to deliver later (e.g. a Teams conversation reference), JSON-serialisable. */
  readonly delivery?: unknown;
}

export interface Turn {
  readonly role: 'user' | 'assistant';
  readonly text: string;
}

/** One question coming into the answer pipeline. */
export interface IncomingQuestion {
  readonly text: string;
  readonly asker: Principal;
  readonly place: Place;
  readonly history: readonly Turn[];
  /** Platform event id used for exactly-once processing, when there is one. */
  readonly eventId?: string | undefined;
}

/** A retrieval result, the shape of `polydesk search --json` hits plus what the pipeline needs. */
export interface SearchHit {
  readonly docId: string;
  readonly source: string;
  readonly title: string;
  readonly chunkId: string;
  readonly score: number;
  readonly text: string;
  readonly url?: string | undefined;
  readonly language: string;
  readonly headingPath: readonly string[];
  readonly classification: Classification;
  readonly audience: readonly string[];
}

/** A guardrail finding; offsets are UTF-16 indices into the text as given, `end` exclusive. */
export interface Finding {
  readonly type: string;
  readonly start: number;
  readonly end: number;
  /** For leakage findings: the document whose passage was reproduced. */
  readonly docId?: string | undefined;
}

export type GuardAction = 'allow' | 'redact' | 'hold' | 'block';
export const GUARD_ACTIONS: readonly GuardAction[] = ['allow', 'redact', 'hold', 'block'];

export interface Verdict {
  readonly action: GuardAction;
  readonly findings: readonly Finding[];
  /** The text to show when the action is `allow` or `redact` (masked spans replaced); empty otherwise. */
  readonly text: CheckedText;
}

export interface Citation {
  readonly n: number;
  readonly title: string;
  readonly source: string;
  readonly url?: string | undefined;
  readonly docId: string;
}

export type AnswerStatus = 'answered' | 'not_found' | 'held' | 'blocked' | 'busy' | 'failed' | 'invalid';

/** What `answer()` returns; `ask --json` prints a projection of it. */
export interface AnswerResult {
  readonly questionId: string;
  readonly status: AnswerStatus;
  /**
   * Text to show the readers: the guard-checked answer, or for every other status the localised
   * notice (held for review, not found, busy, apology). Never the held text itself.
   */
  readonly answer: CheckedText;
  /**
   * What a model wrote that was not shown (an answer citing no source): recorded with the question
   * for admins, never sent. Absent when it was held for review instead.
   */
  readonly unshownText?: string | undefined;
  readonly language: string;
  readonly citations: readonly Citation[];
  readonly verdict: Verdict;
  readonly reviewId?: string | undefined;
  /** Name of the generator that wrote the answer (`extractive`, `onnx`, `openai`). */
  readonly generator: string;
  /** True when the answer quotes sources instead of being written by a model (incl. fallbacks). */
  readonly extractive: boolean;
  readonly retrievedChunkIds: readonly string[];
  readonly latencyMs: number;
  /**
   * True when another replica took the question over before this process could claim the right to
   * post (this one was judged dead): that replica posts, so nothing of this result may be shown.
   */
  readonly superseded?: boolean | undefined;
  /** The standard answer given (issue 17), shown with its title and "answered by <team> on <date>". */
  readonly standard?: StandardAnswerShown | undefined;
}

/** What a reply that is a standard answer shows besides the answer itself. */
export interface StandardAnswerShown {
  readonly id: string;
  /** Its title, checked by the guard for the readers. */
  readonly title: CheckedText;
  /** Who answers for it ("HR", "IT"). */
  readonly team: string;
  /** The day its text was last written (YYYY-MM-DD). */
  readonly answeredOn: string;
  /** "Answered by <team> on <date>" in the answer's language, checked by the guard. */
  readonly byline: CheckedText;
}
