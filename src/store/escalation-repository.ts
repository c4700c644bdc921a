import { randomUUID } from 'node:crypto';
import type { Kysely, Selectable } from 'kysely';
import type { Citation, Finding } from '../core/types.js';
import { nowIso, parseJson } from './json.js';
import type { Database, EscalationRepliesTable, EscalationsTable } from './schema.js';

export type EscalationStatus = 'open' | 'resolved';

/** A question handed off to a person in an expert channel ("Ask a person"). */
export interface Escalation {
  readonly id: string;
  readonly questionId: string;
  readonly requestedBy: string;
  readonly status: EscalationStatus;
  /** The name of the expert route chosen. */
  readonly route: string;
  readonly expertPlatform: string;
  readonly expertChannel: string;
  /** The hand-off message, whose thread the experts reply in; undefined until it is posted. */
  readonly expertThread?: string | undefined;
  /** The asker's language. */
  readonly language: string;
  readonly createdAt: string;
  readonly postedAt?: string | undefined;
  readonly resolvedAt?: string | undefined;
  readonly resolvedBy?: string | undefined;
  readonly standardId?: string | undefined;
}

/** An expert's reply in a hand-off thread. */
export interface EscalationReply {
  readonly escalationId: string;
  readonly replyId: string;
  readonly author: string;
  readonly text: string;
  readonly createdAt: string;
  readonly relayedAt?: string | undefined;
  /** The guard's verdict on the reply as relayed to the asker. */
  readonly verdictAction?: string | undefined;
  /** Relays tried so far (the first one by whoever recorded it). */
  readonly relayAttempt: number;
}

/** A held reply's review, as its asker may learn it. */
export interface ReplyReview {
  readonly id: string;
  /** pending | approved | edited | rejected */
  readonly status: string;
  /** What the reviewer approved: the edited text, else the reply as held. */
  readonly text: string;
  /** The reviewer released credentials in it unmasked, on purpose. */
  readonly revealed: boolean;
}

/** The standard answer a question got, as far as who may read it. */
export interface StandardAnswerUsed {
  readonly id: string;
  /** Groups that may get it (`all` = everyone), as documents' audience. */
  readonly audience: readonly string[];
}

/** The question behind a hand-off, with what the experts are shown and where the asker is. */
export interface HandedOffQuestion {
  readonly id: string;
  readonly text: string;
  readonly asker: string;
  readonly platform: string;
  readonly placeKind: string;
  readonly channelId?: string | undefined;
  readonly threadId?: string | undefined;
  readonly delivery?: unknown;
  readonly language?: string | undefined;
  readonly status: string;
  /** The text the asker was shown (for held and blocked answers, nothing). */
  readonly answerText?: string | undefined;
  readonly citations: readonly Citation[];
  readonly retrievedChunkIds: readonly string[];
  /** The standard answer it was answered with, if it was. */
  readonly standard?: StandardAnswerUsed | undefined;
  readonly createdAt: string;
}

function toEscalation(r: Selectable<EscalationsTable>): Escalation {
  return {
    id: r.id,
    questionId: r.question_id,
    requestedBy: r.requested_by,
    status: r.status === 'resolved' ? 'resolved' : 'open',
    route: r.route,
    expertPlatform: r.expert_platform,
    expertChannel: r.expert_channel,
    expertThread: r.expert_thread ?? undefined,
    language: r.language,
    createdAt: r.created_at,
    postedAt: r.posted_at ?? undefined,
    resolvedAt: r.resolved_at ?? undefined,
    resolvedBy: r.resolved_by ?? undefined,
    // A save in progress (`claimStandard`) is no standard answer yet.
    standardId: r.standard_id && !r.standard_id.startsWith(SAVING) ? r.standard_id : undefined,
  };
}

/** How `standard_id` says that a standard answer is being published from the hand-off. */
const SAVING = 'saving:';

function toReply(r: Selectable<EscalationRepliesTable>): EscalationReply {
  return {
    escalationId: r.escalation_id,
    replyId: r.reply_id,
    author: r.author,
    text: r.text,
    createdAt: r.created_at,
    relayedAt: r.relayed_at ?? undefined,
    verdictAction: r.verdict_action ?? undefined,
    relayAttempt: r.relay_attempt,
  };
}

/** The key of a held reply's review (`reviews.reply_key`). */
const replyKey = (escalationId: string, replyId: string) => `${escalationId} ${replyId}`;

/**
 * Hand-offs and the expert replies relayed from them. One hand-off per question (a unique index),
 * one relay per reply (the replies' primary key): a second click, a retried event or a second
 * replica finds what the first one wrote instead of doing it again. A relay is claimed, like a
 * held answer's delivery: whoever records a reply holds its first attempt; a failed attempt gives
 * the claim up and a retry takes the next one, so that two replicas never relay a reply at once.
 */
