import { IndexCorruptError, ModelLoadError, describeError } from '../core/errors.js';
import type { Logger } from '../core/log.js';
import type { StoredChunk } from '../core/types.js';
import type { AccessInfo } from '../core/access.js';
import { Bm25Index } from './bm25-index.js';
import type { Embedder } from './embedder.js';
import {
  type Indexes,
  accessOf,
  buildIndexes,
  slicer,
  usableEmbedding,
  warnMissingEmbeddings,
} from './index-build.js';
import { indexableText } from './lexical-retriever.js';
import { readSnapshot, writeSnapshot } from './snapshot.js';
import { ANALYZER_VERSION, type Analyzer, analyze as defaultAnalyze } from './text-analyzer.js';
import type { VectorIndex } from './vector-index.js';
import { VECTOR_SNAPSHOT, saveVectorIndex, vectorIndexFromSnapshot } from './vector-snapshot.js';

/**
 * What one content version changed (the store's change log): a document's chunks replaced or the
 * document deleted, only its at-rest findings, or chunk vectors re-made (`embeddings`, any document).
 */
export interface ChunkChange {
  readonly version: number;
  readonly kind: 'document' | 'findings' | 'embeddings';
  readonly docId: string | null;
  readonly removedChunkIds: readonly string[];
}

/** What the index needs from the database (the source of truth). */
export interface ChunkSource {
  contentVersion(): Promise<number>;
  allChunks(pageSize?: number): AsyncIterable<readonly StoredChunk[]>;
  /** Logged changes after `version`, oldest first, at most `limit`. */
  changesSince(version: number, limit: number): Promise<readonly ChunkChange[]>;
  /** The current chunks of these documents by document id; a deleted document is absent. */
  documentChunks(docIds: readonly string[]): Promise<ReadonlyMap<string, readonly StoredChunk[]>>;
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

/**
 * When catching up rebuilds instead of applying changes one document at a time. Applying costs what
 * building those chunks costs; past half the index, a build off to the side costs about as much and
 * searches keep a whole index meanwhile (a judgement, not a measured crossover). Deletions alone
 * never force a rebuild: BM25 compacts its tombstones and HNSW reuses deleted slots.
 */
const REBUILD = { share: 0.5, minChunks: 5_000 } as const;
/** Log rows read per round of catching up. */
const CHANGES_PER_ROUND = 1_000;

/**
 * The search indexes of the knowledge base: BM25 in memory and, with an embedding model, an HNSW
 * vector index; both persisted as versioned, checksummed snapshots under DATA_DIR. The database is the
 * truth and its change log says what each content version changed: `refresh()` applies just the
 * documents changed since the version held, one document at a time (a search sees a document either
 * before or after its change, never half), yielding to the event loop between documents. A full
 * rebuild, off to the side then swapped in, happens only when the log cannot say what changed (a
 * version before the log or pruned from it), when vectors were re-made, or when more than half the
 * index changed. One refresh, persist or rebuild runs at a time; calls during a refresh queue exactly
 * one more.
 */
export class KnowledgeIndex {
  private current: Indexes;
  /** The database content version the indexes in memory reflect (at least: see `catchUp`). */
  private version: number;
  private dirty = false;
  /** The tail of the queue of index work: one task at a time. */
  private queue: Promise<unknown> = Promise.resolve();
  /** A refresh queued but not started yet, shared by every caller until it starts. */
  private waiting: Promise<boolean> | undefined;

  private constructor(
    private readonly options: KnowledgeIndexOptions,
    indexes: Indexes,
    version: number,
  ) {
    this.current = indexes;
    this.version = version;
  }

