import { type RawBuilder, sql } from 'kysely';
import type { DialectName } from './migrations.js';

/**
 * The database's time, `offsetMs` from now, as the ISO 8601 text the tables store
 * (`2026-11-02T09:15:00.123Z`, UTC, so that text order is time order). Liveness is judged on this
 * one clock: each replica's own clock may be off by seconds, which would make a live replica look
 * dead (its question answered twice) or a dead one look alive (its questions left waiting).
 */
export function databaseNow(dialect: DialectName, offsetMs = 0): RawBuilder<string> {
  const seconds = offsetMs / 1000;
  if (dialect === 'postgres') {
    return sql<string>`to_char((clock_timestamp() + make_interval(secs => ${seconds}::double precision)) at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;
  }
  const modifier = `${seconds >= 0 ? '+' : '-'}${Math.abs(seconds)} seconds`;
  return sql<string>`strftime('%Y-%m-%dT%H:%M:%fZ', 'now', ${modifier})`;
}