export class EscalationRepository {
  /**
   * @param owner this process, as recorded while it relays a reply.
   */
  constructor(
    private readonly db: Kysely<Database>,
    private readonly owner: string = `relay:${randomUUID()}`,
  ) {}

  /**
   * Records a hand-off, unless the question has one already: `created` false then, with the
   * existing one (whoever was first, in any replica).
   */
  async create(input: {
    readonly id: string;
    readonly questionId: string;
    readonly requestedBy: string;
    readonly route: string;
    readonly expertPlatform: string;
    readonly expertChannel: string;
    readonly language: string;
  }): Promise<{ readonly created: boolean; readonly escalation: Escalation }> {
    const result = await this.db
      .insertInto('escalations')
      .values({
        id: input.id,
        question_id: input.questionId,
        requested_by: input.requestedBy,
        status: 'open',
        route: input.route,
        expert_platform: input.expertPlatform,
        expert_channel: input.expertChannel,
        expert_thread: null,
        language: input.language,
        created_at: nowIso(),
        posted_at: null,
        resolved_at: null,
        resolved_by: null,
        standard_id: null,
      })
      .onConflict((oc) => oc.column('question_id').doNothing())
      .executeTakeFirst();
    const created = Number(result.numInsertedOrUpdatedRows ?? 0n) === 1;
    const escalation = await this.forQuestion(input.questionId);
    if (!escalation) throw new Error(`the hand-off of question ${input.questionId} vanished`);
    return { created, escalation };
  }

  /**
   * Takes over a hand-off whose message was never posted (its process died, or lost the database,
   * between recording it and posting it) once it is older than `staleBefore` (ISO): true for the
   * one caller that did, who posts it now, as requested by `requestedBy`. A compare-and-set on the
   * time the caller read: of two callers, the second finds it taken.
   */
  async reclaim(
    seen: Pick<Escalation, 'id' | 'createdAt'>,
    requestedBy: string,
    staleBefore: string,
  ): Promise<boolean> {
    // Later than the time read, even within its millisecond: that is what a second caller compares.
    const now = new Date(Math.max(Date.now(), Date.parse(seen.createdAt) + 1)).toISOString();
    const result = await this.db
      .updateTable('escalations')
      .set({ created_at: now, requested_by: requestedBy })
      .where('id', '=', seen.id)
      .where('posted_at', 'is', null)
      .where('created_at', '=', seen.createdAt)
      .where('created_at', '<', staleBefore)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  }

  async get(id: string): Promise<Escalation | undefined> {
    const r = await this.db.selectFrom('escalations').selectAll().where('id', '=', id).executeTakeFirst();
    return r ? toEscalation(r) : undefined;
  }

  async forQuestion(questionId: string): Promise<Escalation | undefined> {
    const r = await this.db
      .selectFrom('escalations')
      .selectAll()
      .where('question_id', '=', questionId)
      .executeTakeFirst();
    return r ? toEscalation(r) : undefined;
  }

  /** The hand-off whose message starts this thread of an expert channel, if any. */
  async byThread(platform: string, channel: string, thread: string): Promise<Escalation | undefined> {
    const r = await this.db
      .selectFrom('escalations')
      .selectAll()
      .where('expert_platform', '=', platform)
      .where('expert_channel', '=', channel)
      .where('expert_thread', '=', thread)
      .executeTakeFirst();
    return r ? toEscalation(r) : undefined;
  }

  /** The hand-off message is posted: where its thread is. */
  async markPosted(id: string, channel: string, thread: string): Promise<void> {
    await this.db
      .updateTable('escalations')
      .set({ expert_channel: channel, expert_thread: thread, posted_at: nowIso() })
      .where('id', '=', id)
      .execute();
  }

  /** Forgets a hand-off whose message could not be posted, so that asking again tries again. */
  async remove(id: string): Promise<void> {
    await this.db.deleteFrom('escalations').where('id', '=', id).where('posted_at', 'is', null).execute();
  }

  /** Marks an open hand-off resolved; undefined when it was resolved already (or is unknown). */
  async resolve(id: string, by: string): Promise<Escalation | undefined> {
    const done = await this.db
      .updateTable('escalations')
      .set({ status: 'resolved', resolved_at: nowIso(), resolved_by: by })
      .where('id', '=', id)
      .where('status', '=', 'open')
      .executeTakeFirst();
    if (Number(done.numUpdatedRows) !== 1) return undefined;
    return this.get(id);
  }

  /**
   * Takes the one standard answer a hand-off may give: a token to publish it with, or undefined
   * when it has one already, or another save is under way (two clicks, two replicas).
   */
  async claimStandard(id: string): Promise<string | undefined> {
    const token = `${SAVING}${randomUUID()}`;
    const result = await this.db
      .updateTable('escalations')
      .set({ standard_id: token })
      .where('id', '=', id)
      .where('standard_id', 'is', null)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1 ? token : undefined;
  }

