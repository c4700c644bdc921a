/**
 * Approximate nearest-neighbour index over chunk embeddings: hnswlib-node's HNSW graph (the only module
 * importing it) plus what PolyDesk needs around it: string ids, deletions whose slots are reused,
 * growth, access-aware search, and snapshots that record which model made the vectors.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import hnswlib from 'hnswlib-node';
import { IndexCorruptError, InputError } from '../core/errors.js';
import { AccessTags, type AccessTagsJson } from './access-tags.js';
import type { AccessInfo, Readers } from '../core/access.js';
import { forEachHnswElement, readHnswHeader } from './hnsw-file.js';
import { VectorStore } from './vector-store.js';

/** The part of hnswlib-node's `HierarchicalNSW` used here. */
interface NativeHnsw {
  initIndex(maxElements: number, m: number, efConstruction: number, randomSeed: number): void;
  readIndexSync(file: string): void;
  writeIndexSync(file: string): void;
  resizeIndex(maxElements: number): void;
  addPoint(point: number[], label: number): void;
  markDelete(label: number): void;
  searchKnn(
    query: number[],
    k: number,
    filter?: (label: number) => boolean,
  ): { distances: number[]; neighbors: number[] };
  setEf(ef: number): void;
}
const { HierarchicalNSW } = hnswlib as unknown as {
  HierarchicalNSW: new (space: string, dim: number) => NativeHnsw;
};

export type VectorSpace = 'cosine' | 'ip';

export interface VectorIndexOptions {
  /** The `Embedder.modelId` whose vectors this index holds. */
  readonly modelId: string;
  readonly dimension: number;
  /** `cosine` (default; vectors normalised on insert) or `ip` (inner product of vectors as given). */
  readonly space?: VectorSpace;
  /** Graph degree; default 16. */
  readonly m?: number;
  /** Build-time beam width; default 100 (measured in bench/sections/dense.ts, see docs/models.md). */
  readonly efConstruction?: number;
  /** Search beam width; default by size: 64 up to 250,000 vectors, 256 above (recall@10 ≥ 0.99 measured). */
  readonly ef?: number;
  /** Filtered searches letting at most this many vectors through scan them exactly; default 16,384 at 384-d. */
  readonly exactLimit?: number;
  /** Room to reserve up front (it grows by doubling anyway). */
  readonly capacity?: number;
}

export interface VectorEntry {
  readonly id: string;
  readonly vector: ArrayLike<number>;
  /** Who may read the chunk, so searches for given readers skip what they may not see. */
  readonly access?: AccessInfo | undefined;
}

export interface VectorHit {
  readonly id: string;
  /** Cosine similarity (or inner product); higher is better. */
  readonly score: number;
}

/**
 * Restricts a search: a predicate over ids, or the readers of the answer, matched against the access
 * info given with each vector (vectors without access info pass only for the unrestricted view;
 * callers re-check every hit).
 */
export type VectorFilter = ((id: string) => boolean) | { readonly readers: Readers };

/** Per-search tuning, for benchmarks and operators; the defaults are the measured choice. */
export interface SearchOptions {
  /** Beam width of this search; default the index's `ef` (widened for filtered searches). */
  readonly ef?: number | undefined;
  /**
   * `exact` scans every passing vector; `graph` walks HNSW skipping the others; `overfetch` walks HNSW
   * unfiltered for more candidates and filters them; `auto` (default) picks by how many pass.
   */
  readonly strategy?: 'auto' | 'graph' | 'exact' | 'overfetch' | undefined;
}

const DEFAULTS = { space: 'cosine', m: 16, efConstruction: 100, exactLimit: 16_384 } as const;
/** ef 64 gave recall@10 1.000 at 100,000 vectors but 0.916 at 1,000,000, where ef 256 gave 0.996. */
const EF_BY_SIZE = { small: 64, large: 256, threshold: 250_000 } as const;
/** Filtered searches letting at least this share through over-fetch `factor / selectivity` × k candidates. */
const OVERFETCH = { minSelectivity: 0.1, factor: 5 } as const;
const MIN_CAPACITY = 1024;

