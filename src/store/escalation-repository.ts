import type { Kysely, Selectable } from 'kysely';
import type { Citation } from '../core/types.js';
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
    standardId: r.standard_id ?? undefined,
  };
}

function toReply(r: Selectable<EscalationRepliesTable>): EscalationReply {
  return {
    escalationId: r.escalation_id,
    replyId: r.reply_id,
    author: r.author,
    text: r.text,
    createdAt: r.created_at,
    relayedAt: r.relayed_at ?? undefined,
    verdictAction: r.verdict_action ?? undefined,
  };
}

/**
 * Hand-offs and the expert replies relayed from them. One hand-off per question (a unique index),
 * one relay per reply (the replies' primary key): a second click, a retried event or a second
 * replica finds what the first one wrote instead of doing it again.
 */
export class EscalationRepository {
  constructor(private readonly db: Kysely<Database>) {}

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

  /** Remembers the standard answer published from this hand-off. */
  async setStandard(id: string, standardId: string): Promise<void> {
    await this.db.updateTable('escalations').set({ standard_id: standardId }).where('id', '=', id).execute();
  }

  /**
   * Records an expert's reply; false when it was recorded before (a retried event, the same message
   * seen as a mention and as a message, another replica): it is then not relayed again.
   */
  async addReply(input: {
    readonly escalationId: string;
    readonly replyId: string;
    readonly author: string;
    readonly text: string;
  }): Promise<boolean> {
    const result = await this.db
      .insertInto('escalation_replies')
      .values({
        escalation_id: input.escalationId,
        reply_id: input.replyId,
        author: input.author,
        text: input.text,
        created_at: nowIso(),
        relayed_at: null,
        verdict_action: null,
      })
      .onConflict((oc) => oc.columns(['escalation_id', 'reply_id']).doNothing())
      .executeTakeFirst();
    return Number(result.numInsertedOrUpdatedRows ?? 0n) === 1;
  }

  /** The reply went to the asker (or, held, to the review queue) with this verdict. */
  async markRelayed(escalationId: string, replyId: string, verdictAction: string): Promise<void> {
    await this.db
      .updateTable('escalation_replies')
      .set({ relayed_at: nowIso(), verdict_action: verdictAction })
      .where('escalation_id', '=', escalationId)
      .where('reply_id', '=', replyId)
      .execute();
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

  /** The question a hand-off is (or would be) about, with its answer's citations. */
  async question(questionId: string): Promise<HandedOffQuestion | undefined> {
    const r = await this.db
      .selectFrom('questions')
      .select([
        'id',
        'text',
        'asker',
        'platform',
        'place_kind',
        'channel_id',
        'thread_id',
        'delivery',
        'language',
        'status',
        'answer_text',
        'citations',
        'retrieved_chunk_ids',
        'created_at',
      ])
      .where('id', '=', questionId)
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
      createdAt: r.created_at,
    };
  }
}
