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
 * Open addressing over typed arrays: fingerprint → indexes of registered values. The table of a
 * large registry is far bigger than the processor's caches, and an answer probes it at every
 * position, so a small bit filter (8 bits per entry, two bits in one 32-bit word per fingerprint)
 * answers most absent fingerprints without touching the table. A fingerprint shared by several
 * values (the same secret in two documents) keeps them all, in the order they were added, so that
 * masking one document leaves the others findable.
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

  add(fingerprint: number, value: number): void {
    this.filter[this.filterWord(fingerprint)]! |= filterBits(fingerprint);
    const key = fingerprint + 1; // 0 marks an empty slot
    for (let slot = fingerprint & this.mask; ; slot = (slot + 1) & this.mask) {
      if (this.keys[slot] === key && this.values[slot] === value) return;
      if (this.keys[slot] === 0) {
        this.keys[slot] = key;
        this.values[slot] = value;
        return;
      }
    }
  }

  /**
   * The first value added for a fingerprint that `eligible` accepts and no later one `wins` over,
   * or -1. Linear probing visits a fingerprint's values in the order they were added.
   */
  get(
    fingerprint: number,
    eligible: (value: number) => boolean,
    wins: (a: number, b: number) => boolean,
  ): number {
    const bits = filterBits(fingerprint);
    if ((this.filter[this.filterWord(fingerprint)]! & bits) !== bits) return -1;
    const key = fingerprint + 1;
    let best = -1;
    for (let slot = fingerprint & this.mask; ; slot = (slot + 1) & this.mask) {
      const found = this.keys[slot];
      if (found === 0) return best;
      if (found !== key) continue;
      const value = this.values[slot]!;
      if (eligible(value) && (best < 0 || wins(value, best))) best = value;
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

/** What the guard asks of the registered values: where an answer reproduces one. */
export interface ValueRegistry {
  /** How many values are registered. */
  readonly size: number;
  /** Reproduced registered values in a normalised text, in its offsets, with their type and document. */
  findReproduced(normalized: string): RawFinding[];
}

/** What a match reports about each value: its document, type and canonical length. */
interface ValueInfo {
  readonly docId: string;
  readonly type: FindingType;
  readonly length: number;
}

/** Values registered per slice of a sliced build (about 2 ms of work). */
const FILL_SLICE = 2048;

/**
 * Every sensitive value registered from the knowledge base's documents, held as keyed
 * fingerprints. `findReproduced` reports each place where an answer reproduces one — whole, or a
 * run of at least MIN_PART_CHARS canonical characters of a longer one — whatever the spacing,
 * punctuation, width or case around it. Lookups cost one hash per window of the answer and do not
 * grow with the number of documents. Where several documents hold a value, a match names the
 * smallest document id (then the value added first), so that the result depends only on the
 * values, not on the order they were loaded in or on how the registry was layered.
 */
export class SensitiveRegistry implements ValueRegistry {
  private readonly windows: FingerprintTable;
  /** Whole values shorter than a window, by canonical length. */
  readonly short = new Map<number, FingerprintTable>();
  /** The window fingerprints live only in the tables (kept as arrays they would hold most of the heap). */
  readonly values: ValueInfo[] = [];
  private readonly perDocument = new Map<string, number>();

  /** Builds the registry at once; {@link SensitiveRegistry.build} builds a large one in slices. */
  constructor(
    readonly seed: FingerprintSeed,
    values: readonly RegisteredValue[],
    deferred = false,
  ) {
    let windowCount = 0;
    const shortCounts = new Map<number, number>();
    for (const v of values) {
      windowCount += v.fingerprint.windows.length;
      const length = v.fingerprint.length;
      if (length < WINDOW_CHARS) shortCounts.set(length, (shortCounts.get(length) ?? 0) + 1);
    }
    this.windows = new FingerprintTable(windowCount);
    for (const length of [...shortCounts.keys()].sort((a, b) => a - b))
      this.short.set(length, new FingerprintTable(shortCounts.get(length)!));
    if (!deferred) for (const steps = this.fill(values); !steps.next().done; );
  }

  /**
   * Builds a registry a slice at a time, calling `breathe` between slices (which yields to the event
   * loop when it has run long enough), so that a large one does not stall the process.
   */
  static async build(
    seed: FingerprintSeed,
    values: readonly RegisteredValue[],
    breathe: () => Promise<void>,
  ): Promise<SensitiveRegistry> {
    const registry = new SensitiveRegistry(seed, values, true);
    for (const _ of registry.fill(values)) await breathe();
    return registry;
  }

  private *fill(values: readonly RegisteredValue[]): Generator<void> {
    for (let i = 0; i < values.length; i += 1) {
      const v = values[i]!;
      this.values.push({ docId: v.docId, type: v.type, length: v.fingerprint.length });
      this.perDocument.set(v.docId, (this.perDocument.get(v.docId) ?? 0) + 1);
      if (v.fingerprint.length < WINDOW_CHARS)
        this.short.get(v.fingerprint.length)!.add(v.fingerprint.whole, i);
      for (const w of v.fingerprint.windows) this.windows.add(w, i);
      if (i % FILL_SLICE === FILL_SLICE - 1) yield;
    }
  }

  get size(): number {
    return this.values.length;
  }

  /** How many of the registered values belong to these documents. */
  countOf(docIds: Iterable<string>): number {
    let count = 0;
    for (const docId of docIds) count += this.perDocument.get(docId) ?? 0;
    return count;
  }

  findReproduced(normalized: string): RawFinding[] {
    return findInLayers([{ registry: this, masked: NOTHING }], normalized);
  }

  /** @internal The table of one canonical length (`WINDOW_CHARS` for windows of longer values). */
  table(length: number): FingerprintTable | undefined {
    return length === WINDOW_CHARS ? this.windows : this.short.get(length);
  }
}

const NOTHING: ReadonlySet<string> = new Set();
const always = () => true;

/**
 * A registry kept current between full builds: a large base, with the documents changed since it
 * was built masked, plus a small overlay holding those documents' current values. It finds exactly
 * what a registry freshly built from the current values finds.
 */
export class LayeredRegistry implements ValueRegistry {
  readonly size: number;

  constructor(
    readonly base: SensitiveRegistry,
    readonly masked: ReadonlySet<string>,
    readonly overlay: SensitiveRegistry,
  ) {
    this.size = base.size - base.countOf(masked) + overlay.size;
  }

  findReproduced(normalized: string): RawFinding[] {
    return findInLayers(
      [
        { registry: this.base, masked: this.masked },
        { registry: this.overlay, masked: NOTHING },
      ],
      normalized,
    );
  }
}

interface Layer {
  readonly registry: SensitiveRegistry;
  readonly masked: ReadonlySet<string>;
}

/**
 * The search of {@link SensitiveRegistry}, over layers made with the same key whose unmasked
 * documents do not overlap. A match is a reference `value * layers.length + layer`.
 */
function findInLayers(layers: readonly Layer[], normalized: string): RawFinding[] {
  const live = layers
    .filter((l) => l.registry.size > 0)
    .map(({ registry, masked }) => {
      const values = registry.values;
      return {
        registry,
        eligible: masked.size === 0 ? always : (v: number) => !masked.has(values[v]!.docId),
        wins: (a: number, b: number) => values[a]!.docId < values[b]!.docId,
      };
    });
  if (live.length === 0) return [];
  const seed = live[0]!.registry.seed;
  const n = live.length;
  const info = (ref: number) => live[ref % n]!.registry.values[Math.floor(ref / n)]!;
  const only = live[0]!;
  /** The value of a fingerprint across the layers' tables: the smallest document id wins, as in one registry. */
  const best = (tables: readonly (FingerprintTable | undefined)[], hash: number): number => {
    if (n === 1) return tables[0]?.get(hash, only.eligible, only.wins) ?? -1;
    let found = -1;
    for (let l = 0; l < n; l += 1) {
      const layer = live[l]!;
      const value = tables[l]?.get(hash, layer.eligible, layer.wins) ?? -1;
      if (value < 0) continue;
      const ref = value * n + l;
      if (found < 0 || info(ref).docId < info(found).docId) found = ref;
    }
    return found;
  };

  const canonical = canonicalize(normalized);
  const { text } = canonical;
  const found: RawFinding[] = [];
  const report = (ref: number, start: number, length: number) => {
    const v = info(ref);
    const from = canonical.at[start]!;
    const last = canonical.at[start + length - 1]!;
    const end = last + (normalized.codePointAt(last)! > 0xffff ? 2 : 1);
    found.push({ type: v.type, start: from, end, docId: v.docId });
  };

  const hashes = scratchHashes(text.length);
  const lengths = [...new Set(live.flatMap((l) => [...l.registry.short.keys()]))].sort((a, b) => a - b);
  for (const length of lengths) {
    const count = windowHashes(seed, text, length, hashes);
    const tables = live.map((l) => l.registry.table(length));
    for (let i = 0; i < count; i += 1) {
      const ref = best(tables, hashes[i]!);
      if (ref >= 0) report(ref, i, length);
    }
  }

  // Runs of consecutive windows of one value; long enough runs are reproductions.
  let runValue = -1;
  let runStart = 0;
  let runEnd = -1;
  const close = () => {
    if (runValue < 0) return;
    const covered = runEnd - runStart + WINDOW_CHARS;
    const length = info(runValue).length;
    if (covered >= Math.min(length, MIN_PART_CHARS)) report(runValue, runStart, covered);
    runValue = -1;
  };
  const count = windowHashes(seed, text, WINDOW_CHARS, hashes);
  const tables = live.map((l) => l.registry.table(WINDOW_CHARS));
  for (let i = 0; i < count; i += 1) {
    const value = best(tables, hashes[i]!);
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
export function createRegistryScanner(registry: () => ValueRegistry): Scanner {
  return { name: 'registry', scan: (text) => registry().findReproduced(text) };
}
