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
  return {
    dialect: new PostgresDialect({ pool }),
    onError: (listener) => pool.on('error', listener),
  };
}