  /** Loads the snapshots (rebuilding what is missing, corrupt or from another model), then catches up. */
  static async open(options: KnowledgeIndexOptions): Promise<KnowledgeIndex> {
    const lexical = await KnowledgeIndex.loadLexical(options);
    const dense = options.embedder ? await KnowledgeIndex.loadDense(options) : undefined;
    const usable =
      lexical && (!options.embedder || (dense && dense.version === lexical.version)) ? lexical.version : -1;
    if (usable >= 0) {
      const index = new KnowledgeIndex(options, { lexical: lexical!.index, dense: dense?.index }, usable);
      if (await index.refresh()) await index.persist();
      return index;
    }
    const version = await options.chunks.contentVersion();
    const index = new KnowledgeIndex(options, await buildFromDatabase(options), version);
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

  /**
   * Brings the indexes up to the database after this process changed it (the change is read back
   * from the change log, in order with changes made elsewhere); the arguments are what ingest knows
   * and are not needed.
   */
  async apply(_removedChunkIds: readonly string[], _added: readonly IndexedChunk[]): Promise<void> {
    await this.refresh();
  }

  /**
   * Picks up changes made anywhere (CLI ingest, another replica, this process). Single-flight: while
   * a refresh runs, callers share one more that starts when it ends. True when the indexes changed.
   */
  refresh(): Promise<boolean> {
    this.waiting ??= this.exclusive(() => {
      this.waiting = undefined;
      return this.catchUp();
    });
    return this.waiting;
  }

  /**
   * Catches up, then writes the snapshots (atomically) if anything changed. A failure (disk full) is
   * logged and counted; the index in memory stays in use and the next start catches up from the log.
   */
  persist(): Promise<void> {
    return this.exclusive(async () => {
      await this.catchUp();
      if (this.dirty) await this.writeSnapshots();
    });
  }

  /** Rebuilds both indexes from the database (admin "re-index", after `reembed`), swaps them in, saves. */
  rebuild(): Promise<void> {
    return this.exclusive(async () => {
      await this.reload('requested', false);
      await this.writeSnapshots();
    });
  }

  private exclusive<T>(task: () => Promise<T>): Promise<T> {
    const run = this.queue.then(task, task);
    this.queue = run.catch(() => undefined);
    return run;
  }

  /**
   * Applies the logged changes after the version held. The chunks of a changed document are read
   * after its log row, so they may already be those of a later version; the later row re-applies the
   * document, so what is held converges to exactly the database's state.
   */
  private async catchUp(): Promise<boolean> {
    const target = await this.options.chunks.contentVersion();
    if (target === this.version) return false;
    if (target < this.version)
      return this.reload(`the database is at version ${target}, older than the index`, true);
    const started = performance.now();
    this.options.logger('info', 'index.refresh_started', { from: this.version, to: target });
    let documents = 0;
    let chunks = 0;
    while (this.version < target) {
      const changes = await this.options.chunks.changesSince(this.version, CHANGES_PER_ROUND);
      const reason = unusable(this.version, changes);
      if (reason) return this.reload(reason, true);
      const docs = new Map<string, string[]>();
      for (const change of changes) {
        if (change.kind === 'embeddings') return this.reload('embeddings re-made', true);
        if (change.kind !== 'document' || change.docId === null) continue;
        const removed = docs.get(change.docId) ?? [];
        removed.push(...change.removedChunkIds);
        docs.set(change.docId, removed);
      }
      const present = await this.options.chunks.documentChunks([...docs.keys()]);
      let work = 0;
      for (const [docId, removed] of docs) work += removed.length + (present.get(docId)?.length ?? 0);
      if (work > Math.max(REBUILD.minChunks, this.size * REBUILD.share)) {
        return this.reload(`${work} chunks changed`, true);
      }
      await this.applyDocuments(docs, present);
      documents += docs.size;
      chunks += work;
      this.version = changes[changes.length - 1]!.version;
      this.dirty = true;
    }
    this.options.logger('info', 'index.refreshed', {
      version: this.version,
      mode: 'incremental',
      documents,
      chunks,
      ms: Math.round(performance.now() - started),
    });
    return true;
  }

  /** Each document's old chunks out and current chunks in, in one synchronous step; yields between. */
  private async applyDocuments(
    docs: ReadonlyMap<string, readonly string[]>,
    present: ReadonlyMap<string, readonly StoredChunk[]>,
  ): Promise<void> {
    const { lexical, dense } = this.current;
    const breathe = slicer();
    let missing = 0;
    for (const [docId, removed] of docs) {
      const chunks = present.get(docId) ?? [];
      for (const id of removed) lexical.remove(id);
      dense?.remove(removed);
      for (const chunk of chunks) {
        lexical.addText(chunk.id, indexableText(chunk), chunk.language);
        if (!dense) continue;
        const vector = usableEmbedding(chunk, dense);
        if (vector) dense.add([chunk.id], [vector], [accessOf(chunk)]);
        else {
          dense.remove([chunk.id]);
          missing += 1;
        }
      }
      await breathe();
    }
    if (missing > 0) warnMissingEmbeddings(this.options, missing);
  }

  /**
   * Replaces the indexes with the database's current state: the snapshots another process wrote at
   * that version when there are, else a build from every chunk, off to the side, then swapped in.
   */
  private async reload(reason: string, fromSnapshots: boolean): Promise<boolean> {
    const version = await this.options.chunks.contentVersion();
    const started = performance.now();
    const lexical = fromSnapshots ? await KnowledgeIndex.loadLexical(this.options) : undefined;
    const dense =
      fromSnapshots && this.options.embedder ? await KnowledgeIndex.loadDense(this.options) : undefined;
    const snapshotsFit =
      lexical?.version === version && (!this.options.embedder || dense?.version === version);
    // Labelled with the version read before reading the chunks: a change during the build is applied
    // again by the next refresh, never skipped.
    this.current = snapshotsFit
      ? { lexical: lexical.index, dense: dense?.index }
      : await buildFromDatabase(this.options);
    this.version = version;
    this.dirty = !snapshotsFit;
    this.options.logger('info', 'index.refreshed', {
      version,
      mode: snapshotsFit ? 'snapshot' : 'rebuild',
      reason,
      chunks: this.current.lexical.size,
      ms: Math.round(performance.now() - started),
    });
    return true;
  }

  private async writeSnapshots(): Promise<void> {
    const version = this.version;
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
  ): Promise<{ index: Bm25Index; version: number } | undefined> {
    try {
      const snapshot = await readSnapshot(options.dataDir, LEXICAL);
      if (!snapshot) return undefined;
      const { contentVersion, analyzerVersion } = snapshot.meta as {
        contentVersion?: number;
        analyzerVersion?: number;
      };
      if (typeof contentVersion !== 'number' || analyzerVersion !== ANALYZER_VERSION) {
        options.logger('info', 'index.snapshot_stale', {
          snapshot: LEXICAL,
          analyzerVersion: analyzerVersion ?? null,
        });
        return undefined;
      }
      const index = Bm25Index.fromBuffer(snapshot.payload, { analyzer: options.analyzer ?? defaultAnalyze });
      return { index, version: contentVersion };
    } catch (error) {
      if (!(error instanceof IndexCorruptError)) throw error;
      return KnowledgeIndex.corrupt(options, LEXICAL, error);
    }
  }

  private static async loadDense(
    options: KnowledgeIndexOptions,
  ): Promise<{ index: VectorIndex; version: number } | undefined> {
    const embedder = options.embedder!;
    try {
      const snapshot = await readSnapshot(options.dataDir, VECTOR_SNAPSHOT);
      if (!snapshot) return undefined;
      const { contentVersion } = snapshot.meta as { contentVersion?: number };
      if (typeof contentVersion !== 'number') return undefined;
      return { index: vectorIndexFromSnapshot(snapshot, embedder), version: contentVersion };
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
}

function buildFromDatabase(options: KnowledgeIndexOptions): Promise<Indexes> {
  return buildIndexes(options, options.chunks.allChunks(2000));
}

/** Why the log cannot bring version `from` up to date, or undefined when it can. */
function unusable(from: number, changes: readonly ChunkChange[]): string | undefined {
  if (changes.length === 0) return `no logged changes after version ${from}`;
  for (const [i, change] of changes.entries()) {
    if (change.version !== from + i + 1) return `change log has no version ${from + i + 1}`;
  }
  return undefined;
}