  /** Gives a claim up after the standard answer could not be published, so that saving again may. */
  async releaseStandard(id: string, token: string): Promise<void> {
    await this.db
      .updateTable('escalations')
      .set({ standard_id: null })
      .where('id', '=', id)
      .where('standard_id', '=', token)
      .execute();
  }

  /** Remembers the standard answer published from this hand-off under the claim `token`. */
  async setStandard(id: string, standardId: string, token?: string): Promise<void> {
    let update = this.db.updateTable('escalations').set({ standard_id: standardId }).where('id', '=', id);
    if (token !== undefined) update = update.where('standard_id', '=', token);
    await update.execute();
  }

  /**
   * Records an expert's reply, holding the claim of its first relay; false when it was recorded
   * before (a retried event, the same message seen as a mention and as a message, another
   * replica): it is then not relayed again by this call.
   */
  async addReply(input: {
    readonly escalationId: string;
    readonly replyId: string;
    readonly author: string;
    readonly text: string;
  }): Promise<boolean> {
    const now = nowIso();
    const result = await this.db
      .insertInto('escalation_replies')
      .values({
        escalation_id: input.escalationId,
        reply_id: input.replyId,
        author: input.author,
        text: input.text,
        created_at: now,
        relayed_at: null,
        verdict_action: null,
        relay_owner: this.owner,
        relay_attempt: 1,
        relay_claimed_at: now,
      })
      .onConflict((oc) => oc.columns(['escalation_id', 'reply_id']).doNothing())
      .executeTakeFirst();
    return Number(result.numInsertedOrUpdatedRows ?? 0n) === 1;
  }

  /**
   * Replies not relayed yet, recorded before `before` (ISO), that no relay holds now (none, or a
   * claim older than `claimedBefore`: its process died) and that were tried fewer than
   * `maxAttempts` times; oldest first.
   */
  async unrelayed(options: {
    readonly before: string;
    readonly claimedBefore: string;
    readonly maxAttempts: number;
    readonly limit: number;
  }): Promise<EscalationReply[]> {
    const rows = await this.db
      .selectFrom('escalation_replies')
      .selectAll()
      .where('relayed_at', 'is', null)
      .where('created_at', '<', options.before)
      .where('relay_attempt', '<', options.maxAttempts)
      .where((eb) =>
        eb.or([eb('relay_owner', 'is', null), eb('relay_claimed_at', '<', options.claimedBefore)]),
      )
      .orderBy('created_at')
      .limit(options.limit)
      .execute();
    return rows.map(toReply);
  }

  /**
   * Takes the next relay of a reply for this process: its attempt number, or undefined when it was
   * relayed already or another process holds a claim made after `claimedBefore` (ISO). A
   * compare-and-set on the attempt: of two replicas retrying at once, one relays.
   */
  async claimRelay(
    escalationId: string,
    replyId: string,
    claimedBefore: string,
  ): Promise<number | undefined> {
    const row = await this.reply(escalationId, replyId);
    if (!row || row.relayedAt) return undefined;
    const attempt = row.relayAttempt + 1;
    const result = await this.db
      .updateTable('escalation_replies')
      .set({ relay_owner: this.owner, relay_attempt: attempt, relay_claimed_at: nowIso() })
      .where('escalation_id', '=', escalationId)
      .where('reply_id', '=', replyId)
      .where('relayed_at', 'is', null)
      .where('relay_attempt', '=', row.relayAttempt)
      .where((eb) => eb.or([eb('relay_owner', 'is', null), eb('relay_claimed_at', '<', claimedBefore)]))
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1 ? attempt : undefined;
  }

  /**
   * The reply went to the asker (or, held, to the review queue) with this verdict, under claim
   * `attempt`; false when that claim was no longer this process's.
   */
  async markRelayed(
    escalationId: string,
    replyId: string,
    verdictAction: string,
    attempt = 1,
  ): Promise<boolean> {
    const result = await this.db
      .updateTable('escalation_replies')
      .set({ relayed_at: nowIso(), verdict_action: verdictAction, relay_owner: null })
      .where('escalation_id', '=', escalationId)
      .where('reply_id', '=', replyId)
      .where('relay_owner', '=', this.owner)
      .where('relay_attempt', '=', attempt)
      .where('relayed_at', 'is', null)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  }

  /** Gives up claim `attempt` after a failed relay, so that a retry may take it at once. */
  async releaseRelay(escalationId: string, replyId: string, attempt: number): Promise<void> {
    await this.db
      .updateTable('escalation_replies')
      .set({ relay_owner: null })
      .where('escalation_id', '=', escalationId)
      .where('reply_id', '=', replyId)
      .where('relay_owner', '=', this.owner)
      .where('relay_attempt', '=', attempt)
      .execute();
  }

