import type { Classification, Principal } from '../core/types.js';
import { allCanRead } from '../core/access.js';
import { normalizeForScan } from './normalize.js';

/** A passage of a confidential or restricted document, as the leakage index takes it. */
export interface LeakageChunk {
  readonly docId: string;
  readonly text: string;
  readonly audience: readonly string[];
  readonly classification: Classification;
}

export interface LeakageOptions {
  /** Characters per shingle, counted on letters and digits only. Default 12. */
  readonly shingleChars?: number;
  /** Winnowing window: one fingerprint kept per this many shingles. Default 8. */
  readonly window?: number;
  /**
   * A reproduced run this long is a leak. Default 40, counted on letters and digits, a Chinese,
   * Japanese or Korean character counting two (it carries about a word).
   */
  readonly minChars?: number;
  /** A run covering this fraction of a short passage is a leak too. Default 0.6. */
  readonly minFraction?: number;
}

/** A reproduced passage, in offsets of the text that was checked. */
export interface LeakageMatch {
  readonly docId: string;
  readonly start: number;
  readonly end: number;
}

interface Entry {
  readonly docId: string;
  readonly canonical: string;
  readonly audience: readonly string[];
  readonly classification: Classification;
  removed: boolean;
}

/**
 * Character n-gram shingles of restricted passages. Words do not work for Japanese, Chinese or
 * Thai, so texts are reduced to their letters and digits (case folded, punctuation and spacing
 * dropped) and cut into overlapping runs of characters. Winnowing keeps one fingerprint in every
 * window, enough to find any shared run longer than `shingleChars + window - 1`; candidates are
 * then verified shingle by shingle.
 */
export class LeakageIndex {
  private readonly entries: Entry[] = [];
  private readonly postings = new Map<number, number[]>();
  /** Entry ids of each document's passages, for {@link LeakageIndex.removeDocument}. */
  private readonly byDocument = new Map<string, number[]>();
  private live = 0;
  private readonly k: number;
  private readonly w: number;
  private readonly minChars: number;
  private readonly minFraction: number;

  constructor(options: LeakageOptions = {}) {
    this.k = options.shingleChars ?? 12;
    this.w = options.window ?? 8;
    this.minChars = options.minChars ?? 40;
    this.minFraction = options.minFraction ?? 0.6;
  }

  /** Number of indexed passages. */
  get size(): number {
    return this.live;
  }

  /** Passages removed but still held (and skipped) until the index is rebuilt. */
  get removed(): number {
    return this.entries.length - this.live;
  }

  /** Indexes a passage; passages of `public` and `internal` documents are ignored. */
  add(chunk: LeakageChunk): void {
    if (chunk.classification !== 'confidential' && chunk.classification !== 'restricted') return;
    const canonical = canonicalize(normalizeForScan(chunk.text).text).text.slice(0, POSITIONS);
    if (canonical.length < this.k) return;
    const id = this.entries.length;
    this.entries.push({ ...chunk, canonical, removed: false });
    this.live += 1;
    const ids = this.byDocument.get(chunk.docId);
    if (ids) ids.push(id);
    else this.byDocument.set(chunk.docId, [id]);
    const hashes = shingleHashes(canonical, this.k);
    for (const position of winnow(hashes, this.w)) {
      const hash = hashes[position]!;
      const list = this.postings.get(hash);
      if (list) list.push(id * POSITIONS + position);
      else this.postings.set(hash, [id * POSITIONS + position]);
    }
  }

  /** Forgets a document's passages (e.g. when it is re-ingested or deleted). */
  removeDocument(docId: string): void {
    for (const id of this.byDocument.get(docId) ?? []) this.entries[id]!.removed = true;
    this.live -= this.byDocument.get(docId)?.length ?? 0;
    this.byDocument.delete(docId);
  }

  /** Replaces a document's passages with its current ones (none when it was deleted). */
  replaceDocument(docId: string, chunks: readonly LeakageChunk[]): void {
    this.removeDocument(docId);
    for (const chunk of chunks) this.add(chunk);
  }

