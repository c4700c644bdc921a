import { randomUUID } from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import type {
  ChunkRecord,
  ChunkWithDoc,
  Classification,
  DocumentRecord,
  StoredChunk,
} from '../core/types.js';
import { CONTENT_VERSION_KEY, type IndexChange, bumpContentVersion, changesSince } from './index-changes.js';
import { nowIso, parseJson } from './json.js';
import type { Database, DocumentsTable } from './schema.js';

export interface NewDocument {
  readonly source: string;
  readonly title: string;
  readonly language: string;
  readonly audience: readonly string[];
  readonly classification: Classification;
  readonly url?: string | undefined;
  readonly contentHash: string;
  readonly injectionFlag: boolean;
}

/** Fingerprints of one sensitive value found in the document at ingest (never the value). */
export interface NewSensitiveSpan {
  readonly type: string;
  readonly fingerprint: {
    readonly length: number;
    readonly whole: number;
    readonly windows: readonly number[];
  };
  /** The line around it with every sensitive value masked. */
  readonly excerpt: string;
}

/** What the at-rest scan found in a document, and which version of the scan found it. */
export interface SensitiveScan {
  readonly version: number;
  readonly records: readonly NewSensitiveSpan[];
}

/** Replaces a document's sensitive-value fingerprints inside the caller's transaction. */
async function writeSensitive(
  trx: Transaction<Database>,
  docId: string,
  records: readonly NewSensitiveSpan[],
): Promise<void> {
  await trx.deleteFrom('sensitive_spans').where('doc_id', '=', docId).execute();
  for (let i = 0; i < records.length; i += 200) {
    await trx
      .insertInto('sensitive_spans')
      .values(
        records.slice(i, i + 200).map((s, j) => ({
          doc_id: docId,
          ordinal: i + j,
          type: s.type,
          length: s.fingerprint.length,
          fingerprint: s.fingerprint.whole.toString(36),
          windows: s.fingerprint.windows.map((w) => w.toString(36)).join(','),
          excerpt: s.excerpt,
        })),
      )
      .execute();
  }
}

export interface NewChunk {
  readonly text: string;
  readonly headingPath: readonly string[];
  readonly language: string;
  readonly embedding?: Float32Array | undefined;
}

function toDocument(row: DocumentsTable): DocumentRecord {
  return {
    id: row.id,
    source: row.source,
    title: row.title,
    language: row.language,
    audience: parseJson<string[]>(row.audience, ['all']),
    classification: row.classification as Classification,
    url: row.url ?? undefined,
    contentHash: row.content_hash,
    injectionFlag: row.injection_flag === 1,
    chunkCount: row.chunk_count,
    ingestedAt: row.ingested_at,
  };
}

export function vectorToBuffer(vector: Float32Array): Buffer {
  return Buffer.from(vector.buffer, vector.byteOffset, vector.byteLength);
}

interface StoredChunkRow {
  readonly id: string;
  readonly text: string;
  readonly title: string;
  readonly audience: string;
  readonly classification: string;
  readonly heading_path: string;
  readonly language: string;
  readonly embedding: Buffer | null;
  readonly embedding_model: string | null;
}

/** A chunk of a confidential or restricted document, as the leakage index takes it. */
export interface RestrictedChunk {
  readonly docId: string;
  readonly text: string;
  readonly audience: readonly string[];
  readonly classification: Classification;
}

function toStoredChunk(r: StoredChunkRow): StoredChunk {
  return {
    id: r.id,
    text: r.text,
    title: r.title,
    audience: parseJson<string[]>(r.audience, ['all']),
    classification: r.classification as Classification,
    headingPath: parseJson<string[]>(r.heading_path, []),
    language: r.language,
    embedding: r.embedding ? bufferToVector(r.embedding) : null,
    embeddingModel: r.embedding_model,
  };
}

export function bufferToVector(buffer: Buffer): Float32Array {
  const copy = new Uint8Array(buffer.byteLength);
  copy.set(buffer);
  return new Float32Array(copy.buffer);
}

/** Documents and their chunks; the database is the source of truth, indexes are caches. */
export class DocumentRepository {
  /** `bulk`: where whole-table reads go, without the statement limit (see `Store.open`). */
  constructor(
    private readonly db: Kysely<Database>,
    private readonly bulk: Kysely<Database> = db,
  ) {}

  async getBySource(source: string): Promise<DocumentRecord | undefined> {
    const row = await this.db
      .selectFrom('documents')
      .selectAll()
      .where('source', '=', source)
      .executeTakeFirst();
    return row ? toDocument(row) : undefined;
  }

