import { isPlaceholder } from './credential-rules.js';
import { KEY_WORDS, PASSWORD_WORDS } from './credential-words.js';
import { type FingerprintSeed, type ValueFingerprint, fingerprintValue } from './fingerprint.js';
import type { GuardContext } from './guard.js';
import { normalizeForScan } from './normalize.js';
import { createPiiScanner } from './pii-scanner.js';
import {
  type FindingType,
  type RawFinding,
  SECRET_FINDING_TYPES,
  VALIDATED_ID_FINDING_TYPES,
} from './scanner.js';
import { createSecretScanner } from './secret-scanner.js';

/**
 * Finding types whose values are registered at rest: credentials and validated identifiers (bank
 * accounts included). E-mail addresses and phone numbers are not (the help desk's own are meant to be quoted;
 * in-flight scanning still catches personal ones), nor markings (they are words, not values).
 */
export const REGISTERED_TYPES: ReadonlySet<string> = new Set<string>([
  ...SECRET_FINDING_TYPES,
  ...VALIDATED_ID_FINDING_TYPES,
]);

/** One sensitive span of a document, in offsets of the document text as given. */
export interface AtRestFinding {
  readonly type: FindingType;
  readonly start: number;
  readonly end: number;
  /** The parts of the span worth registering (a connection string's password, a key's body). */
  readonly values: readonly string[];
}

/** Characters around a value that a publisher sees in the masked excerpt. */
const EXCERPT_CONTEXT = 48;
/**
 * Findings registered per document (the first ones): past this, a file is a credential dump whose
 * answers the in-flight scanners hold anyway, and scanning it must not stall the process.
 */
const MAX_FINDINGS = 2_000;
/** Words of credentials up to this many characters before a value make it one, separator or not. */
const WORD_WINDOW = 48;