  /**
   * Puts a held reply in the review queue, as the asker's question's review (the reviewer sees the
   * question beside it, and approving it delivers it where the question was asked); once: a retried
   * relay finds the review made before. Its id.
   */
  async reviewReply(input: {
    readonly escalationId: string;
    readonly replyId: string;
    readonly questionId: string;
    readonly text: string;
    readonly findings: readonly Finding[];
    readonly language: string;
  }): Promise<string> {
    const key = replyKey(input.escalationId, input.replyId);
    await this.db
      .insertInto('reviews')
      .values({
        id: randomUUID(),
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
        citations: '[]',
        delivered_at: null,
        reply_key: key,
      })
      .onConflict((oc) => oc.column('reply_key').doNothing())
      .execute();
    const row = await this.db
      .selectFrom('reviews')
      .select('id')
      .where('reply_key', '=', key)
      .executeTakeFirstOrThrow();
    return row.id;
  }

  /** The review of a held reply, if it was held. */
  async replyReview(escalationId: string, replyId: string): Promise<ReplyReview | undefined> {
    const r = await this.db
      .selectFrom('reviews')
      .select(['id', 'status', 'original_text', 'final_text', 'revealed_on_approval'])
      .where('reply_key', '=', replyKey(escalationId, replyId))
      .executeTakeFirst();
    return r
      ? {
          id: r.id,
          status: r.status,
          text: r.final_text ?? r.original_text,
          revealed: r.revealed_on_approval === 1,
        }
      : undefined;
  }

  async reply(escalationId: string, replyId: string): Promise<EscalationReply | undefined> {
    const r = await this.db
      .selectFrom('escalation_replies')
      .selectAll()
      .where('escalation_id', '=', escalationId)
      .where('reply_id', '=', replyId)
      .executeTakeFirst();
    return r ? toReply(r) : undefined;
  }

  /** A hand-off's replies, oldest first. */
  async replies(escalationId: string): Promise<EscalationReply[]> {
    const rows = await this.db
      .selectFrom('escalation_replies')
      .selectAll()
      .where('escalation_id', '=', escalationId)
      .orderBy('created_at')
      .orderBy('reply_id')
      .execute();
    return rows.map(toReply);
  }

  /** The hand-offs of questions one person asked on one platform since `since` (ISO), newest first. */
  async forAsker(platform: string, asker: string, since: string, limit: number): Promise<Escalation[]> {
    const rows = await this.db
      .selectFrom('escalations')
      .innerJoin('questions', 'questions.id', 'escalations.question_id')
      .selectAll('escalations')
      .where('questions.platform', '=', platform)
      .where('questions.asker', '=', asker)
      .where('escalations.created_at', '>=', since)
      .orderBy('escalations.created_at', 'desc')
      .limit(limit)
      .execute();
    return rows.map(toEscalation);
  }

  /** The question a hand-off is (or would be) about, with its answer's citations and standard answer. */
  async question(questionId: string): Promise<HandedOffQuestion | undefined> {
    const r = await this.db
      .selectFrom('questions as q')
      .leftJoin('standard_answer_uses as u', 'u.question_id', 'q.id')
      .leftJoin('standard_answers as s', 's.id', 'u.standard_id')
      .select([
        'q.id',
        'q.text',
        'q.asker',
        'q.platform',
        'q.place_kind',
        'q.channel_id',
        'q.thread_id',
        'q.delivery',
        'q.language',
        'q.status',
        'q.answer_text',
        'q.citations',
        'q.retrieved_chunk_ids',
        'q.created_at',
        'u.standard_id',
        's.audience as standard_audience',
      ])
      .where('q.id', '=', questionId)
      .executeTakeFirst();
    if (!r) return undefined;
    return {
      id: r.id,
      text: r.text,
      asker: r.asker,
      platform: r.platform,
      placeKind: r.place_kind,
      channelId: r.channel_id ?? undefined,
      threadId: r.thread_id ?? undefined,
      delivery: parseJson<unknown>(r.delivery, undefined),
      language: r.language ?? undefined,
      status: r.status,
      answerText: r.answer_text ?? undefined,
      citations: parseJson<Citation[]>(r.citations, []),
      retrievedChunkIds: parseJson<string[]>(r.retrieved_chunk_ids, []),
      // Read as stored; an audience that cannot be read is an empty one, which nobody may see.
      standard: r.standard_id
        ? { id: r.standard_id, audience: parseJson<string[]>(r.standard_audience, []) }
        : undefined,
      createdAt: r.created_at,
    };
  }
}
