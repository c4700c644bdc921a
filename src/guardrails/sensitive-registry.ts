import {
  MIN_PART_CHARS,
  WINDOW_CHARS,
  type FingerprintSeed,
  type ValueFingerprint,
  canonicalize,
  windowHashes,
} from './fingerprint.js';
import type { FindingType, RawFinding, Scanner } from './scanner.js';

/** A sensitive value found in a document at ingest, as the registry holds it (fingerprints only). */
export interface RegisteredValue {
  readonly docId: string;
  readonly type: FindingType;
  readonly fingerprint: ValueFingerprint;
}

/**
 * Open addressing over typed arrays: fingerprint → index of a registered value. The table of a
 * large registry is far bigger than the processor's caches, and an answer probes it at every
 * position, so a small bit filter (8 bits per entry, two bits in one 32-bit word per fingerprint)
 * answers most absent fingerprints without touching the table.
 */
class FingerprintTable {
  private readonly keys: Float64Array;
  private readonly values: Int32Array;
  private readonly mask: number;
  private readonly filter: Int32Array;
  private readonly filterShift: number;

  constructor(expected: number) {
    let capacity = 16;
    while (capacity < expected * 2) capacity *= 2;
    this.keys = new Float64Array(capacity);
    this.values = new Int32Array(capacity);
    this.mask = capacity - 1;
    let words = 1;
    while (words * 32 < expected * 8) words *= 2;
    this.filter = new Int32Array(words);
    this.filterShift = 32 - Math.log2(words);
  }

  /** Keeps the first value registered for a fingerprint (the same secret in two documents). */
  add(fingerprint: number, value: number): void {
    this.filter[this.filterWord(fingerprint)]! |= filterBits(fingerprint);
    const key = fingerprint + 1; // 0 marks an empty slot
    for (let slot = fingerprint & this.mask; ; slot = (slot + 1) & this.mask) {
      if (this.keys[slot] === key) return;
      if (this.keys[slot] === 0) {
        this.keys[slot] = key;
        this.values[slot] = value;
        return;
      }
    }
  }

  /** The value registered for a fingerprint, or -1. */
  get(fingerprint: number): number {
    const bits = filterBits(fingerprint);
    if ((this.filter[this.filterWord(fingerprint)]! & bits) !== bits) return -1;
    const key = fingerprint + 1;
    for (let slot = fingerprint & this.mask; ; slot = (slot + 1) & this.mask) {
      const found = this.keys[slot];
      if (found === key) return this.values[slot]!;
      if (found === 0) return -1;
    }
  }

  /** The filter word of a fingerprint: the top bits of its low half (the table slot uses the bottom ones). */
  private filterWord(fingerprint: number): number {
    return this.filterShift === 32 ? 0 : (fingerprint >>> 0) >>> this.filterShift;
  }
}

/** Two bits of a filter word, from the high half of a fingerprint. */
function filterBits(fingerprint: number): number {
  const high = Math.floor(fingerprint / 0x1_0000_0000);
  return (1 << (high & 31)) | (1 << ((high >>> 5) & 31));
}

/**
 * Every sensitive value registered from the knowledge base's documents, held as keyed
 * fingerprints. `findReproduced` reports each place where an answer reproduces one — whole, or a
 * run of at least MIN_PART_CHARS canonical characters of a longer one — whatever the spacing,
 * punctuation, width or case around it. Lookups cost one hash per window of the answer and do not
 * grow with the number of documents.
 */
export class SensitiveRegistry {
  private readonly windows: FingerprintTable;
  /** Whole values shorter than a window, by canonical length. */
  private readonly short = new Map<number, FingerprintTable>();

  /**
   * What a match reports about each value: its document, type and canonical length. The window
   * fingerprints live only in the tables (kept as arrays they would hold most of the heap).
   */
  private readonly values: readonly { docId: string; type: FindingType; length: number }[];

