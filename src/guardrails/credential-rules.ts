import { findConfigCredentials } from './config-credentials.js';
import { KEY_WORDS } from './credential-words.js';
import { findProseCredentials, trimTrailing } from './prose-credentials.js';
import type { RawFinding } from './scanner.js';
import { findStandaloneTokens } from './standalone-tokens.js';
import { highEntropyToken, isPlaceholder, randomSegment, shannonEntropy } from './token-shape.js';

export { isPlaceholder } from './token-shape.js';

/*
 * Secret rules that secretlint's recommended preset lacks or keeps narrow: private-key blocks
 * (also cut off, as in a stream), JWTs, connection strings with passwords, `password: ...`
 * assignments in many languages, and high-entropy strings next to a key word.
 */

const PEM =
  /-----BEGIN[ A-Z0-9]*PRIVATE KEY(?: BLOCK)?-----(?:[\s\S]*?-----END[ A-Z0-9]*PRIVATE KEY(?: BLOCK)?-----|[A-Za-z0-9+/=\s:,-]*)/g;
const PUTTY =
  /PuTTY-User-Key-File-\d+:[^\n]*\n(?:[^\n]*\n){0,40}?Private-Lines: \d+\n(?:[A-Za-z0-9+/=]+\n?)+/g;
const JWT = /(?<![\w-])eyJ[A-Za-z0-9_-]{8,}\.eyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]*/g;
/** A URI with credentials; the user may be empty, as Redis writes it (redis://:X@host:6379). */
const URI_CREDENTIALS =
  /(?<![\w+.-])[a-z][a-z0-9+.-]{1,20}:\/\/[^\s:/@'"<>]{0,100}:[^\s@/'"<>]{1,200}@[^\s/'"<>]+/gi;
const KEY_VALUE_CONNECTION =
  /(?:Server|Data Source|Host|Address|Addr|Network Address)\s*=[^;\n]+;(?:[^;\n]*;){0,8}?\s*(?:Password|Pwd)\s*=\s*("[^"\n]*"|'[^'\n]*'|[^;\s]+)/gi;
const KEYED_TOKEN = new RegExp(
  String.raw`(${KEY_WORDS})[^\n]{0,40}?(?<![A-Za-z0-9+/=_.-])([A-Za-z0-9+/=_.-]{20,200})(?![A-Za-z0-9+/=_.-])`,
  'giu',
);
/** Well-known token formats the recommended preset does not cover. */
const KNOWN_TOKENS =
  /(?<![\w-])(?:AIza[0-9A-Za-z_-]{35}|(?:sk|rk)_(?:live|test)_[0-9A-Za-z]{24,99}|glpat-[0-9A-Za-z_-]{20,}|hf_[A-Za-z]{34}|AccountKey=[A-Za-z0-9+/]{40,100}={0,2})(?![\w-])/g;
/**
 * Vendor prefixes that only tokens carry (OpenAI, Anthropic, SendGrid, GitHub, Slack, Twilio,
 * Mailgun, Shopify, Telegram, Databricks, DigitalOcean, PyPI, Docker, Postman, Google OAuth,
 * Vault, Grafana, New Relic, Alibaba, Tencent, Atlassian, npm, Linear, Notion, Azure SAS). The
 * preset's rules demand each vendor's exact length and checksum marker; a token pasted into a
 * document is often cut, re-typed or invented for an example, so here the prefix and a random
 * body are enough.
 */
const PREFIXED_TOKENS =
  /(?<![\w-])(?:sk-(?:proj-|ant-(?:api|admin)\d\d-|svcacct-|admin-)?|SG\.|github_pat_|gh[pousr]_|xox[abposr]-|key-(?=[0-9a-z]{32}(?![\w-]))|shp(?:at|ca|pa|ss)_|dapi|dop_v1_|pypi-|dckr_pat_|PMAK-|GOCSPX-|hvs\.|gl(?:c|sa)_|NRAK-|LTAI|AKID|ATATT3|npm_|lin_api_|ntn_)([A-Za-z0-9_.=+/-]{16,300})(?![\w-])|(?<![\w-])(?:SK[0-9a-f]{32}|\d{8,10}:AA[A-Za-z0-9_-]{30,40})(?![\w-])|[?&]sig=([A-Za-z0-9%+/=]{30,120})/g;
/** A bearer token in a header or a command, whatever its length or alphabet: `Authorization: Bearer abc123def456ghi789`. */
const BEARER = /\bBearer\s+([A-Za-z0-9._~+/-]{12,500}={0,2})(?![\w.~+/=-])/g;
/** HTTP basic credentials in a header: `Authorization: Basic dXNlcjpwYXNz`. */
const BASIC_HEADER = /\bBasic\s+([A-Za-z0-9+/]{12,200}={0,2})(?![\w+/=])/g;

