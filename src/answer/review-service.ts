import { InputError, describeError } from '../core/errors.js';
import type { Logger } from '../core/log.js';
import type { CheckedText } from '../core/checked-text.js';
import type { Guard } from '../guardrails/guard.js';
import { CREDENTIAL_FINDING_TYPES, VALIDATED_ID_FINDING_TYPES, isCredential } from '../guardrails/scanner.js';
import type { Citation, Finding, Platform } from '../core/types.js';
import type { Review, ReviewDecision, ReviewStatus } from '../store/review-repository.js';
import type { DeliveryChannel } from './ports.js';

/**
 * Finding types whose text a reviewer sees only after pressing "reveal" (which is audited):
 * credentials, canaries, payment cards and national identifiers. Contact data, markings and
 * leaked passages stay visible, since judging them needs the words.
 */
export const MASKED_FINDING_TYPES: ReadonlySet<string> = new Set<string>([
  ...CREDENTIAL_FINDING_TYPES,
  ...VALIDATED_ID_FINDING_TYPES,
]);

/** Platforms where the asker reads the answer from PolyDesk itself: a decision needs no posting. */
const LOCAL_PLATFORMS: ReadonlySet<string> = new Set(['web', 'cli']);

/** One stretch of an answer: plain text, or text covered by findings (masked when secret and not revealed). */
export interface AnswerPart {
  readonly text: string;
  readonly types: readonly string[];
  readonly masked: boolean;
}

/** A held answer as a reviewer sees it in a list. */
export interface ReviewSummary {
  readonly id: string;
  readonly status: ReviewStatus;
  readonly question: string;
  readonly asker: string;
  readonly platform: string;
  readonly createdAt: string;
  readonly findings: readonly { readonly type: string }[];
  readonly decidedAt?: string | undefined;
  readonly reviewer?: string | undefined;
  readonly deliveredAt?: string | undefined;
}

/** A held answer with its text split into parts for highlighting; secrets masked unless revealed. */
export interface ReviewView extends ReviewSummary {
  readonly placeKind: string;
  readonly channelId?: string | undefined;
  readonly threadId?: string | undefined;
  readonly language: string;
  readonly citations: readonly Citation[];
  readonly reason?: string | undefined;
  readonly revealed: boolean;
  /** Credentials are among the findings: approving delivers them masked unless revealed on purpose. */
  readonly hasCredentials: boolean;
  /** The held text, masked unless revealed. */
  readonly text: string;
  readonly parts: readonly AnswerPart[];
  /** The reviewer's edited text, when the answer was edited and approved. */
  readonly deliveredText?: string | undefined;
  /** Decided, but not posted where it was asked yet (a delivery failed): offer a retry. */
  readonly awaitingDelivery: boolean;
}

export type DecisionOutcome =
  | { readonly outcome: 'approved' | 'edited' | 'rejected'; readonly delivered: boolean }
  | { readonly outcome: 'not_pending' }
  | { readonly outcome: 'not_found' };

export type RetryOutcome = 'delivered' | 'failed' | 'not_needed' | 'not_found';

export interface ReviewService {
  list(options: { status?: ReviewStatus | undefined; limit: number; offset: number }): Promise<{
    reviews: ReviewSummary[];
    total: number;
  }>;
  get(reviewId: string): Promise<ReviewView | undefined>;
  /** Shows the unmasked text; the reveal is written to the audit log first. */
  reveal(reviewId: string, actor: string): Promise<ReviewView | undefined>;
  /**
   * Approves (or, with a different text, edits and approves) a pending answer and delivers it.
   * Credentials in it are delivered masked unless `reveal` says the reviewer confirmed otherwise.
   */
  approve(
    reviewId: string,
    reviewer: string,
    editedText?: string,
    options?: { readonly reveal?: boolean },
  ): Promise<DecisionOutcome>;
  /** The text an approved review delivers, through the guard (for the local chat page, which has read it). */
  deliverableText(review: Review): Promise<CheckedText | undefined>;
  reject(reviewId: string, reviewer: string, reason: string): Promise<DecisionOutcome>;
  /** Posts a decided answer whose delivery failed earlier. */
  retryDelivery(reviewId: string, actor: string): Promise<RetryOutcome>;
}

/**
 * What the review service needs from storage (a port: the Store implements it, tests may too): the
 * held answers, with the delivery claim that lets one replica deliver an approved answer once, and
 * the audit log.
 */
export interface ReviewStore {
  readonly reviews: {
    get(id: string): Promise<Review | undefined>;
    list(options: { status?: ReviewStatus; limit: number; offset: number }): Promise<Review[]>;
    count(status?: ReviewStatus): Promise<number>;
    /** Settles a pending review; false when it was no longer pending (another reviewer was first). */
    decide(id: string, decision: ReviewDecision): Promise<boolean>;
    /** Claims the delivery of an approved answer; the attempt number, or undefined when another holds it or it was delivered. */
    claimDelivery(id: string, leaseMs?: number): Promise<number | undefined>;
    markDelivered(id: string, attempt: number): Promise<boolean>;
    releaseDelivery(id: string, attempt: number): Promise<void>;
  };
  readonly audit: {
    append(entry: {
      actor: string;
      action: string;
      target?: string;
      details?: Record<string, unknown>;
    }): Promise<void>;
  };
}