  async get(id: string): Promise<DocumentRecord | undefined> {
    const row = await this.db.selectFrom('documents').selectAll().where('id', '=', id).executeTakeFirst();
    return row ? toDocument(row) : undefined;
  }

  /**
   * Insert or replace a document with all its chunks in one transaction, so a crash leaves either the
   * old version or the new one. Returns the document and the ids of removed and added chunks.
   */
  async upsert(
    doc: NewDocument,
    chunks: readonly NewChunk[],
    embeddingModel?: string,
    sensitive?: SensitiveScan,
  ): Promise<{ document: DocumentRecord; removedChunkIds: string[]; chunks: ChunkRecord[] }> {
    return this.db.transaction().execute(async (trx) => {
      const existing = await trx
        .selectFrom('documents')
        .select('id')
        .where('source', '=', doc.source)
        .executeTakeFirst();
      const id = existing?.id ?? randomUUID();
      let removedChunkIds: string[] = [];
      if (existing) {
        removedChunkIds = (
          await trx.selectFrom('chunks').select('id').where('doc_id', '=', id).execute()
        ).map((r) => r.id);
        await trx.deleteFrom('chunks').where('doc_id', '=', id).execute();
      }
      const row: DocumentsTable = {
        id,
        source: doc.source,
        title: doc.title,
        language: doc.language,
        audience: JSON.stringify(doc.audience),
        classification: doc.classification,
        url: doc.url ?? null,
        content_hash: doc.contentHash,
        injection_flag: doc.injectionFlag ? 1 : 0,
        chunk_count: chunks.length,
        ingested_at: nowIso(),
        sensitive_version: sensitive?.version ?? 0,
      };
      if (existing) {
        const { id: _id, ...rest } = row;
        await trx.updateTable('documents').set(rest).where('id', '=', id).execute();
      } else {
        await trx.insertInto('documents').values(row).execute();
      }
      const records: ChunkRecord[] = chunks.map((c, ordinal) => ({
        id: randomUUID(),
        docId: id,
        ordinal,
        text: c.text,
        headingPath: c.headingPath,
        language: c.language,
      }));
      const BATCH = 200;
      for (let i = 0; i < records.length; i += BATCH) {
        await trx
          .insertInto('chunks')
          .values(
            records.slice(i, i + BATCH).map((r, j) => {
              const embedding = chunks[i + j]?.embedding;
              return {
                id: r.id,
                doc_id: id,
                ordinal: r.ordinal,
                text: r.text,
                heading_path: JSON.stringify(r.headingPath),
                language: r.language,
                embedding: embedding ? vectorToBuffer(embedding) : null,
                embedding_model: embedding ? (embeddingModel ?? null) : null,
              };
            }),
          )
          .execute();
      }
      await writeSensitive(trx, id, sensitive?.records ?? []);
      await bumpContentVersion(trx, { kind: 'document', docId: id, removedChunkIds });
      return { document: toDocument(row), removedChunkIds, chunks: records };
    });
  }

  /**
   * Documents whose at-rest findings are older than `version` (ingested before the scan existed or
   * changed), with their text rebuilt from their chunks, a few at a time.
   */
  async staleSensitive(
    version: number,
    limit: number,
  ): Promise<{ id: string; contentHash: string; text: string }[]> {
    const docs = await this.db
      .selectFrom('documents')
      .select(['id', 'content_hash'])
      .where('sensitive_version', '<', version)
      .orderBy('id')
      .limit(limit)
      .execute();
    if (docs.length === 0) return [];
    const chunks = await this.db
      .selectFrom('chunks')
      .select(['doc_id', 'text'])
      .where(
        'doc_id',
        'in',
        docs.map((d) => d.id),
      )
      .orderBy('doc_id')
      .orderBy('ordinal')
      .execute();
    return docs.map((d) => ({
      id: d.id,
      contentHash: d.content_hash,
      text: chunks
        .filter((c) => c.doc_id === d.id)
        .map((c) => c.text)
        .join('\n'),
    }));
  }

  /**
   * Stores a rescan's findings, unless the document changed since its text was read (another
   * replica rescanned it, an ingest replaced it, it was deleted): the version is claimed with the
   * content hash that was scanned, in the same transaction. False when someone else got there first.
   */
  async replaceSensitive(id: string, contentHash: string, sensitive: SensitiveScan): Promise<boolean> {
    return this.db.transaction().execute(async (trx) => {
      const claimed = await trx
        .updateTable('documents')
        .set({ sensitive_version: sensitive.version })
        .where('id', '=', id)
        .where('content_hash', '=', contentHash)
        .where('sensitive_version', '<', sensitive.version)
        .executeTakeFirst();
      if (Number(claimed.numUpdatedRows) === 0) return false;
      await writeSensitive(trx, id, sensitive.records);
      await bumpContentVersion(trx, { kind: 'findings', docId: id, removedChunkIds: [] });
      return true;
    });
  }