/** Finds credentials the recommended preset does not cover. */
export function findCredentials(text: string): RawFinding[] {
  const found: RawFinding[] = [];
  const push = (type: RawFinding['type'], start: number, end: number) => found.push({ type, start, end });
  for (const m of text.matchAll(PEM)) push('private_key', m.index, m.index + m[0].trimEnd().length);
  for (const m of text.matchAll(PUTTY)) push('private_key', m.index, m.index + m[0].trimEnd().length);
  for (const m of text.matchAll(KNOWN_TOKENS)) push('secret', m.index, m.index + m[0].length);
  for (const m of text.matchAll(PREFIXED_TOKENS)) {
    // The whole token, or only the signature of an Azure SAS URL.
    const start = m[2] ? m.index + m[0].length - m[2].length : m.index;
    if (randomBody(m[1] ?? m[2] ?? m[0])) push('secret', start, m.index + m[0].length);
  }
  for (const m of text.matchAll(BASIC_HEADER)) {
    if (/^[^:\s]{1,64}:\S{3,}$/.test(Buffer.from(m[1]!, 'base64').toString('latin1'))) {
      push('secret', m.index + m[0].length - m[1]!.length, m.index + m[0].length);
    }
  }
  for (const m of text.matchAll(BEARER)) {
    const token = m[1]!;
    if (
      /\d/.test(token) &&
      /[A-Za-z]/.test(token) &&
      !isPlaceholder(token) &&
      !/x{4,}|\.{3}|^(?:your|my|the)[_-]/i.test(token)
    ) {
      push('secret', m.index + m[0].length - token.length, m.index + m[0].length);
    }
  }
  for (const m of text.matchAll(JWT)) if (jwtHeaderValid(m[0])) push('jwt', m.index, m.index + m[0].length);
  for (const m of text.matchAll(URI_CREDENTIALS)) {
    const password = m[0].slice(m[0].indexOf(':', m[0].indexOf('://') + 3) + 1, m[0].lastIndexOf('@'));
    if (!isPlaceholder(password)) push('connection_string', m.index, m.index + trimTrailing(m[0]).length);
  }
  for (const m of text.matchAll(KEY_VALUE_CONNECTION)) {
    if (!isPlaceholder(unquote(m[1]!))) push('connection_string', m.index, m.index + m[0].length);
  }
  found.push(...findProseCredentials(text), ...findConfigCredentials(text));
  for (const m of text.matchAll(KEYED_TOKEN)) {
    const token = trimTrailing(m[2]!);
    const start = m.index + m[0].length - m[2]!.length;
    const reported = found.some((f) => f.type === 'secret' && f.start === start);
    if (
      !reported &&
      highEntropyToken(token) &&
      !publicValue(m[1]!, token, text.slice(Math.max(0, start - 24), start))
    ) {
      push('secret', start, start + token.length);
    }
  }
  // A token with no word at all is the last resort: reported only where no other rule found it.
  for (const token of findStandaloneTokens(text)) {
    if (!found.some((f) => f.start < token.end && token.start < f.end)) found.push(token);
  }
  // A value both a password rule and a key or token rule found is reported once, as the latter.
  const others = found.filter((f) => f.type !== 'password');
  return found.filter(
    (f) => f.type !== 'password' || !others.some((o) => o.start < f.end && f.start < o.end),
  );
}

/** The part after a vendor prefix looks random: letters and digits mixed, not a word or a placeholder. */
function randomBody(body: string): boolean {
  if (isPlaceholder(body) || /^[a-z]+(?:[-_][a-z]+)*$/i.test(body) || /x{6,}|\.{3}/i.test(body)) return false;
  return body.split(/[-_./+=%]+/).some(randomSegment) && shannonEntropy(body) >= 3.2;
}

/** A JWT's first segment is base64url JSON naming its algorithm. */
function jwtHeaderValid(token: string): boolean {
  try {
    const header = JSON.parse(Buffer.from(token.slice(0, token.indexOf('.')), 'base64url').toString('utf8'));
    return typeof header === 'object' && header !== null && ('alg' in header || 'typ' in header);
  } catch {
    return false;
  }
}

function unquote(value: string): string {
  return value.replace(/^["']|["']$/g, '');
}

/**
 * Random-looking values that are public: key fingerprints, SSH public keys, and hashes (a commit
 * id near the word "key" is not a key; a hex value needs a word like "token" or "API key").
 */
function publicValue(keyWord: string, token: string, before: string): boolean {
  if (/(?:SHA-?(?:1|256|384|512)|MD5|fingerprint|指紋|フィンガープリント|指纹|지문)[:\s]*$/i.test(before))
    return true;
  if (
    /^AAAA[BC]3Nza/.test(token) ||
    /(?:public|公開|公钥|공개)\s*(?:key|鍵|키)?|ssh-(?:rsa|ed25519|dss)|ecdsa-sha2/i.test(before + keyWord)
  ) {
    return true;
  }
  const hex = /^[0-9a-f]+$/i.test(token);
  if (hex && /commit|revision|sha|hash|checksum|コミット|提交|커밋/i.test(before)) return true;
  return hex && /^(?:key|auth(?:orization)?|credential|キー|키)$/i.test(keyWord.trim());
}