export interface ReviewServiceDeps {
  readonly store: ReviewStore;
  /** The delivery channel of a chat platform, when that adapter runs in this process. */
  readonly deliveries: (platform: Platform) => DeliveryChannel | undefined;
  /** Every approved answer passes it again before it is delivered. */
  readonly guard: Pick<Guard, 'approve'>;
  readonly logger: Logger;
}

const MAX_REASON_CHARS = 2000;
export const MAX_EDITED_CHARS = 40_000;

function maskLabel(types: readonly string[]): string {
  return `[hidden ${types.filter((t) => MASKED_FINDING_TYPES.has(t)).join(', ')}]`;
}

/** Splits a text at every finding boundary; parts covered by a masked type are hidden unless revealed. */
export function answerParts(text: string, findings: readonly Finding[], revealed: boolean): AnswerPart[] {
  const valid = findings.filter((f) => f.start >= 0 && f.end > f.start && f.end <= text.length);
  const cuts = new Set<number>([0, text.length]);
  for (const f of valid) cuts.add(f.start).add(f.end);
  const points = [...cuts].sort((a, b) => a - b);
  const parts: AnswerPart[] = [];
  for (let i = 0; i + 1 < points.length; i += 1) {
    const [start, end] = [points[i]!, points[i + 1]!];
    const types = [
      ...new Set(valid.filter((f) => f.start <= start && f.end >= end).map((f) => f.type)),
    ].sort();
    const masked = !revealed && types.some((t) => MASKED_FINDING_TYPES.has(t));
    const previous = parts[parts.length - 1];
    if (previous && previous.masked === masked && previous.types.join() === types.join()) {
      // One hidden span stays one mask; plain neighbours of the same kind join up.
      if (!masked) parts[parts.length - 1] = { ...previous, text: previous.text + text.slice(start, end) };
      continue;
    }
    parts.push({ text: masked ? maskLabel(types) : text.slice(start, end), types, masked });
  }
  return parts;
}

function summary(r: Review): ReviewSummary {
  return {
    id: r.id,
    status: r.status,
    question: r.question,
    asker: r.asker,
    platform: r.platform,
    createdAt: r.createdAt,
    findings: r.findings.map((f) => ({ type: f.type })),
    decidedAt: r.decidedAt,
    reviewer: r.reviewer,
    deliveredAt: r.deliveredAt,
  };
}

function view(r: Review, revealed: boolean): ReviewView {
  const parts = answerParts(r.originalText, r.findings, revealed);
  return {
    ...summary(r),
    placeKind: r.placeKind,
    channelId: r.channelId,
    threadId: r.threadId,
    language: r.language,
    citations: r.citations,
    reason: r.reason,
    revealed,
    hasCredentials: r.findings.some((f) => isCredential(f.type)),
    text: parts.map((p) => p.text).join(''),
    parts,
    deliveredText: r.status === 'edited' ? r.finalText : undefined,
    awaitingDelivery: r.status !== 'pending' && r.deliveredAt === undefined,
  };
}

