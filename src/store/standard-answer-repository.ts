import { randomUUID } from 'node:crypto';
import type { Kysely, Selectable, Transaction } from 'kysely';
import { nowIso, parseJson } from './json.js';
import type { Database, StandardAnswersTable } from './schema.js';

/**
 * Changes whenever a standard answer is created, edited or retired, in the same transaction: a
 * matcher in any replica compares it with the version it loaded (one primary-key read per question)
 * rather than trusting timestamps written by clocks that may disagree.
 */
const VERSION_KEY = 'standard_answers.version';

/** Where a standard answer came from: the admin UI or API, an expert's reply, a knowledge gap. */
export type StandardAnswerOrigin = 'admin' | 'expert' | 'gap';

/** A standard answer as stored (see `StandardAnswersTable`). */
export interface StandardAnswer {
  readonly id: string;
  readonly question: string;
  readonly phrasings: readonly string[];
  readonly answer: string;
  readonly title: string;
  readonly team: string;
  readonly audience: readonly string[];
  /** Empty: any language. */
  readonly languages: readonly string[];
  readonly reviewAt: string | null;
  readonly origin: StandardAnswerOrigin;
  readonly originRef: string | null;
  readonly createdBy: string;
  readonly createdAt: string;
  readonly updatedAt: string;
  readonly retiredAt: string | null;
}

/** A standard answer with how often it was given. */
export interface StandardAnswerListing extends StandardAnswer {
  readonly uses: number;
  readonly lastUsedAt: string | null;
}

/** The fields an edit may change. */
export type StandardAnswerChanges = Partial<
  Pick<
    StandardAnswer,
    'question' | 'phrasings' | 'answer' | 'title' | 'team' | 'audience' | 'languages' | 'reviewAt'
  >
>;

export type NewStandardAnswer = Omit<StandardAnswer, 'id' | 'createdAt' | 'updatedAt' | 'retiredAt'>;

function toStandardAnswer(row: Selectable<StandardAnswersTable>): StandardAnswer {
  return {
    id: row.id,
    question: row.question,
    phrasings: parseJson<string[]>(row.phrasings, []),
    answer: row.answer,
    title: row.title,
    team: row.team,
    audience: parseJson<string[]>(row.audience, []),
    languages: parseJson<string[]>(row.languages, []),
    reviewAt: row.review_at,
    origin: row.origin as StandardAnswerOrigin,
    originRef: row.origin_ref,
    createdBy: row.created_by,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    retiredAt: row.retired_at,
  };
}

