import { IndexCorruptError } from '../core/errors.js';

/**
 * Reader for hnswlib's own index file (`HierarchicalNSW::saveIndex`, unchanged since hnswlib 0.6):
 * a 96-byte header, then every element's level-0 block (links, vector, label). Reading the vectors
 * from it spares the snapshot a second copy of them and the load a slow `getPoint` per element.
 */
export interface HnswFileHeader {
  readonly maxElements: number;
  readonly count: number;
  readonly m: number;
  readonly efConstruction: number;
}

const HEADER_BYTES = 96;
const DELETE_MARK = 0x01;

export function readHnswHeader(bytes: Uint8Array): HnswFileHeader & { readonly layout: Layout } {
  if (bytes.length < HEADER_BYTES) throw new IndexCorruptError('HNSW data is shorter than its header');
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const u64 = (at: number) => Number(view.getBigUint64(at, true));
  const layout: Layout = {
    linksOffset: u64(0),
    elementBytes: u64(24),
    labelOffset: u64(32),
    dataOffset: u64(40),
  };
  const header = { maxElements: u64(8), count: u64(16), m: u64(72), efConstruction: u64(88), layout };
  if (HEADER_BYTES + header.count * layout.elementBytes > bytes.length || header.count > header.maxElements) {
    throw new IndexCorruptError('HNSW data is truncated or its header is inconsistent');
  }
  return header;
}

interface Layout {
  readonly linksOffset: number;
  readonly elementBytes: number;
  readonly labelOffset: number;
  readonly dataOffset: number;
}

/**
 * Calls `visit(label, vectorBytes, deleted)` for every stored element; `vectorBytes` is a view of
 * `dimension` little-endian float32 values inside `bytes`.
 */
export function forEachHnswElement(
  bytes: Uint8Array,
  dimension: number,
  visit: (label: number, vectorBytes: Uint8Array, deleted: boolean) => void,
): HnswFileHeader {
  const header = readHnswHeader(bytes);
  const { layout } = header;
  if (layout.dataOffset + dimension * 4 > layout.elementBytes) {
    throw new IndexCorruptError(`HNSW elements are too small for ${dimension}-dimensional vectors`);
  }
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  for (let i = 0; i < header.count; i++) {
    const base = HEADER_BYTES + i * layout.elementBytes;
    const label = Number(view.getBigUint64(base + layout.labelOffset, true));
    const deleted = (bytes[base + layout.linksOffset + 2]! & DELETE_MARK) !== 0;
    const start = base + layout.dataOffset;
    visit(label, bytes.subarray(start, start + dimension * 4), deleted);
  }
  return header;
}
