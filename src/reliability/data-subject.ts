import type { Kysely } from 'kysely';
import type { Database } from '../store/schema.js';

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
    };
  }

  /**
   * Erases their questions (with the held answers and the feedback on them) and the feedback they
   * gave on other answers, in one transaction. Returns what was deleted.
   */
  delete(email: string): Promise<{ questions: number; feedback: number }> {
    return this.db.transaction().execute(async (tx) => {
      const given = await tx.deleteFrom('feedback').where('user', '=', email).executeTakeFirst();
      const theirs = tx.selectFrom('questions').select('id').where('asker', '=', email);
      await tx.deleteFrom('feedback').where('question_id', 'in', theirs).execute();
      await tx.deleteFrom('reviews').where('question_id', 'in', theirs).execute();
      const questions = await tx.deleteFrom('questions').where('asker', '=', email).executeTakeFirst();
      return { questions: Number(questions.numDeletedRows), feedback: Number(given.numDeletedRows) };
    });
  }
}