  constructor(
    private readonly seed: FingerprintSeed,
    values: readonly RegisteredValue[],
  ) {
    this.values = values.map((v) => ({ docId: v.docId, type: v.type, length: v.fingerprint.length }));
    let windowCount = 0;
    const shortCounts = new Map<number, number>();
    for (const v of values) {
      windowCount += v.fingerprint.windows.length;
      const length = v.fingerprint.length;
      if (length < WINDOW_CHARS) shortCounts.set(length, (shortCounts.get(length) ?? 0) + 1);
    }
    this.windows = new FingerprintTable(windowCount);
    for (const [length, count] of shortCounts) this.short.set(length, new FingerprintTable(count));
    values.forEach((v, i) => {
      if (v.fingerprint.length < WINDOW_CHARS)
        this.short.get(v.fingerprint.length)!.add(v.fingerprint.whole, i);
      for (const w of v.fingerprint.windows) this.windows.add(w, i);
    });
  }

  /** How many values are registered. */
  get size(): number {
    return this.values.length;
  }

  /** Reproduced registered values in a normalised text, in its offsets, with their type and document. */
  findReproduced(normalized: string): RawFinding[] {
    if (this.values.length === 0) return [];
    const canonical = canonicalize(normalized);
    const { text } = canonical;
    const found: RawFinding[] = [];
    const report = (value: number, start: number, length: number) => {
      const v = this.values[value]!;
      const from = canonical.at[start]!;
      const last = canonical.at[start + length - 1]!;
      const end = last + (normalized.codePointAt(last)! > 0xffff ? 2 : 1);
      found.push({ type: v.type, start: from, end, docId: v.docId });
    };

    const hashes = scratchHashes(text.length);
    for (const [length, table] of this.short) {
      const count = windowHashes(this.seed, text, length, hashes);
      for (let i = 0; i < count; i += 1) {
        const value = table.get(hashes[i]!);
        if (value >= 0) report(value, i, length);
      }
    }

    // Runs of consecutive windows of one value; long enough runs are reproductions.
    let runValue = -1;
    let runStart = 0;
    let runEnd = -1;
    const close = () => {
      if (runValue < 0) return;
      const covered = runEnd - runStart + WINDOW_CHARS;
      const length = this.values[runValue]!.length;
      if (covered >= Math.min(length, MIN_PART_CHARS)) report(runValue, runStart, covered);
      runValue = -1;
    };
    const count = windowHashes(this.seed, text, WINDOW_CHARS, hashes);
    for (let i = 0; i < count; i += 1) {
      const value = this.windows.get(hashes[i]!);
      if (value >= 0 && value === runValue && i === runEnd + 1) {
        runEnd = i;
        continue;
      }
      close();
      if (value >= 0) {
        runValue = value;
        runStart = i;
        runEnd = i;
      }
    }
    close();
    return found;
  }
}

/** Largest hash buffer kept between lookups (64k windows: an answer, never a whole document). */
const MAX_SCRATCH = 0x10000;
/** One buffer of window hashes, reused by every lookup (they run one at a time, synchronously). */
let scratch = new Float64Array(4096);

function scratchHashes(length: number): Float64Array {
  if (scratch.length >= length) return scratch;
  // Grown for answers; a huge text (a whole document) gets a buffer of its own for one call.
  if (length > MAX_SCRATCH) return new Float64Array(length);
  scratch = new Float64Array(Math.max(length, Math.min(MAX_SCRATCH, scratch.length * 2)));
  return scratch;
}

/** An empty registry (no key needed: nothing to match). */
export const EMPTY_REGISTRY = new SensitiveRegistry({ a: 0, b: 0, c: 0, d: 0 }, []);

/**
 * Reproductions of values registered at ingest, whatever the phrasing around them. The registry is
 * read through a function so that the caller can swap it when documents change. A value is
 * sensitive whoever reads it (a password in a page everyone may read is still a password), so
 * readers do not matter here.
 */
export function createRegistryScanner(registry: () => SensitiveRegistry): Scanner {
  return { name: 'registry', scan: (text) => registry().findReproduced(text) };
}
