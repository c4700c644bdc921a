import { PostgresDialect } from 'kysely';
import pg from 'pg';

/** The only module importing pg. Connection errors surface as rejected queries; the pool reconnects by itself. */
export function createPostgresDialect(
  url: string,
  options: { readonly maxConnections?: number } = {},
): {
  dialect: PostgresDialect;
  onError: (listener: (error: Error) => void) => void;
} {
  const pool = new pg.Pool({
    connectionString: url,
    max: options.maxConnections ?? 10,
    connectionTimeoutMillis: 5_000,
    idleTimeoutMillis: 30_000,
  });
  // A connection dropped by a restarting server is reported as an 'error' event, on the pool for
  // an idle one and on the client for one in use between two queries; without listeners Node would
  // end the process. The pool replaces the connection, and the query that used it fails instead.
  pool.on('error', () => {});
  pool.on('connect', (client) => client.on('error', () => {}));
  return {
    dialect: new PostgresDialect({ pool }),
    onError: (listener) => pool.on('error', listener),
  };
}
