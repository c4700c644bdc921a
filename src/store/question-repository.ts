import { randomBytes, randomUUID } from 'node:crypto';
import type { ExpressionBuilder, Kysely, Selectable } from 'kysely';
import type { AnswerResult, IncomingQuestion, Turn } from '../core/types.js';
import { databaseNow } from './database-clock.js';
import { nowIso, parseJson } from './json.js';
import type { DialectName } from './migrations.js';
import type { Database, QuestionsTable } from './schema.js';

/**
 * A question's states: `received` on arrival (being answered by `worker`), `delivering` once its
 * worker is posting the answer (no other replica may take it over from then on, until the worker
 * is dead), then its outcome (`answered`, `not_found`, `held`, ...).
 */
const IN_FLIGHT = ['received', 'delivering'];

/** Replicas' heartbeats (migration 0003); a question whose worker stopped beating may be recovered. */
export interface WorkersTable {
  id: string;
  started_at: string;
  heartbeat_at: string;
}

/** The schema with the tables added after `Database` was written. */
export type ReliabilityDatabase = Database & { workers: WorkersTable };

/**
 * This process's right to act on the questions it holds: held while no other replica can have
 * judged it dead (its heartbeat is recent enough, see `WorkerHeartbeat`). A claim is taken over
 * only from a worker silent for longer than the lease lasts, so a worker that checks its lease
 * before it posts never posts what another replica is posting.
 */
export interface Lease {
  /** Answers at once, from this process's own monotonic clock; no database round trip. */
  held(): boolean;
  /** Beats now (or waits for the beat under way) and says whether the lease is held again. */
  renew(): Promise<boolean>;
}

/** A question taken over from a worker that died, with what is needed to answer it again. */
export interface ClaimedQuestion extends QuestionRow {
  readonly eventId?: string | undefined;
  /** Times the question has been claimed, this claim included. */
  readonly attempts: number;
}

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
  /** `summary` for a summary asked for (issue 18); absent for a question. */
  readonly kind?: string | undefined;
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
    kind: r.kind ?? undefined,
  };
}

/** Every question is recorded before work starts, then completed with its outcome. */
export class QuestionRepository {
  /**
   * This process as recorded in `questions.worker` and `workers.id`. A random part tells apart two
   * lives of the same host and pid (pid 1 in a restarted container), so a restart is a new worker.
   */
  readonly worker: string;
  private lease: Lease | undefined;
  /** Claims (question id → attempts) whose release the database did not take (`releaseOrRetry`). */
  private readonly unreleased = new Map<string, number>();

  constructor(
    private readonly db: Kysely<Database>,
    worker: string,
    private readonly dialect: DialectName = 'sqlite',
  ) {
    this.worker = `${worker}:${randomBytes(4).toString('hex')}`;
  }

  /**
   * From now on, nothing is posted unless `lease` is held (`serve` passes its heartbeat). Without
   * one (the CLI) the claims alone fence: a replica that takes a CLI question over records an
   * apology and posts nothing, so the CLI's own answer stays the only one shown.
   */
  useLease(lease: Lease): void {
    this.lease = lease;
  }

  /** False while this process may have been judged dead: show nothing of an answer then. */
  holdsLease(): boolean {
    return this.lease?.held() ?? true;
  }

  /** Records a question, or with `kind` `summary` a summary asked for (issue 18). */
  async create(question: IncomingQuestion, kind?: 'summary'): Promise<string> {
    const id = randomUUID();
    await this.insert(this.db, id, question, kind);
    return id;
  }

  /**
   * Claims `claims` (platform event ids) and records the question in one transaction. Undefined,
   * with nothing recorded, when any of the ids was claimed before (by any replica).
   */
  async createClaimed(question: IncomingQuestion, claims: readonly string[]): Promise<string | undefined> {
    const id = randomUUID();
    const duplicate = new Error('duplicate');
    try {
      await this.db.transaction().execute(async (tx) => {
        for (const eventId of claims) {
          const claimed = await tx
            .insertInto('processed_events')
            .values({ platform: question.place.platform, event_id: eventId, created_at: nowIso() })
            .onConflict((oc) => oc.columns(['platform', 'event_id']).doNothing())
            .executeTakeFirst();
          if (Number(claimed.numInsertedOrUpdatedRows ?? 0n) !== 1) throw duplicate;
        }
        await this.insert(tx, id, question);
      });
      return id;
    } catch (error) {
      if (error === duplicate) return undefined;
      throw error;
    }
  }

