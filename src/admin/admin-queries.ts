import { type Kysely, sql } from 'kysely';
import type { Database } from '../store/schema.js';
import { parseJson } from '../store/json.js';
import type { Store } from '../store/store.js';

/** Answers recorded on one day, by outcome. */
export interface DayCount {
  readonly day: string;
  readonly total: number;
  readonly answered: number;
  readonly notFound: number;
  readonly held: number;
  readonly other: number;
}

/** A document whose source its publishers should fix: sensitive values found at ingest, or prompt injection. */
export interface DocumentToFix {
  readonly docId: string;
  readonly title: string;
  readonly source: string;
  readonly language: string;
  readonly injectionFlag: boolean;
  /** Sensitive findings registered at ingest. */
  readonly findings: number;
}

/** A summary asked for (issue 18), as insight lists it. */
export interface RecentSummary {
  readonly questionId: string;
  /** What was asked for: the document's title words, source or link, or the thread's title. */
  readonly request: string;
  readonly status: string;
  readonly platform: string;
  readonly generator?: string | undefined;
  readonly latencyMs?: number | undefined;
  readonly at: string;
}

export interface DownVotedAnswer {
  readonly questionId: string;
  readonly question: string;
  readonly answer?: string | undefined;
  readonly comment?: string | undefined;
  readonly platform: string;
  readonly at: string;
}

/**
 * Read-only reporting queries of the admin UI that the store's repositories do not offer. Each runs
 * on SQLite and PostgreSQL; all are bounded (LIMIT, a date range, or an indexed status).
 */
export class AdminQueries {
  private readonly db: Kysely<Database>;

  constructor(store: Pick<Store, 'db'>) {
    this.db = store.db;
  }

  /**
   * How many reviews of a status have at least one finding of each type, most frequent first.
   * Reads only the findings column (through the status index) and counts here: on SQLite this is
   * about 4× faster than json_each with count(distinct), and it is the same code on PostgreSQL.
   */
  async findingCounts(status: string): Promise<{ type: string; count: number }[]> {
    const rows = await this.db
      .selectFrom('reviews')
      .select('findings')
      .where('status', '=', status)
      .execute();
    const counts = new Map<string, number>();
    for (const row of rows) {
      const types = new Set(parseJson<{ type?: unknown }[]>(row.findings, []).map((f) => f.type));
      for (const type of types) if (typeof type === 'string') counts.set(type, (counts.get(type) ?? 0) + 1);
    }
    return [...counts.entries()]
      .map(([type, count]) => ({ type, count }))
      .sort((a, b) => b.count - a.count || a.type.localeCompare(b.type));
  }

  /** Questions per day since `since` (newest day first), split by outcome. */
  async answersPerDay(since: Date): Promise<DayCount[]> {
    const rows = await this.db
      .selectFrom('questions')
      .select([
        sql<string>`substr(created_at, 1, 10)`.as('day'),
        'status',
        (eb) => eb.fn.countAll<string | number>().as('n'),
      ])
      .where('created_at', '>=', since.toISOString())
      .where('kind', 'is', null)
      .groupBy([sql`substr(created_at, 1, 10)`, 'status'])
      .execute();
    const days = new Map<
      string,
      { total: number; answered: number; notFound: number; held: number; other: number }
    >();
    for (const r of rows) {
      const d = days.get(r.day) ?? { total: 0, answered: 0, notFound: 0, held: 0, other: 0 };
      const n = Number(r.n);
      d.total += n;
      if (r.status === 'answered') d.answered += n;
      else if (r.status === 'not_found') d.notFound += n;
      else if (r.status === 'held') d.held += n;
      else d.other += n;
      days.set(r.day, d);
    }
    return [...days.entries()].sort(([a], [b]) => b.localeCompare(a)).map(([day, d]) => ({ day, ...d }));
  }

  /** Median time to an answer (ms) of questions answered since `since`; undefined when there are none. */
  async medianLatencyMs(since: Date): Promise<number | undefined> {
    const base = this.db
      .selectFrom('questions')
      .where('created_at', '>=', since.toISOString())
      .where('kind', 'is', null)
      .where('latency_ms', 'is not', null);
    const n = Number(
      (await base.select((eb) => eb.fn.countAll<string | number>().as('n')).executeTakeFirst())?.n ?? 0,
    );
    if (n === 0) return undefined;
    const middle = await base
      .select('latency_ms')
      .orderBy('latency_ms')
      .limit(2 - (n % 2))
      .offset(Math.floor((n - 1) / 2))
      .execute();
    const values = middle.map((r) => Number(r.latency_ms));
    return values.reduce((a, b) => a + b, 0) / values.length;
  }

  /** Summaries asked for since `since` (issue 18), counted apart from questions. */
  async summariesSince(since: Date): Promise<number> {
    const row = await this.db
      .selectFrom('questions')
      .select((eb) => eb.fn.countAll<string | number>().as('n'))
      .where('kind', '=', 'summary')
      .where('created_at', '>=', since.toISOString())
      .executeTakeFirst();
    return Number(row?.n ?? 0);
  }

