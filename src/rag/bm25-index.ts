import { IndexCorruptError } from '../core/errors.js';
import { decodePostings, encodePostings } from './postings-codec.js';
import { type Analyzer, analyze as defaultAnalyze } from './text-analyzer.js';
import { selectTop } from './top-k.js';

/** One search result: the id given to {@link Bm25Index.add} and its BM25 score (higher is better). */
export interface ScoredId {
  readonly id: string;
  readonly score: number;
}

/** Okapi BM25 parameters. */
export interface Bm25Options {
  /** Term-frequency saturation; default 1.2. */
  readonly k1?: number;
  /** Length normalisation, 0 (none) to 1 (full); default 0.75. */
  readonly b?: number;
  /** Turns text into terms for {@link Bm25Index.addText} and {@link Bm25Index.searchText}. */
  readonly analyzer?: Analyzer;
}

const FORMAT = 0x42_4d_32_35; // 'BM25'
const FORMAT_VERSION = 1;
const MAX_TF = 0xffff;
const MIN_PENDING_BEFORE_MERGE = 1 << 18;

/**
 * An in-memory Okapi BM25 index over string ids, built for 100,000+ chunks: integer term and
 * document numbers, postings in typed arrays (one compressed-row block plus a small pending block
 * for recent additions), tombstones for removals. Document frequencies and lengths always reflect
 * the live documents only. Not thread-safe; searches are synchronous.
 */
export class Bm25Index {
  readonly k1: number;
  readonly b: number;
  private readonly analyzer: Analyzer;

  /**
   * Term → term number. A null-prototype object, not a Map: property lookups internalise the key
   * string, which makes repeated lookups of the segmenter's sliced strings several times faster.
   */
  private termIds: Record<string, number> = Object.create(null);
  private terms: string[] = [];
  private docIds: (string | undefined)[] = [];
  private docNumbers = new Map<string, number>();
  private docLengths = new Uint32Array(1024);
  private alive = new Uint8Array(1024);
  private liveCount = 0;
  private deadCount = 0;
  private totalLength = 0;

  /** Compressed rows: postings of term t are [offsets[t], offsets[t+1]) in docs/tfs. */
  private offsets: Uint32Array = new Uint32Array(1);
  private postDocs: Uint32Array = new Uint32Array(0);
  private postTfs: Uint16Array = new Uint16Array(0);
  /** Postings added since the last merge: term → [doc, tf, doc, tf, ...]. */
  private pending: (number[] | undefined)[] = [];
  private pendingCount = 0;

  private scores = new Float32Array(1024);
  private norms = new Float32Array(0);
  private normsStale = true;

  constructor(options: Bm25Options = {}) {
    this.k1 = options.k1 ?? 1.2;
    this.b = options.b ?? 0.75;
    this.analyzer = options.analyzer ?? defaultAnalyze;
  }

  /** Number of searchable documents. */
  get size(): number {
    return this.liveCount;
  }

  has(id: string): boolean {
    return this.docNumbers.has(id);
  }

  /** Ids of all searchable documents, in insertion order. */
  *ids(): IterableIterator<string> {
    for (const id of this.docIds) if (id !== undefined) yield id;
  }

  /** Number of searchable documents holding `term` (an analyzer term); 0 for a term never indexed. */
  documentFrequencyOf(term: string): number {
    const termId = this.termIds[term];
    if (termId === undefined) return 0;
    const { offsets } = this;
    const start = termId + 1 < offsets.length ? offsets[termId]! : 0;
    const end = termId + 1 < offsets.length ? offsets[termId + 1]! : 0;
    return this.documentFrequency(start, end, this.pending[termId]);
  }