export class VectorIndex {
  readonly modelId: string;
  readonly dimension: number;
  readonly space: VectorSpace;
  readonly m: number;
  readonly efConstruction: number;
  /** Search beam width (recall vs latency); undefined = by size (see {@link VectorIndexOptions.ef}). */
  ef: number | undefined;
  private readonly exactLimit: number;
  private readonly native: NativeHnsw;
  private readonly store: VectorStore;
  private readonly access = new AccessTags();
  private capacity = 0;
  /** Slot = hnswlib label. `undefined` marks a deleted slot, free for reuse. */
  private readonly slots: (string | undefined)[] = [];
  private readonly slotOf = new Map<string, number>();
  private readonly free: number[] = [];

  private constructor(options: VectorIndexOptions, restoring = false) {
    if (!Number.isInteger(options.dimension) || options.dimension <= 0) {
      throw new InputError(`vector dimension must be a positive integer, got ${options.dimension}`);
    }
    this.modelId = options.modelId;
    this.dimension = options.dimension;
    this.space = options.space ?? DEFAULTS.space;
    this.m = options.m ?? DEFAULTS.m;
    this.efConstruction = options.efConstruction ?? DEFAULTS.efConstruction;
    this.ef = options.ef;
    this.exactLimit = options.exactLimit ?? Math.round((DEFAULTS.exactLimit * 384) / this.dimension);
    this.native = new HierarchicalNSW(this.space, this.dimension);
    this.store = new VectorStore(this.dimension, this.space === 'cosine');
    if (restoring) return;
    const capacity = Math.max(MIN_CAPACITY, options.capacity ?? 0);
    this.native.initIndex(capacity, this.m, this.efConstruction, 100);
    this.allocate(capacity);
  }

  static create(options: VectorIndexOptions): VectorIndex {
    return new VectorIndex(options);
  }

  /** Builds an index from stored embeddings, e.g. every chunk's BLOB in the database after a missing snapshot. */
  static build(entries: Iterable<VectorEntry>, options: VectorIndexOptions): VectorIndex {
    const index = new VectorIndex(options);
    if (Array.isArray(entries)) index.reserve(entries.length);
    for (const entry of entries) index.addOne(entry);
    return index;
  }

  /** The beam width searches use now. */
  get searchEf(): number {
    return this.ef ?? (this.size > EF_BY_SIZE.threshold ? EF_BY_SIZE.large : EF_BY_SIZE.small);
  }

  /** Number of live (not deleted) vectors. */
  get size(): number {
    return this.slotOf.size;
  }

  has(id: string): boolean {
    return this.slotOf.has(id);
  }

  ids(): IterableIterator<string> {
    return this.slotOf.keys();
  }

  /** Adds vectors, or replaces the vector (and access) of an id already present. */
  add(
    ids: readonly string[],
    vectors: readonly ArrayLike<number>[],
    access?: readonly (AccessInfo | undefined)[],
  ): void {
    if (ids.length !== vectors.length)
      throw new InputError(`${ids.length} ids but ${vectors.length} vectors`);
    this.reserve(ids.length);
    ids.forEach((id, i) => {
      this.addOne({ id, vector: vectors[i]!, access: access?.[i] });
    });
  }

  /** Marks ids deleted: they are never returned again and their slots are reused by later additions. */
  remove(ids: Iterable<string>): void {
    for (const id of ids) {
      const slot = this.slotOf.get(id);
      if (slot === undefined) continue;
      this.native.markDelete(slot);
      this.slotOf.delete(id);
      this.slots[slot] = undefined;
      this.access.release(slot);
      this.free.push(slot);
    }
  }

  /** Updates who may read the given chunks (a document's audience changed without new text). */
  setAccess(ids: readonly string[], access: AccessInfo): void {
    for (const id of ids) {
      const slot = this.slotOf.get(id);
      if (slot !== undefined) this.access.assign(slot, access, true);
    }
  }

