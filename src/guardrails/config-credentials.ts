import { PASSWORD_WORDS } from './credential-words.js';
import type { FindingType, RawFinding } from './scanner.js';
import { columnCells } from './table-cells.js';
import { isPlaceholder, notASecret, plausiblePassword } from './token-shape.js';

/*
 * Credentials quoted from configuration and command lines: keys that end in a credential word
 * (PGPASSWORD=, smtpPassword:, SECRET_KEY =, <password>…</password>, key="SmtpPassword"
 * value="…"), command-line flags (mysql -pX, sshpass -p X, curl -u user:X) and table columns
 * headed by a password word (| user | password |). Values pass the same shape checks as
 * passwords in prose.
 */

/** What stands before the credential word in a key: PG in PGPASSWORD, smtp in smtpPassword, db_ in db_password. */
const NAME = String.raw`[A-Za-z_][\w.-]{0,60}?`;
const PASSWORD_NAME = '(?:password|passwd|passphrase|pass|pwd)';
const SECRET_NAME = `(?:${[
  '(?:secret|signing|encryption|master|hmac|jwt|session|app|license|aes|crypto)[_.-]?key',
  'secret',
  'token',
  'api[_-]?key',
  'apikey',
  'access[_-]?key',
  'private[_-]?key',
  'client[_-]?secret',
  'auth',
  'credentials?',
].join('|')})`;
/** A config value; the punctuation of other scripts ends it as a comma does (SMTP_PASS=changeme، …). */
const VALUE = String.raw`["']?([^\s"'<>,;،؛、，。；]{4,200})`;

/** `NAME = value`, `NAME: value`, `"name": "value"`, where NAME ends in a credential word. */
const KEY_VALUE = new RegExp(
  String.raw`(?<![\w.-])["']?(${NAME})?(${PASSWORD_NAME}|${SECRET_NAME})["']?\s{0,3}[:=]\s{0,3}${VALUE}`,
  'gi',
);
/** `<password>value</password>` and `key="SmtpPassword" value="…"`. */
const XML_ELEMENT = new RegExp(
  String.raw`<((?:${NAME})?(?:${PASSWORD_NAME}|${SECRET_NAME}))>\s*([^<\s]{4,200})\s*</\1>`,
  'gi',
);
const XML_ATTRIBUTE = new RegExp(
  String.raw`(?:key|name)\s*=\s*"${NAME}(${PASSWORD_NAME}|${SECRET_NAME})"\s+value\s*=\s*"([^"\s]{4,200})"`,
  'gi',
);
/**
 * A password flag of a database or directory client with its value in quotes or after a space:
 * mysqldump -p'X', sqlcmd -P 'X', ldapsearch -w X, psql --password="X", smbclient -U u%X.
 */
