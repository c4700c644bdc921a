import { randomUUID } from 'node:crypto';
import type { Kysely, Selectable } from 'kysely';
import type { AnswerResult, IncomingQuestion } from '../core/types.js';
import { nowIso, parseJson } from './json.js';
import type { Database, QuestionsTable } from './schema.js';

export interface QuestionRow {
  readonly id: string;
  readonly createdAt: string;
  readonly platform: string;
  readonly asker: string;
  readonly placeKind: string;
  readonly channelId?: string | undefined;
  readonly threadId?: string | undefined;
  readonly delivery?: unknown;
  readonly text: string;
  readonly language?: string | undefined;
  readonly status: string;
  readonly answerText?: string | undefined;
  readonly generator?: string | undefined;
  readonly retrievedChunkIds: readonly string[];
  readonly verdictAction?: string | undefined;
  readonly latencyMs?: number | undefined;
}

function toRow(r: Selectable<QuestionsTable>): QuestionRow {
  return {
    id: r.id,
    createdAt: r.created_at,
    platform: r.platform,
    asker: r.asker,
    placeKind: r.place_kind,
    channelId: r.channel_id ?? undefined,
    threadId: r.thread_id ?? undefined,
    delivery: parseJson<unknown>(r.delivery, undefined),
    text: r.text,
    language: r.language ?? undefined,
    status: r.status,
    answerText: r.answer_text ?? undefined,
    generator: r.generator ?? undefined,
    retrievedChunkIds: parseJson<string[]>(r.retrieved_chunk_ids, []),
    verdictAction: r.verdict_action ?? undefined,
    latencyMs: r.latency_ms ?? undefined,
  };
}

/** Every question is recorded before work starts, then completed with its outcome. */
export class QuestionRepository {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly worker: string,
  ) {}

  async create(question: IncomingQuestion): Promise<string> {
    const id = randomUUID();
    await this.db
      .insertInto('questions')
      .values({
        id,
        created_at: nowIso(),
        platform: question.place.platform,
        asker: question.asker.email,
        place_kind: question.place.kind,
        channel_id: question.place.channelId ?? null,
        thread_id: question.place.threadId ?? null,
        delivery: question.place.delivery === undefined ? null : JSON.stringify(question.place.delivery),
        event_id: question.eventId ?? null,
        text: question.text,
        language: null,
        status: 'received',
        answer_text: null,
        generator: null,
        extractive: null,
        retrieved_chunk_ids: null,
        citations: null,
        verdict_action: null,
        findings: null,
        latency_ms: null,
        answered_at: null,
        worker: this.worker,
      })
      .execute();
    return id;
  }

  /** Records the outcome. The answer text is stored only when it was shown (not for held/blocked ones). */
  async complete(id: string, result: AnswerResult): Promise<void> {
    await this.db
      .updateTable('questions')
      .set({
        language: result.language,
        status: result.status,
        answer_text: result.status === 'held' || result.status === 'blocked' ? null : result.answer,
        generator: result.generator,
        extractive: result.extractive ? 1 : 0,
        retrieved_chunk_ids: JSON.stringify(result.retrievedChunkIds),
        citations: JSON.stringify(result.citations),
        verdict_action: result.verdict.action,
        findings: JSON.stringify(
          result.verdict.findings.map((f) => ({ type: f.type, start: f.start, end: f.end })),
        ),
        latency_ms: Math.round(result.latencyMs),
        answered_at: nowIso(),
      })
      .where('id', '=', id)
      .execute();
  }

  async get(id: string): Promise<QuestionRow | undefined> {
    const r = await this.db.selectFrom('questions').selectAll().where('id', '=', id).executeTakeFirst();
    return r ? toRow(r) : undefined;
  }

  /** Questions the knowledge base could not answer, newest first. */
  async knowledgeGaps(limit: number): Promise<QuestionRow[]> {
    const rows = await this.db
      .selectFrom('questions')
      .selectAll()
      .where('status', '=', 'not_found')
      .orderBy('created_at', 'desc')
      .limit(limit)
      .execute();
    return rows.map(toRow);
  }

  /** Most asked answered questions, for suggested prompts. */
  async popular(limit: number, language?: string): Promise<string[]> {
    let q = this.db
      .selectFrom('questions')
      .select(['text', (eb) => eb.fn.countAll<string | number>().as('n')])
      .where('status', '=', 'answered');
    if (language) q = q.where('language', '=', language);
    const rows = await q.groupBy('text').orderBy('n', 'desc').limit(limit).execute();
    return rows.map((r) => r.text);
  }
}
