/*
 * What a value looks like: a placeholder, a chosen password, a random token. Shared by the
 * credential rules, which find the values, so that each rule judges its candidates the same way.
 */

const PLACEHOLDER =
  /^(?:<[^>]*>|\{[^}]*\}|\{\{.*|\$\{?[\w.]+\}?|%[\w.]+%|\[[^\]]*\]?|\*+|x+|X+|\.{3,}|…|(?:your|my)[_-]?\w*|password|passwd|pass|secret|changeme|example|dummy|null|none|required|optional|hidden|masked|redacted|api[_-]?key|access[_-]?token|refresh[_-]?token|client[_-]?secret|token|\p{L}*(?:fill|vul|remplir|rellenar|compilare|preencher|uzupełnij|doldur|заполн|isi)[-_]\p{L}*(?:[-_]\p{L}+)*)$/iu;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** Vault and repository paths: secret/prod/db, kv/reporting/stage. */
const PATH = /^[a-z0-9_.-]{1,32}(?:\/[a-z0-9_.-]{1,32})+\/?$/;
/** Key combinations: Ctrl+Alt+Del. */
const KEY_COMBINATION = /^(?:ctrl|alt|shift|cmd|win|fn|option)\+/i;
/** Shapes that are not secrets: URLs, paths, e-mail addresses, host and file names, versions, dates. */
const NOT_A_SECRET = [
  /^(?:[a-z][a-z0-9+.-]*:\/\/|www\.|[/~\\]|\.{1,2}\/)/i,
  /^[^@\s]+@[^@\s]+\.[a-z]{2,}$/i,
  /^(?:[a-z0-9-]+\.)+[a-z]{2,}(?::\d+)?$/, // host names, written in lower case (Calanque.7781.Sel is a passphrase)
  /^[\w-]+\.(?:txt|pdf|docx?|xlsx?|csv|json|ya?ml|md|html?|png|jpe?g|zip|exe|msi|sh|ps1|py|ts|js|log|conf|ini)$/i,
  /^[A-Za-z]*[-_ ]?v?\d+(?:\.\d+)+[a-z]?$/i, // versions: v2.3.1, macOS14.2
  /^\d{1,4}[-/.]\d{1,2}[-/.]\d{1,4}(?:T[\d:]+Z?)?$/, // dates
  /^\d{1,2}:\d{2}(?::\d{2})?$/, // times
  /^[A-Z]{2,10}-\d{1,10}$/, // ticket and document ids: INC-20240501, ISO-27001
  PATH,
  KEY_COMBINATION,
  /^[a-z0-9._/-]+:(?:\d+(?:\.\d+)*(?:-[a-z0-9]+)?|latest|alpine|slim|lts)$/, // container images: postgres:16
  /^0x[0-9a-f]+$/i, // error codes: 0x80070643
  /@sha(?:256|512):|^sha(?:256|512):/i, // container image digests
  /^[a-z0-9_.-]{1,32}\/$/, // a path's first segment: secret/
  /(?:^|[-_])(?:guest|gast|invit[eé]s?|visitors?|wifi|wlan|5g|2\.4g(?:hz)?)(?:$|[-_])/i, // Wi-Fi network names: HANBIT-GUEST-5G
];
/** Digit strings nobody keeps secret, the bad PINs of policy text: 0000, 1111, 1234, 123456, 4321. */
export function trivialDigits(value: string): boolean {
  return /^(\d)\1+$/.test(value) || '01234567890'.includes(value) || '9876543210'.includes(value);
}
/** Units after a number that make it a length rule, not a PIN: "password 12 characters", 8文字. */
const UNIT_AFTER =
  /^\s*(?:characters?|chars?|digits?|letters?|symbols?|days?|times|attempts|months?|文字|桁|回|日|位|个字符|個字元|字符|자(?:리)?|글자|일|ตัว|หลัก|วัน|caracteres|dígitos|Zeichen|Stellen|caractères|chiffres|caratteri|cifre|символ|цифр|حرف|أحرف|ký tự|karakter|tekens|znak|haneli|karakter|תווים)/iu;

/** Products whose names mix digits and letters the way passwords do: a password manager is not a password. */
const PRODUCT_NAME =
  /^(?:1Password|KeePass(?:XC|2Android)?|Bitwarden|LastPass|Dashlane|Office\s?365|Microsoft\s?365|M365|O365|Windows\s?1[01]|Win1[01]|7-?Zip|Notepad\+\+|3CX|8x8)$/i;

