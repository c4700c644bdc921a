/**
 * Keyed fingerprints of sensitive values, so that the registry of what documents hold never
 * stores a value itself. A value is compared in its canonical form (NFKC, case folded, letters
 * and digits only), so spacing, punctuation, width and case do not hide it; a long value is also
 * cut into overlapping windows, so that a long enough part of it is recognised on its own.
 */

/** Canonical characters per window: a run of this many reproduced characters can be recognised. */
export const WINDOW_CHARS = 8;
/**
 * Shortest canonical value registered. Shorter ones (a 4-digit PIN) would match ordinary numbers
 * in answers; the in-flight scanners still catch them next to their label.
 */
export const MIN_VALUE_CHARS = 6;
/**
 * A value of at least this many canonical characters counts as reproduced when this much of it is
 * (chosen so that a 40-character key quoted in part is caught, while one 8-character window shared
 * by chance is not enough); shorter values must be reproduced whole.
 */
export const MIN_PART_CHARS = 12;

const CANONICAL_RUN = /[\p{L}\p{N}]+/gu;
/** Capital sigma lowers by context (final ς), so a run holding it is folded a character at a time. */
const CAPITAL_SIGMA = 0x03a3;

/** A text reduced to letters and digits, with the position in the source of each character. */
export interface CanonicalText {
  readonly text: string;
  /** For each UTF-16 unit of `text`, its index in the source text. */
  readonly at: Int32Array;
}

/**
 * Case-folds and keeps letters and digits; the input is expected to be NFKC-normalised already.
 * Each character is folded on its own (`toLowerCase` of the character), whatever surrounds it.
 */
export function canonicalize(normalized: string): CanonicalText {
  // Folding can lengthen a character (İ → i̇): room for two units each.
  const at = new Int32Array(normalized.length * 2);
  const parts: string[] = [];
  let n = 0;
  for (const match of normalized.matchAll(CANONICAL_RUN)) {
    const run = match[0];
    const lowered = run.toLowerCase();
    if (lowered.length === run.length && !run.includes(String.fromCharCode(CAPITAL_SIGMA))) {
      // One unit for one unit: a surrogate pair's second unit maps to the pair's start.
      for (let k = 0; k < run.length; k += 1) {
        const low = k > 0 && isLowSurrogate(run.charCodeAt(k)) && isHighSurrogate(run.charCodeAt(k - 1));
        at[n++] = match.index + (low ? k - 1 : k);
      }
      parts.push(lowered);
      continue;
    }
    for (let k = 0; k < run.length; ) {
      const width = isHighSurrogate(run.charCodeAt(k)) ? 2 : 1;
      const folded = run.slice(k, k + width).toLowerCase();
      for (let u = 0; u < folded.length; u += 1) at[n++] = match.index + k;
      parts.push(folded);
      k += width;
    }
  }
  return { text: parts.join(''), at: at.subarray(0, n) };
}

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}

/**
 * A 53-bit keyed hash of `text[start, end)`: two 32-bit multiply-xorshift lanes seeded from the
 * key, mixed at the end. Fast enough to hash every window of an answer on each check (a keyed
 * cryptographic MAC costs about 4 µs a call, 8 ms for a 2,000-character answer); the key keeps
 * values from being confirmed by anyone who has the registry but not the key.
 */
export function keyedHash(seed: FingerprintSeed, text: string, start: number, end: number): number {
  let h1 = seed.a;
  let h2 = seed.b;
  for (let i = start; i < end; i += 1) {
    const c = text.charCodeAt(i);
    h1 = mixLane1(h1, c);
    h2 = mixLane2(h2, c);
  }
  return finish(seed, h1, h2);
}

/**
 * Writes the keyed hash of every run of `length` characters of `text` into `out` (`out[i]` for the
 * run starting at i) and returns how many there are: the same values as `keyedHash`, into a typed
 * array so that a long text allocates nothing per hash.
 */
export function windowHashes(seed: FingerprintSeed, text: string, length: number, out: Float64Array): number {
  const count = Math.max(0, text.length - length + 1);
  if (out.length < count) throw new RangeError(`room for ${count} hashes needed, ${out.length} given`);
  for (let start = 0; start < count; start += 1) {
    let h1 = seed.a;
    let h2 = seed.b;
    for (let i = start; i < start + length; i += 1) {
      const c = text.charCodeAt(i);
      h1 = mixLane1(h1, c);
      h2 = mixLane2(h2, c);
    }
    out[start] = finish(seed, h1, h2);
  }
  return count;
}

function mixLane1(h: number, c: number): number {
  const mixed = Math.imul(h ^ c, 0x85ebca6b);
  return mixed ^ (mixed >>> 13);
}

function mixLane2(h: number, c: number): number {
  const mixed = Math.imul(h ^ c, 0xc2b2ae35);
  return mixed ^ (mixed >>> 16);
}

function finish(seed: FingerprintSeed, lane1: number, lane2: number): number {
  let h1 = Math.imul(lane1 ^ (lane1 >>> 16) ^ seed.c, 0x7feb352d);
  h1 ^= h1 >>> 15;
  let h2 = Math.imul(lane2 ^ (lane2 >>> 15) ^ seed.d, 0x846ca68b);
  h2 ^= h2 >>> 16;
  // 21 bits of one lane above 32 of the other: an exact integer below 2^53.
  return (h1 >>> 11) * 0x1_0000_0000 + (h2 >>> 0);
}

/** The four 32-bit words a fingerprint key expands to. */
export interface FingerprintSeed {
  readonly a: number;
  readonly b: number;
  readonly c: number;
  readonly d: number;
}

/** Expands a key of at least 16 bytes into the hash's seed. */
export function seedFromKey(key: Uint8Array): FingerprintSeed {
  if (key.length < 16) throw new Error('a fingerprint key needs at least 16 bytes');
  const word = (i: number) =>
    ((key[i]! << 24) | (key[i + 1]! << 16) | (key[i + 2]! << 8) | key[i + 3]!) >>> 0;
  return { a: word(0), b: word(4), c: word(8), d: word(12) };
}

/** What the registry stores about one sensitive value: never the value. */
export interface ValueFingerprint {
  /** Canonical length of the value. */
  readonly length: number;
  /** Keyed hash of the whole canonical value. */
  readonly whole: number;
  /** Keyed hashes of every window of WINDOW_CHARS canonical characters (empty for short values). */
  readonly windows: readonly number[];
}

/** Fingerprints one value (already NFKC-normalised); undefined when it is too short to register. */
export function fingerprintValue(seed: FingerprintSeed, value: string): ValueFingerprint | undefined {
  const { text } = canonicalize(value);
  if (text.length < MIN_VALUE_CHARS) return undefined;
  const windows: number[] = [];
  for (let i = 0; i + WINDOW_CHARS <= text.length; i += 1) {
    windows.push(keyedHash(seed, text, i, i + WINDOW_CHARS));
  }
  return { length: text.length, whole: keyedHash(seed, text, 0, text.length), windows };
}
