import { IndexCorruptError, ModelLoadError, describeError } from '../core/errors.js';
import type { Logger } from '../core/log.js';
import type { StoredChunk } from '../core/types.js';
import type { AccessInfo } from './acl.js';
import { Bm25Index } from './bm25-index.js';
import type { Embedder } from './embedder.js';
import { indexableText } from './lexical-retriever.js';
import { readSnapshot, writeSnapshot } from './snapshot.js';
import { ANALYZER_VERSION, type Analyzer, analyze as defaultAnalyze } from './text-analyzer.js';
import { VectorIndex } from './vector-index.js';
import { VECTOR_SNAPSHOT, saveVectorIndex, vectorIndexFromSnapshot } from './vector-snapshot.js';

/** What the index needs from the database (the source of truth). */
export interface ChunkSource {
  contentVersion(): Promise<number>;
  allChunks(pageSize?: number): AsyncIterable<readonly StoredChunk[]>;
}

/** A chunk added by ingest: its searchable text, and its vector when an embedding model is configured. */
export interface IndexedChunk {
  readonly id: string;
  readonly text: string;
  readonly language: string;
  readonly embedding?: Float32Array | undefined;
  readonly access?: AccessInfo | undefined;
}

export interface KnowledgeIndexOptions {
  readonly dataDir: string;
  readonly chunks: ChunkSource;
  readonly logger: Logger;
  readonly analyzer?: Analyzer;
  /** The embedding model; without one the index is lexical only. */
  readonly embedder?: Pick<Embedder, 'modelId' | 'dimension'> | undefined;
  /** Called when a snapshot cannot be written or read (the index in memory stays in use). */
  readonly onSnapshotError?: () => void;
}

const LEXICAL = 'lexical';

interface Indexes {
  readonly lexical: Bm25Index;
  readonly dense: VectorIndex | undefined;
}

/**
 * The search indexes of the knowledge base: BM25 in memory and, with an embedding model, an HNSW
 * vector index; both persisted as versioned, checksummed snapshots under DATA_DIR. The database is the
 * truth: a missing, corrupt or stale snapshot is rebuilt from it (chunk texts, stored embeddings).
 * Changes made by another process (CLI ingest, another replica) are picked up by `refresh()`, which
 * builds the new version off to the side and swaps it in; searches in progress keep the old one.
 */
export class KnowledgeIndex {
  private current: Indexes;
  /** The database content version the indexes in memory reflect. */
  private version: number;
  /** Every applied change is one database change (each bumps the content version by one). */
  private appliedSince = 0;
  private dirty = false;

  private constructor(
    private readonly options: KnowledgeIndexOptions,
    indexes: Indexes,
    version: number,
  ) {
    this.current = indexes;
    this.version = version;
  }

  static async open(options: KnowledgeIndexOptions): Promise<KnowledgeIndex> {
    const version = await options.chunks.contentVersion();
    const lexical = await KnowledgeIndex.loadLexical(options, version);
    const dense = options.embedder ? await KnowledgeIndex.loadDense(options, version) : undefined;
    const needsDense = options.embedder !== undefined && dense === undefined;
    if (lexical && !needsDense) return new KnowledgeIndex(options, { lexical, dense }, version);
    const rebuilt = await KnowledgeIndex.rebuildFrom(options, { lexical: !lexical, dense: needsDense });
    const index = new KnowledgeIndex(
      options,
      { lexical: lexical ?? rebuilt.lexical!, dense: dense ?? rebuilt.dense },
      version,
    );
    index.dirty = true;
    await index.persist();
    return index;
  }

  /** The BM25 index searches use now. */
  get lexical(): Bm25Index {
    return this.current.lexical;
  }

  /** The vector index, when an embedding model is configured. */
  get dense(): VectorIndex | undefined {
    return this.current.dense;
  }

  get contentVersion(): number {
    return this.version;
  }

  get size(): number {
    return this.current.lexical.size;
  }

