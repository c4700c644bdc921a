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

const CANONICAL_CHAR = /[\p{L}\p{N}]/u;

/** What folding does to each UTF-16 unit of the Basic Multilingual Plane, learned on first sight. */
const UNKNOWN = 0;
const DROPPED = 1;
/** Folds to one unit, kept in FOLDED. */
const ONE_UNIT = 2;
/** Folds to several units (İ → i̇): folded again each time, it is rare. */
const SEVERAL = 3;
const FOLDING = new Uint8Array(0x10000);
const FOLDED = new Uint16Array(0x10000);

function foldingOf(code: number): number {
  let kind = FOLDING[code]!;
  if (kind !== UNKNOWN) return kind;
  const ch = String.fromCharCode(code);
  if (!CANONICAL_CHAR.test(ch)) kind = DROPPED;
  else {
    const folded = ch.toLowerCase();
    kind = folded.length === 1 ? ONE_UNIT : SEVERAL;
    FOLDED[code] = folded.charCodeAt(0);
  }
  FOLDING[code] = kind;
  return kind;
}

/** Largest scratch buffers kept between calls, in units (64k: an answer, never a whole document). */
const MAX_SCRATCH = 0x10000;
/** Output units and their source positions, reused by every call (they run one at a time). */
let unitsScratch = new Uint16Array(4096);
let atScratch = new Int32Array(4096);

/** A text reduced to letters and digits, with the position in the source of each character. */
export interface CanonicalText {
  readonly text: string;
  /** For each UTF-16 unit of `text`, its index in the source text. */
  readonly at: Int32Array;
}

/**
 * Case-folds and keeps letters and digits; the input is expected to be NFKC-normalised already.
 * Each character is folded on its own (`toLowerCase` of the character), whatever surrounds it. Runs
 * on every answer, so it allocates only its result.
 */
export function canonicalize(normalized: string): CanonicalText {
  // Folding can lengthen a character (İ → i̇): room for two units each.
  const room = normalized.length * 2;
  // Answers reuse the buffers; a rare huge text (a whole document at ingest) gets its own for one call.
  if (unitsScratch.length < room && room <= MAX_SCRATCH) {
    unitsScratch = new Uint16Array(room);
    atScratch = new Int32Array(room);
  }
  const units = room <= unitsScratch.length ? unitsScratch : new Uint16Array(room);
  const at = room <= atScratch.length ? atScratch : new Int32Array(room);
  let n = 0;
  const push = (folded: string, source: number) => {
    for (let k = 0; k < folded.length; k += 1) {
      units[n] = folded.charCodeAt(k);
      at[n++] = source;
    }
  };
  for (let i = 0; i < normalized.length; ) {
    const code = normalized.charCodeAt(i);
    if (code < 0x80) {
      // ASCII, the common case.
      if ((code >= 0x30 && code <= 0x39) || (code >= 0x61 && code <= 0x7a)) {
        units[n] = code;
        at[n++] = i;
      } else if (code >= 0x41 && code <= 0x5a) {
        units[n] = code + 0x20;
        at[n++] = i;
      }
      i += 1;
    } else if (
      isHighSurrogate(code) &&
      i + 1 < normalized.length &&
      isLowSurrogate(normalized.charCodeAt(i + 1))
    ) {
      const ch = normalized.slice(i, i + 2);
      if (CANONICAL_CHAR.test(ch)) push(ch.toLowerCase(), i);
      i += 2;
    } else {
      const kind = foldingOf(code);
      if (kind === ONE_UNIT) {
        units[n] = FOLDED[code]!;
        at[n++] = i;
      } else if (kind === SEVERAL) push(String.fromCharCode(code).toLowerCase(), i);
      i += 1;
    }
  }
  return { text: unitsToString(units, n), at: at.slice(0, n) };
}

/** The first `length` units as a string, a slice at a time (a call takes only so many arguments). */
function unitsToString(units: Uint16Array, length: number): string {
  const CHUNK = 8192;
  if (length <= CHUNK)
    return String.fromCharCode.apply(null, units.subarray(0, length) as unknown as number[]);
  const parts: string[] = [];
  for (let start = 0; start < length; start += CHUNK) {
    const chunk = units.subarray(start, Math.min(length, start + CHUNK));
    parts.push(String.fromCharCode.apply(null, chunk as unknown as number[]));
  }
  return parts.join('');
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
