import { type Kysely, type Migration, type MigrationProvider, Migrator, sql } from 'kysely';
import { PolyDeskError } from '../core/errors.js';
import { summaries } from './summaries-migration.js';
import { syncedSources } from './migrations-0010.js';

export type DialectName = 'sqlite' | 'postgres';

function initial(dialect: DialectName): Migration {
  const blob = dialect === 'postgres' ? sql`bytea` : sql`blob`;
  return {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('documents')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('source', 'text', (c) => c.notNull().unique())
        .addColumn('title', 'text', (c) => c.notNull())
        .addColumn('language', 'text', (c) => c.notNull())
        .addColumn('audience', 'text', (c) => c.notNull())
        .addColumn('classification', 'text', (c) => c.notNull())
        .addColumn('url', 'text')
        .addColumn('content_hash', 'text', (c) => c.notNull())
        .addColumn('injection_flag', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('chunk_count', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('ingested_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createTable('chunks')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('doc_id', 'text', (c) => c.notNull().references('documents.id').onDelete('cascade'))
        .addColumn('ordinal', 'integer', (c) => c.notNull())
        .addColumn('text', 'text', (c) => c.notNull())
        .addColumn('heading_path', 'text', (c) => c.notNull())
        .addColumn('language', 'text', (c) => c.notNull())
        .addColumn('embedding', blob)
        .addColumn('embedding_model', 'text')
        .execute();
      await db.schema.createIndex('chunks_doc_id').on('chunks').column('doc_id').execute();
      await db.schema
        .createTable('questions')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('platform', 'text', (c) => c.notNull())
        .addColumn('asker', 'text', (c) => c.notNull())
        .addColumn('place_kind', 'text', (c) => c.notNull())
        .addColumn('channel_id', 'text')
        .addColumn('thread_id', 'text')
        .addColumn('delivery', 'text')
        .addColumn('event_id', 'text')
        .addColumn('text', 'text', (c) => c.notNull())
        .addColumn('language', 'text')
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('answer_text', 'text')
        .addColumn('generator', 'text')
        .addColumn('extractive', 'integer')
        .addColumn('retrieved_chunk_ids', 'text')
        .addColumn('citations', 'text')
        .addColumn('verdict_action', 'text')
        .addColumn('findings', 'text')
        .addColumn('latency_ms', 'integer')
        .addColumn('answered_at', 'text')
        .addColumn('worker', 'text')
        .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
        .execute();
      await db.schema.createIndex('questions_created_at').on('questions').column('created_at').execute();
      await db.schema
        .createIndex('questions_status')
        .on('questions')
        .columns(['status', 'created_at'])
        .execute();
      await db.schema.createIndex('questions_asker').on('questions').column('asker').execute();
      await db.schema
        .createTable('reviews')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('question_id', 'text', (c) =>
          c.notNull().unique().references('questions.id').onDelete('cascade'),
        )
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('decided_at', 'text')
        .addColumn('reviewer', 'text')
        .addColumn('reason', 'text')
        .addColumn('original_text', 'text', (c) => c.notNull())
        .addColumn('final_text', 'text')
        .addColumn('findings', 'text', (c) => c.notNull())
        .addColumn('language', 'text', (c) => c.notNull())
        .addColumn('citations', 'text', (c) => c.notNull())
        .addColumn('delivered_at', 'text')
        .execute();
      await db.schema.createIndex('reviews_status').on('reviews').columns(['status', 'created_at']).execute();
      await db.schema
        .createTable('feedback')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('question_id', 'text', (c) => c.notNull().references('questions.id').onDelete('cascade'))
        .addColumn('rating', 'text', (c) => c.notNull())
        .addColumn('user', 'text', (c) => c.notNull())
        .addColumn('platform', 'text', (c) => c.notNull())
        .addColumn('comment', 'text')
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex('feedback_question')
        .on('feedback')
        .columns(['question_id', 'user'])
        .unique()
        .execute();
      await db.schema
        .createTable('audit_log')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('at', 'text', (c) => c.notNull())
        .addColumn('actor', 'text', (c) => c.notNull())
        .addColumn('action', 'text', (c) => c.notNull())
        .addColumn('target', 'text')
        .addColumn('details', 'text')
        .execute();
      await db.schema.createIndex('audit_log_at').on('audit_log').column('at').execute();
      await db.schema
        .createTable('processed_events')
        .addColumn('platform', 'text', (c) => c.notNull())
        .addColumn('event_id', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('processed_events_pk', ['platform', 'event_id'])
        .execute();
      await db.schema
        .createTable('canaries')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('value', 'text', (c) => c.notNull().unique())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('created_by', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createTable('admin_users')
        .addColumn('email', 'text', (c) => c.primaryKey())
        .addColumn('role', 'text', (c) => c.notNull())
        .addColumn('password_hash', 'text')
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createTable('api_tokens')
        .addColumn('token_hash', 'text', (c) => c.primaryKey())
        .addColumn('email', 'text', (c) => c.notNull().references('admin_users.email').onDelete('cascade'))
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createTable('sessions')
        .addColumn('id_hash', 'text', (c) => c.primaryKey())
        .addColumn('email', 'text', (c) => c.notNull().references('admin_users.email').onDelete('cascade'))
        .addColumn('csrf_token', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('expires_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createTable('meta')
        .addColumn('key', 'text', (c) => c.primaryKey())
        .addColumn('value', 'text', (c) => c.notNull())
        .execute();
    },
  };
}

/** Indexes for the admin pages' pagination (measured: documents list 13 ms → 0.3 ms at 10,000 rows). */
const listIndexes: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createIndex('documents_ingested_at')
      .on('documents')
      .columns(['ingested_at', 'id'])
      .execute();
    await db.schema
      .createIndex('reviews_status_created_id')
      .on('reviews')
      .columns(['status', 'created_at', 'id'])
      .execute();
    await db.schema.createIndex('feedback_created_at').on('feedback').column('created_at').execute();
  },
};

/**
 * Reliability: replicas' heartbeats (a question whose worker stopped beating is recovered by
 * another), an index for per-asker rate limits, and an audit log the database keeps append-only.
 */
function reliability(dialect: DialectName): Migration {
  return {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('workers')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('started_at', 'text', (c) => c.notNull())
        .addColumn('heartbeat_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex('questions_asker_created_at')
        .on('questions')
        .columns(['asker', 'created_at'])
        .execute();
      if (dialect === 'postgres') {
        await sql`create function polydesk_audit_append_only() returns trigger language plpgsql as $$
          begin raise exception 'audit_log is append-only'; end $$`.execute(db);
        await sql`create trigger audit_log_append_only before update or delete on audit_log
          for each row execute function polydesk_audit_append_only()`.execute(db);
        await sql`create trigger audit_log_no_truncate before truncate on audit_log
          for each statement execute function polydesk_audit_append_only()`.execute(db);
      } else {
        await sql`create trigger audit_log_no_update before update on audit_log
          begin select raise(abort, 'audit_log is append-only'); end`.execute(db);
        await sql`create trigger audit_log_no_delete before delete on audit_log
          begin select raise(abort, 'audit_log is append-only'); end`.execute(db);
      }
    },
  };
}

/**
 * Guardrails at rest: fingerprints of the sensitive values found in each document at ingest (never
 * the values; the key lives in `meta`), and whether a reviewer released a held answer's
 * credentials unmasked on purpose.
 */
const sensitiveSpans: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('sensitive_spans')
      .addColumn('doc_id', 'text', (c) => c.notNull().references('documents.id').onDelete('cascade'))
      .addColumn('ordinal', 'integer', (c) => c.notNull())
      .addColumn('type', 'text', (c) => c.notNull())
      .addColumn('length', 'integer', (c) => c.notNull())
      .addColumn('fingerprint', 'text', (c) => c.notNull())
      .addColumn('windows', 'text', (c) => c.notNull())
      .addColumn('excerpt', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('sensitive_spans_pk', ['doc_id', 'ordinal'])
      .execute();
    await db.schema
      .alterTable('reviews')
      .addColumn('revealed_on_approval', 'integer', (c) => c.notNull().defaultTo(0))
      .execute();
    // 0 = never scanned at rest: documents from before this migration are scanned from their chunks.
    await db.schema
      .alterTable('documents')
      .addColumn('sensitive_version', 'integer', (c) => c.notNull().defaultTo(0))
      .execute();
  },
};

/**
 * Access revocation: an API token gets a public id (to revoke it alone) and an expiry. Tokens made
 * before this migration expire 90 days after it (the default ADMIN_TOKEN_TTL_DAYS), not never.
 */
const accessRevocation: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema.alterTable('api_tokens').addColumn('id', 'text').execute();
    await db.schema.alterTable('api_tokens').addColumn('expires_at', 'text').execute();
    const expiresAt = new Date(Date.now() + 90 * 86_400_000).toISOString();
    await sql`update api_tokens set id = substr(token_hash, 1, 12), expires_at = ${expiresAt}`.execute(db);
    await db.schema.createIndex('api_tokens_id').on('api_tokens').column('id').unique().execute();
    await db.schema.createIndex('api_tokens_email').on('api_tokens').column('email').execute();
    await db.schema.createIndex('sessions_email').on('sessions').column('email').execute();
  },
};

/**
 * Index change log: each content version's change, so that a replica applies only the documents that
 * changed since the version its indexes hold (a version before the log, or pruned from it, means a
 * full rebuild).
 */
const indexChanges: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('index_changes')
      .addColumn('version', 'integer', (c) => c.primaryKey())
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('doc_id', 'text')
      .addColumn('removed_chunks', 'text', (c) => c.notNull())
      .execute();
  },
};

