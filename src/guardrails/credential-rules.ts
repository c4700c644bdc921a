import type { RawFinding } from './scanner.js';

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
const URI_CREDENTIALS =
  /(?<![\w+.-])[a-z][a-z0-9+.-]{1,20}:\/\/[^\s:/@'"<>]{1,100}:[^\s@/'"<>]{1,200}@[^\s/'"<>]+/gi;
const KEY_VALUE_CONNECTION =
  /(?:Server|Data Source|Host|Address|Addr|Network Address)\s*=[^;\n]+;(?:[^;\n]*;){0,8}?\s*(?:Password|Pwd)\s*=\s*("[^"\n]*"|'[^'\n]*'|[^;\s]+)/gi;
const PASSWORD_LABEL = String.raw`(?:password|passwd|passphrase|passcode|pwd|パスワード|暗証番号|密码|密碼|口令|비밀번호|암호|contraseña|clave(?:\s+de\s+acceso)?|รหัสผ่าน|Passwort|Kennwort|mot\s+de\s+passe|senha)`;
const PASSWORD_JOIN = String.raw`(?:\s*[:=]\s*|\s+(?:is|was|lautet|ist|es|est|เป็น|คือ)\s+|\s*(?:は|が|是|为|為|는|은|คือ)\s*)`;
/** A few words may stand between the label and its value: "password for the guest Wi-Fi: ...". */
const PASSWORD = new RegExp(
  String.raw`(?<![A-Za-z0-9])${PASSWORD_LABEL}(?:[^\n:=.。@/\\]{0,25}?)${PASSWORD_JOIN}(?:["'“‘「『\x60]\s*)?([\x21-\x7E]{4,80})`,
  'giu',
);
const KEY_WORD = String.raw`(?:api[_ -]?key|apikey|access[_ -]?key|secret(?:[_ -]?key)?|client[_ -]?secret|token|bearer|auth(?:orization)?|credential|signing[_ -]?key|private[_ -]?key|key|APIキー|アクセスキー|トークン|シークレット|秘密鍵|密钥|令牌|秘钥|키|토큰|시크릿|clave(?:\s+de\s+api)?|token\s+de\s+acceso|โทเค็น|คีย์|Schlüssel|clé)`;
const KEYED_TOKEN = new RegExp(
  String.raw`(${KEY_WORD})[^\n]{0,40}?(?<![A-Za-z0-9+/=_.-])([A-Za-z0-9+/=_.-]{20,200})(?![A-Za-z0-9+/=_.-])`,
  'giu',
);
/** Well-known token formats the recommended preset does not cover. */
const KNOWN_TOKENS =
  /(?<![\w-])(?:AIza[0-9A-Za-z_-]{35}|(?:sk|rk)_(?:live|test)_[0-9A-Za-z]{24,99}|glpat-[0-9A-Za-z_-]{20,}|hf_[A-Za-z]{34}|AccountKey=[A-Za-z0-9+/]{86}==)(?![\w-])/g;
const PLACEHOLDER =
  /^(?:<[^>]*>|\{[^}]*\}|\$\{?[\w.]+\}?|%[\w.]+%|\[[^\]]*\]|\*+|x+|X+|\.{3,}|…|(?:your|my)[_-]?\w*|password|passwd|pass|secret|changeme|example|dummy|null|none|required|optional|hidden)$/i;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Finds credentials the recommended preset does not cover. */
