import { randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
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
    const rows = await this.db
      .selectFrom('sensitive_spans')
      .select(['doc_id', 'type', 'length', 'fingerprint', 'windows'])
      .execute();
    return rows.map((r) => ({
      docId: r.doc_id,
      type: r.type,
      fingerprint: {
        length: Number(r.length),
        whole: Number.parseInt(r.fingerprint, 36),
        windows: r.windows ? r.windows.split(',').map((w) => Number.parseInt(w, 36)) : [],
      },
    }));
  }
}
