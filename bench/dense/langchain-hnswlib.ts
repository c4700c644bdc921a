/**
 * What `@langchain/community`'s `HNSWLib` vector store does with hnswlib-node (v1.1, vectorstores/hnswlib.ts),
 * reproduced call for call because the package cannot be installed here: it declares peers
 * (`@browserbasehq/stagehand` → `openai@^4`, `@huggingface/transformers@^3.8`) that conflict with this
 * project's `openai@6`, and `--legacy-peer-deps` is not an acceptable install. Used only as a
 * benchmark baseline; PolyDesk's own code reaches hnswlib-node only through src/rag/vector-index.ts.
 *
 * LangChain: `new HierarchicalNSW('cosine', dim)`, `initIndex(vectors.length)` (M 16, efConstruction
 * 200, hnswlib's default ef 10 at search), labels = insertion order, documents in an in-memory docstore
 * keyed by `String(label)`, `resizeIndex(needed)` on growth, filters as a searchKnn callback that looks
 * the document up in the docstore.
 */
import hnswlib from 'hnswlib-node';

interface Doc {
  readonly pageContent: string;
  readonly metadata: Record<string, unknown>;
}

interface NativeHnsw {
  initIndex(maxElements: number): void;
  addPoint(point: number[], label: number): void;
  resizeIndex(n: number): void;
  getMaxElements(): number;
  getCurrentCount(): number;
  searchKnn(
    q: number[],
    k: number,
    filter?: (label: number) => boolean,
  ): { distances: number[]; neighbors: number[] };
}
const { HierarchicalNSW } = hnswlib as unknown as {
  HierarchicalNSW: new (space: string, dim: number) => NativeHnsw;
};

export class LangchainStyleHnswStore {
  private index: NativeHnsw | undefined;
  private readonly docstore = new Map<string, Doc>();

  constructor(private readonly dim: number) {}

  /** `HNSWLib.addVectors(vectors, documents)`. */
  addVectors(vectors: number[][], documents: Doc[]): void {
    if (vectors.length === 0) return;
    if (!this.index) {
      this.index = new HierarchicalNSW('cosine', this.dim);
      this.index.initIndex(vectors.length);
    }
    const needed = this.index.getCurrentCount() + vectors.length;
    if (needed > this.index.getMaxElements()) this.index.resizeIndex(needed);
    const base = this.index.getCurrentCount();
    for (let i = 0; i < vectors.length; i++) {
      this.index.addPoint(vectors[i]!, base + i);
      this.docstore.set(String(base + i), documents[i]!);
    }
  }

  /** `HNSWLib.similaritySearchVectorWithScore(query, k, filter)`: [document, cosine distance] pairs. */
  similaritySearchVectorWithScore(
    query: number[],
    k: number,
    filter?: (doc: Doc) => boolean,
  ): [Doc, number][] {
    const index = this.index!;
    const total = index.getCurrentCount();
    const wanted = Math.min(k, total);
    const filterFunction = (label: number) => {
      const doc = this.docstore.get(String(label));
      return doc ? filter!(doc) : false;
    };
    const result = index.searchKnn(query, wanted, filter ? filterFunction : undefined);
    return result.neighbors.map((label, i) => [this.docstore.get(String(label))!, result.distances[i]!]);
  }
}