  /**
   * The `k` nearest vectors, best first. With a filter, only vectors passing it, by the cheapest of
   * three ways measured in bench/sections/dense.ts: at most `exactLimit` passing → an exact scan of
   * them; at least 10% passing → an unfiltered graph search for 5 / selectivity × k candidates, then
   * filtering; otherwise (or when too few candidates passed) a graph search that skips the others
   * (hnswlib's filter callback) with a beam widened by 1/√selectivity (at most 4×).
   */
  search(
    query: ArrayLike<number>,
    k: number,
    filter?: VectorFilter,
    options: SearchOptions = {},
  ): VectorHit[] {
    this.checkDimension(query);
    if (k <= 0 || this.size === 0) return [];
    const strategy = options.strategy ?? 'auto';
    const accept = filter
      ? this.compileFilter(filter)
      : { test: () => true, allowed: this.size, counted: true };
    if (accept.allowed === 0) return [];
    const live = (slot: number) => this.slots[slot] !== undefined && accept.test(slot);
    if (strategy === 'exact') return this.exactSearch(query, k, live);
    if (accept.counted && accept.allowed >= this.size) return this.graphSearch(query, k, options.ef);
    const selectivity = accept.allowed / this.size;
    if (strategy === 'auto' && accept.counted && accept.allowed <= this.exactLimit) {
      return this.exactSearch(query, k, live);
    }
    if (strategy === 'overfetch' || (strategy === 'auto' && selectivity >= OVERFETCH.minSelectivity)) {
      const hits = this.overFetch(query, k, selectivity, live, options.ef);
      if (hits) return hits;
    }
    const widen = Math.min(4, 1 / Math.sqrt(Math.max(selectivity, 0.01)));
    return this.graphSearch(query, k, options.ef ?? Math.ceil(this.searchEf * widen), live);
  }

  /** Everything needed to recreate the index (hnswlib's own file format for the graph); see vector-snapshot.ts. */
  exportState(): VectorIndexState {
    const graph = withTempFile((file) => {
      this.native.writeIndexSync(file);
      return readFileSync(file);
    });
    const { modelId, dimension, space, m, efConstruction, ef } = this;
    return {
      options: { modelId, dimension, space, m, efConstruction, ef },
      graph,
      table: { slots: this.slots.map((id) => id ?? null), ...this.access.toJson(this.slots.length) },
    };
  }

  /** Recreates an exported index; throws `IndexCorruptError` when the graph and the table disagree. */
  static importState(state: VectorIndexState, options: Partial<VectorIndexOptions> = {}): VectorIndex {
    const index = new VectorIndex({ ...state.options, ...options }, true);
    const { graph, table } = state;
    const header = readHnswHeader(graph);
    if (header.count !== table.slots.length) throw new IndexCorruptError('HNSW graph and id table disagree');
    withTempFile((file) => {
      writeFileSync(file, graph);
      index.native.readIndexSync(file);
    });
    index.allocate(header.maxElements);
    forEachHnswElement(graph, index.dimension, (label, vector, deleted) => {
      if (label >= table.slots.length || deleted !== (table.slots[label] === null)) {
        throw new IndexCorruptError('HNSW graph and id table disagree');
      }
      index.store.setBytes(label, vector);
    });
    table.slots.forEach((id, slot) => {
      index.slots.push(id ?? undefined);
      if (id === null) index.free.push(slot);
      else index.slotOf.set(id, slot);
    });
    index.access.restore(table, (slot) => table.slots[slot] !== null);
    return index;
  }

  private addOne(entry: VectorEntry): void {
    this.checkDimension(entry.vector);
    let slot = this.slotOf.get(entry.id);
    const replacing = slot !== undefined;
    if (slot === undefined) {
      slot = this.free.pop() ?? this.slots.length;
      this.slots[slot] = entry.id;
      this.slotOf.set(entry.id, slot);
    }
    if (slot >= this.capacity) this.grow(Math.max(MIN_CAPACITY, this.capacity * 2));
    this.native.addPoint(Array.from(this.store.set(slot, entry.vector)), slot);
    this.access.assign(slot, entry.access, replacing);
  }

  /** Makes room for `n` more vectors at once (one resize instead of several). */
  private reserve(n: number): void {
    const needed = this.slots.length + Math.max(0, n - this.free.length);
    if (needed > this.capacity) this.grow(Math.max(needed, this.capacity * 2));
  }