  private async insert(
    db: Kysely<Database>,
    id: string,
    question: IncomingQuestion,
    kind?: 'summary',
  ): Promise<void> {
    await db
      .insertInto('questions')
      .values({
        id,
        // The database's clock, like the heartbeats recovery compares it with: a replica whose own
        // clock runs fast would otherwise record questions nobody may recover until it catches up.
        created_at: databaseNow(this.dialect),
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
        ...(kind ? { kind } : {}),
      })
      .execute();
  }

  /**
   * Records the outcome. The answer text is stored unless it was held or blocked; for a model's text
   * that cited nothing (not shown: the asker got the not-found notice) that text, for admins.
   * Only under claim `attempts` (0: the worker that recorded it): a superseded worker records nothing.
   */
  async complete(id: string, result: AnswerResult, attempts = 0): Promise<boolean> {
    const done = await this.db
      .updateTable('questions')
      .set({
        language: result.language,
        status: result.status,
        answer_text:
          result.status === 'held' || result.status === 'blocked'
            ? null
            : (result.unshownText ?? result.answer),
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
      .where('worker', '=', this.worker)
      .where('attempts', '=', attempts)
      .where('status', 'in', IN_FLIGHT)
      .executeTakeFirst();
    return Number(done.numUpdatedRows) === 1;
  }

  /**
   * Takes the right to post this question's answer: true when this process still holds claim
   * `attempts` (no other replica took the question over since). From here on no replica takes it
   * over unless this process dies; two workers that both think they hold it never both post.
   * With a lease (see `useLease`) that has lapsed, it is renewed first. A process that cannot
   * renew it (cut off from the database, or each beat slower than the lease) gets false rather than
   * post what another replica may be posting, and gives its claim up where it still can, so that
   * recovery (its own included) answers the question.
   */
  async beginDelivery(id: string, attempts: number): Promise<boolean> {
    if (!(await this.leaseHeld())) {
      await this.releaseOrRetry(id, attempts);
      return false;
    }
    const result = await this.db
      .updateTable('questions')
      .set({ status: 'delivering' })
      .where('id', '=', id)
      .where('worker', '=', this.worker)
      .where('attempts', '=', attempts)
      .where('status', 'in', IN_FLIGHT)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  }

  /** True when the lease is held, renewed if it had lapsed (three beats at most). */
  private async leaseHeld(): Promise<boolean> {
    const lease = this.lease;
    for (let beats = 0; lease && !lease.held(); beats++) {
      if (beats === 3) return false;
      await lease.renew().catch(() => false);
    }
    return true;
  }

  /** Records the asker of a question recorded under its platform user id, once resolved. */
  async identify(id: string, asker: string): Promise<void> {
    await this.db
      .updateTable('questions')
      .set({ asker })
      .where('id', '=', id)
      .where('asker', '<>', asker)
      .execute();
  }

  /**
   * The answered turns of one conversation (a Teams chat or channel thread) asked since `sinceMs`
   * ago, oldest first, at most `limit` questions: the follow-up context every replica reads alike.
   */
  async recentTurns(
    place: { readonly platform: string; readonly channelId: string; readonly threadId?: string | undefined },
    options: { readonly sinceMs: number; readonly limit: number },
  ): Promise<Turn[]> {
    const rows = await this.db
      .selectFrom('questions')
      .select(['text', 'answer_text'])
      .where('platform', '=', place.platform)
      .where('channel_id', '=', place.channelId)
      .where((eb) =>
        place.threadId === undefined ? eb('thread_id', 'is', null) : eb('thread_id', '=', place.threadId),
      )
      .where('status', '=', 'answered')
      .where('kind', 'is', null)
      .where('answer_text', 'is not', null)
      .where('created_at', '>=', databaseNow(this.dialect, -options.sinceMs))
      .orderBy('created_at', 'desc')
      .limit(options.limit)
      .execute();
    return rows.reverse().flatMap((r): Turn[] => [
      { role: 'user', text: r.text },
      { role: 'assistant', text: r.answer_text! },
    ]);
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
      // A summary of a document nobody may read is no gap in the knowledge base.
      .where('kind', 'is', null)
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
      .where('status', '=', 'answered')
      .where('kind', 'is', null);
    if (language) q = q.where('language', '=', language);
    const rows = await q.groupBy('text').orderBy('n', 'desc').limit(limit).execute();
    return rows.map((r) => r.text);
  }

  /**
   * Claims questions still in flight (`received`, or `delivering` when the answer may be half
   * posted) that arrived more than `olderThanMs` ago and whose worker has not beaten for
   * `silentForMs` (it died) — at most `limit`, oldest first. Both times are the database's clock.
   * Each claim is a conditional UPDATE, so two replicas recovering at once never take the same
   * question.
   */
  async claimAbandoned(options: {
    readonly olderThanMs: number;
    readonly silentForMs: number;
    readonly limit: number;
    /** Only questions asked on these platforms (those this replica can deliver to). */
    readonly platforms: readonly string[];
  }): Promise<ClaimedQuestion[]> {
    if (options.platforms.length === 0) return [];
    const db = this.db as unknown as Kysely<ReliabilityDatabase>;
    const alive = db
      .selectFrom('workers')
      .select('id')
      .where('heartbeat_at', '>=', databaseNow(this.dialect, -options.silentForMs));
    // Nobody's, or a dead worker's; never this process's own (it knows what it is working on).
    const abandoned = (eb: ExpressionBuilder<ReliabilityDatabase, 'questions'>) =>
      eb.or([
        eb('worker', 'is', null),
        eb.and([eb('worker', '<>', this.worker), eb('worker', 'not in', alive)]),
      ]);
    const candidates = await db
      .selectFrom('questions')
      .select(['id', 'attempts'])
      .where('status', 'in', IN_FLIGHT)
      // A summary whose worker died is not answered again as a question; its asker asks again.
      .where('kind', 'is', null)
      .where('created_at', '<', databaseNow(this.dialect, -options.olderThanMs))
      .where('platform', 'in', options.platforms)
      .where((eb) => abandoned(eb))
      .orderBy('created_at')
      .limit(options.limit)
      .execute();
    const claimed: ClaimedQuestion[] = [];
    for (const candidate of candidates) {
      const result = await db
        .updateTable('questions')
        .set({ worker: this.worker, attempts: candidate.attempts + 1 })
        .where('id', '=', candidate.id)
        .where('status', 'in', IN_FLIGHT)
        .where('attempts', '=', candidate.attempts)
        .where((eb) => abandoned(eb))
        .executeTakeFirst();
      if (Number(result.numUpdatedRows) !== 1) continue;
      const row = await db
        .selectFrom('questions')
        .selectAll()
        .where('id', '=', candidate.id)
        .executeTakeFirst();
      if (row) claimed.push({ ...toRow(row), eventId: row.event_id ?? undefined, attempts: row.attempts });
    }
    return claimed;
  }

  /** Gives up this process's claim `attempts` on a question it could not finish, so that the next round retries it. */
  async release(id: string, attempts: number): Promise<void> {
    await this.db
      .updateTable('questions')
      .set({ worker: null, status: 'received' })
      .where('id', '=', id)
      .where('worker', '=', this.worker)
      .where('attempts', '=', attempts)
      .where('status', 'in', IN_FLIGHT)
      .execute();
  }

  /**
   * Gives claim `attempts` up, or, when the database does not take it now (the very moment it may
   * be unreachable), keeps it for `retryReleases`: nobody recovers the questions of a live process,
   * so a claim left behind would leave its asker without an answer.
   */
  async releaseOrRetry(id: string, attempts: number): Promise<void> {
    try {
      await this.release(id, attempts);
      this.unreleased.delete(id);
    } catch {
      this.unreleased.set(id, attempts);
    }
  }

  /** Gives up the claims whose release failed before; resolves with how many are still kept. */
  async retryReleases(): Promise<number> {
    for (const [id, attempts] of [...this.unreleased]) await this.releaseOrRetry(id, attempts);
    return this.unreleased.size;
  }

  /**
   * Questions `asker` asked in the last `windowMs` by the database's clock, for per-user rate limits
   * shared by replicas.
   */
  async countSince(asker: string, windowMs: number): Promise<number> {
    const row = await this.db
      .selectFrom('questions')
      .select((eb) => eb.fn.countAll<string | number>().as('n'))
      .where('asker', '=', asker)
      .where('created_at', '>=', databaseNow(this.dialect, -windowMs))
      .executeTakeFirst();
    return Number(row?.n ?? 0);
  }
}