export function findCredentials(text: string): RawFinding[] {
  const found: RawFinding[] = [];
  const push = (type: RawFinding['type'], start: number, end: number) => found.push({ type, start, end });
  for (const m of text.matchAll(PEM)) push('private_key', m.index, m.index + m[0].trimEnd().length);
  for (const m of text.matchAll(PUTTY)) push('private_key', m.index, m.index + m[0].trimEnd().length);
  for (const m of text.matchAll(KNOWN_TOKENS)) push('secret', m.index, m.index + m[0].length);
  for (const m of text.matchAll(JWT)) if (jwtHeaderValid(m[0])) push('jwt', m.index, m.index + m[0].length);
  for (const m of text.matchAll(URI_CREDENTIALS)) {
    const password = m[0].slice(m[0].indexOf(':', m[0].indexOf('://') + 3) + 1, m[0].lastIndexOf('@'));
    if (!PLACEHOLDER.test(password)) push('connection_string', m.index, m.index + trimTrailing(m[0]).length);
  }
  for (const m of text.matchAll(KEY_VALUE_CONNECTION)) {
    if (!PLACEHOLDER.test(unquote(m[1]!))) push('connection_string', m.index, m.index + m[0].length);
  }
  for (const m of text.matchAll(PASSWORD)) {
    const value = trimTrailing(m[1]!);
    if (plausiblePassword(value)) {
      const start = m.index + m[0].length - m[1]!.length;
      push('password', start, start + value.length);
    }
  }
  for (const m of text.matchAll(KEYED_TOKEN)) {
    const token = trimTrailing(m[2]!);
    const start = m.index + m[0].length - m[2]!.length;
    if (highEntropyToken(token) && !publicValue(m[1]!, token, text.slice(Math.max(0, start - 24), start))) {
      push('secret', start, start + token.length);
    }
  }
  return found;
}

/** A documentation placeholder rather than a value: `<password>`, `${DB_PASSWORD}`, `****`, `changeme`. */
export function isPlaceholder(value: string): boolean {
  return PLACEHOLDER.test(value) || /^[<{[$%]/.test(value);
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

/** Sentence punctuation and closing quotes after a value are not part of it. */
function trimTrailing(value: string): string {
  return value.replace(/(?:[.,;:)\]}>"'`」』”’]|\.{3})+$/u, '');
}

function unquote(value: string): string {
  return value.replace(/^["']|["']$/g, '');
}

/** Looks like a chosen password rather than a word of a sentence ("reset your password in the portal"). */
function plausiblePassword(value: string): boolean {
  if (value.length < 4 || PLACEHOLDER.test(value) || /^(?:https?:|[<{[$%/])/i.test(value)) return false;
  if (/^\d+$/.test(value)) return value.length <= 12; // PINs and numeric codes
  if (/^\d+[-–~/.]\d+(?:[-/.]\d+)?$/.test(value)) return false; // "8-16 characters", a date
  if (/^[a-z]+$/.test(value)) return value.length >= 12; // passphrases; short words are prose
  if (/^[A-Za-z][a-z]*(?:[-'][a-z]+)*$/.test(value)) return false; // a word of the sentence
  const classes = [/[a-z]/, /[A-Z]/, /\d/, /[^A-Za-z0-9]/].filter((re) => re.test(value)).length;
  return classes >= 2;
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

/** Random-looking: long, mixed classes, high Shannon entropy; not a UUID, a path or a host name. */
function highEntropyToken(token: string): boolean {
  if (token.length < 20 || UUID.test(token) || token.startsWith('/') || token.includes('//')) return false;
  if (!/\d/.test(token) || !/[A-Za-z]/.test(token)) return false;
  if (!token.split(/[-_./+=]+/).some(randomSegment)) return false;
  const hex = /^[0-9a-f]+$/i.test(token);
  return shannonEntropy(token) >= (hex ? 3.0 : 3.5);
}

/** A segment of a token that no one would type: letters mixed with digits, or case flipping often. */
function randomSegment(segment: string): boolean {
  if (segment.length < 10) return false;
  if (/\d/.test(segment) && /[A-Za-z]/.test(segment)) return true;
  const switches = segment.match(/[a-z][A-Z]|[A-Z][a-z]/g)?.length ?? 0;
  return switches >= 4;
}

function shannonEntropy(value: string): number {
  const counts = new Map<string, number>();
  for (const ch of value) counts.set(ch, (counts.get(ch) ?? 0) + 1);
  let entropy = 0;
  for (const n of counts.values()) {
    const p = n / value.length;
    entropy -= p * Math.log2(p);
  }
  return entropy;
}