  private grow(capacity: number): void {
    this.native.resizeIndex(capacity);
    this.allocate(capacity);
  }

  private allocate(capacity: number): void {
    this.store.grow(capacity);
    this.access.grow(capacity);
    this.capacity = capacity;
  }

  private graphSearch(
    query: ArrayLike<number>,
    k: number,
    ef = this.searchEf,
    accept?: (slot: number) => boolean,
  ) {
    const { slots, distances } = this.nearestSlots(query, k, ef, accept);
    return slots.map((slot, i) => ({ id: this.slots[slot]!, score: 1 - distances[i]! }));
  }

  private nearestSlots(query: ArrayLike<number>, k: number, ef: number, accept?: (slot: number) => boolean) {
    this.native.setEf(Math.max(ef, k));
    const result = this.native.searchKnn(Array.from(query), Math.min(k, this.size), accept);
    return { slots: result.neighbors, distances: result.distances };
  }

  /**
   * Unfiltered search for enough candidates that `k` of them likely pass, then filtering; undefined
   * when fewer than `k` passed although more exist (the caller falls back to a filtered search).
   */
  private overFetch(
    query: ArrayLike<number>,
    k: number,
    selectivity: number,
    accept: (slot: number) => boolean,
    ef = this.searchEf,
  ): VectorHit[] | undefined {
    const wanted = Math.min(this.size, Math.ceil((k * OVERFETCH.factor) / Math.max(selectivity, 1e-6)));
    const { slots, distances } = this.nearestSlots(query, wanted, Math.max(ef, wanted));
    const hits: VectorHit[] = [];
    for (let i = 0; i < slots.length && hits.length < k; i++) {
      if (accept(slots[i]!)) hits.push({ id: this.slots[slots[i]!]!, score: 1 - distances[i]! });
    }
    return hits.length === k || wanted >= this.size ? hits : undefined;
  }

  private exactSearch(query: ArrayLike<number>, k: number, accept: (slot: number) => boolean): VectorHit[] {
    return this.store
      .scan(query, this.slots.length, accept, k)
      .map((h) => ({ id: this.slots[h.slot]!, score: h.score }));
  }

  /** A slot test, how many live vectors pass it, and whether that number is counted or estimated. */
  private compileFilter(filter: VectorFilter): {
    test: (slot: number) => boolean;
    allowed: number;
    counted: boolean;
  } {
    if (typeof filter !== 'function') {
      const { test, count } = this.access.allowedFor(filter.readers);
      return { test, allowed: count, counted: true };
    }
    const test = (slot: number) => filter(this.slots[slot]!);
    // A small index is counted exactly; a large one estimated from about 512 slots.
    const counted = this.size <= this.exactLimit;
    const step = counted ? 1 : Math.max(1, Math.floor(this.slots.length / 512));
    let seen = 0;
    let passed = 0;
    for (let slot = 0; slot < this.slots.length; slot += step) {
      if (this.slots[slot] === undefined) continue;
      seen++;
      if (test(slot)) passed++;
    }
    const allowed = counted ? passed : Math.max(1, Math.round((passed / Math.max(seen, 1)) * this.size));
    return { test, allowed, counted };
  }

  private checkDimension(vector: ArrayLike<number>): void {
    if (vector.length !== this.dimension) {
      throw new InputError(
        `vector has ${vector.length} dimensions; this index (${this.modelId}) holds ${this.dimension}`,
      );
    }
  }
}

/** An index as plain data: its settings, hnswlib's file bytes, and the slot → id and access table. */
export interface VectorIndexState {
  readonly options: Required<
    Pick<VectorIndexOptions, 'modelId' | 'dimension' | 'space' | 'm' | 'efConstruction'>
  > & {
    /** Absent: chosen by size. */
    readonly ef?: number | undefined;
  };
  readonly graph: Uint8Array;
  readonly table: AccessTagsJson & { readonly slots: (string | null)[] };
}

/** hnswlib-node reads and writes files only; snapshots go through a private temp file. */
function withTempFile<T>(use: (file: string) => T): T {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'polydesk-hnsw-'));
  try {
    return use(path.join(dir, 'index.bin'));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
