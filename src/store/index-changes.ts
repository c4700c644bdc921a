import { type Kysely, type Transaction, sql } from 'kysely';
import { parseJson } from './json.js';
import type { Database } from './schema.js';

export const CONTENT_VERSION_KEY = 'content.version';

/**
 * What one content version changed, for the search indexes: `document` = the document's chunks were
 * replaced or it was deleted (its current chunks are read from the database), `findings` = only its
 * at-rest findings (nothing to re-index), `embeddings` = chunk vectors were re-made (a full rebuild).
 */
export type IndexChangeKind = 'document' | 'findings' | 'embeddings';

export interface IndexChange {
  readonly version: number;
  readonly kind: IndexChangeKind;
  /** Null for `embeddings`, which may concern every document. */
  readonly docId: string | null;
  readonly removedChunkIds: readonly string[];
}

/**
 * Changes kept in the log. A replica further behind than this (a long stop, a snapshot from long ago)
 * rebuilds its indexes from the database instead; 10,000 rows of a few chunk ids each are small.
 */
export const KEPT_CHANGES = 10_000;

/**
 * Bumps the content version and logs what changed, in the caller's transaction, so a version and its
 * change commit together. The counter row is locked by the update until commit (PostgreSQL) or the
 * database is (SQLite), so versions commit in order with no gap: a reader that sees version n has
 * seen every change up to n, however close together they happened.
 */
export async function bumpContentVersion(
  trx: Transaction<Database>,
  change: Omit<IndexChange, 'version'>,
): Promise<number> {
  const row = await trx
    .insertInto('meta')
    .values({ key: CONTENT_VERSION_KEY, value: '1' })
    .onConflict((oc) =>
      oc.column('key').doUpdateSet({ value: sql<string>`cast(cast(meta.value as integer) + 1 as text)` }),
    )
    .returning('value')
    .executeTakeFirstOrThrow();
  const version = Number(row.value);
  await trx
    .insertInto('index_changes')
    .values({
      version,
      kind: change.kind,
      doc_id: change.docId,
      removed_chunks: JSON.stringify(change.removedChunkIds),
    })
    .execute();
  await trx
    .deleteFrom('index_changes')
    .where('version', '<=', version - KEPT_CHANGES)
    .execute();
  return version;
}

/** Logged changes after `version`, oldest first, at most `limit`. */
export async function changesSince(
  db: Kysely<Database>,
  version: number,
  limit: number,
): Promise<IndexChange[]> {
  const rows = await db
    .selectFrom('index_changes')
    .selectAll()
    .where('version', '>', version)
    .orderBy('version')
    .limit(limit)
    .execute();
  return rows.map((r) => ({
    version: Number(r.version),
    kind: r.kind as IndexChangeKind,
    docId: r.doc_id,
    removedChunkIds: parseJson<string[]>(r.removed_chunks, []),
  }));
}
