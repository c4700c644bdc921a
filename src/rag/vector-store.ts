import { normalizeL2 } from './embedder.js';
import { selectTop } from './top-k.js';

/**
 * A flat float32 copy of an index's vectors by slot (normalised for cosine), for exact scans: when a
 * filter lets only a few thousand vectors through, scanning them is faster and exact where the graph
 * walk would visit most of the graph to find them.
 */
export class VectorStore {
  private data = new Float32Array(0);

  constructor(
    readonly dimension: number,
    private readonly normalize: boolean,
  ) {}

  grow(capacity: number): void {
    const data = new Float32Array(capacity * this.dimension);
    data.set(this.data.subarray(0, Math.min(this.data.length, data.length)));
    this.data = data;
  }

  /** Stores a vector (normalised when the space is cosine) and returns the stored copy. */
  set(slot: number, vector: ArrayLike<number>): Float32Array {
    const stored = this.data.subarray(slot * this.dimension, (slot + 1) * this.dimension);
    stored.set(vector);
    if (this.normalize) normalizeL2(stored);
    return stored;
  }

  /** Copies little-endian float32 bytes (from an hnswlib file) into a slot. */
  setBytes(slot: number, bytes: Uint8Array): void {
    new Uint8Array(this.data.buffer).set(bytes, slot * this.dimension * 4);
  }

  /** The `k` best slots among `slots` slots passing `accept`, by inner product with `query`. */
  scan(query: ArrayLike<number>, slots: number, accept: (slot: number) => boolean, k: number) {
    const q = Float32Array.from(query);
    if (this.normalize) normalizeL2(q);
    const { dimension: dim, data } = this;
    const scores = new Float32Array(slots);
    const candidates: number[] = [];
    for (let slot = 0; slot < slots; slot++) {
      if (!accept(slot)) continue;
      let a = 0;
      let b = 0;
      const base = slot * dim;
      let i = 0;
      for (; i + 1 < dim; i += 2) {
        a += q[i]! * data[base + i]!;
        b += q[i + 1]! * data[base + i + 1]!;
      }
      if (i < dim) a += q[i]! * data[base + i]!;
      scores[slot] = a + b;
      candidates.push(slot);
    }
    return selectTop(candidates, scores, k, undefined).map((slot) => ({ slot, score: scores[slot]! }));
  }
}