/** Reviewers' decisions on held answers: exactly once, audited, then delivered where the question was asked. */
export function createReviewService(deps: ReviewServiceDeps): ReviewService {
  const { store, logger } = deps;
  const delivering = new Set<string>();

  /** The approved text as the asker will read it: scanned again, credentials masked unless revealed. */
  function releaseText(review: Review, text: string, reveal: boolean) {
    const readers = [{ email: review.asker, groups: ['all'] }];
    return deps.guard.approve(text, { readers, sources: [], language: review.language }, { reveal });
  }

  /** A decided review's text as its asker reads it: released again (a retried delivery, the chat page). */
  function released(review: Review) {
    return releaseText(review, review.finalText ?? review.originalText, review.revealedOnApproval);
  }

  /**
   * Sends the decision to the asker; a failure leaves the review undelivered (the UI offers a
   * retry). `approved` is the released text when the caller has just made it (no second guard run).
   * The delivery is claimed in the database first: when another replica is delivering it (or has),
   * nothing is posted here (`taken`).
   */
  async function deliver(review: Review, approved?: CheckedText): Promise<'delivered' | 'failed' | 'taken'> {
    const channel = deps.deliveries(review.platform as Platform);
    if (!channel && !LOCAL_PLATFORMS.has(review.platform)) {
      logger('warn', 'review.no_delivery_channel', { reviewId: review.id, platform: review.platform });
      return 'failed';
    }
    const attempt = await store.reviews.claimDelivery(review.id);
    if (attempt === undefined) {
      logger('info', 'review.delivery_taken', { reviewId: review.id });
      return 'taken';
    }
    if (!channel) {
      await store.reviews.markDelivered(review.id, attempt);
      return 'delivered';
    }
    const target = {
      reviewId: review.id,
      questionId: review.questionId,
      language: review.language,
      channelId: review.channelId,
      threadId: review.threadId,
      delivery: review.delivery,
      asker: review.asker,
    };
    try {
      if (review.status === 'rejected') await channel.deliverRejected(target);
      else
        await channel.deliverApproved({
          ...target,
          text: approved ?? (await released(review)).text,
          citations: review.citations,
        });
    } catch (error) {
      logger('error', 'review.delivery_failed', {
        reviewId: review.id,
        platform: review.platform,
        error: describeError(error),
      });
      await store.reviews.releaseDelivery(review.id, attempt).catch(() => undefined);
      return 'failed';
    }
    if (!(await store.reviews.markDelivered(review.id, attempt)))
      logger('warn', 'review.delivery_claim_lost', { reviewId: review.id, attempt });
    return 'delivered';
  }

  async function decideAndDeliver(
    reviewId: string,
    decision: {
      status: 'approved' | 'edited' | 'rejected';
      reviewer: string;
      finalText?: string;
      reason?: string;
      revealed?: boolean;
    },
    details: Record<string, unknown>,
    approved?: CheckedText,
  ): Promise<DecisionOutcome> {
    const before = await store.reviews.get(reviewId);
    if (!before) return { outcome: 'not_found' };
    if (!(await store.reviews.decide(reviewId, decision))) return { outcome: 'not_pending' };
    const action = { approved: 'review.approve', edited: 'review.edit_approve', rejected: 'review.reject' }[
      decision.status
    ];
    await store.audit.append({
      actor: decision.reviewer,
      action,
      target: reviewId,
      details: { platform: before.platform, ...details },
    });
    logger('info', 'review.decided', { reviewId, status: decision.status });
    const decided = (await store.reviews.get(reviewId))!;
    delivering.add(reviewId);
    try {
      return { outcome: decision.status, delivered: (await deliver(decided, approved)) === 'delivered' };
    } finally {
      delivering.delete(reviewId);
    }
  }

  return {
    async list({ status, limit, offset }) {
      const [rows, total] = await Promise.all([
        store.reviews.list({ status, limit, offset }),
        store.reviews.count(status),
      ]);
      return { reviews: rows.map(summary), total };
    },

    async get(reviewId) {
      const r = await store.reviews.get(reviewId);
      return r ? view(r, false) : undefined;
    },

    async reveal(reviewId, actor) {
      const r = await store.reviews.get(reviewId);
      if (!r) return undefined;
      await store.audit.append({ actor, action: 'review.reveal', target: reviewId });
      return view(r, true);
    },

    async deliverableText(review) {
      if (review.status !== 'approved' && review.status !== 'edited') return undefined;
      return (await released(review)).text;
    },

    async approve(reviewId, reviewer, editedText, options = {}) {
      const review = await store.reviews.get(reviewId);
      if (!review) return { outcome: 'not_found' };
      if (editedText !== undefined && editedText.trim() === '')
        throw new InputError('the edited answer is empty');
      const edited = editedText !== undefined && editedText.trim() !== review.originalText.trim();
      if (edited && editedText.length > MAX_EDITED_CHARS) {
        throw new InputError(`the edited answer is too long (at most ${MAX_EDITED_CHARS} characters)`);
      }
      const reveal = options.reveal === true;
      const text = edited ? editedText : review.originalText;
      // Released once: what the audit records is what is delivered.
      const approval = await releaseText(review, text, reveal);
      return decideAndDeliver(
        reviewId,
        edited
          ? { status: 'edited', reviewer, finalText: editedText, revealed: reveal }
          : { status: 'approved', reviewer, revealed: reveal },
        {
          edited,
          // Which credentials went out masked, and which the reviewer revealed on purpose (types only).
          masked: approval.masked.map((f) => f.type),
          revealed: approval.revealed.map((f) => f.type),
        },
        approval.text,
      );
    },

    async reject(reviewId, reviewer, reason) {
      const trimmed = reason.trim();
      if (trimmed === '') throw new InputError('give a reason for the rejection');
      if (trimmed.length > MAX_REASON_CHARS)
        throw new InputError(`the reason is too long (at most ${MAX_REASON_CHARS} characters)`);
      return decideAndDeliver(reviewId, { status: 'rejected', reviewer, reason: trimmed }, {});
    },

    async retryDelivery(reviewId, actor) {
      const review = await store.reviews.get(reviewId);
      if (!review) return 'not_found';
      if (review.status === 'pending' || review.deliveredAt !== undefined || delivering.has(reviewId))
        return 'not_needed';
      delivering.add(reviewId);
      try {
        await store.audit.append({
          actor,
          action: 'review.retry_delivery',
          target: reviewId,
          details: { platform: review.platform },
        });
        const outcome = await deliver(review);
        return outcome === 'taken' ? 'not_needed' : outcome;
      } finally {
        delivering.delete(reviewId);
      }
    },
  };
}