/** A product name rather than a value: 1Password, KeePassXC, Office365. */
export function isProductName(value: string): boolean {
  return PRODUCT_NAME.test(value);
}

/** A documentation placeholder rather than a value: `<password>`, `${DB_PASSWORD}`, `****`, `changeme`. */
export function isPlaceholder(value: string): boolean {
  // An environment variable, alone or opening a path: $HOME/secret, $SECRETS_DIR\\db.
  return (
    PLACEHOLDER.test(value) ||
    /^[<{[%]|^\$[({]|^\$[A-Z_][A-Z0-9_]*(?:[/\\]|$)/.test(value) ||
    DUMMY_WORDS.test(value.replace(/[.,;:]+$/, ''))
  );
}

/**
 * A value made of words joined by dashes or underscores, one of which says it is a dummy or is
 * to be filled in, in the answer languages: changeme-placeholder, hier-eintragen, valor_de_ejemplo,
 * wachtwoord-invullen, пароль_пример.
 */
const DUMMY_WORDS =
  /^(?:[\p{L}\d]+[-_]){0,3}(?:placeholder|changeme|change-me|dummy|example|sample|beispiel|eintragen|ausfüllen|ersetzen|exemple|remplacer|ejemplo|reemplazar|esempio|sostituire|exemplo|substituir|voorbeeld|invullen|vervangen|przykład|przyklad|wpisz|örnek|пример|заменить|contoh|ganti)(?:[-_][\p{L}\d]+){0,3}$/iu;

/**
 * A `key=value` token whose value is a template, a mask or a status rather than a secret:
 * Password={{DB_PWD}}, password=${DB_PW}, Password=%DB_PWD%, password=[MASKED], login=OK. The
 * whole token (a connection string's last pair, a log line's field) is judged by what is assigned.
 */
export function assignedPlaceholder(value: string): boolean {
  // The key is a word (password, Password, db_pass, user.Id, camelCase; one way to read each
  // letter, so the match stays linear): a random password may hold `=` too
  // (Qpa6S4W=PQub=T, YMOv0BhKHAZH=PRD), and base64 padding is no assignment.
  const pair =
    /(?:^|[;&?,])(\p{L}\p{Ll}*(?:\p{Lu}\p{Ll}*)*(?:[_.]\p{L}\p{Ll}*(?:\p{Lu}\p{Ll}*)*)*)=([^=]*)$/u.exec(
      value.replace(/=+$/, ''),
    );
  if (!pair) return false;
  const assigned = pair[2]!;
  if (assigned.length < 4 || isPlaceholder(assigned) || /^[[{$%<]/.test(assigned)) return true;
  // A log field that is no credential key holds a status or a name: status=FAIL, login=ivanov.
  return (
    !/pass|pw|secret|key|token|cred|auth|contrase|senha|passwort|kennwort|wachtwoord|has[lł]o|[şs]ifre|пароль|parola|clave|sandi|mật/iu.test(
      pair[1]!,
    ) && /^\p{L}+$/u.test(assigned)
  );
}

/** A shape that is never a secret however random it looks: a URL, path, host, file name, version or date. */
export function notASecret(value: string): boolean {
  return UUID.test(value) || NOT_A_SECRET.some((re) => re.test(value));
}

/**
 * A chosen password after an explicit separator or copula ("password: Xk7", "パスワードは1234"),
 * rather than a word of a sentence ("reset your password in the portal").
 */
export function plausiblePassword(value: string, after = ''): boolean {
  if (
    value.length < 4 ||
    isPlaceholder(value) ||
    isProductName(value) ||
    PATH.test(value) ||
    KEY_COMBINATION.test(value) ||
    /^(?:https?:|[<{[%/(]|\$[({]|\$\d)/i.test(value)
  )
    return false;
  if (/^\d+$/.test(value)) return value.length <= 12 && !UNIT_AFTER.test(after) && !trivialDigits(value); // PINs and numeric codes
  if (/^\d+[-–~/.]\d+(?:[-/.]\d+)?$/.test(value)) return false; // "8-16 characters", a date
  if (/^[a-z]+$/.test(value)) return value.length >= 12; // passphrases; short words are prose
  if (/^[A-Za-z][a-z]*(?:[-'][a-z]+)*$/.test(value)) return false; // a word of the sentence
  if (/^\d+\+?$|^\d+文字/.test(value)) return false;
  return characterClasses(value) >= 2;
}

/**
 * A password written straight after its word, with only a space, a slash or nothing between
 * ("password Xk7#pQ2m", 密码Xk7pQ2m): the next word of a sentence stands there just as often,
 * so the value must look chosen: letters with digits or symbols, a PIN that is not a year or a
 * length, never a word, a URL, a path, a version or a date.
 */
export function strongPassword(value: string, after = ''): boolean {
  if (
    value.length < 4 ||
    /["”“]/.test(value) ||
    isPlaceholder(value) ||
    isProductName(value) ||
    notASecret(value) ||
    /^[(\-–—#*]|^\$\d/.test(value)
  )
    return false;
  if (/^\d+$/.test(value)) {
    return (
      value.length >= 4 &&
      value.length <= 12 &&
      !/^(?:19|20)\d\d$/.test(value) &&
      !UNIT_AFTER.test(after) &&
      !trivialDigits(value)
    );
  }
  if (value.length < 6) return false;
  if (/^[\p{L}]+(?:[-'.][\p{L}]+)*[.,;:!?]?$/u.test(value)) return caseSwitches(value) >= 3; // words; XkpQmRtv is not
  if (/^\d+(?:[-–~/.,:+]\d*)+$/.test(value)) return false; // ranges, amounts, numbered lists
  return characterClasses(value) >= 2 && /[\p{L}]/u.test(value);
}

/**
 * A value handed over with no credential word at all ("Use Xk7#pQ2m to log in"): only a token
 * that nobody would write as a word or a name passes — letters and digits mixed, three character
 * classes or more, switching between classes often.
 */
export function handedOverToken(value: string): boolean {
  if (value.length < 8 || value.length > 64 || isPlaceholder(value) || notASecret(value)) return false;
  if (!/[A-Za-z]/.test(value) || !/\d/.test(value)) return false;
  if (characterClasses(value) < 3) return false;
  return classSwitches(value) >= 3 && shannonEntropy(value) >= 2.75;
}

/** Random-looking: long, mixed classes, high Shannon entropy; not a UUID, a path or a host name. */
export function highEntropyToken(token: string): boolean {
  if (token.length < 20 || UUID.test(token) || token.startsWith('/') || token.includes('//')) return false;
  if (!/\d/.test(token) || !/[A-Za-z]/.test(token)) return false;
  if (!token.split(/[-_./+=]+/).some(randomSegment)) return false;
  const hex = /^[0-9a-f]+$/i.test(token);
  return shannonEntropy(token) >= (hex ? 3.0 : 3.5);
}

/** Lower case, upper case, digits, anything else: how many of the four a value uses. */
export function characterClasses(value: string): number {
  return [/\p{Ll}/u, /\p{Lu}/u, /\d/, /[^\p{L}\d]/u].filter((re) => re.test(value)).length;
}

function caseSwitches(value: string): number {
  return value.match(/\p{Ll}\p{Lu}|\p{Lu}\p{Ll}/gu)?.length ?? 0;
}

/** How often consecutive characters change class (lower, upper, digit, other). */
function classSwitches(value: string): number {
  const classOf = (ch: string) => (/[a-z]/.test(ch) ? 0 : /[A-Z]/.test(ch) ? 1 : /\d/.test(ch) ? 2 : 3);
  let switches = 0;
  for (let i = 1; i < value.length; i++) if (classOf(value[i]!) !== classOf(value[i - 1]!)) switches++;
  return switches;
}

/** A segment of a token that no one would type: letters mixed with digits, or case flipping often. */
export function randomSegment(segment: string): boolean {
  if (segment.length < 10) return false;
  if (/\d/.test(segment) && /[A-Za-z]/.test(segment)) return true;
  return (segment.match(/[a-z][A-Z]|[A-Z][a-z]/g)?.length ?? 0) >= 4;
}

export function shannonEntropy(value: string): number {
  const counts = new Map<string, number>();
  for (const ch of value) counts.set(ch, (counts.get(ch) ?? 0) + 1);
  let entropy = 0;
  for (const n of counts.values()) {
    const p = n / value.length;
    entropy -= p * Math.log2(p);
  }
  return entropy;
}
