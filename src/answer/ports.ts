import type { CheckedText } from '../core/checked-text.js';
import type { AnswerResult, IncomingQuestion, Platform, Principal, Turn } from '../core/types.js';

export type { CheckedText } from '../core/checked-text.js';
/** Fixed product messages, for adapters: the only text besides checked answers that they send. */
export { notice } from '../guardrails/checked-text.js';

/** Progress of one answer, for adapters that show status and stream text. */
export type AnswerProgress =
  | { readonly type: 'started'; readonly questionId: string; readonly language: string }
  | { readonly type: 'retrieved'; readonly sources: number }
  /** The text that is safe to show so far (already scanned by the guardrails); replaces the previous one. */
  | { readonly type: 'text'; readonly text: CheckedText };

/**
 * Runs the work on a recorded question when its turn comes: a queue may make it wait, or refuse it
 * by resolving `false` (the asker then gets the polite "busy" message).
 */
export type AnswerScheduler = (
  question: IncomingQuestion,
  work: () => Promise<void>,
  signal?: AbortSignal,
) => Promise<boolean>;

export interface AskOptions {
  readonly signal?: AbortSignal | undefined;
  readonly onProgress?: ((progress: AnswerProgress) => void) | undefined;
  /** The id `record()` gave this question when it arrived: it is not recorded a second time. */
  readonly questionId?: string | undefined;
  /** Decides when the recorded question is worked on (default: at once). */
  readonly schedule?: AnswerScheduler | undefined;
  /**
   * Shows the result to its readers. Called before the outcome is recorded, so that a process
   * dying in between leaves the question `received`, for recovery to answer, rather than recorded
   * as answered but never seen. A failure is logged; the outcome is recorded anyway.
   */
  readonly deliver?: ((result: AnswerResult) => Promise<void>) | undefined;
  /** The claim under which this process answers a recovered question (default 0: it recorded it). */
  readonly attempt?: number | undefined;
}

/** The answer pipeline as the chat adapters and the CLI see it. */
export interface AnswerService {
  ask(question: IncomingQuestion, options?: AskOptions): Promise<AnswerResult>;
  /**
   * Records a question the moment it arrives, before any lookup or queue, so that nothing is lost
   * if the process dies; pass the id to `ask` as `questionId`.
   */
  record?(question: IncomingQuestion): Promise<string>;
  /**
   * Records the question and claims its platform ids (e.g. Slack event ids) in one transaction:
   * undefined when an id was claimed already, by any replica (a duplicate delivery). A process can
   * die between two statements but not inside one, so nothing is ever claimed yet unrecorded.
   */
  recordClaimed?(question: IncomingQuestion, claims: readonly string[]): Promise<string | undefined>;
  /**
   * False while another replica may have judged this process dead and be answering its questions:
   * an adapter then shows nothing of its own accord (no placeholder, no status). Absent: always true.
   */
  holdsLease?(): boolean;
}

/**
 * The earlier turns of a conversation where the platform offers no way to read them back (Teams):
 * read from the recorded questions and answers, so that every replica, and a restarted one, answers
 * a follow-up in context.
 */
export interface ConversationLog {
  recent(place: {
    readonly platform: Platform;
    readonly channelId: string;
    readonly threadId?: string | undefined;
  }): Promise<readonly Turn[]>;
}

/** Resolves a platform user's e-mail to a principal with directory groups (`all` always included). */
export interface Directory {
  resolve(email: string, locale?: string): Principal;
}

/**
 * Exactly-once processing of platform events (Slack event_id, Teams activity id): the first caller
 * to claim an id gets `true`; every later caller, in any replica, gets `false`.
 */
export interface EventClaims {
  claim(platform: Platform, eventId: string): Promise<boolean>;
}

export type Rating = 'up' | 'down';

export interface FeedbackRecorder {
  record(feedback: {
    readonly questionId: string;
    readonly rating: Rating;
    readonly user: string;
    readonly platform: Platform;
    readonly comment?: string | undefined;
  }): Promise<void>;
}

/** An approved (possibly edited) held answer, to be posted where the question was asked. */
export interface ApprovedDelivery {
  readonly reviewId: string;
  readonly questionId: string;
  readonly text: CheckedText;
  readonly language: string;
  readonly citations: AnswerResult['citations'];
  readonly channelId?: string | undefined;
  readonly threadId?: string | undefined;
  /** The platform data stored with the question's place (e.g. a Teams conversation reference). */
  readonly delivery?: unknown;
  readonly asker: string;
}

export interface RejectedDelivery {
  readonly reviewId: string;
  readonly questionId: string;
  readonly language: string;
  readonly channelId?: string | undefined;
  readonly threadId?: string | undefined;
  readonly delivery?: unknown;
  readonly asker: string;
}

/** The answer (or apology) for a question whose first worker died, to be posted where it was asked. */
export interface RecoveredDelivery {
  readonly result: AnswerResult;
  readonly channelId?: string | undefined;
  readonly threadId?: string | undefined;
  /** The platform data stored with the question's place. */
  readonly delivery?: unknown;
  readonly asker: string;
}

/**
 * A later message to someone who asked a question, posted where they asked it (the thread, the DM,
 * the Teams conversation): an expert's relayed reply, or the standard answer their unanswered
 * question now has. Already checked by the guard for the asker.
 */
export interface FollowUpDelivery {
  readonly questionId: string;
  readonly text: CheckedText;
  readonly language: string;
  readonly citations?: AnswerResult['citations'] | undefined;
  readonly channelId?: string | undefined;
  readonly threadId?: string | undefined;
  readonly delivery?: unknown;
  readonly asker: string;
}

/** Each chat adapter registers one: how a reviewer's decision reaches the asker. */
export interface DeliveryChannel {
  readonly platform: Platform;
  deliverApproved(delivery: ApprovedDelivery): Promise<void>;
  deliverRejected(delivery: RejectedDelivery): Promise<void>;
  /**
   * Posts a recovered question's result. Where the platform can tell, a reply already posted for
   * this question (the first worker got that far) is not posted again: `already_answered`.
   */
  deliverRecovered?(delivery: RecoveredDelivery): Promise<'delivered' | 'already_answered'>;
  /** Posts a later message to an asker (issue 17: relayed expert replies, answers to subscribers). */
  deliverFollowUp?(delivery: FollowUpDelivery): Promise<void>;
}

/** A standard answer chosen for a question, with what the asker is shown besides the answer. */
export interface StandardAnswerMatch {
  readonly id: string;
  readonly score: number;
  readonly title: string;
  readonly answer: string;
  readonly team: string;
  /** The day its text was last written (YYYY-MM-DD). */
  readonly answeredOn: string;
  /** "Answered by <team> on <date>" in the question's language. */
  readonly byline: string;
}

/**
 * Finds the standard answer (issue 17) for a question among those its readers may all be given. The
 * pipeline asks it before any retrieval; src/helpdesk implements it over the stored answers.
 */
export interface StandardAnswerLookup {
  match(question: {
    readonly text: string;
    readonly language: string;
    readonly readers: readonly Principal[];
  }): Promise<StandardAnswerMatch | undefined>;
  /** Records that a question was given this standard answer (once per question). */
  recordUse(use: {
    readonly questionId: string;
    readonly standardId: string;
    readonly score: number;
  }): Promise<void>;
}
