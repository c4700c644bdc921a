import type { AnswerResult, IncomingQuestion, Platform, Principal } from '../core/types.js';

/** Progress of one answer, for adapters that show status and stream text. */
export type AnswerProgress =
  | { readonly type: 'started'; readonly questionId: string; readonly language: string }
  | { readonly type: 'retrieved'; readonly sources: number }
  /** The text that is safe to show so far (already scanned by the guardrails); replaces the previous one. */
  | { readonly type: 'text'; readonly text: string };

export interface AskOptions {
  readonly signal?: AbortSignal | undefined;
  readonly onProgress?: ((progress: AnswerProgress) => void) | undefined;
}

/** The answer pipeline as the chat adapters and the CLI see it. */
export interface AnswerService {
  ask(question: IncomingQuestion, options?: AskOptions): Promise<AnswerResult>;
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
  readonly text: string;
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

/** Each chat adapter registers one: how a reviewer's decision reaches the asker. */
export interface DeliveryChannel {
  readonly platform: Platform;
  deliverApproved(delivery: ApprovedDelivery): Promise<void>;
  deliverRejected(delivery: RejectedDelivery): Promise<void>;
}
