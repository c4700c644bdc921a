/**
 * Text as the scanners see it: NFKC (full-width digits and letters become ASCII) with invisible
 * characters removed (zero-width, bidi controls, soft hyphens, variation selectors, tags), plus a
 * map from every UTF-16 unit of the normalised text back to the original, so that a finding points
 * at the characters the user would see.
 */
export interface NormalizedText {
  /** The normalised text that scanners read. */
  readonly text: string;
  /** The original text as given. */
  readonly original: string;
  /**
   * Maps a span of the normalised text (`end` exclusive) to the span of the original it came from,
   * in UTF-16 code units, `end` exclusive. Invisible characters inside the span are included.
   */
  toOriginal(start: number, end: number): { readonly start: number; readonly end: number };
}

/** Default-ignorable code points and format characters: nothing a reader sees, everything an evader uses. */
const INVISIBLE = /[\p{Default_Ignorable_Code_Point}\p{Cf}]/u;
/** Characters that NFKC may compose with the code point before them. */
const ATTACHES = /[\p{M}\uFF9E\uFF9F\u1160-\u11FF]/u;
/** Characters that make a cluster with a neighbour: marks, what attaches, and astral characters (two units). */
const CLUSTERED = /[\p{M}\uFF9E\uFF9F\u1160-\u11FF\u{10000}-\u{10FFFF}]/u;
/** Text that NFKC leaves unchanged and that holds nothing invisible: printable ASCII and common whitespace. */
const PLAIN_ASCII = /^[\t\n\r\x20-\x7E]*$/;

/** Normalises a text for scanning and keeps the way back to the original offsets. */
export function normalizeForScan(original: string): NormalizedText {
  if (PLAIN_ASCII.test(original)) return identity(original);
  // Most answers are NFKC already and hold nothing invisible: one pass over the whole text instead
  // of one per character. Not with marks or astral characters, whose spans the map below widens to
  // the whole cluster (a redaction never leaves a mark or half a surrogate pair behind).
  if (!INVISIBLE.test(original) && !CLUSTERED.test(original) && nfkc(original) === original) {
    return identity(original);
  }

  const parts: string[] = [];
  // Where each unit of the output came from; NFKC may lengthen a segment (㍿ → 株式会社), so they grow.
  let starts: Int32Array = new Int32Array(original.length + 16);
  let ends: Int32Array = new Int32Array(original.length + 16);
  let n = 0;
  let i = 0;
  while (i < original.length) {
    const segStart = i;
    i += codePointLength(original, i);
    while (i < original.length && ATTACHES.test(original[i]!)) i += codePointLength(original, i);
    const segment = original.slice(segStart, i);
    const code = segment.charCodeAt(0);
    let out: string;
    if (segment.length === 1 && code < 0x80) out = segment;
    else out = nfkc(stripInvisible(segment));
    if (n + out.length > starts.length) {
      starts = grown(starts, n + out.length);
      ends = grown(ends, n + out.length);
    }
    // NFKC can itself produce nothing invisible, but a removed starter may leave its marks alone.
    for (let k = 0; k < out.length; k++) {
      starts[n] = segStart;
      ends[n] = i;
      n += 1;
    }
    parts.push(out);
  }
  const text = parts.join('');
  // Invisible characters between two visible ones belong to no output unit; a span that covers
  // them still covers them because spans map from their first unit's start to their last unit's end.
  return {
    text,
    original,
    toOriginal(start, end) {
      if (text.length === 0) return { start: 0, end: 0 };
      const s = Math.max(0, Math.min(start, text.length - 1));
      const e = Math.max(s + 1, Math.min(end, text.length));
      return { start: starts[s]!, end: ends[e - 1]! };
    },
  };
}

/**
 * NFKC, except that Thai and Lao SARA AM stay one character: NFKC splits ำ into two, and every
 * Thai word written with it (ประจำ, คำสั่ง) would stop matching the way people type it.
 */
function nfkc(segment: string): string {
  const out = segment.normalize('NFKC');
  return out.length > 1 ? out.replace(/\u0E4D\u0E32/g, '\u0E33').replace(/\u0ECD\u0EB2/g, '\u0EB3') : out;
}

function grown(array: Int32Array, needed: number): Int32Array {
  const bigger = new Int32Array(Math.max(needed, array.length * 2));
  bigger.set(array);
  return bigger;
}

function identity(text: string): NormalizedText {
  return {
    text,
    original: text,
    toOriginal(start, end) {
      return { start, end };
    },
  };
}

function stripInvisible(segment: string): string {
  if (!INVISIBLE.test(segment)) return segment;
  let out = '';
  for (const ch of segment) if (!INVISIBLE.test(ch)) out += ch;
  return out;
}

function codePointLength(text: string, index: number): number {
  const code = text.charCodeAt(index);
  if (code >= 0xd800 && code <= 0xdbff && index + 1 < text.length) {
    const next = text.charCodeAt(index + 1);
    if (next >= 0xdc00 && next <= 0xdfff) return 2;
  }
  return 1;
}
