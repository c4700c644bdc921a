/** Helpers for looking at the text around a candidate span. */

/** Does `label` occur within `before` characters before the span or `after` characters after it? */
export function labelNear(
  text: string,
  start: number,
  end: number,
  label: RegExp,
  before: number,
  after: number,
): boolean {
  const window = text.slice(Math.max(0, start - before), start) + '\u0000' + text.slice(end, end + after);
  label.lastIndex = 0;
  return label.test(window);
}

/** The digits of a string, separators dropped. */
export function digitsOf(text: string): string {
  return text.replace(/\D/g, '');
}

/** Spans that overlap, `end` exclusive. */
export function overlaps(a: { start: number; end: number }, b: { start: number; end: number }): boolean {
  return a.start < b.end && b.start < a.end;
}

/**
 * Which characters of a text findings already cover: a check and a mark in constant time per
 * character, so a pass over thousands of candidates stays linear (a list searched per candidate
 * was quadratic: 2.3 s for 100,000 characters of "pw pw pw …").
 */
export class Coverage {
  private readonly covered: Uint8Array;

  constructor(length: number, spans: readonly { start: number; end: number }[] = []) {
    this.covered = new Uint8Array(length + 1);
    for (const span of spans) this.add(span.start, span.end);
  }

  covers(start: number, end: number): boolean {
    for (let i = start; i < end; i++) if (this.covered[i]) return true;
    return false;
  }

  add(start: number, end: number): void {
    this.covered.fill(1, start, end);
  }
}

/**
 * A sentence end: 。！？, a line break, or . ! ? before a space or the end, but not the period of a
 * short capitalised abbreviation (Hr., Dr., M., Sra.) or of a number (im 2. OG).
 */
const SENTENCE_END = /[。！？\n]|(?<!(?:^|[\s(])\p{Lu}\p{Ll}{0,2}|\d)[.!?](?=\s|$)/gu;

/** The sentence around a span, at most `reach` characters each way: [start, end) offsets into `text`. */
export function sentenceAround(text: string, start: number, end: number, reach = 200): [number, number] {
  const before = text.slice(Math.max(0, start - reach), start);
  let cut = 0;
  for (const m of before.matchAll(SENTENCE_END)) cut = m.index + m[0].length;
  const after = text.slice(end, end + reach);
  let stop = after.length;
  for (const m of after.matchAll(SENTENCE_END)) {
    stop = m.index;
    break;
  }
  return [start - before.length + cut, end + stop];
}
