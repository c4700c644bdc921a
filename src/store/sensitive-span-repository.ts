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

/** A document with sensitive findings, for its publishers. */
export interface DocumentFindings {
  readonly docId: string;
  readonly title: string;
  readonly source: string;
  readonly counts: Readonly<Record<string, number>>;
  /** Masked excerpts, one per finding (at most a few). */
  readonly excerpts: readonly { readonly type: string; readonly excerpt: string }[];
}

/**
 * The registry of sensitive values found in documents at ingest: keyed fingerprints written with
 * each document (see DocumentRepository.upsert), the key they are made with, and per-document
 * findings for the admin UI. Shared by every replica through the database.
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

  /** Documents with findings, most findings first. */
  async documents(limit: number, offset = 0): Promise<DocumentFindings[]> {
    const docs = await this.db
      .selectFrom('sensitive_spans')
      .innerJoin('documents', 'documents.id', 'sensitive_spans.doc_id')
      .select(['documents.id as id', 'documents.title as title', 'documents.source as source'])
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .groupBy(['documents.id', 'documents.title', 'documents.source'])
      .orderBy('n', 'desc')
      .orderBy('documents.source')
      .limit(limit)
      .offset(offset)
      .execute();
    if (docs.length === 0) return [];
    const spans = await this.db
      .selectFrom('sensitive_spans')
      .select(['doc_id', 'type', 'excerpt'])
      .where(
        'doc_id',
        'in',
        docs.map((d) => d.id),
      )
      .orderBy('doc_id')
      .orderBy('ordinal')
      .execute();
    return docs.map((d) => {
      const mine = spans.filter((s) => s.doc_id === d.id);
      const counts: Record<string, number> = {};
      for (const s of mine) counts[s.type] = (counts[s.type] ?? 0) + 1;
      const excerpts = [
        ...new Map(mine.map((s) => [s.excerpt, { type: s.type, excerpt: s.excerpt }])).values(),
      ];
      return { docId: d.id, title: d.title, source: d.source, counts, excerpts: excerpts.slice(0, 5) };
    });
  }
}
