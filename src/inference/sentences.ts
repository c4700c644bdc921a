/** A quotable piece of a document: a sentence, or a clause of a very long one. */
export interface Sentence {
  /** Verbatim text of the source, trimmed, without a leading list, quote or table marker. */
  readonly text: string;
  /** Offset of `text` in the source text (UTF-16 code units). */
  readonly start: number;
  /**
   * `heading` for a Markdown heading or a line that introduces a list (ends with a colon), `question`
   * for a sentence that asks something (ends with ?, ？ or ؟) as an FAQ's questions do: both announce
   * the sentences after them rather than answer.
   */
  readonly kind: 'statement' | 'question' | 'heading' | 'code';
  /** 0-based line of the source the sentence starts on: sentences of one paragraph share it. */
  readonly line: number;
  /** The line is a list item (bullet or number) or a table row. */
  readonly item: boolean;
  /** The piece was cut out of a longer sentence: text comes before it (`before`) or after it (`after`). */
  readonly cut: { readonly before: boolean; readonly after: boolean };
}

/**
 * Splits a text into sentences with `Intl.Segmenter`, which knows the full stops of Japanese,
 * Chinese, Arabic, Hindi (।) and the rest; each line is at least one sentence (a list item, a table
 * row), separator lines are left out. Thai, Lao, Khmer and Burmese mark few sentence ends, so such a
 * sentence is cut further at the spaces between two letters of the script, which is where their
 * writers end clauses; and any piece longer than `maxChars` is cut at its last clause mark or space
 * before the limit (marked in `cut`). Lines of code and configuration (inside ``` fences, `[section]`,
 * `key = value`) are kind `code`.
 */
export function splitSentences(text: string, language: string | undefined, maxChars: number): Sentence[] {
  const sentences: Sentence[] = [];
  let pending: number | undefined;
  let line = 0;
  let counted = 0;
  const code = codeLines(text);
  for (const { segment, index } of segmenterFor(language).segment(text)) {
    // ICU ends a sentence after "Mr." or "Dr."; glue such a stub to what follows on the same line.
    if (/^\S{1,4}\.[ \t]+$/u.test(segment)) {
      pending ??= index;
      continue;
    }
    // ICU also ends a sentence at "!" or "?" inside a token ("Tq8!vRm2", "v1.2?x"): a real Latin
    // sentence end is followed by a space. Never cut a token in two, least of all a password.
    if (/[!?.]$/u.test(segment) && /^[\x21-\x7E]/u.test(text.slice(index + segment.length))) {
      pending ??= index;
      continue;
    }
    const start = pending ?? index;
    pending = undefined;
    const end = index + segment.length;
    for (const [lineStart, lineEnd] of lines(text, start, end)) {
      const heading = HEADING.exec(text.slice(lineStart, lineEnd));
      const [from, to] = stripMarkers(text, lineStart + (heading?.[0].length ?? 0), lineEnd);
      if (from >= to) continue;
      // Every sentence of a list item or table row belongs to it, not only the one after the marker.
      const lineText = text.slice(lineStartOf(text, lineStart), lineEnd);
      const marker = heading ? '' : (LEADING_MARKER.exec(lineText)?.[0] ?? '');
      const item = /[-*+•・|]|\d/u.test(marker) || TABLE_ROW.test(lineText);
      for (const [a, b] of scriptClauses(text, from, to)) {
        const pieces = capped(text, a, b, maxChars);
        for (const [p, [c, d]] of pieces.entries()) {
          const piece = text.slice(c, d);
          if (!/[\p{L}\p{N}]/u.test(piece)) continue;
          for (; counted < c; counted++) if (text[counted] === '\n') line++;
          const kind = CONFIG_SECTION.test(piece)
            ? 'heading' // "[database]" names the settings under it: their context, never an answer
            : code.has(line) || CONFIG_LINE.test(piece)
              ? 'code'
              : heading || /[:：]$/u.test(piece)
                ? 'heading'
                : /[?？؟]$/u.test(piece)
                  ? 'question'
                  : 'statement';
          const cut = { before: p > 0, after: p < pieces.length - 1 };
          sentences.push({ text: piece, start: c, kind, line, item, cut });
        }
      }
    }
  }
  return sentences;
}

type Range = readonly [number, number];

const segmenters = new Map<string, Intl.Segmenter>();
function segmenterFor(language: string | undefined): Intl.Segmenter {
  const key = language ?? 'und';
  let segmenter = segmenters.get(key);
  if (!segmenter) {
    const locale = Intl.Segmenter.supportedLocalesOf([key]).length > 0 ? key : 'und';
    segmenter = new Intl.Segmenter(locale, { granularity: 'sentence' });
    segmenters.set(key, segmenter);
  }
  return segmenter;
}

function lines(text: string, start: number, end: number): Range[] {
  const ranges: Range[] = [];
  let from = start;
  for (let i = start; i < end; i++) {
    if (text[i] === '\n' || text[i] === '\r') {
      ranges.push([from, i]);
      from = i + 1;
    }
  }
  ranges.push([from, end]);
  return ranges;
}