  /** Indexes a document's terms under `id`, replacing any document with the same id. */
  add(id: string, terms: readonly string[]): void {
    if (this.docNumbers.has(id)) this.remove(id);
    const doc = this.docIds.length;
    this.ensureDocCapacity(doc + 1);
    this.docIds.push(id);
    this.docNumbers.set(id, doc);
    this.docLengths[doc] = terms.length;
    this.alive[doc] = 1;
    this.liveCount++;
    this.totalLength += terms.length;
    this.normsStale = true;

    // The last posting of a pending list tells whether this document already has the term.
    for (const term of terms) {
      let termId = this.termIds[term];
      if (termId === undefined) {
        termId = this.terms.length;
        this.terms.push(term);
        this.termIds[term] = termId;
      }
      let list = this.pending[termId];
      if (!list) {
        list = [];
        this.pending[termId] = list;
      }
      const last = list.length - 2;
      if (last >= 0 && list[last] === doc) {
        if (list[last + 1]! < MAX_TF) list[last + 1]!++;
      } else {
        list.push(doc, 1);
        this.pendingCount++;
      }
    }
    if (this.pendingCount > Math.max(MIN_PENDING_BEFORE_MERGE, this.postDocs.length / 4)) this.merge();
  }

  /** Analyses `text` with the index's analyzer and indexes it under `id`. */
  addText(id: string, text: string, language?: string): void {
    this.add(id, this.analyzer(text, language));
  }

  /** Removes a document; returns false when the id was not indexed. */
  remove(id: string): boolean {
    const doc = this.docNumbers.get(id);
    if (doc === undefined) return false;
    this.docNumbers.delete(id);
    this.docIds[doc] = undefined;
    this.alive[doc] = 0;
    this.liveCount--;
    this.deadCount++;
    this.totalLength -= this.docLengths[doc]!;
    this.normsStale = true;
    return true;
  }

  /**
   * The `k` best documents for the query terms, best first (ties: earlier added first). `filter`
   * is asked only about documents that would otherwise enter the top `k`.
   */
  search(terms: readonly string[], k: number, filter?: (id: string) => boolean): ScoredId[] {
    const weighted = new Map<string, number>();
    for (const term of terms) weighted.set(term, (weighted.get(term) ?? 0) + 1);
    return this.searchWeighted(weighted, k, filter);
  }

  /**
   * {@link search} with a weight per term (a repeated query term weighs its count; a term standing in
   * for a query word, e.g. another word for the same concept, less than 1).
   */
  searchWeighted(
    terms: ReadonlyMap<string, number>,
    k: number,
    filter?: (id: string) => boolean,
  ): ScoredId[] {
    if (k <= 0 || this.liveCount === 0) return [];
    if (this.deadCount > Math.max(1024, this.liveCount / 4)) this.compact();
    const weights = new Map<number, number>();
    for (const [term, weight] of terms) {
      const termId = this.termIds[term];
      if (termId !== undefined && weight > 0) weights.set(termId, (weights.get(termId) ?? 0) + weight);
    }
    if (weights.size === 0) return [];
    if (this.normsStale) this.updateNorms();

    const { scores, norms, alive, postDocs, postTfs, offsets } = this;
    const k1 = this.k1;
    const touched: number[] = [];
    const n = this.liveCount;
    for (const [termId, weight] of weights) {
      const start = termId + 1 < offsets.length ? offsets[termId]! : 0;
      const end = termId + 1 < offsets.length ? offsets[termId + 1]! : 0;
      const extra = this.pending[termId];
      const df = this.documentFrequency(start, end, extra);
      if (df === 0) continue;
      const idf = weight * Math.log(1 + (n - df + 0.5) / (df + 0.5));
      const scale = idf * (k1 + 1);
      for (let i = start; i < end; i++) {
        const doc = postDocs[i]!;
        if (alive[doc] === 0) continue;
        const tf = postTfs[i]!;
        if (scores[doc] === 0) touched.push(doc);
        scores[doc]! += (scale * tf) / (tf + norms[doc]!);
      }
      if (extra) {
        for (let i = 0; i < extra.length; i += 2) {
          const doc = extra[i]!;
          if (alive[doc] === 0) continue;
          const tf = extra[i + 1]!;
          if (scores[doc] === 0) touched.push(doc);
          scores[doc]! += (scale * tf) / (tf + norms[doc]!);
        }
      }
    }
    const best = selectTop(touched, scores, k, filter ? (doc) => filter(this.docIds[doc]!) : undefined);
    const hits = best.map((doc) => ({ id: this.docIds[doc]!, score: scores[doc]! }));
    for (const doc of touched) scores[doc] = 0;
    return hits;
  }

  /** Analyses `query` with the index's analyzer and searches it. */
  searchText(query: string, k: number, language?: string, filter?: (id: string) => boolean): ScoredId[] {
    return this.search(this.analyzer(query, language), k, filter);
  }

