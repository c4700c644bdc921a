import type { RawFinding } from './scanner.js';
import { isPlaceholder, notASecret, shannonEntropy } from './token-shape.js';

/*
 * A secret handed over with no word at all ("Use 9fK2mQx7LpZ3vR8tWn4Y to log in", "the shared
 * value for the VPN is …", "…を入力してください"): the words around it are in any of the answer
 * languages, so the clue is the token itself. Language-independent: a run of printable ASCII that
 * nobody would write as a word, a name, a product, an id or a hash.
 */

/** A run of printable ASCII standing alone; CJK, Thai, Arabic or Hebrew letters end it as a space does. */
const RUN = /(?<![\x21-\x7E])[\x21-\x7E]{14,256}(?![\x21-\x7E])/g;
const LEADING = /^[("'“‘«„「『【〔<[{*_`~]+/u;
const KEY_PREFIX = /^[("'`?&]?[A-Za-z][\w.-]{0,40}[=:](?!\/\/)/;
const TRAILING = /[.,;:!?)\]}>"'`」』】〕”’»*_([{<]+$/u;
/** Separators inside a token that make its parts ids, paths or versions: ORD-2026-8781, a/b/c, E5-2690v4@2.60GHz. */
const SEGMENT_SPLIT = /[-_./:@+=,;\\|]+/;
/**
 * Base64 of a file rather than a secret: PNG, JPEG, GIF, WebP, SVG, PDF, ZIP; `data:` URIs and
 * Subresource Integrity digests (`sha384-…`) and SSH public keys (`AAAAC3Nza…`) are public too.
 */
const PUBLIC_ENCODED =
  /^(?:AAAA[BCE][0-9A-Za-z]Nza|AAAAE2VjZHNh|iVBORw0KGgo|\/9j\/|R0lGOD|UklGR|PHN2Zy|PD94bW|JVBERi|UEsDB|data:|sha(?:1|256|384|512)-)/;
/** Words right before a token that make it a public digest or an id: checksum, commit, fingerprint, ISBN, tracking. */
const PUBLIC_BEFORE =
  /(?:checksum|check\s?sum|hash|digest|sha-?(?:1|256|384|512)|md5|crc32|fingerprint|integrity|ssh-(?:rsa|ed25519|dss)|ecdsa-sha2-nistp\d+|commit|revision|isbn|tracking|(?:order|invoice|ticket|serial|build)\s?(?:no\.?|number|id|#)|request\s?id|trace\s?id|correlation\s?id|Prüfsumme|somme\s+de\s+contrôle|suma\s+de\s+(?:control|verificación)|contrôle|controlesom|sum[ay]?\s+kontroln|commici\p{L}*|коммит\p{L}*|ветк\p{L}*|branch|merge[ds]?|pull\s+request|提交号?|合并|合入|分支|คอมมิต|แบรนช์|브랜치|ブランチ|sağlama|контрольн\p{L}*|хеш|хэш|المجموع\s+الاختباري|בדיקת\s+סיכום|tổng\s+kiểm|checksum|チェックサム|ハッシュ|コミット|校验和|校驗和|哈希|체크섬|해시|커밋|เช็กซัม|แฮช)[^\n]{0,24}$/iu;

const HEX = /^(?:[0-9a-f]{32,128}|[0-9A-F]{32,128})$/;
/** Digest words anywhere in the sentence: "(SHA-256)", "the build's checksum is …". */
const PUBLIC_NEAR = new RegExp(PUBLIC_BEFORE.source.replace(/\[\^\\n\]\{0,24\}\$$/, ''), 'iu');

/** The text around a span, 160 characters before and 80 after: a digest's caption may be a line or a paragraph above it. */
function textAround(text: string, start: number, end: number): string {
  return text.slice(Math.max(0, start - 160), start) + text.slice(end, end + 80);
}

/** Digits and letters spread through a hex string, as random bytes give (not 0000…0001 or deadbeef…). */
function randomHex(token: string): boolean {
  const digits = token.match(/\d/g)?.length ?? 0;
  return digits >= token.length * 0.2 && digits <= token.length * 0.85 && shannonEntropy(token) >= 3.0;
}

function caseFlips(token: string): number {
  return token.match(/[a-z][A-Z]|[A-Z][a-z]/g)?.length ?? 0;
}

const QUERY_VALUE = /[?&]([\w.-]{1,40})=([^&#\s]{8,256})/g;
const CREDENTIAL_PARAM =
  /^(?:auth|token|access_token|key|api_?key|sig|signature|secret|code|pwd|pass|password|session|sid)$/i;

/** Armoured blocks that are public: certificates, public keys (private ones are the PEM rule's). */
const PUBLIC_BLOCK =
  /-----BEGIN ((?:[A-Z0-9]+ ){0,3}(?:CERTIFICATE|PUBLIC KEY(?: BLOCK)?|CERTIFICATE REQUEST|SIGNATURE))-----[\s\S]{0,20000}?(?:-----END \1-----|$)/g;

/** Secret-looking tokens anywhere in the text, with no credential word needed. */
export function findStandaloneTokens(text: string): RawFinding[] {
  const found: RawFinding[] = [];
  const blocks = text.includes('-----BEGIN ')
    ? [...text.matchAll(PUBLIC_BLOCK)].map((b) => [b.index, b.index + b[0].length] as const)
    : [];
  for (const m of text.matchAll(RUN)) {
    if (blocks.some(([from, to]) => m.index >= from && m.index < to)) continue;
    // A key before the value (`integrity="…"`, `id:…`) is not part of it.
    const key = KEY_PREFIX.exec(m[0])?.[0].length ?? 0;
    const lead = key + (LEADING.exec(m[0].slice(key))?.[0].length ?? 0);
    const token = m[0].slice(lead).replace(TRAILING, '');
    // A link's query values: https://bi.corp.local/share?auth=F9ljtvDEcnwDhAn6yj (the link itself is public).
    if (token.includes('://')) {
      for (const q of token.matchAll(QUERY_VALUE)) {
        const value = q[2]!;
        const named =
          CREDENTIAL_PARAM.test(q[1]!) && value.length >= 8 && /\d/.test(value) && /[A-Za-z]/.test(value);
        if (named || (value.length >= 14 && standaloneSecret(value))) {
          const start = m.index + lead + q.index + q[0].length - value.length;
          found.push({ type: 'secret', start, end: start + value.length });
        }
      }
      continue;
    }
    if (token.length < 14 || !standaloneSecret(token)) continue;
    const start = m.index + lead;
    if (PUBLIC_BEFORE.test(text.slice(Math.max(0, start - 40), start))) continue;
    // A long hex string is a digest only where the sentence says so (commit, SHA-256, checksum);
    // handed over on its own ("the value for the webhook is 9910c49b…") it is a secret.
    if (HEX.test(token) && PUBLIC_NEAR.test(textAround(text, start, start + token.length))) continue;
    found.push({ type: 'secret', start, end: start + token.length });
  }
  return found;
}

/**
 * A token that is a secret wherever it stands: URLs, paths, e-mail addresses, host names, UUIDs,
 * hex hashes, encoded files, versions and ids are not; one of its parts must be random by itself.
 */
export function standaloneSecret(token: string): boolean {
  if (
    token.includes('://') ||
    token.includes(';base64,') ||
    isPlaceholder(token) ||
    notASecret(token) ||
    PUBLIC_ENCODED.test(token)
  ) {
    return false;
  }
  // Hex: a secret at 32 characters or more with no separators (MACs and UUIDs have them) and random
  // digits and letters mixed; the caller drops it when a digest word stands in its sentence.
  if (/^[0-9a-f]+$|^[0-9A-F]+$/.test(token.replace(/[-:]/g, ''))) return HEX.test(token) && randomHex(token);
  if (/x{5,}|EXAMPLE|\.{3}/i.test(token)) return false; // documentation examples
  // A key in groups (UjZPle6X-uXb3Wv4f-BcwgK0Ev): two or more groups of 2+ characters that read as one random part when joined.
  const groups = token.split(/[-_.~]/);
  if (groups.length >= 2 && groups.every((g) => g.length >= 2) && randomPart(groups.join(''))) return true;
  // Letters only, case flipping at random (tXSHucPMNOwVZWavhYivWjaWpd); base32 seeds (T1CYQH5UIK2XKGGO).
  if (/^[A-Za-z]{16,}$/.test(token) && caseFlips(token) >= token.length / 2.5 && shannonEntropy(token) >= 3.5)
    return true;
  if (
    // Base32 (A-Z, 2-7) has few vowels; an upper-case word or name has many.
    /^[A-Z2-7]{16,64}$/.test(token) &&
    /\d/.test(token) &&
    (token.match(/[AEIOUY]/g)?.length ?? 0) <= token.length * 0.3 &&
    shannonEntropy(token) >= 3.2
  )
    return true;
  // A BitLocker recovery key: eight groups of six digits.
  if (/^\d{6}(?:-\d{6}){7}$/.test(token)) return true;
  // Random mixed case and digits switch class at almost every character, product names at word
  // boundaries only (ThinkPadX1CarbonGen11: 0.5): a short token with no separator is judged so.
  if (
    token.length >= 14 &&
    /^[A-Za-z0-9]+$/.test(token) &&
    /\d/.test(token) &&
    /[a-z]/.test(token) &&
    /[A-Z]/.test(token)
  )
    if (switchRate(token) >= 0.6 && wordlike(token) < 0.5 && shannonEntropy(token) >= 3.3) return true;
  // Passwords mix symbols into their letters (Xk7#pQ2m!Lw9$Rt4), so a segment keeps them.
  return token.split(SEGMENT_SPLIT).some(randomPart);
}

/*
 * Thresholds chosen on simulated tokens (uniform over letters, digits and symbols) against product
 * and model names (iPhone15ProMax256GB, ThinkPadX1CarbonGen11, XPS13Plus9320i7U, Win11Pro22H2x64):
 * a 3-class part of 12+ characters whose word-like pieces cover less than half of it catches about
 * 90 % of random 16-character tokens and 98 % of 40-character ones, and none of those names.
 */
const MIN_PART = 12;
const MAX_WORDLIKE = 0.5;

/** Part of a token that no one would type as a word: mixed classes, few word-like pieces, high entropy. */
function randomPart(part: string): boolean {
  if (part.length < MIN_PART) return false;
  const lower = /[a-z]/.test(part);
  const upper = /[A-Z]/.test(part);
  const digit = /\d/.test(part);
  if (lower && upper && digit) return wordlike(part) < MAX_WORDLIKE && shannonEntropy(part) >= 3.2;
  // Two classes only (a8f3k29dj4m2p9x7q1z5, K7P2X9M4Q8R3T6W1Z5N0): longer, and switching class at
  // almost every other character, unlike order numbers, SKUs and tracking numbers (ORD20260315000123).
  if (part.length < 20 || !digit || (!lower && !upper)) return false;
  return switchRate(part) >= 0.45 && wordlike(part) < 0.3 && shannonEntropy(part) >= 3.8;
}

/** Pieces a reader would pronounce or read as a number: Phone, Pro, Carbon, 4090; not Xk, Qz, 7. */
function wordlike(part: string): number {
  const pieces = part.match(/[A-Z]?[a-z]+|[A-Z]+(?![a-z])|\d+/g) ?? [];
  let total = 0;
  let words = 0;
  for (const piece of pieces) {
    total += piece.length;
    // A word has vowels, and either no run of three consonants (Phone, Carbon) or a quarter of its
    // letters vowels (Gesellschaft, Strom); wgruqb and fwzx are not words.
    const vowels = piece.match(/[aeiouy]/gi)?.length ?? 0;
    const pronounceable = vowels > 0 && (!/[b-df-hj-np-tv-xz]{3}/i.test(piece) || vowels >= piece.length / 5);
    if (/^\d{2,}$/.test(piece) || (/^[A-Z]?[a-z]{2,}$/.test(piece) && pronounceable)) {
      words += piece.length;
    }
  }
  return total === 0 ? 1 : words / total;
}

function switchRate(part: string): number {
  const classOf = (ch: string) => (/[a-z]/.test(ch) ? 0 : /[A-Z]/.test(ch) ? 1 : /\d/.test(ch) ? 2 : 3);
  let switches = 0;
  for (let i = 1; i < part.length; i++) if (classOf(part[i]!) !== classOf(part[i - 1]!)) switches++;
  return switches / (part.length - 1);
}
