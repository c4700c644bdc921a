import { type Kysely, sql, type Transaction } from 'kysely';
import { nowIso, parseJson } from '../store/json.js';
import type { Database } from '../store/schema.js';
import { bumpVersion } from '../store/standard-answer-repository.js';
import { ANONYMISED } from './retention.js';

/** One data subject's question, as `polydesk user export` prints it. */
export interface AskerQuestion {
  readonly id: string;
  readonly createdAt: string;
  readonly platform: string;
  readonly text: string;
  readonly status: string;
  readonly language?: string | undefined;
  readonly answer?: string | undefined;
  readonly answeredAt?: string | undefined;
}

/** What PolyDesk holds about one employee, as `polydesk user export` prints it. */
export interface DataSubjectExport {
  readonly email: string;
  readonly exportedAt: string;
  readonly questions: readonly AskerQuestion[];
  readonly feedback: readonly {
    readonly questionId: string;
    readonly rating: string;
    readonly comment?: string | undefined;
    readonly createdAt: string;
  }[];
  /** "Tell me when answered" wishes they recorded. */
  readonly subscriptions: readonly {
    readonly questionId: string;
    readonly createdAt: string;
    readonly notifiedAt?: string | undefined;
  }[];
  /** Hand-offs to an expert channel they asked for or marked resolved. */
  readonly escalations: readonly {
    readonly id: string;
    readonly questionId: string;
    readonly requestedByThem: boolean;
    readonly resolvedByThem: boolean;
    readonly status: string;
    readonly createdAt: string;
    readonly resolvedAt?: string | undefined;
  }[];
  /** What they replied, as an expert, in hand-off threads. */
  readonly escalationReplies: readonly {
    readonly escalationId: string;
    readonly text: string;
    readonly createdAt: string;
    readonly relayedAt?: string | undefined;
  }[];
  /** Standard answers they published. */
  readonly standardAnswers: readonly {
    readonly id: string;
    readonly title: string;
    readonly createdAt: string;
    readonly retiredAt?: string | undefined;
  }[];
  /** Their own questions' words kept as other wordings of a standard answer. */
  readonly standardAnswerWordings: readonly { readonly standardId: string; readonly wording: string }[];
}

/** What `polydesk user delete` erased or made anonymous, as counts. */
export interface DataSubjectErasure {
  readonly questions: number;
  readonly feedback: number;
  readonly subscriptions: number;
  /** Hand-offs on others' questions that now name nobody as who asked for or resolved them. */
  readonly escalationsAnonymised: number;
  readonly escalationReplies: number;
  /** Standard answers they published, kept under an anonymous author. */
  readonly standardAnswersAnonymised: number;
  /** Standard answers from whose other wordings their questions were removed. */
  readonly standardAnswerWordings: number;
}

/** A question as compared with a standard answer's wordings: spaces and letter case aside. */
const wordingKey = (text: string) => text.trim().replace(/\s+/g, ' ').toLowerCase();

/** Each standard answer's other wordings that are one of these question texts. */
/**
 * Removes these question texts from standard answers' other wordings (an erased person's, or
 * questions past retention); every replica's matcher then reloads. How many answers changed.
 */
export async function forgetWordings(db: Transaction<Database>, texts: readonly string[]): Promise<number> {
  const wordings = await wordingsFrom(db, texts);
  for (const w of wordings) {
    const keep = w.phrasings.filter((p) => !w.theirs.includes(p));
    await db
      .updateTable('standard_answers')
      .set({ phrasings: JSON.stringify(keep), updated_at: nowIso() })
      .where('id', '=', w.id)
      .execute();
  }
  if (wordings.length > 0) await bumpVersion(db);
  return wordings.length;
}

async function wordingsFrom(
  db: Kysely<Database>,
  texts: readonly string[],
): Promise<{ id: string; phrasings: string[]; theirs: string[] }[]> {
  const keys = new Set(texts.map(wordingKey).filter(Boolean));
  if (keys.size === 0) return [];
  const rows = await db.selectFrom('standard_answers').select(['id', 'phrasings']).execute();
  return rows.flatMap((row) => {
    const phrasings = parseJson<string[]>(row.phrasings, []);
    const theirs = phrasings.filter((p) => keys.has(wordingKey(p)));
    return theirs.length > 0 ? [{ id: row.id, phrasings, theirs }] : [];
  });
}

/** Data-subject requests: everything recorded about an employee, or its erasure. */
export class DataSubjects {
  constructor(private readonly db: Kysely<Database>) {}

  /** What they asked (with the answers they were shown) and the ratings they gave, oldest first. */
  async export(email: string): Promise<DataSubjectExport> {
    const questions = await this.db
      .selectFrom('questions')
      .selectAll()
      .where('asker', '=', email)
      .orderBy('created_at')
      .execute();
    const feedback = await this.db
      .selectFrom('feedback')
      .select(['question_id', 'rating', 'comment', 'created_at'])
      .where('user', '=', email)
      .orderBy('created_at')
      .execute();
    return {
      email,
      exportedAt: new Date().toISOString(),
      questions: questions.map((r) => ({
        id: r.id,
        createdAt: r.created_at,
        platform: r.platform,
        text: r.text,
        status: r.status,
        language: r.language ?? undefined,
        // A not-found answer is the fixed notice; what a model wrote without citing is kept for
        // admins but was never shown, so an export does not show it either.
        answer: r.status === 'not_found' ? undefined : (r.answer_text ?? undefined),
        answeredAt: r.answered_at ?? undefined,
      })),
      feedback: feedback.map((f) => ({
        questionId: f.question_id,
        rating: f.rating,
        comment: f.comment ?? undefined,
        createdAt: f.created_at,
      })),
      ...(await this.helpdesk(
        email,
        questions.map((q) => q.text),
      )),
    };
  }

