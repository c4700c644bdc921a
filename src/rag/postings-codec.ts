/**
 * Compact byte form of compressed-row postings: per term its posting count, then for each posting
 * the gap to the previous document number and the term frequency, all as LEB128 varints.
 */
export interface Postings {
  /** Postings of term t are [offsets[t], offsets[t + 1]). */
  readonly offsets: Uint32Array;
  /** Document numbers, ascending within a term. */
  readonly docs: Uint32Array;
  readonly tfs: Uint16Array;
}

export function encodePostings({ offsets, docs, tfs }: Postings): Buffer {
  const out = Buffer.allocUnsafe(encodedSize(offsets, docs, tfs));
  let at = 0;
  const put = (value: number) => {
    while (value >= 0x80) {
      out[at++] = (value & 0x7f) | 0x80;
      value >>>= 7;
    }
    out[at++] = value;
  };
  for (let t = 0; t + 1 < offsets.length; t++) {
    put(offsets[t + 1]! - offsets[t]!);
    let previous = 0;
    for (let i = offsets[t]!; i < offsets[t + 1]!; i++) {
      put(docs[i]! - previous);
      put(tfs[i]!);
      previous = docs[i]!;
    }
  }
  return out;
}

function encodedSize(offsets: Uint32Array, docs: Uint32Array, tfs: Uint16Array): number {
  const size = (value: number) =>
    value < 0x80 ? 1 : value < 0x4000 ? 2 : value < 0x200000 ? 3 : value < 0x10000000 ? 4 : 5;
  let total = 0;
  for (let t = 0; t + 1 < offsets.length; t++) {
    total += size(offsets[t + 1]! - offsets[t]!);
    let previous = 0;
    for (let i = offsets[t]!; i < offsets[t + 1]!; i++) {
      total += size(docs[i]! - previous) + size(tfs[i]!);
      previous = docs[i]!;
    }
  }
  return total;
}

/** Inverse of {@link encodePostings}; throws a plain Error when the bytes do not describe such postings. */
export function decodePostings(
  bytes: Uint8Array,
  termCount: number,
  postingCount: number,
  docCount: number,
): Postings {
  const offsets = new Uint32Array(termCount + 1);
  const docs = new Uint32Array(postingCount);
  const tfs = new Uint16Array(postingCount);
  let at = 0;
  const get = (): number => {
    let value = 0;
    let shift = 0;
    for (;;) {
      if (at >= bytes.length || shift > 28) throw new Error('postings truncated');
      const byte = bytes[at++]!;
      value += (byte & 0x7f) * 2 ** shift;
      if (byte < 0x80) return value;
      shift += 7;
    }
  };
  let p = 0;
  for (let t = 0; t < termCount; t++) {
    const count = get();
    if (p + count > postingCount) throw new Error('postings overflow');
    let doc = 0;
    for (let i = 0; i < count; i++) {
      doc += get();
      const tf = get();
      if (doc >= docCount || tf === 0 || tf > 0xffff) throw new Error('posting out of range');
      docs[p] = doc;
      tfs[p++] = tf;
    }
    offsets[t + 1] = p;
  }
  if (p !== postingCount || at !== bytes.length) throw new Error('postings length mismatch');
  return { offsets, docs, tfs };
}