const LEADING_MARKER = /^[\s\u3000]*(?:>\s*|[-*+•・]\s+|\d{1,3}[.)]\s+|\|\s*)?/u;

/** Trims a line and drops its list bullet, quote or table marker, leaving verbatim text. */
function stripMarkers(text: string, start: number, end: number): Range {
  let from = start + (LEADING_MARKER.exec(text.slice(start, end))?.[0].length ?? 0);
  let to = end;
  while (from < to && /[\s\u3000]/u.test(text[from]!)) from++;
  while (to > from && /[\s\u3000|]/u.test(text[to - 1]!)) to--;
  return [from, to];
}

const HEADING = /^\s*#{1,6}\s+/u;

/** A table row as ingest stores it (cells between ` | `, the outer pipes gone): two separators or more. */
const TABLE_ROW = /\S \| \S.* \| \S/u;

/** Lines inside ``` fences (0-based line numbers). */
function codeLines(text: string): Set<number> {
  const inside = new Set<number>();
  let fenced = false;
  text.split('\n').forEach((line, i) => {
    if (/^\s*(```|~~~)/u.test(line)) {
      fenced = !fenced;
      inside.add(i);
    } else if (fenced) inside.add(i);
  });
  return inside;
}

/**
 * A configuration file's section line, `[database]`, in a code block or not: it names the settings
 * under it, so it is their heading (a line such as `[Draft]` is no answer either).
 */
const CONFIG_SECTION = /^\[[\w.\- ]+\]$/u;

/**
 * A configuration line: `key = value`, `key: value` with a lower-case identifier key and no space in
 * the value ("password: …", "db.host: …"; not "Fee: 20 €"), a shell prompt.
 */
const CONFIG_LINE = /^(?:[\w.-]+\s*=\s*\S*|[a-z_][a-z0-9_.-]*:\s*\S+|\$\s+\S.*)$/u;

function lineStartOf(text: string, at: number): number {
  let i = at;
  while (i > 0 && text[i - 1] !== '\n') i--;
  return i;
}

/** Scripts written with spaces between clauses instead of sentence punctuation. */
const CLAUSE_SCRIPT = /[\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}]/u;
/** A clause shorter than this is joined to the next one: alone it rarely says anything. */
const MIN_THAI_CLAUSE = 25;

/**
 * Cuts a range at spaces that stand between two letters of Thai, Lao, Khmer or Burmese, and after
 * Khmer (។) and Burmese (။) full stops. Other ranges pass unchanged.
 */
function scriptClauses(text: string, start: number, end: number): Range[] {
  const slice = text.slice(start, end);
  if (!CLAUSE_SCRIPT.test(slice)) return [[start, end]];
  const clauses: Array<[number, number]> = [];
  let from = start;
  for (const space of slice.matchAll(/[ \t\u00a0]+|(?<=[។။])/gu)) {
    const at = start + space.index;
    const after = at + space[0].length;
    if (after >= end) continue;
    const stop = /[។။]/u.test(text[at - 1] ?? '');
    if (!stop && (!CLAUSE_SCRIPT.test(text[at - 1] ?? '') || !CLAUSE_SCRIPT.test(text[after] ?? '')))
      continue;
    clauses.push([from, at]);
    from = after;
  }
  clauses.push([from, end]);
  const merged: Array<[number, number]> = [];
  for (const clause of clauses) {
    const last = merged[merged.length - 1];
    if (last && last[1] - last[0] < MIN_THAI_CLAUSE) last[1] = clause[1];
    else merged.push(clause);
  }
  const tail = merged[merged.length - 1];
  if (merged.length > 1 && tail && tail[1] - tail[0] < MIN_THAI_CLAUSE) {
    merged.pop();
    merged[merged.length - 1]![1] = tail[1];
  }
  return merged;
}

/** Cuts a range longer than `max` at the last clause mark or space before the limit. */
function capped(text: string, start: number, end: number, max: number): Range[] {
  const pieces: Range[] = [];
  let from = start;
  while (end - from > max) {
    let cut = lastBreak(text, from + Math.floor(max / 3), from + max);
    if (cut === undefined) {
      cut = from + max;
      if (/[\uDC00-\uDFFF]/.test(text[cut] ?? '')) cut--;
    }
    pieces.push([from, trimEnd(text, from, cut)]);
    from = cut;
    while (from < end && /[\s\u3000]/u.test(text[from]!)) from++;
  }
  if (from < end) pieces.push([from, end]);
  return pieces;
}

/** Position just after the last clause mark (or else the last space) in `[min, max]`. */
function lastBreak(text: string, min: number, max: number): number | undefined {
  let space: number | undefined;
  for (let i = max; i > min; i--) {
    const before = text[i - 1] ?? '';
    if (/[。．！？!?;；,，、:：]/u.test(before)) return i;
    if (space === undefined && /[\s\u3000]/u.test(text[i] ?? '')) space = i;
  }
  return space;
}

function trimEnd(text: string, start: number, end: number): number {
  let to = end;
  while (to > start && /[\s\u3000]/u.test(text[to - 1]!)) to--;
  return to;
}
