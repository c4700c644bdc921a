import { parsePhoneNumberFromString } from 'libphonenumber-js';
import type { RawFinding } from './scanner.js';
import { labelNear } from './text-window.js';

/*
 * Phone numbers: international (+E.164 with a known country code and a plausible length) and the
 * national formats a multinational meets (Japan, Korea, China, Thailand, France, North America).
 * A bare digit string is not a phone number unless a label says so: order numbers, amounts and
 * dates are digit strings too.
 */

const SEP = '[ \\-.\\u2010-\\u2015ー]';
/**
 * Digit groups joined by single separators or parentheses, optionally after a `+`. At most eight
 * groups: no phone number has more, and an unbounded run ("1 2 3 4 …") made the prefix search
 * below cubic in its length (measured: 380 ms for 2,000 characters of spaced digits).
 */
const CANDIDATE = new RegExp(
  `(?<![\\w+\\-./])(?:\\+\\d{1,3}${SEP}?)?(?:\\(\\d{1,5}\\)${SEP}?)?\\d{1,8}(?:(?:${SEP}|${SEP}?\\(|\\)${SEP}?)\\d{1,8}){0,7}`,
  'g',
);
const LABEL =
  /電話|TEL|Tel\b|tel[:.：]|phone|携帯|手机|电话|電話番号|联系|전화|휴대폰|연락처|tel[eé]fono|m[oó]vil|celular|โทร|มือถือ|Telefon|Handy|t[ée]l[ée]phone|portable|mobile|\bcall\b|fax|ファ[ック]*クス|内線/i;

/** Finds phone numbers in normalised text. */
export function findPhoneNumbers(text: string): RawFinding[] {
  const found: RawFinding[] = [];
  for (const m of text.matchAll(CANDIDATE)) {
    const span = longestValidPrefix(text, m.index, m[0]);
    if (span) found.push({ type: 'phone', start: span.start, end: span.end });
  }
  return found;
}

/** The candidate may run into neighbouring numbers; drop trailing groups until what is left is a phone number. */
function longestValidPrefix(
  text: string,
  start: number,
  candidate: string,
): { start: number; end: number } | undefined {
  let value = candidate.replace(/[\s\-.(\u2010-\u2015ー]+$/, '');
  for (;;) {
    const end = start + value.length;
    if (!/[\w]/.test(text[end] ?? '') && isPhone(value, labelNear(text, start, end, LABEL, 16, 0))) {
      return { start, end };
    }
    const cut = value.search(/[ \-.\u2010-\u2015ー()]+\d+\)?$/);
    if (cut <= 0) return undefined;
    value = value.slice(0, cut);
  }
}

function isPhone(value: string, labelled: boolean): boolean {
  const groups = value.split(/[ \-.\u2010-\u2015ー()]+/).filter((g) => g.length > 0);
  const digits = groups.join('').replace(/^\+/, '');
  if (digits.length < 8 || digits.length > 15) return false;
  if (value.startsWith('+')) return internationalValid(value);
  const dots = value.includes('.');
  if (digits.startsWith('0') && !digits.startsWith('00')) {
    if (/^0[1-9](?:[ .]\d\d){4}$/.test(value)) return true; // France: 01 23 45 67 89
    if (dots) return false; // versions and dates use dots
    if (groups.length < 2) return labelled && digits.length >= 9 && digits.length <= 12;
    const last = groups[groups.length - 1]!;
    if (last.length < 3 || groups[0]!.length > 5 || groups.length > 4) return false;
    // Nine digits: Seoul and Bangkok 02-123-4567, Thai provinces 053-123-456.
    if (digits.length === 9) return ['2,3,4', '3,3,3'].includes(groups.map((g) => g.length).join(','));
    if (digits.length === 10 || digits.length === 11) return true;
    return digits.length === 12 && groups.length === 2 && groups[0]!.length === 4 && last.length === 8;
  }
  // China mobile: 138 1234 5678 (labelled when unseparated).
  if (/^1[3-9]\d{9}$/.test(digits) && (groups.length === 3 || labelled)) {
    return groups.length === 1 || groups.map((g) => g.length).join(',') === '3,4,4';
  }
  // North America: (415) 555-0132, 415-555-0132.
  if (/^[2-9]\d\d[2-9]\d{6}$/.test(digits) && /^(?:\(\d{3}\) ?|\d{3}[-.])\d{3}[-.]\d{4}$/.test(value)) {
    return !/^\d{3}\.\d{3}\.\d{4}$/.test(value) || labelled;
  }
  // Anything else with a phone label nearby: Spain's 912 345 678 and the like.
  return labelled && groups.length >= 2 && digits.length >= 9 && digits.length <= 12;
}

/**
 * An international number is possible for its country (libphonenumber-js's maintained metadata:
 * the country code exists and the national number has one of its lengths). A trunk zero written
 * in parentheses, +81 (0)3-1234-5678, is not dialled.
 */
function internationalValid(value: string): boolean {
  const dialled = `+${value.replace(/\(0\)/, '').replace(/\D/g, '')}`;
  return parsePhoneNumberFromString(dialled)?.isPossible() ?? false;
}
