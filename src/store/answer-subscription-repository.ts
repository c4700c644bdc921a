import type { Kysely } from 'kysely';
import { nowIso, parseJson } from './json.js';
import type { Database } from './schema.js';

/** An asker waiting to be told, with where they asked (to post the answer there). */
export interface WaitingAsker {
  readonly questionId: string;
  readonly asker: string;
  readonly question: string;
  readonly language: string | null;
  readonly platform: string;
  readonly placeKind: string;
  readonly channelId: string | null;
  readonly threadId: string | null;
  readonly delivery: unknown;
}

/** Askers who want to be told when their unanswered question gets an answer ("Tell me when answered"). */
export class AnswerSubscriptionRepository {
  constructor(private readonly db: Kysely<Database>) {}

  /** Who asked the question (e-mail, or the platform's id); undefined when there is no such question. */
  async askerOf(questionId: string): Promise<string | undefined> {
    const row = await this.db
      .selectFrom('questions')
      .select('asker')
      .where('id', '=', questionId)
      .executeTakeFirst();
    return row?.asker;
  }

  /** Records the wish once per question; a second call changes nothing. */
  async subscribe(questionId: string, asker: string): Promise<void> {
    await this.db
      .insertInto('answer_subscriptions')
      .values({ question_id: questionId, asker, created_at: nowIso(), notified_at: null, standard_id: null })
      .onConflict((oc) => oc.column('question_id').doNothing())
      .execute();
  }

  /**
   * The askers of these questions who are still waiting (not told yet). The asker is the question's
   * own, whoever recorded the wish: what they may be told is decided for them.
   */
  async waiting(questionIds: readonly string[]): Promise<WaitingAsker[]> {
    if (questionIds.length === 0) return [];
    const rows = await this.db
      .selectFrom('answer_subscriptions as s')
      .innerJoin('questions as q', 'q.id', 's.question_id')
      .select([
        's.question_id',
        'q.asker',
        'q.text',
        'q.language',
        'q.platform',
        'q.place_kind',
        'q.channel_id',
        'q.thread_id',
        'q.delivery',
      ])
      .where('s.question_id', 'in', [...questionIds])
      .where('s.notified_at', 'is', null)
      .orderBy('s.created_at')
      .execute();
    return rows.map((r) => ({
      questionId: r.question_id,
      asker: r.asker,
      question: r.text,
      language: r.language,
      platform: r.platform,
      placeKind: r.place_kind,
      channelId: r.channel_id,
      threadId: r.thread_id,
      delivery: parseJson<unknown>(r.delivery, undefined),
    }));
  }

  /**
   * Takes the right to tell this asker (once, whichever replica or click comes first): false when
   * they were told already.
   */
  async claimNotification(questionId: string, standardId: string): Promise<boolean> {
    const result = await this.db
      .updateTable('answer_subscriptions')
      .set({ notified_at: nowIso(), standard_id: standardId })
      .where('question_id', '=', questionId)
      .where('notified_at', 'is', null)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  }

  /** Gives a claim back after the message could not be posted, so that a later try tells them. */
  async releaseNotification(questionId: string): Promise<void> {
    await this.db
      .updateTable('answer_subscriptions')
      .set({ notified_at: null, standard_id: null })
      .where('question_id', '=', questionId)
      .execute();
  }
}