/**
 * Exactly once across replicas: a held answer's delivery is claimed (owner, attempt, when) before
 * it is posted, so that two replicas retrying it post once; and an index for reading a Teams
 * conversation's earlier turns back from its questions.
 */
const exactlyOnce: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema.alterTable('reviews').addColumn('delivery_owner', 'text').execute();
    await db.schema
      .alterTable('reviews')
      .addColumn('delivery_attempt', 'integer', (c) => c.notNull().defaultTo(0))
      .execute();
    await db.schema.alterTable('reviews').addColumn('delivery_claimed_at', 'text').execute();
    await db.schema
      .createIndex('questions_place')
      .on('questions')
      .columns(['platform', 'channel_id', 'thread_id', 'created_at'])
      .execute();
  },
};

/**
 * The helpdesk loop (issue 17): standard answers written by HR and IT (with every use recorded),
 * hand-offs to an expert channel (with the expert replies relayed, each once), and askers who asked
 * to be told when their unanswered question gets an answer.
 */
const helpdeskLoop: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('standard_answers')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('question', 'text', (c) => c.notNull())
      .addColumn('phrasings', 'text', (c) => c.notNull().defaultTo('[]'))
      .addColumn('answer', 'text', (c) => c.notNull())
      .addColumn('title', 'text', (c) => c.notNull())
      .addColumn('team', 'text', (c) => c.notNull())
      .addColumn('audience', 'text', (c) => c.notNull())
      .addColumn('languages', 'text', (c) => c.notNull().defaultTo('[]'))
      .addColumn('review_at', 'text')
      .addColumn('origin', 'text', (c) => c.notNull())
      .addColumn('origin_ref', 'text')
      .addColumn('created_by', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .addColumn('retired_at', 'text')
      .execute();
    await db.schema
      .createTable('standard_answer_uses')
      .addColumn('question_id', 'text', (c) => c.primaryKey().references('questions.id').onDelete('cascade'))
      .addColumn('standard_id', 'text', (c) =>
        c.notNull().references('standard_answers.id').onDelete('cascade'),
      )
      .addColumn('score', 'real', (c) => c.notNull())
      .addColumn('used_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema
      .createIndex('standard_answer_uses_standard')
      .on('standard_answer_uses')
      .columns(['standard_id', 'used_at'])
      .execute();
    await db.schema
      .createTable('escalations')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('question_id', 'text', (c) => c.notNull().references('questions.id').onDelete('cascade'))
      .addColumn('requested_by', 'text', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('route', 'text', (c) => c.notNull())
      .addColumn('expert_platform', 'text', (c) => c.notNull())
      .addColumn('expert_channel', 'text', (c) => c.notNull())
      .addColumn('expert_thread', 'text')
      .addColumn('language', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('posted_at', 'text')
      .addColumn('resolved_at', 'text')
      .addColumn('resolved_by', 'text')
      .addColumn('standard_id', 'text')
      .execute();
    // One hand-off per question: a second click (or a retried request) finds the first.
    await db.schema
      .createIndex('escalations_question')
      .on('escalations')
      .column('question_id')
      .unique()
      .execute();
    await db.schema
      .createIndex('escalations_thread')
      .on('escalations')
      .columns(['expert_platform', 'expert_channel', 'expert_thread'])
      .execute();
    await db.schema.createIndex('escalations_created').on('escalations').column('created_at').execute();
    await db.schema
      .createTable('escalation_replies')
      .addColumn('escalation_id', 'text', (c) => c.notNull().references('escalations.id').onDelete('cascade'))
      .addColumn('reply_id', 'text', (c) => c.notNull())
      .addColumn('author', 'text', (c) => c.notNull())
      .addColumn('text', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('relayed_at', 'text')
      .addColumn('verdict_action', 'text')
      .addPrimaryKeyConstraint('escalation_replies_pk', ['escalation_id', 'reply_id'])
      .execute();
    await db.schema
      .createTable('answer_subscriptions')
      .addColumn('question_id', 'text', (c) => c.primaryKey().references('questions.id').onDelete('cascade'))
      .addColumn('asker', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('notified_at', 'text')
      .addColumn('standard_id', 'text')
      .execute();
  },
};

/**
 * Hand-offs that recover (issue 17, review): a held expert reply gets a review of its own, however
 * many a question has (one review per question was room for its held answer only); and a reply's
 * relay is claimed (owner, attempt, when), so that one that failed or was cut short is retried by
 * any replica, by one at a time.
 */
function handOffRecovery(dialect: DialectName): Migration {
  return {
    async up(db: Kysely<unknown>) {
      if (dialect === 'postgres') await handOffRecoveryUp(db, dialect);
      else {
        // kysely runs SQLite migrations outside a transaction: one for the whole migration, so that
        // a crash half-way leaves the database as it was (SQLite's DDL is transactional).
        await sql`begin immediate`.execute(db);
        try {
          await handOffRecoveryUp(db, dialect);
          await sql`commit`.execute(db);
        } catch (error) {
          await sql`rollback`.execute(db).catch(() => undefined);
          throw error;
        }
      }
    },
  };
}

async function handOffRecoveryUp(db: Kysely<unknown>, dialect: DialectName): Promise<void> {
  if (dialect === 'postgres') {
    // The column's UNIQUE, under whatever name PostgreSQL gave it.
    const unique = await sql<{ conname: string }>`select conname from pg_constraint
          where conrelid = 'reviews'::regclass and contype = 'u'`.execute(db);
    for (const { conname } of unique.rows)
      await sql`alter table reviews drop constraint ${sql.id(conname)}`.execute(db);
    await db.schema.alterTable('reviews').addColumn('reply_key', 'text').execute();
  } else {
    await rebuildSqliteReviews(db);
  }
  // Still one review per held answer; a reply's review is found again by its key.
  await db.schema
    .createIndex('reviews_question_answer')
    .on('reviews')
    .column('question_id')
    .unique()
    .where(sql.ref('reply_key'), 'is', null)
    .execute();
  await db.schema.createIndex('reviews_question').on('reviews').column('question_id').execute();
  await db.schema.createIndex('reviews_reply_key').on('reviews').column('reply_key').unique().execute();
  await db.schema.alterTable('escalation_replies').addColumn('relay_owner', 'text').execute();
  await db.schema
    .alterTable('escalation_replies')
    .addColumn('relay_attempt', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema.alterTable('escalation_replies').addColumn('relay_claimed_at', 'text').execute();
  await db.schema
    .createIndex('escalation_replies_unrelayed')
    .on('escalation_replies')
    .columns(['relayed_at', 'created_at'])
    .execute();
}

/**
 * SQLite cannot drop a column's UNIQUE: the table is made again without it (inside the migration's
 * transaction), with every column of migrations 0001 to 0006. Nothing refers to reviews, so the
 * foreign keys stay as they are.
 */
async function rebuildSqliteReviews(db: Kysely<unknown>): Promise<void> {
  const columns = `id, question_id, status, created_at, decided_at, reviewer, reason, original_text,
    final_text, findings, language, citations, delivered_at, revealed_on_approval, delivery_owner,
    delivery_attempt, delivery_claimed_at`;
  await sql`create table reviews_0009 (
      id text primary key,
      question_id text not null references questions(id) on delete cascade,
      status text not null,
      created_at text not null,
      decided_at text,
      reviewer text,
      reason text,
      original_text text not null,
      final_text text,
      findings text not null,
      language text not null,
      citations text not null,
      delivered_at text,
      revealed_on_approval integer not null default 0,
      delivery_owner text,
      delivery_attempt integer not null default 0,
      delivery_claimed_at text,
      reply_key text
    )`.execute(db);
  await sql`insert into reviews_0009 (${sql.raw(columns)}) select ${sql.raw(columns)} from reviews`.execute(
    db,
  );
  await sql`drop table reviews`.execute(db);
  await sql`alter table reviews_0009 rename to reviews`.execute(db);
  await sql`create index reviews_status on reviews (status, created_at)`.execute(db);
  await sql`create index reviews_status_created_id on reviews (status, created_at, id)`.execute(db);
}

/** Every migration by name, in order (exported for tests that migrate a database part of the way). */
export function migrationsFor(dialect: DialectName): Record<string, Migration> {
  return {
    '0001_initial': initial(dialect),
    '0002_list_indexes': listIndexes,
    '0003_reliability': reliability(dialect),
    '0004_access_revocation': accessRevocation,
    '0005_sensitive_spans': sensitiveSpans,
    '0006_exactly_once': exactlyOnce,
    '0007_index_changes': indexChanges,
    '0008_helpdesk_loop': helpdeskLoop,
    '0009_hand_off_recovery': handOffRecovery(dialect),
    '0010_synced_sources': syncedSources,
    '0011_summaries': summaries,
  };
}

class StaticMigrations implements MigrationProvider {
  constructor(private readonly dialect: DialectName) {}
  async getMigrations(): Promise<Record<string, Migration>> {
    return migrationsFor(this.dialect);
  }
}

/** Brings the schema up to date; safe to run from several replicas at once (kysely takes a lock). */
export async function migrateToLatest(db: Kysely<unknown>, dialect: DialectName): Promise<void> {
  // kysely looks for its tables in every schema unless told which: name the connection's own, so
  // that databases sharing a server (one schema each) do not see each other's migrations.
  const schema =
    dialect === 'postgres'
      ? (await sql<{ schema: string }>`select current_schema() as schema`.execute(db)).rows[0]?.schema
      : undefined;
  const migrator = new Migrator({
    db,
    provider: new StaticMigrations(dialect),
    migrationTableName: 'polydesk_migrations',
    migrationLockTableName: 'polydesk_migrations_lock',
    ...(schema ? { migrationTableSchema: schema } : {}),
  });
  let outcome = await migrator.migrateToLatest();
  // kysely's introspection calls has_schema_privilege on every schema name it lists: another schema
  // dropped at that moment (tenants or test runs sharing the server) fails it naming that schema.
  for (let retry = 0; retry < 5 && otherSchemaVanished(outcome.error, schema); retry += 1) {
    outcome = await migrator.migrateToLatest();
  }
  const { error, results } = outcome;
  if (error) {
    const failed = results?.find((r) => r.status === 'Error')?.migrationName;
    // No migration ran when kysely refused the recorded history itself: say why.
    const what = failed
      ? `database migration ${failed} failed`
      : `database migrations could not run: ${error instanceof Error ? error.message : String(error)}`;
    throw new PolyDeskError('STORE_FAILED', what, { cause: error });
  }
}

function otherSchemaVanished(error: unknown, own: string | undefined): boolean {
  const code = (error as { code?: unknown } | undefined)?.code;
  const message = error instanceof Error ? error.message : '';
  return code === '3F000' && own !== undefined && !message.includes(`"${own}"`);
}
