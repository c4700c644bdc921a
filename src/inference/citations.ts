/** A text with its citation markers checked against the sources that were actually given. */
export interface ExtractedCitations {
  /** The text with markers of sources that do not exist removed (valid markers untouched). */
  readonly text: string;
  /** 1-based source indexes the text cites, in first-cited order, without repeats. */
  readonly cited: readonly number[];
}

/**
 * Finds the citation markers in a generated answer: `[1]`, `[1, 2]`, `[1][2]`, `[1-3]`, full-width
 * `［１］`, `［1，2］`, `【1】` and `[1、2]`. A marker that names a source outside `1..sourceCount`
 * (a model inventing `[7]` from three sources) is dropped from the text, or narrowed to the numbers
 * that exist. Brackets inside code (`` `items[0]` ``, fenced blocks) and link texts (`[1](url)`) are
 * not citations and stay as written.
 */
export function extractCitations(text: string, sourceCount: number): ExtractedCitations {
  const cited: number[] = [];
  const code = codeRanges(text);
  let out = '';
  let last = 0;
  for (const match of text.matchAll(MARKER)) {
    const [marker, open = '[', body = '', close = ']'] = match;
    const start = match.index;
    const end = start + marker.length;
    if (text[end] === '(' || code.some(([from, to]) => start >= from && start < to)) continue;
    const numbers = parseBody(body);
    const valid = [...new Set(numbers.filter((n) => n >= 1 && n <= sourceCount))];
    for (const n of valid) if (!cited.includes(n)) cited.push(n);
    if (valid.length === numbers.length) continue;
    out += text.slice(last, start);
    if (valid.length === 0) out = out.replace(/[ \t\u3000]+$/, '');
    else out += open + valid.map((n) => digits(n, body)).join(/[，、]/.exec(body)?.[0] ?? ', ') + close;
    last = end;
  }
  return { text: out + text.slice(last), cited };
}

const DIGIT = '[0-9０-９]{1,3}';
const SEPARATOR = '\\s*[,，、;；]\\s*';
const RANGE = '\\s*[-–~～]\\s*';
const ITEM = `${DIGIT}(?:${RANGE}${DIGIT})?`;
const MARKER = new RegExp(`([\\[［【])\\s*(${ITEM}(?:${SEPARATOR}${ITEM})*)\\s*([\\]］】])`, 'g');

/** A range wider than this is not a citation anyone meant ("[1-300]"); only its ends count. */
const MAX_RANGE = 20;

function parseBody(body: string): number[] {
  const numbers: number[] = [];
  for (const item of body.split(new RegExp(SEPARATOR))) {
    const [from, to] = item.split(new RegExp(RANGE)).map(toNumber);
    if (from === undefined) continue;
    if (to === undefined || to < from || to - from > MAX_RANGE) {
      numbers.push(from);
      if (to !== undefined) numbers.push(to);
      continue;
    }
    for (let n = from; n <= to; n++) numbers.push(n);
  }
  return numbers;
}

function toNumber(digits: string): number {
  return Number(digits.replace(/[０-９]/g, (d) => String(d.charCodeAt(0) - 0xff10)));
}

/** `n` written with the kind of digits the marker used (full-width in `［１，４］`). */
function digits(n: number, body: string): string {
  const ascii = String(n);
  if (!/[０-９]/.test(body)) return ascii;
  return ascii.replace(/[0-9]/g, (d) => String.fromCharCode(0xff10 + Number(d)));
}

/** [start, end) offsets of fenced code blocks and inline code spans. */
function codeRanges(text: string): Array<readonly [number, number]> {
  const ranges: Array<readonly [number, number]> = [];
  for (const match of text.matchAll(/```[\s\S]*?(?:```|$)|`[^`\n]+`/g)) {
    ranges.push([match.index, match.index + match[0].length]);
  }
  return ranges;
}
