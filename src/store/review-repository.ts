import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Citation, Finding } from '../core/types.js';
import { databaseNow } from './database-clock.js';
import { nowIso, parseJson } from './json.js';
import type { DialectName } from './migrations.js';
import type { Database } from './schema.js';

/**
 * How long a delivery claimed by a process that then went silent blocks a retry. A delivery posts
 * one or two messages: minutes mean the process died mid-way (a retry may then post twice).
 */
const DELIVERY_LEASE_MS = 2 * 60_000;

export type ReviewStatus = 'pending' | 'approved' | 'edited' | 'rejected';

/** A reviewer's decision on a pending review. */
export interface ReviewDecision {
  readonly status: Exclude<ReviewStatus, 'pending'>;
  readonly reviewer: string;
  readonly finalText?: string | undefined;
  readonly reason?: string | undefined;
  /** The reviewer delivered the answer's credentials unmasked, on purpose. */
  readonly revealed?: boolean | undefined;
}

export interface Review {
  readonly id: string;
  readonly questionId: string;
  readonly status: ReviewStatus;
  readonly createdAt: string;
  readonly decidedAt?: string | undefined;
  readonly reviewer?: string | undefined;
  readonly reason?: string | undefined;
  readonly originalText: string;
  readonly finalText?: string | undefined;
  /** The reviewer delivered the answer's credentials unmasked, on purpose. */
  readonly revealedOnApproval: boolean;
  readonly findings: readonly Finding[];
  readonly language: string;
  readonly citations: readonly Citation[];
  readonly deliveredAt?: string | undefined;
  /** From the question: */
  readonly question: string;
  readonly asker: string;
  readonly platform: string;
  readonly placeKind: string;
  readonly channelId?: string | undefined;
  readonly threadId?: string | undefined;
  readonly delivery?: unknown;
}

/** Held answers waiting for a reviewer. Decisions are conditional updates, so each is taken exactly once. */
export class ReviewRepository {
  /**
   * @param owner this process, as recorded while it delivers a decision (`QuestionRepository.worker`).
   */
  constructor(
    private readonly db: Kysely<Database>,
    private readonly dialect: DialectName = 'sqlite',
    private readonly owner: string = `reviews:${randomUUID()}`,
  ) {}

  async create(input: {
    questionId: string;
    text: string;
    findings: readonly Finding[];
    language: string;
    citations: readonly Citation[];
  }): Promise<string> {
    const id = randomUUID();
    await this.db
      .insertInto('reviews')
      .values({
        id,
        question_id: input.questionId,
        status: 'pending',
        created_at: nowIso(),
        decided_at: null,
        reviewer: null,
        reason: null,
        original_text: input.text,
        final_text: null,
        findings: JSON.stringify(input.findings),
        language: input.language,
        citations: JSON.stringify(input.citations),
        delivered_at: null,
      })
      .execute();
    return id;
  }

  private base() {
    return this.db
      .selectFrom('reviews')
      .innerJoin('questions', 'questions.id', 'reviews.question_id')
      .select([
        'reviews.id as id',
        'reviews.question_id as question_id',
        'reviews.status as status',
        'reviews.created_at as created_at',
        'reviews.decided_at as decided_at',
        'reviews.reviewer as reviewer',
        'reviews.reason as reason',
        'reviews.original_text as original_text',
        'reviews.final_text as final_text',
        'reviews.revealed_on_approval as revealed_on_approval',
        'reviews.findings as findings',
        'reviews.language as language',
        'reviews.citations as citations',
        'reviews.delivered_at as delivered_at',
        'questions.text as question',
        'questions.asker as asker',
        'questions.platform as platform',
        'questions.place_kind as place_kind',
        'questions.channel_id as channel_id',
        'questions.thread_id as thread_id',
        'questions.delivery as delivery',
      ]);
  }

  private static map(r: {
    id: string;
    question_id: string;
    status: string;
    created_at: string;
    decided_at: string | null;
    reviewer: string | null;
    reason: string | null;
    original_text: string;
    final_text: string | null;
    revealed_on_approval: number;
    findings: string;
    language: string;
    citations: string;
    delivered_at: string | null;
    question: string;
    asker: string;
    platform: string;
    place_kind: string;
    channel_id: string | null;
    thread_id: string | null;
    delivery: string | null;
  }): Review {
    return {
      id: r.id,
      questionId: r.question_id,
      status: r.status as ReviewStatus,
      createdAt: r.created_at,
      decidedAt: r.decided_at ?? undefined,
      reviewer: r.reviewer ?? undefined,
      reason: r.reason ?? undefined,
      originalText: r.original_text,
      finalText: r.final_text ?? undefined,
      revealedOnApproval: r.revealed_on_approval === 1,
      findings: parseJson<Finding[]>(r.findings, []),
      language: r.language,
      citations: parseJson<Citation[]>(r.citations, []),
      deliveredAt: r.delivered_at ?? undefined,
      question: r.question,
      asker: r.asker,
      platform: r.platform,
      placeKind: r.place_kind,
      channelId: r.channel_id ?? undefined,
      threadId: r.thread_id ?? undefined,
      delivery: parseJson<unknown>(r.delivery, undefined),
    };
  }

