import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Platform } from '../core/types.js';
import type { EventClaims, FeedbackRecorder, Rating } from '../answer/ports.js';
import { nowIso, parseJson } from './json.js';
import type { Database } from './schema.js';

/** Exactly-once claims on platform event ids, enforced by the primary key (works across replicas). */
export class EventClaimRepository implements EventClaims {
  constructor(private readonly db: Kysely<Database>) {}

  async claim(platform: Platform, eventId: string): Promise<boolean> {
    const result = await this.db
      .insertInto('processed_events')
      .values({ platform, event_id: eventId, created_at: nowIso() })
      .onConflict((oc) => oc.columns(['platform', 'event_id']).doNothing())
      .executeTakeFirst();
    return Number(result.numInsertedOrUpdatedRows ?? 0n) === 1;
  }

  /** Forget claims older than the platforms' retry windows. */
  async prune(olderThan: Date): Promise<void> {
    await this.db.deleteFrom('processed_events').where('created_at', '<', olderThan.toISOString()).execute();
  }
}

/** 👍/👎 on answers; one rating per user and question (a second click changes it). */
export class FeedbackRepository implements FeedbackRecorder {
  constructor(private readonly db: Kysely<Database>) {}

  async record(feedback: {
    questionId: string;
    rating: Rating;
    user: string;
    platform: Platform;
    comment?: string | undefined;
  }): Promise<void> {
    await this.db
      .insertInto('feedback')
      .values({
        id: randomUUID(),
        question_id: feedback.questionId,
        rating: feedback.rating,
        user: feedback.user,
        platform: feedback.platform,
        comment: feedback.comment ?? null,
        created_at: nowIso(),
      })
      .onConflict((oc) =>
        oc
          .columns(['question_id', 'user'])
          .doUpdateSet({ rating: feedback.rating, comment: feedback.comment ?? null }),
      )
      .execute();
  }

  async summary(): Promise<{ up: number; down: number }> {
    const rows = await this.db
      .selectFrom('feedback')
      .select(['rating', (eb) => eb.fn.countAll<string | number>().as('n')])
      .groupBy('rating')
      .execute();
    const get = (r: string) => Number(rows.find((x) => x.rating === r)?.n ?? 0);
    return { up: get('up'), down: get('down') };
  }
}

export interface AuditEntry {
  readonly id: string;
  readonly at: string;
  readonly actor: string;
  readonly action: string;
  readonly target?: string | undefined;
  readonly details?: Record<string, unknown> | undefined;
}

/** Append-only audit log: this class offers no update or delete. */
export class AuditRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async append(entry: {
    actor: string;
    action: string;
    target?: string;
    details?: Record<string, unknown>;
  }): Promise<void> {
    await this.db
      .insertInto('audit_log')
      .values({
        id: randomUUID(),
        at: nowIso(),
        actor: entry.actor,
        action: entry.action,
        target: entry.target ?? null,
        details: entry.details ? JSON.stringify(entry.details) : null,
      })
      .execute();
  }

  async list(options: {
    limit: number;
    offset: number;
    actor?: string;
    action?: string;
  }): Promise<AuditEntry[]> {
    let q = this.db.selectFrom('audit_log').selectAll();
    if (options.actor) q = q.where('actor', '=', options.actor);
    if (options.action) q = q.where('action', '=', options.action);
    const rows = await q
      .orderBy('at', 'desc')
      .orderBy('id', 'desc')
      .limit(options.limit)
      .offset(options.offset)
      .execute();
    return rows.map((r) => ({
      id: r.id,
      at: r.at,
      actor: r.actor,
      action: r.action,
      target: r.target ?? undefined,
      details: parseJson<Record<string, unknown> | undefined>(r.details, undefined),
    }));
  }
}

/** Strings that must never appear in an answer, registered by admins. */
export class CanaryRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async add(value: string, createdBy: string): Promise<void> {
    await this.db
      .insertInto('canaries')
      .values({ id: randomUUID(), value, created_at: nowIso(), created_by: createdBy })
      .onConflict((oc) => oc.column('value').doNothing())
      .execute();
  }

  async list(): Promise<string[]> {
    return (await this.db.selectFrom('canaries').select('value').execute()).map((r) => r.value);
  }

  async remove(value: string): Promise<void> {
    await this.db.deleteFrom('canaries').where('value', '=', value).execute();
  }
}

/** Small key/value settings shared by replicas (e.g. the published index version). */
export class MetaRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async get(key: string): Promise<string | undefined> {
    return (await this.db.selectFrom('meta').select('value').where('key', '=', key).executeTakeFirst())
      ?.value;
  }

  async set(key: string, value: string): Promise<void> {
    await this.db
      .insertInto('meta')
      .values({ key, value })
      .onConflict((oc) => oc.column('key').doUpdateSet({ value }))
      .execute();
  }
}