  /** Deletes a document and its chunks; returns the removed chunk ids (empty if it did not exist). */
  async delete(id: string): Promise<string[]> {
    return this.db.transaction().execute(async (trx) => {
      const ids = (await trx.selectFrom('chunks').select('id').where('doc_id', '=', id).execute()).map(
        (r) => r.id,
      );
      await trx.deleteFrom('chunks').where('doc_id', '=', id).execute();
      const deleted = await trx.deleteFrom('documents').where('id', '=', id).executeTakeFirst();
      if (Number(deleted.numDeletedRows) > 0) {
        await bumpContentVersion(trx, { kind: 'document', docId: id, removedChunkIds: ids });
      }
      return ids;
    });
  }

  async list(options: { limit: number; offset: number; query?: string }): Promise<DocumentRecord[]> {
    let q = this.db.selectFrom('documents').selectAll();
    if (options.query) q = q.where('title', 'like', `%${options.query}%`);
    const rows = await q
      .orderBy('ingested_at', 'desc')
      .orderBy('id')
      .limit(options.limit)
      .offset(options.offset)
      .execute();
    return rows.map(toDocument);
  }

  async listSources(): Promise<{ id: string; source: string; contentHash: string }[]> {
    const rows = await this.db.selectFrom('documents').select(['id', 'source', 'content_hash']).execute();
    return rows.map((r) => ({ id: r.id, source: r.source, contentHash: r.content_hash }));
  }

  /** The languages documents are written in, most documents first. */
  async languages(): Promise<string[]> {
    const rows = await this.db
      .selectFrom('documents')
      .select(['language', (eb) => eb.fn.countAll<string | number>().as('n')])
      .groupBy('language')
      .orderBy('n', 'desc')
      .execute();
    return rows.map((r) => r.language);
  }

  async counts(): Promise<{ documents: number; chunks: number }> {
    const d = await this.db
      .selectFrom('documents')
      .select((eb) => eb.fn.countAll<string | number>().as('n'))
      .executeTakeFirst();
    const c = await this.db
      .selectFrom('chunks')
      .select((eb) => eb.fn.countAll<string | number>().as('n'))
      .executeTakeFirst();
    return { documents: Number(d?.n ?? 0), chunks: Number(c?.n ?? 0) };
  }

  /** Chunks with the document fields retrieval and citation need, keyed by chunk id. */
  async getChunks(ids: readonly string[]): Promise<Map<string, ChunkWithDoc>> {
    const out = new Map<string, ChunkWithDoc>();
    const BATCH = 500;
    for (let i = 0; i < ids.length; i += BATCH) {
      const slice = ids.slice(i, i + BATCH);
      if (slice.length === 0) continue;
      const rows = await this.db
        .selectFrom('chunks')
        .innerJoin('documents', 'documents.id', 'chunks.doc_id')
        .select([
          'chunks.id as id',
          'chunks.doc_id as doc_id',
          'chunks.ordinal as ordinal',
          'chunks.text as text',
          'chunks.heading_path as heading_path',
          'chunks.language as language',
          'documents.source as source',
          'documents.title as title',
          'documents.url as url',
          'documents.audience as audience',
          'documents.classification as classification',
        ])
        .where('chunks.id', 'in', slice)
        .execute();
      for (const r of rows) {
        out.set(r.id, {
          id: r.id,
          docId: r.doc_id,
          ordinal: r.ordinal,
          text: r.text,
          headingPath: parseJson<string[]>(r.heading_path, []),
          language: r.language,
          source: r.source,
          title: r.title,
          url: r.url ?? undefined,
          audience: parseJson<string[]>(r.audience, ['all']),
          classification: r.classification as Classification,
        });
      }
    }
    return out;
  }

  /** Streams every chunk in pages, for index rebuilds. */
  async *allChunks(pageSize = 1000): AsyncGenerator<StoredChunk[]> {
    let after = '';
    for (;;) {
      const rows = await this.db
        .selectFrom('chunks')
        .innerJoin('documents', 'documents.id', 'chunks.doc_id')
        .select([
          'chunks.id as id',
          'chunks.text as text',
          'chunks.language as language',
          'chunks.heading_path as heading_path',
          'chunks.embedding as embedding',
          'chunks.embedding_model as embedding_model',
          'documents.title as title',
          'documents.audience as audience',
          'documents.classification as classification',
        ])
        .where('chunks.id', '>', after)
        .orderBy('chunks.id')
        .limit(pageSize)
        .execute();
      if (rows.length === 0) return;
      yield rows.map(toStoredChunk);
      after = rows[rows.length - 1]!.id;
    }
  }