/** Standard answers and their uses. Retired answers stay (their uses remain countable) but are never given. */
export class StandardAnswerRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async create(input: NewStandardAnswer): Promise<StandardAnswer> {
    const now = nowIso();
    const id = randomUUID();
    await this.db.transaction().execute(async (trx) => {
      await trx
        .insertInto('standard_answers')
        .values({
          id,
          question: input.question,
          phrasings: JSON.stringify(input.phrasings),
          answer: input.answer,
          title: input.title,
          team: input.team,
          audience: JSON.stringify(input.audience),
          languages: JSON.stringify(input.languages),
          review_at: input.reviewAt,
          origin: input.origin,
          origin_ref: input.originRef,
          created_by: input.createdBy,
          created_at: now,
          updated_at: now,
          retired_at: null,
        })
        .execute();
      await bumpVersion(trx);
    });
    return { ...input, id, createdAt: now, updatedAt: now, retiredAt: null };
  }

  /** Edits a standard answer that is not retired; undefined when there is none such. */
  async update(id: string, changes: StandardAnswerChanges): Promise<StandardAnswer | undefined> {
    const set: Partial<StandardAnswersTable> = { updated_at: nowIso() };
    if (changes.question !== undefined) set.question = changes.question;
    if (changes.phrasings !== undefined) set.phrasings = JSON.stringify(changes.phrasings);
    if (changes.answer !== undefined) set.answer = changes.answer;
    if (changes.title !== undefined) set.title = changes.title;
    if (changes.team !== undefined) set.team = changes.team;
    if (changes.audience !== undefined) set.audience = JSON.stringify(changes.audience);
    if (changes.languages !== undefined) set.languages = JSON.stringify(changes.languages);
    if (changes.reviewAt !== undefined) set.review_at = changes.reviewAt;
    return (await this.changeActive(id, set)) ? this.get(id) : undefined;
  }

  /** Retires it (once); false when there is no such standard answer or it was retired already. */
  async retire(id: string): Promise<boolean> {
    const now = nowIso();
    return this.changeActive(id, { retired_at: now, updated_at: now });
  }

  /** Changes a standard answer that is not retired, and tells every replica's matcher to reload. */
  private changeActive(id: string, set: Partial<StandardAnswersTable>): Promise<boolean> {
    return this.db.transaction().execute(async (trx) => {
      const result = await trx
        .updateTable('standard_answers')
        .set(set)
        .where('id', '=', id)
        .where('retired_at', 'is', null)
        .executeTakeFirst();
      if (Number(result.numUpdatedRows) !== 1) return false;
      await bumpVersion(trx);
      return true;
    });
  }

  async get(id: string): Promise<StandardAnswer | undefined> {
    const row = await this.db
      .selectFrom('standard_answers')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirst();
    return row ? toStandardAnswer(row) : undefined;
  }

  /** The answers that may be given (not retired), oldest first: what a matcher loads. */
  async active(): Promise<StandardAnswer[]> {
    const rows = await this.db
      .selectFrom('standard_answers')
      .selectAll()
      .where('retired_at', 'is', null)
      .orderBy('created_at')
      .orderBy('id')
      .execute();
    return rows.map(toStandardAnswer);
  }

  /** Every standard answer with its uses, newest first; retired ones only when asked for. */
  async list(options: { readonly includeRetired?: boolean } = {}): Promise<StandardAnswerListing[]> {
    const uses = this.db
      .selectFrom('standard_answer_uses')
      .select([
        'standard_id',
        (eb) => eb.fn.countAll<string | number>().as('uses'),
        (eb) => eb.fn.max('used_at').as('last_used_at'),
      ])
      .groupBy('standard_id')
      .as('u');
    let query = this.db
      .selectFrom('standard_answers as s')
      .leftJoin(uses, 'u.standard_id', 's.id')
      .selectAll('s')
      .select(['u.uses', 'u.last_used_at']);
    if (!options.includeRetired) query = query.where('s.retired_at', 'is', null);
    const rows = await query.orderBy('s.created_at', 'desc').orderBy('s.id').execute();
    return rows.map((row) => ({
      ...toStandardAnswer(row),
      uses: Number(row.uses ?? 0),
      lastUsedAt: row.last_used_at ?? null,
    }));
  }

  /** Records that a question was given this standard answer (once per question). */
  async recordUse(use: { questionId: string; standardId: string; score: number }): Promise<void> {
    await this.db
      .insertInto('standard_answer_uses')
      .values({
        question_id: use.questionId,
        standard_id: use.standardId,
        score: use.score,
        used_at: nowIso(),
      })
      .onConflict((oc) => oc.column('question_id').doNothing())
      .execute();
  }

  /** Changes with every create, edit and retirement (see {@link VERSION_KEY}). */
  async version(): Promise<string> {
    const row = await this.db
      .selectFrom('meta')
      .select('value')
      .where('key', '=', VERSION_KEY)
      .executeTakeFirst();
    return row?.value ?? '';
  }
}

/**
 * Makes every replica's matcher reload the standard answers: for changes written outside this
 * repository, in the same transaction (a data-subject erasure removing an employee's wordings).
 */
export async function bumpVersion(trx: Transaction<Database>): Promise<void> {
  const value = randomUUID();
  await trx
    .insertInto('meta')
    .values({ key: VERSION_KEY, value })
    .onConflict((oc) => oc.column('key').doUpdateSet({ value }))
    .execute();
}