const CREDENTIAL_WORD = new RegExp(`(${PASSWORD_WORDS})|${KEY_WORDS}`, 'giu');
const VALUE_TOKEN = /[\x21-\x7E]{6,200}/g;
const CONFIG_LINE =
  /^[ \t]*(?:[-*][ \t]+)?(?:export[ \t]+|set[ \t]+)?["']?([A-Za-z_][\w.-]{0,60})["']?[ \t]*(?::|=|:=)[ \t]*["']?([^\s"'#,;]{6,300})/gm;
const SECRET_KEY_NAME =
  /pass|pwd|secret|token|api[_-]?key|access[_-]?key|private|credential|auth|salt|signing/i;
const FENCE = /^(?:```|~~~)[^\n]*\n([\s\S]*?)^(?:```|~~~)/gm;
const HIGH_ENTROPY_TOKEN = /(?<![\w+/=~.-])[A-Za-z0-9+/=_~.-]{16,300}(?![\w+/=~.-])/g;
const EMAIL = /^[^@\s]+@[^@\s]+\.[a-z]{2,}$/i;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const CONTEXT: GuardContext = { readers: [], sources: [], language: 'en' };

/**
 * The deliberately sensitive pass over one whole document at ingest, where context is richest:
 * the in-flight scanners (secrets, validated identifiers), plus any value-like token shortly
 * after a credential word in any language (with or without a separator), the values of
 * `password=`/`api_key:`-style keys in config lines, and random-looking tokens inside code and
 * config blocks or near credential words. It errs towards finding too much: a value found here
 * only makes answers that reproduce it wait for review.
 */
export async function scanDocumentAtRest(text: string): Promise<AtRestFinding[]> {
  const normalized = normalizeForScan(text);
  const n = normalized.text;
  const raw: { type: FindingType; start: number; end: number; values?: string[] }[] = [];

  const inFlight = await Promise.all(
    [createSecretScanner(), createPiiScanner()].map((s) => s.scan(n, CONTEXT)),
  );
  for (const f of inFlight.flat()) {
    if (REGISTERED_TYPES.has(f.type)) raw.push({ ...f });
  }

  // Where each credential word ends, in order: read once, swept below.
  const wordEnds: number[] = [];
  for (const m of n.matchAll(CREDENTIAL_WORD)) {
    const from = m.index + m[0].length;
    wordEnds.push(from);
    const line = n.slice(from, lineEnd(n, from, WORD_WINDOW + 200));
    for (const token of line.matchAll(VALUE_TOKEN)) {
      if (token.index > WORD_WINDOW) break;
      const value = trimValue(token[0]);
      if (!looksChosen(value)) continue;
      const start = from + token.index + token[0].indexOf(value);
      raw.push({ type: m[1] ? 'password' : 'secret', start, end: start + value.length });
      break;
    }
  }

  for (const m of n.matchAll(CONFIG_LINE)) {
    if (!SECRET_KEY_NAME.test(m[1]!)) continue;
    const value = trimValue(m[2]!);
    if (!looksLikeValue(value)) continue;
    const start = m.index + m[0].lastIndexOf(m[2]!);
    raw.push({ type: /pass|pwd/i.test(m[1]!) ? 'password' : 'secret', start, end: start + value.length });
  }

  const blocks = [...n.matchAll(FENCE)].map((m) => [m.index, m.index + m[0].length] as const);
  let word = 0;
  for (const m of n.matchAll(HIGH_ENTROPY_TOKEN)) {
    const inBlock = blocks.some(([s, e]) => s <= m.index && m.index < e);
    // The last credential word before the token, on its line, at most 80 characters back.
    while (word < wordEnds.length && wordEnds[word]! <= m.index) word += 1;
    const before = wordEnds[word - 1];
    const near = before !== undefined && m.index - before <= 80 && !n.slice(before, m.index).includes('\n');
    if ((inBlock || near) && randomLooking(m[0]))
      raw.push({ type: 'secret', start: m.index, end: m.index + m[0].length });
  }

  return dedupe(raw)
    .slice(0, MAX_FINDINGS)
    .map((f) => ({
      type: f.type,
      ...normalized.toOriginal(f.start, f.end),
      values: valuesOf(f.type, n.slice(f.start, f.end)),
    }));
}

/**
 * The line around a finding (at most EXCERPT_CONTEXT characters each side) with every finding in
 * it masked, for the publisher's list. `all` is sorted by start, as the scan returns it.
 */
export function maskedExcerpt(text: string, finding: AtRestFinding, all: readonly AtRestFinding[]): string {
  const head = Math.max(0, finding.start - EXCERPT_CONTEXT);
  const from = head + text.slice(head, finding.start).lastIndexOf('\n') + 1;
  const tail = text.slice(finding.end, finding.end + EXCERPT_CONTEXT);
  const to = finding.end + (tail.includes('\n') ? tail.indexOf('\n') : tail.length);
  let out = '';
  let cursor = from;
  for (let i = firstEndingAfter(all, from); i < all.length && all[i]!.start < to; i += 1) {
    const f = all[i]!;
    if (f.end <= cursor) continue;
    out += text.slice(cursor, Math.max(cursor, f.start));
    out += `••••(${f.type})`;
    cursor = Math.max(cursor, f.end);
  }
  out += text.slice(cursor, Math.max(cursor, to));
  return `${from > 0 ? '…' : ''}${out.replace(/\s+/g, ' ').trim()}${to < text.length ? '…' : ''}`;
}

/** The first finding (sorted by start, not overlapping) that ends after `at`: a binary search. */
function firstEndingAfter(all: readonly AtRestFinding[], at: number): number {
  let lo = 0;
  let hi = all.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (all[mid]!.end <= at) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function lineEnd(text: string, from: number, max: number): number {
  const newline = text.slice(from, from + max).indexOf('\n');
  return newline < 0 ? Math.min(text.length, from + max) : from + newline;
}

/** Quotes, brackets and sentence punctuation around a value are not part of it. */
function trimValue(token: string): string {
  return token.replace(/^["'`(<[{:=/*_~]+/, '').replace(/[.,;:!?)\]}>"'`*_~]+$/, '');
}

/**
 * A value someone chose or generated rather than a word of the sentence: at least six characters,
 * not a placeholder, a plain URL, a path or a lowercase word; with a digit, a symbol or mixed case,
 * or long.
 */
function looksLikeValue(value: string): boolean {
  if (value.length < 6 || isPlaceholder(value)) return false;
  if (/^https?:\/\//i.test(value) && !/:\/\/[^/@\s]*:[^@\s]+@/.test(value)) return false;
  if (value.startsWith('/') || /^\d+(?:[-–~/.,:]\d+)+$/.test(value)) return false;
  if (/^[a-z]+$/.test(value) && value.length < 12) return false;
  if (/^[A-Z][a-z]+$/.test(value)) return false;
  return (
    /\d/.test(value) ||
    /[^A-Za-z0-9]/.test(value) ||
    (/[a-z]/.test(value) && /[A-Z]/.test(value)) ||
    value.length >= 12
  );
}

/**
 * After a credential word with no key name to go by, a value must look chosen: a digit or a symbol
 * in it (not only the hyphens of a name like `LumenWorks-Guest` or `multi-factor`), or long and
 * random. An e-mail address after "report it to" is contact data, not a password.
 */
function looksChosen(value: string): boolean {
  if (!looksLikeValue(value) || EMAIL.test(value)) return false;
  return (
    /\d/.test(value) || /[^\p{L}\p{N}\-_.']/u.test(value) || (value.length >= 16 && randomLooking(value))
  );
}

/** Long, mixed classes, high Shannon entropy; not a UUID, a hex hash, a URL or a dotted name. */
function randomLooking(token: string): boolean {
  if (
    UUID.test(token) ||
    /^[0-9a-f]+$/i.test(token) ||
    token.includes('//') ||
    /^[\w-]+(?:\.[\w-]+)+$/.test(token)
  )
    return false;
  const classes = [/[a-z]/, /[A-Z]/, /\d/, /[^A-Za-z0-9]/].filter((re) => re.test(token)).length;
  // Some part no one would type: letters mixed with digits, or the case flipping often.
  const randomPart = token
    .split(/[-_./+=~]+/)
    .some(
      (part) =>
        part.length >= 8 &&
        ((/\d/.test(part) && /[A-Za-z]/.test(part)) ||
          (part.match(/[a-z][A-Z]|[A-Z][a-z]/g)?.length ?? 0) >= 4),
    );
  return classes >= 3 && randomPart && entropy(token) >= 3.5;
}

function entropy(value: string): number {
  const counts = new Map<string, number>();
  for (const ch of value) counts.set(ch, (counts.get(ch) ?? 0) + 1);
  let bits = 0;
  for (const count of counts.values()) bits -= (count / value.length) * Math.log2(count / value.length);
  return bits;
}

/**
 * The parts of a span that identify the secret: a connection string's password (not its host or
 * scheme, which answers mention freely), a private key's body lines, otherwise the pieces between
 * separators that look like values (not `AWS_SECRET_ACCESS_KEY` or `password` labels).
 */
function valuesOf(type: FindingType, span: string): string[] {
  if (type === 'connection_string') {
    const passwords = [
      ...span.matchAll(/:\/\/[^:/@\s]*:([^@\s]+)@/g),
      ...span.matchAll(/(?:password|pwd)\s*=\s*([^;\s]+)/gi),
    ].map((m) => m[1]!.replace(/^["']|["']$/g, ''));
    if (passwords.length) return passwords;
  }
  if (type === 'private_key') {
    return span
      .split('\n')
      .filter((line) => /^[A-Za-z0-9+/=]{16,}$/.test(line.trim()))
      .map((l) => l.trim());
  }
  // An identifier is its digits and letters, whatever the grouping: `4111 1111 1111 1111` is one value.
  if (!(SECRET_FINDING_TYPES as readonly string[]).includes(type)) return [span];
  // Key names (`AWS_SECRET_ACCESS_KEY`, `aws_secret_access_key`) label a value; they are not one.
  const pieces = span
    .split(/[\s:=;,'"<>()[\]{}]+/)
    .filter((p) => p && !/^[A-Za-z]+(?:[_-][A-Za-z]+)+$/.test(p) && !EMAIL.test(p));
  if (pieces.length === 1) return pieces;
  return pieces.filter((p) => looksLikeValue(p) || /^\d{6,}$/.test(p));
}

/** One finding per span: overlapping spans of the same or a less specific kind are merged. */
function dedupe<T extends RawFinding>(findings: readonly T[]): T[] {
  const sorted = [...findings].sort((a, b) => a.start - b.start || b.end - a.end);
  const out: T[] = [];
  for (const f of sorted) {
    const last = out[out.length - 1];
    if (last && f.start < last.end) {
      if (f.end > last.end) out[out.length - 1] = { ...last, end: f.end };
      continue;
    }
    out.push(f);
  }
  return out;
}

/**
 * The version of this scan. Documents scanned by an older one (or before it existed) are scanned
 * again from their stored text at start; raise it whenever what the scan finds changes.
 */
export const AT_REST_SCAN_VERSION = 1;

/** What is stored about one sensitive value of a document: fingerprints and a masked excerpt. */
export interface SensitiveRecord {
  readonly type: FindingType;
  readonly fingerprint: ValueFingerprint;
  readonly excerpt: string;
}

/**
 * Scans a document at rest and fingerprints what it found with the registry's key: the records
 * to store with the document (one per registrable value) and the count of findings by type.
 */
export async function sensitiveRecords(
  seed: FingerprintSeed,
  text: string,
): Promise<{ version: number; records: SensitiveRecord[]; counts: Record<string, number> }> {
  const findings = await scanDocumentAtRest(text);
  const counts: Record<string, number> = {};
  const records: SensitiveRecord[] = [];
  for (const f of findings) {
    counts[f.type] = (counts[f.type] ?? 0) + 1;
    const excerpt = maskedExcerpt(text, f, findings);
    for (const value of new Set(f.values)) {
      const fingerprint = fingerprintValue(seed, value);
      if (fingerprint) records.push({ type: f.type, fingerprint, excerpt });
    }
  }
  return { version: AT_REST_SCAN_VERSION, records, counts };
}