  /** Compact binary form; removed documents and unused terms are dropped. */
  toBuffer(): Buffer {
    this.compact();
    const ids = Buffer.from(JSON.stringify(this.docIds), 'utf8');
    const terms = Buffer.from(JSON.stringify(this.terms), 'utf8');
    const postings = encodePostings({ offsets: this.offsets, docs: this.postDocs, tfs: this.postTfs });
    const header = Buffer.alloc(40);
    header.writeUInt32LE(FORMAT, 0);
    header.writeUInt32LE(FORMAT_VERSION, 4);
    header.writeDoubleLE(this.k1, 8);
    header.writeDoubleLE(this.b, 16);
    header.writeUInt32LE(ids.length, 24);
    header.writeUInt32LE(terms.length, 28);
    header.writeUInt32LE(postings.length, 32);
    header.writeUInt32LE(this.postDocs.length, 36);
    const lengths = Buffer.from(this.docLengths.buffer, 0, this.docIds.length * 4);
    return Buffer.concat([header, ids, terms, lengths, postings]);
  }

  /** Reads what {@link toBuffer} wrote; throws {@link IndexCorruptError} when it is not such a buffer. */
  static fromBuffer(buf: Buffer, options: Pick<Bm25Options, 'analyzer'> = {}): Bm25Index {
    try {
      if (buf.length < 40 || buf.readUInt32LE(0) !== FORMAT) throw new Error('not a BM25 index');
      const version = buf.readUInt32LE(4);
      if (version !== FORMAT_VERSION)
        throw new Error(`format version ${version}, expected ${FORMAT_VERSION}`);
      const index = new Bm25Index({ k1: buf.readDoubleLE(8), b: buf.readDoubleLE(16), ...options });
      let at = 40;
      const take = (length: number) => {
        if (at + length > buf.length) throw new Error('truncated');
        const part = buf.subarray(at, at + length);
        at += length;
        return part;
      };
      const idsLength = buf.readUInt32LE(24);
      const termsLength = buf.readUInt32LE(28);
      const postingsLength = buf.readUInt32LE(32);
      const postingCount = buf.readUInt32LE(36);
      const docIds = JSON.parse(take(idsLength).toString('utf8')) as string[];
      const terms = JSON.parse(take(termsLength).toString('utf8')) as string[];
      const lengths = take(docIds.length * 4);
      index.restore(docIds, terms, lengths, take(postingsLength), postingCount);
      if (at !== buf.length) throw new Error('trailing bytes');
      return index;
    } catch (error) {
      if (error instanceof IndexCorruptError) throw error;
      throw new IndexCorruptError(`unreadable BM25 index: ${(error as Error).message}`, { cause: error });
    }
  }

  private restore(docIds: string[], terms: string[], lengths: Buffer, postings: Buffer, count: number): void {
    this.docIds = docIds;
    this.terms = terms;
    this.ensureDocCapacity(docIds.length);
    for (let doc = 0; doc < docIds.length; doc++) {
      const length = lengths.readUInt32LE(doc * 4);
      this.docNumbers.set(docIds[doc]!, doc);
      this.docLengths[doc] = length;
      this.alive[doc] = 1;
      this.totalLength += length;
    }
    this.liveCount = docIds.length;
    for (let t = 0; t < terms.length; t++) this.termIds[terms[t]!] = t;
    const decoded = decodePostings(postings, terms.length, count, docIds.length);
    this.offsets = decoded.offsets;
    this.postDocs = decoded.docs;
    this.postTfs = decoded.tfs;
  }

  private documentFrequency(start: number, end: number, extra: number[] | undefined): number {
    const listed = end - start + (extra ? extra.length / 2 : 0);
    if (this.deadCount === 0) return listed;
    let live = 0;
    for (let i = start; i < end; i++) live += this.alive[this.postDocs[i]!]!;
    if (extra) for (let i = 0; i < extra.length; i += 2) live += this.alive[extra[i]!]!;
    return live;
  }