  get hasUnsavedChanges(): boolean {
    return this.dirty;
  }

  private static corrupt(options: KnowledgeIndexOptions, name: string, error: unknown): undefined {
    options.onSnapshotError?.();
    options.logger('warn', 'index.snapshot_corrupt', {
      snapshot: name,
      error: describeError(error),
      action: 'rebuilding from the database',
    });
    return undefined;
  }

  private static async loadLexical(
    options: KnowledgeIndexOptions,
    version: number,
  ): Promise<Bm25Index | undefined> {
    try {
      const snapshot = await readSnapshot(options.dataDir, LEXICAL);
      if (!snapshot) return undefined;
      const { contentVersion, analyzerVersion } = snapshot.meta as {
        contentVersion?: number;
        analyzerVersion?: number;
      };
      if (contentVersion !== version || analyzerVersion !== ANALYZER_VERSION) {
        options.logger('info', 'index.snapshot_stale', {
          snapshot: LEXICAL,
          snapshotVersion: contentVersion ?? null,
          databaseVersion: version,
        });
        return undefined;
      }
      return Bm25Index.fromBuffer(snapshot.payload, { analyzer: options.analyzer ?? defaultAnalyze });
    } catch (error) {
      if (!(error instanceof IndexCorruptError)) throw error;
      return KnowledgeIndex.corrupt(options, LEXICAL, error);
    }
  }

  private static async loadDense(
    options: KnowledgeIndexOptions,
    version: number,
  ): Promise<VectorIndex | undefined> {
    const embedder = options.embedder!;
    try {
      const snapshot = await readSnapshot(options.dataDir, VECTOR_SNAPSHOT);
      if (!snapshot) return undefined;
      const { contentVersion } = snapshot.meta as { contentVersion?: number };
      if (contentVersion !== version) return undefined;
      return vectorIndexFromSnapshot(snapshot, embedder);
    } catch (error) {
      if (error instanceof ModelLoadError) {
        // Built by another model: never mixed. Rebuilt from the embeddings of the configured model.
        options.logger('warn', 'index.model_changed', { error: error.message });
        return undefined;
      }
      if (!(error instanceof IndexCorruptError)) throw error;
      return KnowledgeIndex.corrupt(options, VECTOR_SNAPSHOT, error);
    }
  }

  private static async rebuildFrom(
    options: KnowledgeIndexOptions,
    which: { lexical: boolean; dense: boolean },
  ): Promise<{ lexical?: Bm25Index; dense?: VectorIndex }> {
    const started = performance.now();
    const lexical = which.lexical
      ? new Bm25Index({ analyzer: options.analyzer ?? defaultAnalyze })
      : undefined;
    const embedder = options.embedder;
    const dense =
      which.dense && embedder
        ? VectorIndex.create({ modelId: embedder.modelId, dimension: embedder.dimension })
        : undefined;
    let missing = 0;
    for await (const page of options.chunks.allChunks(2000)) {
      const ids: string[] = [];
      const vectors: Float32Array[] = [];
      const access: AccessInfo[] = [];
      for (const chunk of page) {
        lexical?.addText(chunk.id, indexableText(chunk), chunk.language);
        if (!dense) continue;
        if (
          chunk.embedding &&
          chunk.embeddingModel === embedder?.modelId &&
          chunk.embedding.length === dense.dimension
        ) {
          ids.push(chunk.id);
          vectors.push(chunk.embedding);
          access.push({ audience: chunk.audience, classification: chunk.classification });
        } else {
          missing += 1;
        }
      }
      if (dense && ids.length > 0) dense.add(ids, vectors, access);
    }
    if (missing > 0) {
      options.logger('warn', 'index.embeddings_missing', {
        chunks: missing,
        model: embedder?.modelId ?? null,
        fix: 'run `npx polydesk reembed` to embed them with the configured model; until then only BM25 finds them',
      });
    }
    options.logger('info', 'index.rebuilt', {
      lexical: lexical?.size ?? null,
      dense: dense?.size ?? null,
      ms: Math.round(performance.now() - started),
    });
    return { ...(lexical ? { lexical } : {}), ...(dense ? { dense } : {}) };
  }