const QUOTED_FLAG =
  /\b(?:mysql|mysqldump|mariadb|mysqladmin|sqlcmd|bcp|osql|psql|pg_dump|mongo|mongosh|mongodump|ldapsearch|ldapmodify|ldapadd|ldappasswd|smbclient|rclone|sqlplus|isql|clickhouse-client|influx)\b[^\n]{0,120}?\s(?:-p|-P|-w|-a|--password[= ]?|--pass[= ]?|-U\s+[^\s%]{1,40}%)\s?(['"]?)([^\s'"]{4,128})\1(?=\s|$)/g;
/** A credential key and its value as the arguments of a call: define('DB_PASSWORD', 'X'), set("api_key", "X"). */
const CALL_ARGUMENT =
  /\(\s*['"][\w.-]*(?:password|passwd|pwd|secret|token|api_?key|apikey|PASSWORD|PASSWD|PWD|SECRET|TOKEN|API_?KEY)['"]\s*,\s*(['"])([^'"\n]{4,128})\1/g;
/**
 * Command lines: mysql -pX, sshpass -p X, curl -u user:X, redis-cli -a X, htpasswd -b file user X,
 * net use \\fs01\share X /user:CORP\svc, ConvertTo-SecureString "X" -AsPlainText.
 */
const COMMAND_LINE =
  /(?:\b(?:mysql|mysqldump|mariadb|mysqladmin)\b[^\n]{0,80}?\s-p|\bsshpass\s+-p\s+|\bredis-cli\b[^\n]{0,80}?\s(?:-a|--pass)\s+|\bhtpasswd\s+-[a-zA-Z]*b[a-zA-Z]*\s+(?:-\w+\s+)*\S+\s+\S+\s+|\s(?:-u|--user)\s+["']?[^\s:"']{1,64}:|\b(?:net|NET)\s+(?:use|USE)\b[^\n]{0,120}?\/(?:user|USER|u):\S{1,64}\s+|\b(?:net|NET)\s+(?:use|USE)\s+(?:[A-Za-z]:\s+)?\\\\\S{1,120}\s+(?=[^\s/])|\bConvertTo-SecureString\s+(?:-String\s+)?(?=["'][^\n]{1,130}-AsPlainText))["']?([^\s"'@]{4,128})/g;
/** A .pgpass line: host:port:database:user:password. */
const PGPASS = /^[\w.*-]{1,100}:(?:\d{1,5}|\*):[\w.*-]{1,64}:[\w.@*-]{1,64}:(\S{4,128})$/gm;
const PASSWORD_CELL = new RegExp(`^\\s*${PASSWORD_WORDS}\\s*$`, 'iu');
const PASSWORD_SUFFIX = new RegExp(`${PASSWORD_NAME}$`, 'i');

/** Finds credentials in configuration lines, command lines and tables. */
export function findConfigCredentials(text: string): RawFinding[] {
  const found: RawFinding[] = [];
  const push = (type: FindingType, start: number, value: string) => {
    const end = start + value.length;
    if (!found.some((f) => f.start < end && start < f.end)) found.push({ type, start, end });
  };
  const valueStart = (m: RegExpMatchArray, value: string) => m.index! + m[0].lastIndexOf(value);

  for (const m of text.matchAll(KEY_VALUE)) {
    // A query parameter ends at the next `&`: jdbc:…?user=hr&password=X&ssl=true.
    const value = /[?&]$/.test(text.slice(Math.max(0, m.index! - 1), m.index!))
      ? m[3]!.split('&')[0]!
      : m[3]!;
    const password = PASSWORD_SUFFIX.test(m[2]!);
    // A bare "password: X" or "Credentials: user/X" is prose's to judge (it knows examples and
    // pairs); here only compound keys and bare secret names.
    // A quoted key ("pass": "…") is JSON or YAML, never prose.
    const quotedKey = /^["']/.test(m[0]);
    if (!m[1] && !quotedKey && (password || /^(?:credentials?|auth)$/i.test(m[2]!))) continue;
    if (password ? plausiblePassword(value) : configSecret(value)) {
      push(password ? 'password' : 'secret', valueStart(m, value), value);
    }
  }
  for (const pattern of [XML_ELEMENT, XML_ATTRIBUTE]) {
    for (const m of text.matchAll(pattern)) {
      const value = m[2]!;
      const password = PASSWORD_SUFFIX.test(m[1]!);
      if (password ? plausiblePassword(value) : configSecret(value)) {
        push(password ? 'password' : 'secret', valueStart(m, value), value);
      }
    }
  }
  for (const m of text.matchAll(COMMAND_LINE)) {
    if (plausiblePassword(m[1]!)) push('password', valueStart(m, m[1]!), m[1]!);
  }
  for (const m of text.matchAll(QUOTED_FLAG)) {
    if (plausiblePassword(m[2]!)) push('password', valueStart(m, m[2]!), m[2]!);
  }
  for (const m of text.matchAll(CALL_ARGUMENT)) {
    if (plausiblePassword(m[2]!)) push('password', valueStart(m, m[2]!), m[2]!);
  }
  for (const m of text.matchAll(PGPASS)) {
    if (m[1] !== 'password' && plausiblePassword(m[1]!)) push('password', valueStart(m, m[1]!), m[1]!);
  }
  for (const cell of columnCells(text, PASSWORD_CELL)) {
    if (!/\s/.test(cell.value) && plausiblePassword(cell.value)) push('password', cell.start, cell.value);
  }
  return found;
}

/** A value under a secret-like key: not a placeholder, a flag, a URL or a path; long enough to be a key. */
function configSecret(value: string): boolean {
  if (value.length < 8 || isPlaceholder(value) || notASecret(value)) return false;
  if (/^(?:true|false|yes|no|on|off|null|none|\d+)$/i.test(value)) return false;
  return /\d/.test(value) && /[A-Za-z]/.test(value);
}