  private updateNorms(): void {
    const count = this.docIds.length;
    if (this.norms.length < count) this.norms = new Float32Array(this.docLengths.length);
    const average = this.liveCount > 0 ? this.totalLength / this.liveCount : 1;
    const { k1, b } = this;
    for (let doc = 0; doc < count; doc++) {
      this.norms[doc] = k1 * (1 - b + (b * this.docLengths[doc]!) / (average || 1));
    }
    this.normsStale = false;
  }

  private ensureDocCapacity(count: number): void {
    if (count <= this.docLengths.length) return;
    let capacity = this.docLengths.length;
    while (capacity < count) capacity *= 2;
    this.docLengths = grow(this.docLengths, new Uint32Array(capacity));
    this.alive = grow(this.alive, new Uint8Array(capacity));
    this.scores = new Float32Array(capacity);
  }

  /** Folds the pending postings into the compressed rows. */
  private merge(): void {
    if (this.pendingCount === 0) return;
    this.rebuild((doc) => doc, this.terms.length, this.docIds.length);
  }

  /** Drops removed documents and terms no live document uses, renumbering both. */
  private compact(): void {
    if (this.deadCount === 0) {
      this.merge();
      return;
    }
    const docMap = new Int32Array(this.docIds.length).fill(-1);
    const ids: string[] = [];
    for (let doc = 0; doc < this.docIds.length; doc++) {
      const id = this.docIds[doc];
      if (id === undefined) continue;
      docMap[doc] = ids.length;
      this.docLengths[ids.length] = this.docLengths[doc]!;
      ids.push(id);
    }
    this.docIds = ids;
    this.docNumbers = new Map(ids.map((id, doc) => [id, doc]));
    this.alive.fill(0);
    this.alive.fill(1, 0, ids.length);
    this.deadCount = 0;
    this.normsStale = true;
    this.rebuild((doc) => docMap[doc]!, this.terms.length, ids.length);
    const used: string[] = [];
    const remap = new Uint32Array(this.terms.length);
    for (let t = 0; t < this.terms.length; t++) {
      if (this.offsets[t + 1]! > this.offsets[t]!) remap[used.length] = t;
      if (this.offsets[t + 1]! > this.offsets[t]!) used.push(this.terms[t]!);
    }
    if (used.length === this.terms.length) return;
    const offsets = new Uint32Array(used.length + 1);
    for (let u = 0; u < used.length; u++) offsets[u + 1] = this.offsets[remap[u]! + 1]!;
    this.offsets = offsets;
    this.terms = used;
    this.termIds = Object.create(null);
    for (let t = 0; t < used.length; t++) this.termIds[used[t]!] = t;
  }

  /** Rewrites the compressed rows from the current rows plus pending, mapping doc numbers (−1 drops). */
  private rebuild(mapDoc: (doc: number) => number, termCount: number, docCount: number): void {
    const oldOffsets = this.offsets;
    const oldTerms = oldOffsets.length - 1;
    const offsets = new Uint32Array(termCount + 1);
    const docs = new Uint32Array(this.postDocs.length + this.pendingCount);
    const tfs = new Uint16Array(docs.length);
    let at = 0;
    for (let t = 0; t < termCount; t++) {
      if (t < oldTerms) {
        for (let i = oldOffsets[t]!; i < oldOffsets[t + 1]!; i++) {
          const doc = mapDoc(this.postDocs[i]!);
          if (doc < 0) continue;
          docs[at] = doc;
          tfs[at++] = this.postTfs[i]!;
        }
      }
      const extra = this.pending[t];
      if (extra) {
        for (let i = 0; i < extra.length; i += 2) {
          const doc = mapDoc(extra[i]!);
          if (doc < 0) continue;
          docs[at] = doc;
          tfs[at++] = extra[i + 1]!;
        }
      }
      offsets[t + 1] = at;
    }
    this.offsets = offsets;
    this.postDocs = at === docs.length ? docs : docs.slice(0, at);
    this.postTfs = at === tfs.length ? tfs : tfs.slice(0, at);
    // Filled, not `new Array(n)`: V8 keeps a large preallocated array in slow dictionary mode.
    this.pending = Array.from({ length: termCount }, () => undefined);
    this.pendingCount = 0;
    if (docCount > this.scores.length) this.scores = new Float32Array(this.docLengths.length);
  }
}

function grow<T extends Uint32Array | Uint8Array>(from: T, to: T): T {
  to.set(from);
  return to;
}
