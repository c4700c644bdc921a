/** Synthetic embedding-like data for the dense benchmark: clustered unit vectors and exact answers. */

export interface VectorSet {
  readonly n: number;
  readonly dim: number;
  /** n × dim, row-major, every row L2-normalised. */
  readonly data: Float32Array;
  row(i: number): Float32Array;
}

/** Cluster centres: standard normal coordinates. */
export interface Clusters {
  readonly dim: number;
  readonly count: number;
  readonly centres: Float32Array;
}

export function makeClusters(dim: number, count: number, seed: number): Clusters {
  const random = gaussian(seed);
  const centres = new Float32Array(count * dim);
  for (let i = 0; i < centres.length; i++) centres[i] = random();
  return { dim, count, centres };
}

/**
 * Points around the centres with noise as large as the centres' spread, normalised: neighbours are
 * close but not trivially separable, like sentence embeddings of one topic.
 */
export function samplePoints(clusters: Clusters, n: number, seed: number): VectorSet {
  const { dim, centres } = clusters;
  const random = gaussian(seed);
  const pick = uniform(seed + 1);
  const data = new Float32Array(n * dim);
  for (let r = 0; r < n; r++) {
    const c = Math.floor(pick() * clusters.count) * dim;
    let norm = 0;
    for (let i = 0; i < dim; i++) {
      const v = centres[c + i]! + random();
      data[r * dim + i] = v;
      norm += v * v;
    }
    const inv = 1 / Math.sqrt(norm);
    for (let i = 0; i < dim; i++) data[r * dim + i]! *= inv;
  }
  return { n, dim, data, row: (i) => data.subarray(i * dim, (i + 1) * dim) };
}

/** Exact top-k by cosine (rows are unit vectors, so by dot product), over the rows passing `keep`. */
export function exactTopK(
  set: VectorSet,
  query: Float32Array,
  k: number,
  keep?: (row: number) => boolean,
): number[] {
  const { data, dim, n } = set;
  const best: { row: number; score: number }[] = [];
  let floor = -Infinity;
  for (let r = 0; r < n; r++) {
    if (keep && !keep(r)) continue;
    let s = 0;
    const base = r * dim;
    for (let i = 0; i < dim; i++) s += query[i]! * data[base + i]!;
    if (best.length < k || s > floor) {
      best.push({ row: r, score: s });
      best.sort((a, b) => b.score - a.score);
      if (best.length > k) best.pop();
      floor = best[best.length - 1]!.score;
    }
  }
  return best.map((b) => b.row);
}

export function recallAt(found: readonly number[], truth: readonly number[]): number {
  if (truth.length === 0) return 1;
  const set = new Set(truth);
  return found.filter((r) => set.has(r)).length / truth.length;
}

/** Deterministic uniform [0, 1). */
export function uniform(seed: number): () => number {
  let s = seed >>> 0 || 1;
  return () => {
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    return (s >>> 0) / 4294967296;
  };
}

function gaussian(seed: number): () => number {
  const u = uniform(seed);
  return () => Math.sqrt(-2 * Math.log(u() || 1e-12)) * Math.cos(2 * Math.PI * u());
}
