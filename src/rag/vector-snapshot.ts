import { IndexCorruptError, ModelLoadError } from '../core/errors.js';
import { type Snapshot, type SnapshotMeta, readSnapshot, writeSnapshot } from './snapshot.js';
import { VectorIndex, type VectorIndexOptions, type VectorIndexState } from './vector-index.js';

/** Name of the vector index snapshot under DATA_DIR, next to the lexical one. */
export const VECTOR_SNAPSHOT = 'dense';
const PAYLOAD_VERSION = 1;

/** Which embedding model an index must have been built by. */
export interface ModelIdentity {
  readonly modelId: string;
  readonly dimension: number;
}

/**
 * Meta and payload of the vector index snapshot, for `prepareSnapshot` (to commit it together with the
 * lexical one) or {@link saveVectorIndex}. Payload: u32 table length | table JSON | hnswlib index file.
 */
export function vectorSnapshotParts(
  index: VectorIndex,
  extraMeta: Readonly<Record<string, unknown>> = {},
): { meta: SnapshotMeta; payload: Uint8Array[] } {
  const state = index.exportState();
  const table = Buffer.from(JSON.stringify(state.table));
  const length = Buffer.alloc(4);
  length.writeUInt32LE(table.length);
  return {
    meta: { ...extraMeta, ...state.options, size: index.size, version: PAYLOAD_VERSION },
    payload: [length, table, state.graph],
  };
}

/** Writes the snapshot `dense` into `dir` atomically (temp file, fsync, rename) and returns its path. */
export async function saveVectorIndex(
  index: VectorIndex,
  dir: string,
  extraMeta: Readonly<Record<string, unknown>> = {},
): Promise<string> {
  const { meta, payload } = vectorSnapshotParts(index, extraMeta);
  return writeSnapshot(dir, VECTOR_SNAPSHOT, payload, meta);
}

/**
 * Loads the snapshot `dense` from `dir`; undefined when there is none. Throws `IndexCorruptError`
 * when it is damaged (rebuild from the stored embeddings) and `ModelLoadError` when another embedding
 * model built it (re-embed the knowledge base; docs/models.md).
 */
export async function loadVectorIndex(
  dir: string,
  expected: ModelIdentity,
  options: Partial<VectorIndexOptions> = {},
): Promise<VectorIndex | undefined> {
  const snapshot = await readSnapshot(dir, VECTOR_SNAPSHOT, { expectVersion: PAYLOAD_VERSION });
  return snapshot ? vectorIndexFromSnapshot(snapshot, expected, options) : undefined;
}

export function vectorIndexFromSnapshot(
  snapshot: Pick<Snapshot, 'meta' | 'payload'> & { readonly path?: string },
  expected: ModelIdentity,
  options: Partial<VectorIndexOptions> = {},
): VectorIndex {
  const meta = snapshot.meta as Partial<VectorIndexState['options']>;
  const where = snapshot.path ?? 'vector index snapshot';
  if (meta.modelId !== expected.modelId || meta.dimension !== expected.dimension) {
    throw new ModelLoadError(
      `${where} was built by embedding model ${meta.modelId} (${meta.dimension} dimensions) but the configured ` +
        `model is ${expected.modelId} (${expected.dimension} dimensions); re-embed the knowledge base ` +
        '(docs/models.md, "Switching models") or point EMBEDDING_MODEL_DIR back to the old model',
    );
  }
  try {
    const { payload } = snapshot;
    const tableLength = payload.readUInt32LE(0);
    const table = JSON.parse(
      payload.subarray(4, 4 + tableLength).toString('utf8'),
    ) as VectorIndexState['table'];
    const { space = 'cosine', m = 16, efConstruction = 100, ef } = meta;
    return VectorIndex.importState(
      {
        options: { ...expected, space, m, efConstruction, ef },
        graph: payload.subarray(4 + tableLength),
        table,
      },
      options,
    );
  } catch (error) {
    if (error instanceof IndexCorruptError) throw error;
    throw new IndexCorruptError(`${where} has an unreadable HNSW payload`, { cause: error });
  }
}
