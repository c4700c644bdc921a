import { PostgresDialect, type PostgresPool, type PostgresPoolClient } from 'kysely';
import pg from 'pg';
import { PolyDeskError } from '../core/errors.js';

export interface PostgresOptions {
  readonly maxConnections?: number | undefined;
  /**
   * `DATABASE_STATEMENT_TIMEOUT_MS`: the server cancels a statement running (or waiting for a lock)
   * longer than this, and the client gives up on an answer 5 s later still (a connection gone
   * silent). 0 turns both off. Default 30 s: PolyDesk's statements take milliseconds, and
   * anything stuck for half a minute holds a pool connection and an asker's reply.
   */
  readonly statementTimeoutMs?: number | undefined;
}

export const DEFAULT_STATEMENT_TIMEOUT_MS = 30_000;
/** A session left idle inside a transaction (holding its locks) is ended by the server after this. */
const IDLE_IN_TRANSACTION_MS = 60_000;

/**
 * The only module importing pg. Connection errors surface as rejected queries; the pool reconnects
 * by itself. Every connection has a statement timeout (see `PostgresOptions`), opens within 5 s
 * and is closed after 30 s idle; a statement cancelled by a timeout fails with a `STORE_FAILED`
 * error that says which limit stopped it.
 */
export function createPostgresDialect(
  url: string,
  options: PostgresOptions = {},
): {
  dialect: PostgresDialect;
  onError: (listener: (error: Error) => void) => void;
} {
  const timeoutMs = options.statementTimeoutMs ?? DEFAULT_STATEMENT_TIMEOUT_MS;
  const pool = new pg.Pool({
    connectionString: url,
    max: options.maxConnections ?? 10,
    connectionTimeoutMillis: 5_000,
    idleTimeoutMillis: 30_000,
    keepAlive: true,
    ...(timeoutMs > 0
      ? {
          statement_timeout: timeoutMs,
          query_timeout: timeoutMs + 5_000,
          idle_in_transaction_session_timeout: IDLE_IN_TRANSACTION_MS,
        }
      : {}),
  });
  // A connection dropped by a restarting server is reported as an 'error' event, on the pool for
  // an idle one and on the client for one in use between two queries; without listeners Node would
  // end the process. The pool replaces the connection, and the query that used it fails instead.
  pool.on('error', () => {});
  pool.on('connect', (client) => client.on('error', () => {}));
  const explainedPool: PostgresPool = {
    connect: async () => explained(await pool.connect(), timeoutMs),
    end: () => pool.end(),
  };
  return {
    dialect: new PostgresDialect({ pool: explainedPool }),
    onError: (listener) => pool.on('error', listener),
  };
}

/** A pool client whose timeout errors say what stopped the statement and what to do. */
function explained(client: pg.PoolClient, timeoutMs: number): PostgresPoolClient {
  const query = (sqlOrCursor: unknown, parameters?: ReadonlyArray<unknown>) => {
    if (typeof sqlOrCursor !== 'string') return client.query(sqlOrCursor as pg.Submittable);
    return client.query(sqlOrCursor, parameters as unknown[]).catch((error: unknown) => {
      throw timeoutError(error, timeoutMs) ?? error;
    });
  };
  return {
    query: query as unknown as PostgresPoolClient['query'],
    release: (destroy) => client.release(destroy),
  };
}

function timeoutError(error: unknown, timeoutMs: number): PolyDeskError | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  const message = error instanceof Error ? error.message : '';
  const limit = `DATABASE_STATEMENT_TIMEOUT_MS=${timeoutMs}`;
  if (code === '57014' && /statement timeout/.test(message))
    return new PolyDeskError(
      'STORE_FAILED',
      `a database statement ran longer than ${limit} and PostgreSQL cancelled it: the database is overloaded or another session holds a lock it needs (see pg_stat_activity and pg_locks); raise the limit only for known long work`,
      { cause: error },
    );
  if (/Query read timeout/.test(message))
    return new PolyDeskError(
      'STORE_FAILED',
      `PostgreSQL did not answer within ${limit} plus 5 s: the connection or the server is stuck`,
      { cause: error },
    );
  return undefined;
}