  /** The latest summaries asked for, newest first. */
  async recentSummaries(limit: number): Promise<RecentSummary[]> {
    const rows = await this.db
      .selectFrom('questions')
      .select(['id', 'text', 'status', 'platform', 'generator', 'latency_ms', 'created_at'])
      .where('kind', '=', 'summary')
      .orderBy('created_at', 'desc')
      .limit(limit)
      .execute();
    return rows.map((r) => ({
      questionId: r.id,
      request: r.text,
      status: r.status,
      platform: r.platform,
      generator: r.generator ?? undefined,
      latencyMs: r.latency_ms ?? undefined,
      at: r.created_at,
    }));
  }

  /** The latest 👎 ratings with their question and the answer that was shown. */
  async downVoted(limit: number): Promise<DownVotedAnswer[]> {
    const rows = await this.db
      .selectFrom('feedback')
      .innerJoin('questions', 'questions.id', 'feedback.question_id')
      .select([
        'questions.id as question_id',
        'questions.text as question',
        'questions.answer_text as answer',
        'feedback.comment as comment',
        'feedback.platform as platform',
        'feedback.created_at as at',
      ])
      .where('feedback.rating', '=', 'down')
      .orderBy('feedback.created_at', 'desc')
      .limit(limit)
      .execute();
    return rows.map((r) => ({
      questionId: r.question_id,
      question: r.question,
      answer: r.answer ?? undefined,
      comment: r.comment ?? undefined,
      platform: r.platform,
      at: r.at,
    }));
  }

  /** Documents with sensitive findings or flagged for prompt injection: flagged first, then by findings, source. */
  async documentsToFix(limit: number, offset: number): Promise<DocumentToFix[]> {
    const rows = await this.toFix()
      .orderBy('injection_flag', 'desc')
      .orderBy('n', 'desc')
      .orderBy('source')
      .limit(limit)
      .offset(offset)
      .execute();
    return rows.map((r) => ({
      docId: r.id,
      title: r.title,
      source: r.source,
      language: r.language,
      injectionFlag: Number(r.injection_flag) === 1,
      findings: Number(r.n),
    }));
  }

  /** Count of the documents of {@link documentsToFix}. */
  async countDocumentsToFix(): Promise<number> {
    const row = await this.db
      .selectFrom(this.toFix().as('to_fix'))
      .select((eb) => eb.fn.countAll<string | number>().as('n'))
      .executeTakeFirst();
    return Number(row?.n ?? 0);
  }

  private toFix() {
    return this.db
      .selectFrom('documents')
      .leftJoin('sensitive_spans', 'sensitive_spans.doc_id', 'documents.id')
      .select([
        'documents.id as id',
        'documents.title as title',
        'documents.source as source',
        'documents.language as language',
        'documents.injection_flag as injection_flag',
      ])
      .select((eb) => eb.fn.count<string | number>('sensitive_spans.doc_id').as('n'))
      .groupBy([
        'documents.id',
        'documents.title',
        'documents.source',
        'documents.language',
        'documents.injection_flag',
      ])
      .having((eb) =>
        eb.or([eb(eb.fn.count('sensitive_spans.doc_id'), '>', 0), eb('documents.injection_flag', '=', 1)]),
      );
  }

  /** The masked excerpts of the sensitive findings of these documents (never the values), in document order. */
  async sensitiveExcerpts(
    docIds: readonly string[],
  ): Promise<{ docId: string; type: string; excerpt: string }[]> {
    if (docIds.length === 0) return [];
    const rows = await this.db
      .selectFrom('sensitive_spans')
      .select(['doc_id', 'type', 'excerpt'])
      .where('doc_id', 'in', [...docIds])
      .orderBy('doc_id')
      .orderBy('ordinal')
      .execute();
    return rows.map((r) => ({ docId: r.doc_id, type: r.type, excerpt: r.excerpt }));
  }

  /** The stored chunk texts of these documents, in document order. */
  async chunkTexts(docIds: readonly string[]): Promise<{ docId: string; text: string }[]> {
    if (docIds.length === 0) return [];
    const rows = await this.db
      .selectFrom('chunks')
      .select(['doc_id', 'text'])
      .where('doc_id', 'in', [...docIds])
      .orderBy('doc_id')
      .orderBy('ordinal')
      .execute();
    return rows.map((r) => ({ docId: r.doc_id, text: r.text }));
  }

  /** Count of documents whose title contains `query` (all documents without one). */
  async countDocuments(query?: string): Promise<number> {
    let q = this.db.selectFrom('documents').select((eb) => eb.fn.countAll<string | number>().as('n'));
    if (query) q = q.where('title', 'like', `%${query}%`);
    return Number((await q.executeTakeFirst())?.n ?? 0);
  }

  /** Count of audit entries matching the filters. */
  async countAudit(filter: { actor?: string | undefined; action?: string | undefined }): Promise<number> {
    let q = this.db.selectFrom('audit_log').select((eb) => eb.fn.countAll<string | number>().as('n'));
    if (filter.actor) q = q.where('actor', '=', filter.actor);
    if (filter.action) q = q.where('action', '=', filter.action);
    return Number((await q.executeTakeFirst())?.n ?? 0);
  }
}