  /** Applies document changes made by this process. */
  async apply(removedChunkIds: readonly string[], added: readonly IndexedChunk[]): Promise<void> {
    const { lexical, dense } = this.current;
    for (const id of removedChunkIds) lexical.remove(id);
    for (const chunk of added) lexical.addText(chunk.id, chunk.text, chunk.language);
    if (dense) {
      dense.remove(removedChunkIds);
      const withVectors = added.filter((c) => c.embedding && c.embedding.length === dense.dimension);
      if (withVectors.length > 0) {
        dense.add(
          withVectors.map((c) => c.id),
          withVectors.map((c) => c.embedding!),
          withVectors.map((c) => c.access),
        );
      }
    }
    this.appliedSince += 1;
    this.dirty = true;
  }

  /**
   * Writes the snapshots (atomically) if anything changed. A failure (disk full) is logged and
   * counted; the index in memory stays in use and the next start rebuilds from the database.
   */
  async persist(): Promise<void> {
    const version = await this.options.chunks.contentVersion();
    if (version !== this.version + this.appliedSince) {
      // Another process changed the knowledge base since our last look: what we hold is not exactly
      // version `version`, so rebuild from the database instead of labelling a mix as that version.
      this.options.logger('info', 'index.concurrent_change', {
        expected: this.version + this.appliedSince,
        found: version,
      });
      await this.rebuild();
      return;
    }
    this.version = version;
    this.appliedSince = 0;
    await this.writeSnapshots(version);
  }

  private async writeSnapshots(version: number): Promise<void> {
    try {
      const { lexical, dense } = this.current;
      await writeSnapshot(this.options.dataDir, LEXICAL, lexical.toBuffer(), {
        version: 1,
        contentVersion: version,
        analyzerVersion: ANALYZER_VERSION,
      });
      if (dense) await saveVectorIndex(dense, this.options.dataDir, { contentVersion: version });
      this.dirty = false;
    } catch (error) {
      this.options.onSnapshotError?.();
      this.options.logger('error', 'index.snapshot_write_failed', { error: describeError(error) });
    }
  }

  /** Rebuilds both indexes from the database (admin "re-index", after `reembed`), swaps them in, saves. */
  async rebuild(): Promise<void> {
    const version = await this.options.chunks.contentVersion();
    const rebuilt = await KnowledgeIndex.rebuildFrom(this.options, {
      lexical: true,
      dense: Boolean(this.options.embedder),
    });
    this.current = { lexical: rebuilt.lexical!, dense: rebuilt.dense };
    // Labelled with the version read before reading the chunks: a change during the rebuild makes
    // the snapshot look stale (reloaded later), never newer than it is.
    this.version = version;
    this.appliedSince = 0;
    this.dirty = true;
    await this.writeSnapshots(version);
  }

  /**
   * Picks up changes made elsewhere: when the database moved on, loads the newer snapshots (or
   * rebuilds) off to the side, then swaps them in.
   */
  async refresh(): Promise<boolean> {
    const version = await this.options.chunks.contentVersion();
    if (version === this.version + this.appliedSince) return false;
    const lexical = await KnowledgeIndex.loadLexical(this.options, version);
    const dense = this.options.embedder ? await KnowledgeIndex.loadDense(this.options, version) : undefined;
    const needsDense = this.options.embedder !== undefined && dense === undefined;
    const rebuilt =
      !lexical || needsDense
        ? await KnowledgeIndex.rebuildFrom(this.options, { lexical: !lexical, dense: needsDense })
        : {};
    this.current = { lexical: lexical ?? rebuilt.lexical!, dense: dense ?? rebuilt.dense };
    this.version = version;
    this.appliedSince = 0;
    this.options.logger('info', 'index.refreshed', { version, chunks: this.current.lexical.size });
    return true;
  }
}
