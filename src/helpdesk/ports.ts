/**
 * The seams of the helpdesk loop (issue 17) between its parts: standard answers (written in the
 * admin UI or API, or published from an expert's reply or a knowledge gap), hand-offs to experts,
 * and askers waiting to be told when their question gets an answer. Each part is built against
 * these types; the store's tables are in src/store/schema.ts (standard_answers, standard_answer_uses,
 * escalations, escalation_replies, answer_subscriptions).
 */

import type { StandardAnswerOrigin } from '../store/standard-answer-repository.js';

export type { StandardAnswerOrigin } from '../store/standard-answer-repository.js';

/** What creating or editing a standard answer takes. */
export interface StandardAnswerInput {
  /** The question it answers, as its author wrote it. */
  readonly question: string;
  /** The answer, in Markdown; it goes through the guard like every answer before anyone reads it. */
  readonly answer: string;
  /** Shown above the answer; defaults to the question. */
  readonly title?: string | undefined;
  /** Who answers for it ("HR", "IT"): "answered by <team> on <date>". */
  readonly team: string;
  /** Groups that may get it (`all` for everyone), as documents' audience. */
  readonly audience: readonly string[];
  /** Languages it is given in (BCP-47 primary tags); empty or absent = any language. */
  readonly languages?: readonly string[] | undefined;
  /** When its owners should check it again (YYYY-MM-DD); null = no date. */
  readonly reviewAt?: string | null | undefined;
  /** Other wordings it answers, e.g. the asker's own question an expert replied to. */
  readonly phrasings?: readonly string[] | undefined;
  readonly origin: StandardAnswerOrigin;
  /** The escalation id or knowledge-gap key it came from. */
  readonly originRef?: string | undefined;
  /** E-mail (or platform id) of whoever published it, for the audit log. */
  readonly createdBy: string;
}

/** What the hand-off part needs from the standard-answer part. */
export interface StandardAnswerPublisher {
  /** Creates a standard answer, audit-logged; returns its id. Throws InputError on invalid input. */
  create(input: StandardAnswerInput): Promise<{ readonly id: string }>;
}

/** What the platform adapters need to let an asker wait for an answer to an unanswered question. */
export interface AnswerSubscriptions {
  /** Records that the asker of `questionId` wants to be told; idempotent. */
  subscribe(questionId: string, asker: string): Promise<void>;
}