  /**
   * Runs of `normalized` that reproduce a passage some reader may not see. A run that also appears
   * in `visibleTexts` (sources every reader may see) does not count.
   */
  findLeaks(
    normalized: string,
    readers: readonly Principal[],
    visibleTexts: readonly string[],
  ): LeakageMatch[] {
    const { text: answer, positions } = canonicalize(normalized);
    if (answer.length < this.k || this.postings.size === 0) return [];
    const hashes = shingleHashes(answer, this.k);
    const weight = weightPrefix(answer);
    const hidden = new Map<number, boolean>();
    const runs = new Map<number, { start: number; end: number; diagonal: number }[]>();
    let visible: string[] | undefined;
    const leaks: LeakageMatch[] = [];

    for (let i = 0; i < hashes.length; i++) {
      for (const ref of this.postings.get(hashes[i]!) ?? []) {
        const id = Math.floor(ref / POSITIONS);
        const j = ref % POSITIONS;
        const entry = this.entries[id]!;
        if (entry.removed) continue;
        const secret = hidden.get(id) ?? !allCanRead(readers, entry);
        hidden.set(id, secret);
        if (!secret) continue;
        const found = runs.get(id) ?? [];
        if (found.some((r) => r.diagonal === i - j && r.start <= i && i + this.k <= r.end)) continue;
        // Extend the shared shingle to the whole shared run (this also rules out hash collisions).
        const b = entry.canonical;
        if (answer.slice(i, i + this.k) !== b.slice(j, j + this.k)) continue;
        let start = i;
        let end = i + this.k;
        while (start > 0 && start - i + j > 0 && answer[start - 1] === b[start - 1 - i + j]) start--;
        while (end < answer.length && end - i + j < b.length && answer[end] === b[end - i + j]) end++;
        found.push({ start, end, diagonal: i - j });
        runs.set(id, found);

        const chars = end - start;
        const weighted = weight[end]! - weight[start]!;
        const enough =
          weighted >= this.minChars || (chars >= 2 * this.k && chars >= this.minFraction * b.length);
        if (!enough) continue;
        visible ??= visibleTexts.map((t) => canonicalize(normalizeForScan(t).text).text);
        const run = answer.slice(start, end);
        if (visible.some((v) => v.includes(run))) continue;
        leaks.push({ docId: entry.docId, start: positions[start]!, end: positions[end - 1]! + 1 });
      }
    }
    return mergeLeaks(leaks);
  }
}

/**
 * Overlapping runs of one document are one leak. Sorted by position, then document, so that the
 * result does not depend on the order the passages were indexed in.
 */
function mergeLeaks(leaks: LeakageMatch[]): LeakageMatch[] {
  const sorted = leaks.sort((a, b) => a.start - b.start || compare(a.docId, b.docId) || a.end - b.end);
  const merged: LeakageMatch[] = [];
  for (const leak of sorted) {
    const same = merged.findLast((m) => m.docId === leak.docId);
    if (same && same.end >= leak.start)
      merged[merged.lastIndexOf(same)] = { ...same, end: Math.max(same.end, leak.end) };
    else merged.push(leak);
  }
  return merged;
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Builds an index over the passages of confidential and restricted documents. */
export function createLeakageIndex(chunks: readonly LeakageChunk[], options?: LeakageOptions): LeakageIndex {
  const index = new LeakageIndex(options);
  for (const chunk of chunks) index.add(chunk);
  return index;
}

/**
 * Builds the index from pages of passages, calling `breathe` after each passage (it yields to the
 * event loop when it has run long enough), so that a large index does not stall the process.
 */
export async function buildLeakageIndex(
  pages: AsyncIterable<readonly LeakageChunk[]>,
  breathe: () => Promise<void>,
  options?: LeakageOptions,
): Promise<LeakageIndex> {
  const index = new LeakageIndex(options);
  for await (const page of pages) {
    for (const chunk of page) {
      index.add(chunk);
      await breathe();
    }
  }
  return index;
}

/** Positions are stored as `id * POSITIONS + offset`; a passage longer than this is indexed up to it. */
const POSITIONS = 2 ** 21;
const LETTER_OR_DIGIT = /[\p{L}\p{M}\p{N}]/u;
const WIDE = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;

/** Prefix sums of character weights: 2 for a Chinese, Japanese or Korean character, 1 otherwise. */
function weightPrefix(text: string): Int32Array {
  const prefix = new Int32Array(text.length + 1);
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    prefix[i + 1] = prefix[i]! + (code >= 0x1100 && WIDE.test(text[i]!) ? 2 : 1);
  }
  return prefix;
}

/** Letters, marks and digits only, lower-cased, with the position each came from. */
export function canonicalize(text: string): { text: string; positions: Int32Array } {
  const positions = new Int32Array(text.length);
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    const code = ch.charCodeAt(0);
    const keep =
      code < 0x80
        ? (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122)
        : (code >= 0xd800 && code <= 0xdfff) || LETTER_OR_DIGIT.test(ch);
    if (!keep) continue;
    const lower = ch.toLowerCase();
    positions[out.length] = i;
    out += lower.length === 1 ? lower : ch;
  }
  return { text: out, positions: positions.subarray(0, out.length) };
}

/** Polynomial rolling hash of every `k`-unit window, 32-bit. */
function shingleHashes(text: string, k: number): number[] {
  const hashes: number[] = [];
  if (text.length < k) return hashes;
  const base = 257;
  let power = 1;
  for (let i = 0; i < k - 1; i++) power = Math.imul(power, base);
  let hash = 0;
  for (let i = 0; i < text.length; i++) {
    if (i >= k) hash = (hash - Math.imul(text.charCodeAt(i - k), power)) | 0;
    hash = (Math.imul(hash, base) + text.charCodeAt(i)) | 0;
    if (i >= k - 1) hashes.push(hash >>> 0);
  }
  return hashes;
}

/** Winnowing (Schleimer et al.): the position of the smallest hash in every window of `w` shingles. */
function winnow(hashes: readonly number[], w: number): Set<number> {
  const picked = new Set<number>();
  if (hashes.length <= w) {
    for (let i = 0; i < hashes.length; i++) picked.add(i);
    return picked;
  }
  for (let i = 0; i + w <= hashes.length; i++) {
    let min = i;
    for (let j = i + 1; j < i + w; j++) if (hashes[j]! <= hashes[min]!) min = j;
    picked.add(min);
  }
  return picked;
}
