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
