import { hostname } from 'node:os';
import path from 'node:path';
import { Kysely, sql } from 'kysely';
import { ConfigError } from '../core/errors.js';
import { DocumentRepository } from './document-repository.js';
import { EscalationRepository } from './escalation-repository.js';
import { type DialectName, migrateToLatest } from './migrations.js';
import { QuestionRepository } from './question-repository.js';
import { ReviewRepository } from './review-repository.js';
import { SensitiveSpanRepository } from './sensitive-span-repository.js';
import { SourceRepository } from './source-repository.js';
import { StandardAnswerRepository } from './standard-answer-repository.js';
import { AnswerSubscriptionRepository } from './answer-subscription-repository.js';
import type { Database } from './schema.js';
import {
  AuditRepository,
  CanaryRepository,
  EventClaimRepository,
  FeedbackRepository,
  MetaRepository,
} from './small-repositories.js';
import { createSqliteDialect } from './sqlite-driver.js';

export interface StoreOptions {
  /** `postgres://...` for PostgreSQL; otherwise SQLite at `<dataDir>/polydesk.sqlite`. */
  readonly databaseUrl?: string | undefined;
  readonly dataDir: string;
  /** Identifies this process in claimed work (crash recovery). */
  readonly worker?: string;
  /** PostgreSQL only: `DATABASE_STATEMENT_TIMEOUT_MS` (see `PostgresOptions`; migrations run without it). */
  readonly statementTimeoutMs?: number | undefined;
}

/** Where the database lives, for a connection opened elsewhere (the heartbeat's own thread). */
export type DatabaseLocation =
  | { readonly dialect: 'postgres'; readonly url: string }
  | { readonly dialect: 'sqlite'; readonly file: string };

/** The database and its repositories. Migrations run on open. */
export class Store {
  readonly documents: DocumentRepository;
  readonly questions: QuestionRepository;
  readonly reviews: ReviewRepository;
  readonly feedback: FeedbackRepository;
  readonly audit: AuditRepository;
  readonly events: EventClaimRepository;
  readonly canaries: CanaryRepository;
  readonly meta: MetaRepository;
  readonly sensitive: SensitiveSpanRepository;
  readonly standardAnswers: StandardAnswerRepository;
  readonly subscriptions: AnswerSubscriptionRepository;
  readonly escalations: EscalationRepository;
  /** Synced sources' items, runs and leases. */
  readonly sources: SourceRepository;

  private constructor(
    readonly db: Kysely<Database>,
    readonly dialect: DialectName,
    worker: string,
    readonly location: DatabaseLocation,
    /**
     * For reads of whole tables (the leakage scanner's restricted chunks): on PostgreSQL a pool of
     * its own without `DATABASE_STATEMENT_TIMEOUT_MS`, which is meant for the statements of one
     * question and would cancel a scan of a large database again and again; on SQLite `db`.
     */
    private readonly bulk: Kysely<Database> = db,
  ) {
    this.documents = new DocumentRepository(db, bulk);
    this.questions = new QuestionRepository(db, worker, dialect);
    this.reviews = new ReviewRepository(db, dialect, this.questions.worker);
    this.feedback = new FeedbackRepository(db);
    this.audit = new AuditRepository(db);
    this.events = new EventClaimRepository(db);
    this.canaries = new CanaryRepository(db);
    this.meta = new MetaRepository(db);
    this.sensitive = new SensitiveSpanRepository(db);
    this.standardAnswers = new StandardAnswerRepository(db);
    this.subscriptions = new AnswerSubscriptionRepository(db);
    this.escalations = new EscalationRepository(db);
    this.sources = new SourceRepository(db, dialect);
  }

  static async open(options: StoreOptions): Promise<Store> {
    const worker = options.worker ?? `${hostname()}:${process.pid}`;
    let db: Kysely<Database>;
    const url = options.databaseUrl;
    if (url && /^postgres(ql)?:\/\//.test(url)) {
      // pg is loaded only for a PostgreSQL store: SQLite deployments and one-shot commands skip it.
      const { createPostgresDialect } = await import('./postgres-driver.js');
      // Migrations (an index on a large table) may rightly take longer than any statement limit.
      const migrating = new Kysely<unknown>({
        dialect: createPostgresDialect(url, { maxConnections: 1, statementTimeoutMs: 0 }).dialect,
      });
      try {
        await migrateToLatest(migrating, 'postgres');
      } finally {
        await migrating.destroy();
      }
      const postgres = createPostgresDialect(url, { statementTimeoutMs: options.statementTimeoutMs });
      const bulk = createPostgresDialect(url, { maxConnections: 2, statementTimeoutMs: 0 });
      return new Store(
        new Kysely<Database>({ dialect: postgres.dialect }),
        'postgres',
        worker,
        { dialect: 'postgres', url },
        new Kysely<Database>({ dialect: bulk.dialect }),
      );
    }
    if (url && !url.startsWith('sqlite:')) {
      throw new ConfigError(
        'DATABASE_URL must start with postgres:// (or sqlite:<file>); leave it unset to use SQLite under DATA_DIR',
      );
    }
    const file = url ? url.slice('sqlite:'.length) : path.join(options.dataDir, 'polydesk.sqlite');
    db = new Kysely<Database>({ dialect: createSqliteDialect(file) });
    try {
      await migrateToLatest(db as unknown as Kysely<unknown>, 'sqlite');
    } catch (error) {
      await db.destroy();
      throw error;
    }
    return new Store(db, 'sqlite', worker, { dialect: 'sqlite', file });
  }

  /** True when the database answers a trivial query. */
  async ping(): Promise<boolean> {
    try {
      await sql`select 1`.execute(this.db);
      return true;
    } catch {
      return false;
    }
  }

  async close(): Promise<void> {
    if (this.bulk !== this.db) await this.bulk.destroy();
    await this.db.destroy();
  }
}
