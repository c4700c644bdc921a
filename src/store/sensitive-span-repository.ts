import { randomBytes } from 'node:crypto';
import { type Kysely, sql } from 'kysely';
import type { Database } from './schema.js';

const KEY_NAME = 'guard.fingerprint_key';

/** One registered sensitive value as the guardrails load it. */
export interface StoredSensitiveSpan {
  readonly docId: string;
  readonly type: string;
  readonly fingerprint: { readonly length: number; readonly whole: number; readonly windows: number[] };
}

/**
 * The registry of sensitive values found in documents at ingest: keyed fingerprints written with
 * each document (see DocumentRepository.upsert), the key they are made with, (the admin UI's
 * "Documents to fix" reads the same table through AdminQueries). Shared by every replica through the database.
 */
export class SensitiveSpanRepository {
  constructor(private readonly db: Kysely<Database>) {}

  /** The fingerprint key, made on first use; every replica reads the same one. */
  async key(): Promise<Uint8Array> {
    await this.db
      .insertInto('meta')
      .values({ key: KEY_NAME, value: randomBytes(32).toString('hex') })
      .onConflict((oc) => oc.column('key').doNothing())
      .execute();
    const row = await this.db
      .selectFrom('meta')
      .select('value')
      .where('key', '=', KEY_NAME)
      .executeTakeFirstOrThrow();
    return Buffer.from(row.value, 'hex');
  }

  async all(): Promise<StoredSensitiveSpan[]> {
    const all: StoredSensitiveSpan[] = [];
    for await (const page of this.pages()) all.push(...page);
    return all;
  }

  /** Every registered value in pages, by document and in each document's order, for the registry's builds. */
  async *pages(pageSize = 2000): AsyncGenerator<StoredSensitiveSpan[]> {
    let after = { docId: '', ordinal: -1 };
    for (;;) {
      const rows = await this.db
        .selectFrom('sensitive_spans')
        .select(['doc_id', 'ordinal', 'type', 'length', 'fingerprint', 'windows'])
        // A row comparison, which both databases answer from the primary key (an OR of the two
        // conditions made SQLite scan the table from the start for every page).
        .where(sql<boolean>`(doc_id, ordinal) > (${after.docId}, ${after.ordinal})`)
        .orderBy('doc_id')
        .orderBy('ordinal')
        .limit(pageSize)
        .execute();
      if (rows.length === 0) return;
      yield rows.map(toSpan);
      const last = rows[rows.length - 1]!;
      after = { docId: last.doc_id, ordinal: Number(last.ordinal) };
    }
  }

  /** The values registered for these documents, by document and in each document's order. */
  async ofDocuments(docIds: readonly string[]): Promise<StoredSensitiveSpan[]> {
    const out: StoredSensitiveSpan[] = [];
    for (let i = 0; i < docIds.length; i += 500) {
      const rows = await this.db
        .selectFrom('sensitive_spans')
        .select(['doc_id', 'ordinal', 'type', 'length', 'fingerprint', 'windows'])
        .where('doc_id', 'in', docIds.slice(i, i + 500))
        .orderBy('doc_id')
        .orderBy('ordinal')
        .execute();
      out.push(...rows.map(toSpan));
    }
    return out;
  }
}

function toSpan(r: {
  doc_id: string;
  type: string;
  length: number | string;
  fingerprint: string;
  windows: string | null;
}): StoredSensitiveSpan {
  return {
    docId: r.doc_id,
    type: r.type,
    fingerprint: {
      length: Number(r.length),
      whole: Number.parseInt(r.fingerprint, 36),
      windows: r.windows ? r.windows.split(',').map((w) => Number.parseInt(w, 36)) : [],
    },
  };
}