  /**
   * Streams the chunks of documents classified confidential or restricted, a few documents per
   * page, for the leakage index's builds. Paged by document (from the documents' primary key, then
   * their chunks by document id), so that no page has to find and sort all of them again.
   */
  async *restrictedChunkPages(documentsPerPage = 50): AsyncGenerator<RestrictedChunk[]> {
    let after = '';
    for (;;) {
      const docs = await this.db
        .selectFrom('documents')
        .select('id')
        .where('classification', 'in', ['confidential', 'restricted'])
        .where('id', '>', after)
        .orderBy('id')
        .limit(documentsPerPage)
        .execute();
      if (docs.length === 0) return;
      const rows = await this.db
        .selectFrom('chunks')
        .innerJoin('documents', 'documents.id', 'chunks.doc_id')
        .select([
          'chunks.doc_id as doc_id',
          'chunks.text as text',
          'documents.audience as audience',
          'documents.classification as classification',
        ])
        .where(
          'chunks.doc_id',
          'in',
          docs.map((d) => d.id),
        )
        .where('documents.classification', 'in', ['confidential', 'restricted'])
        .orderBy('chunks.doc_id')
        .orderBy('chunks.ordinal')
        .execute();
      yield rows.map((r) => ({
        docId: r.doc_id,
        text: r.text,
        audience: parseJson<string[]>(r.audience, ['all']),
        classification: r.classification as Classification,
      }));
      after = docs[docs.length - 1]!.id;
    }
  }

  /** Chunks of documents classified confidential or restricted, for the leakage scanner. */
  async restrictedChunks(): Promise<ChunkWithDoc[]> {
    // A scan of every chunk: on a large database longer than any limit meant for one question.
    const rows = await this.bulk
      .selectFrom('chunks')
      .innerJoin('documents', 'documents.id', 'chunks.doc_id')
      .select(['chunks.id as id'])
      .where('documents.classification', 'in', ['confidential', 'restricted'])
      .execute();
    return [...(await this.getChunks(rows.map((r) => r.id))).values()];
  }

  /** The counter bumped by every document change; an index snapshot built at another version is stale. */
  async contentVersion(): Promise<number> {
    const row = await this.db
      .selectFrom('meta')
      .select('value')
      .where('key', '=', CONTENT_VERSION_KEY)
      .executeTakeFirst();
    return row ? Number(row.value) : 0;
  }

  async setEmbeddings(
    entries: readonly { id: string; vector: Float32Array }[],
    model: string,
  ): Promise<void> {
    await this.db.transaction().execute(async (trx) => {
      for (const e of entries) {
        await trx
          .updateTable('chunks')
          .set({ embedding: vectorToBuffer(e.vector), embedding_model: model })
          .where('id', '=', e.id)
          .execute();
      }
    });
  }

  /**
   * Says that chunk vectors were re-made (after `reembed`'s batches): one content version, on which
   * every replica rebuilds its vector index, instead of one per batch.
   */
  async embeddingsChanged(): Promise<void> {
    await this.db.transaction().execute(async (trx) => {
      await bumpContentVersion(trx, { kind: 'embeddings', docId: null, removedChunkIds: [] });
    });
  }

  /** What changed after `version`, oldest first (at most `limit` changes): see {@link IndexChange}. */
  changesSince(version: number, limit: number): Promise<IndexChange[]> {
    return changesSince(this.db, version, limit);
  }

  /** The current chunks of these documents, in order, by document id; a deleted document is absent. */
  async documentChunks(docIds: readonly string[]): Promise<Map<string, StoredChunk[]>> {
    const out = new Map<string, StoredChunk[]>();
    const BATCH = 500;
    for (let i = 0; i < docIds.length; i += BATCH) {
      const slice = docIds.slice(i, i + BATCH);
      const rows = await this.db
        .selectFrom('chunks')
        .innerJoin('documents', 'documents.id', 'chunks.doc_id')
        .select([
          'chunks.id as id',
          'chunks.doc_id as doc_id',
          'chunks.text as text',
          'chunks.language as language',
          'chunks.heading_path as heading_path',
          'chunks.embedding as embedding',
          'chunks.embedding_model as embedding_model',
          'documents.title as title',
          'documents.audience as audience',
          'documents.classification as classification',
        ])
        .where('chunks.doc_id', 'in', slice)
        .orderBy('chunks.doc_id')
        .orderBy('chunks.ordinal')
        .execute();
      for (const r of rows) {
        const list = out.get(r.doc_id) ?? [];
        list.push(toStoredChunk(r));
        out.set(r.doc_id, list);
      }
    }
    return out;
  }
}