  /** What the helpdesk loop (issue 17) holds about them besides their questions. */
  private async helpdesk(
    email: string,
    questionTexts: readonly string[],
  ): Promise<Omit<DataSubjectExport, 'email' | 'exportedAt' | 'questions' | 'feedback'>> {
    const [subscriptions, escalations, replies, standards, wordings] = await Promise.all([
      this.db
        .selectFrom('answer_subscriptions')
        .select(['question_id', 'created_at', 'notified_at'])
        .where('asker', '=', email)
        .orderBy('created_at')
        .execute(),
      this.db
        .selectFrom('escalations')
        .select(['id', 'question_id', 'requested_by', 'resolved_by', 'status', 'created_at', 'resolved_at'])
        .where((eb) => eb.or([eb('requested_by', '=', email), eb('resolved_by', '=', email)]))
        .orderBy('created_at')
        .execute(),
      this.db
        .selectFrom('escalation_replies')
        .select(['escalation_id', 'text', 'created_at', 'relayed_at'])
        .where('author', '=', email)
        .orderBy('created_at')
        .execute(),
      this.db
        .selectFrom('standard_answers')
        .select(['id', 'title', 'created_at', 'retired_at'])
        .where('created_by', '=', email)
        .orderBy('created_at')
        .execute(),
      wordingsFrom(this.db, questionTexts),
    ]);
    return {
      subscriptions: subscriptions.map((r) => ({
        questionId: r.question_id,
        createdAt: r.created_at,
        notifiedAt: r.notified_at ?? undefined,
      })),
      escalations: escalations.map((r) => ({
        id: r.id,
        questionId: r.question_id,
        requestedByThem: r.requested_by === email,
        resolvedByThem: r.resolved_by === email,
        status: r.status,
        createdAt: r.created_at,
        resolvedAt: r.resolved_at ?? undefined,
      })),
      escalationReplies: replies.map((r) => ({
        escalationId: r.escalation_id,
        text: r.text,
        createdAt: r.created_at,
        relayedAt: r.relayed_at ?? undefined,
      })),
      standardAnswers: standards.map((r) => ({
        id: r.id,
        title: r.title,
        createdAt: r.created_at,
        retiredAt: r.retired_at ?? undefined,
      })),
      standardAnswerWordings: wordings.flatMap((w) =>
        w.theirs.map((wording) => ({ standardId: w.id, wording })),
      ),
    };
  }

  /**
   * Erases, in one transaction: their questions (with the held answers, feedback, hand-offs, expert
   * replies, uses and wishes that belong to them), the feedback they gave, the wishes to be told
   * they recorded, their replies as an expert, and their questions' words among the standard
   * answers' other wordings. Hand-offs they asked for or resolved on others' questions, and the
   * standard answers they published, stay (their askers' and the company's) under an anonymous name.
   * A standard answer's own question, title and answer stay as its author saved them. Returns counts.
   */
  delete(email: string): Promise<DataSubjectErasure> {
    return this.db.transaction().execute(async (tx) => {
      const given = await tx.deleteFrom('feedback').where('user', '=', email).executeTakeFirst();
      const texts = (
        await tx.selectFrom('questions').select('text').where('asker', '=', email).execute()
      ).map((q) => q.text);
      const theirs = tx.selectFrom('questions').select('id').where('asker', '=', email);
      await tx.deleteFrom('feedback').where('question_id', 'in', theirs).execute();
      await tx.deleteFrom('reviews').where('question_id', 'in', theirs).execute();
      const questions = await tx.deleteFrom('questions').where('asker', '=', email).executeTakeFirst();

      const subscriptions = await tx
        .deleteFrom('answer_subscriptions')
        .where('asker', '=', email)
        .executeTakeFirst();
      const requested = await tx
        .updateTable('escalations')
        .set({ requested_by: ANONYMISED })
        .where('requested_by', '=', email)
        .executeTakeFirst();
      const resolved = await tx
        .updateTable('escalations')
        .set({ resolved_by: ANONYMISED })
        .where('resolved_by', '=', email)
        .executeTakeFirst();
      // A reply is the expert's own words: deleted, not kept without a name (its text would remain),
      // and so is the review of a held one, which holds the same words (keyed as the hand-off store
      // keys it: the hand-off's id and the reply's, with a space between).
      await tx
        .deleteFrom('reviews')
        .where(
          'reply_key',
          'in',
          tx
            .selectFrom('escalation_replies')
            .select(sql<string>`escalation_id || ' ' || reply_id`.as('key'))
            .where('author', '=', email),
        )
        .execute();
      const replies = await tx
        .deleteFrom('escalation_replies')
        .where('author', '=', email)
        .executeTakeFirst();
      const published = await tx
        .updateTable('standard_answers')
        .set({ created_by: ANONYMISED })
        .where('created_by', '=', email)
        .executeTakeFirst();
      const wordings = await forgetWordings(tx, texts);
      return {
        questions: Number(questions.numDeletedRows),
        feedback: Number(given.numDeletedRows),
        subscriptions: Number(subscriptions.numDeletedRows),
        escalationsAnonymised: Number(requested.numUpdatedRows) + Number(resolved.numUpdatedRows),
        escalationReplies: Number(replies.numDeletedRows),
        standardAnswersAnonymised: Number(published.numUpdatedRows),
        standardAnswerWordings: wordings,
      };
    });
  }
}