  async get(id: string): Promise<Review | undefined> {
    const r = await this.base().where('reviews.id', '=', id).executeTakeFirst();
    return r ? ReviewRepository.map(r) : undefined;
  }

  /** The review of a held question (one per question), if it was held. */
  /** The review of the question's own answer; an expert's held reply to it has a review of its own. */
  async forQuestion(questionId: string): Promise<Review | undefined> {
    const r = await this.base()
      .where('reviews.question_id', '=', questionId)
      .where('reviews.reply_key', 'is', null)
      .executeTakeFirst();
    return r ? ReviewRepository.map(r) : undefined;
  }

  async list(options: { status?: ReviewStatus; limit: number; offset: number }): Promise<Review[]> {
    let q = this.base();
    if (options.status) q = q.where('reviews.status', '=', options.status);
    const rows = await q
      .orderBy('reviews.created_at', 'desc')
      .orderBy('reviews.id', 'desc')
      .limit(options.limit)
      .offset(options.offset)
      .execute();
    return rows.map(ReviewRepository.map);
  }

  async count(status?: ReviewStatus): Promise<number> {
    let q = this.db.selectFrom('reviews').select((eb) => eb.fn.countAll<string | number>().as('n'));
    if (status) q = q.where('status', '=', status);
    return Number((await q.executeTakeFirst())?.n ?? 0);
  }

  /**
   * Decide a pending review. Returns false if it was not pending any more (someone else decided first),
   * which makes approval exactly-once across replicas.
   */
  async decide(id: string, decision: ReviewDecision): Promise<boolean> {
    const result = await this.db
      .updateTable('reviews')
      .set({
        status: decision.status,
        reviewer: decision.reviewer,
        decided_at: nowIso(),
        final_text: decision.finalText ?? null,
        reason: decision.reason ?? null,
        revealed_on_approval: decision.revealed ? 1 : 0,
      })
      .where('id', '=', id)
      .where('status', '=', 'pending')
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  }

  /**
   * Takes the delivery of a decided review for this process: its attempt number, or undefined
   * when it was delivered already or another process is delivering it (claimed less than
   * `leaseMs` ago). A compare-and-set on the attempt, so of two replicas retrying at once one
   * posts and the other is told it is not needed.
   */
  async claimDelivery(id: string, leaseMs = DELIVERY_LEASE_MS): Promise<number | undefined> {
    const row = await this.db
      .selectFrom('reviews')
      .select('delivery_attempt')
      .where('id', '=', id)
      .executeTakeFirst();
    if (!row) return undefined;
    const attempt = row.delivery_attempt + 1;
    const result = await this.db
      .updateTable('reviews')
      .set({
        delivery_owner: this.owner,
        delivery_attempt: attempt,
        delivery_claimed_at: databaseNow(this.dialect),
      })
      .where('id', '=', id)
      .where('status', '<>', 'pending')
      .where('delivered_at', 'is', null)
      .where('delivery_attempt', '=', row.delivery_attempt)
      .where((eb) =>
        eb.or([
          eb('delivery_owner', 'is', null),
          eb('delivery_claimed_at', '<', databaseNow(this.dialect, -leaseMs)),
        ]),
      )
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1 ? attempt : undefined;
  }

  /** Records a delivery made under claim `attempt`; false when that claim was no longer this process's. */
  async markDelivered(id: string, attempt: number): Promise<boolean> {
    const result = await this.db
      .updateTable('reviews')
      .set({ delivered_at: nowIso(), delivery_owner: null })
      .where('id', '=', id)
      .where('delivery_owner', '=', this.owner)
      .where('delivery_attempt', '=', attempt)
      .where('delivered_at', 'is', null)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  }

  /** Gives up claim `attempt` after a failed delivery, so that a retry may start at once. */
  async releaseDelivery(id: string, attempt: number): Promise<void> {
    await this.db
      .updateTable('reviews')
      .set({ delivery_owner: null })
      .where('id', '=', id)
      .where('delivery_owner', '=', this.owner)
      .where('delivery_attempt', '=', attempt)
      .execute();
  }
}
