import { IndexCorruptError, describeError } from '../core/errors.js';
import type { Logger } from '../core/log.js';
import { Bm25Index } from './bm25-index.js';
import { indexableText } from './lexical-retriever.js';
import { readSnapshot, writeSnapshot } from './snapshot.js';
import { ANALYZER_VERSION, type Analyzer, analyze as defaultAnalyze } from './text-analyzer.js';

/** What the index needs from the database (the source of truth). */
export interface ChunkSource {
  contentVersion(): Promise<number>;
  allChunks(
    pageSize?: number,
  ): AsyncIterable<
    readonly { id: string; text: string; language: string; headingPath: readonly string[]; title: string }[]
  >;
  counts(): Promise<{ documents: number; chunks: number }>;
}

export interface KnowledgeIndexOptions {
  readonly dataDir: string;
  readonly chunks: ChunkSource;
  readonly logger: Logger;
  readonly analyzer?: Analyzer;
  /** Called when a snapshot cannot be written or read (the index in memory stays in use). */
  readonly onSnapshotError?: () => void;
}

const SNAPSHOT = 'lexical';

interface LexicalSnapshotMeta {
  readonly [key: string]: unknown;
  readonly version: number;
  readonly contentVersion: number;
  readonly analyzerVersion: number;
}

/**
 * The lexical search index of the knowledge base: an in-memory BM25 index, persisted as a versioned
 * snapshot under DATA_DIR. The database is the truth: a missing, corrupt or stale snapshot is rebuilt
 * from it. Changes made by another process (CLI ingest, another replica) are picked up by `refresh()`.
 */
export class KnowledgeIndex {
  private current: Bm25Index;
  private version: number;
  private dirty = false;

  private constructor(
    private readonly options: KnowledgeIndexOptions,
    index: Bm25Index,
    version: number,
  ) {
    this.current = index;
    this.version = version;
  }

  static async open(options: KnowledgeIndexOptions): Promise<KnowledgeIndex> {
    const version = await options.chunks.contentVersion();
    const loaded = await KnowledgeIndex.load(options, version);
    if (loaded) return new KnowledgeIndex(options, loaded, version);
    const index = new KnowledgeIndex(options, await KnowledgeIndex.rebuild(options), version);
    await index.persist();
    return index;
  }

  /** The BM25 index searches use now; replaced atomically by refresh(). */
  get lexical(): Bm25Index {
    return this.current;
  }

  get contentVersion(): number {
    return this.version;
  }

  get size(): number {
    return this.current.size;
  }

  private static async load(options: KnowledgeIndexOptions, version: number): Promise<Bm25Index | undefined> {
    try {
      const snapshot = await readSnapshot(options.dataDir, SNAPSHOT);
      if (!snapshot) return undefined;
      const meta = snapshot.meta as Partial<LexicalSnapshotMeta>;
      if (meta.contentVersion !== version || meta.analyzerVersion !== ANALYZER_VERSION) {
        options.logger('info', 'index.snapshot_stale', {
          snapshotVersion: meta.contentVersion ?? null,
          databaseVersion: version,
        });
        return undefined;
      }
      return Bm25Index.fromBuffer(snapshot.payload, { analyzer: options.analyzer ?? defaultAnalyze });
    } catch (error) {
      if (!(error instanceof IndexCorruptError)) throw error;
      options.onSnapshotError?.();
      options.logger('warn', 'index.snapshot_corrupt', {
        error: describeError(error),
        action: 'rebuilding from the database',
      });
      return undefined;
    }
  }

  private static async rebuild(options: KnowledgeIndexOptions): Promise<Bm25Index> {
    const started = performance.now();
    const index = new Bm25Index({ analyzer: options.analyzer ?? defaultAnalyze });
    for await (const page of options.chunks.allChunks(2000)) {
      for (const chunk of page) index.addText(chunk.id, indexableText(chunk), chunk.language);
    }
    options.logger('info', 'index.rebuilt', {
      chunks: index.size,
      ms: Math.round(performance.now() - started),
    });
    return index;
  }

  /** Applies document changes made by this process. */
  async apply(
    removedChunkIds: readonly string[],
    added: readonly { id: string; text: string; language: string }[],
  ): Promise<void> {
    for (const id of removedChunkIds) this.current.remove(id);
    for (const chunk of added) this.current.addText(chunk.id, chunk.text, chunk.language);
    this.dirty = true;
  }

  /**
   * Writes the snapshot (atomically) if anything changed. A failure (disk full) is logged and
   * counted; the index in memory stays in use and the next start rebuilds from the database.
   */
  async persist(): Promise<void> {
    const version = await this.options.chunks.contentVersion();
    this.version = version;
    try {
      const meta: LexicalSnapshotMeta = {
        version: 1,
        contentVersion: version,
        analyzerVersion: ANALYZER_VERSION,
      };
      await writeSnapshot(this.options.dataDir, SNAPSHOT, this.current.toBuffer(), meta);
      this.dirty = false;
    } catch (error) {
      this.options.onSnapshotError?.();
      this.options.logger('error', 'index.snapshot_write_failed', { error: describeError(error) });
    }
  }

  get hasUnsavedChanges(): boolean {
    return this.dirty;
  }

  /** Rebuilds the index from the database (admin "re-index"), swaps it in and saves a snapshot. */
  async rebuild(): Promise<void> {
    const version = await this.options.chunks.contentVersion();
    this.current = await KnowledgeIndex.rebuild(this.options);
    this.version = version;
    this.dirty = true;
    await this.persist();
  }

  /**
   * Picks up changes made elsewhere: when the database moved on, loads the newer snapshot (or rebuilds)
   * off to the side, then swaps it in; searches in progress keep the index they started with.
   */
  async refresh(): Promise<boolean> {
    const version = await this.options.chunks.contentVersion();
    if (version === this.version) return false;
    const next =
      (await KnowledgeIndex.load(this.options, version)) ?? (await KnowledgeIndex.rebuild(this.options));
    this.current = next;
    this.version = version;
    this.options.logger('info', 'index.refreshed', { version, chunks: next.size });
    return true;
  }
}
