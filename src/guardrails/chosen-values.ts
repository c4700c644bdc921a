import { characterClasses, isProductName, notASecret, strongPassword } from './token-shape.js';

/*
 * What a password someone chose looks like, and how a value is cut out of the text around it:
 * shared by the clause pass (credential-clauses.ts) and the hand-over pass (handover.ts).
 */

/** A value-shaped run: printable ASCII, accented Latin and Cyrillic (борщ-окно-трамвай-38). */
export const TOKEN = /[\x21-\x7E\u00C0-\u024F\u0400-\u04FF]+/gu;
const LEADING = /^(?:[("'“‘«„「『【〔<[{*_`~¡¿=:]|-(?=\d))+/u;
const TRAILING = /(?:[.,;:)\]}>"'`」』】〕”’»*_]|\.{3})+$/u;

/**
 * The value a token holds: without leading quotes or brackets, a remark in brackets after it
 * (24-61-09(右), Xk7pQ2(new)), a Turkish case ending (K2-MFP-01'i) or trailing punctuation — but
 * keeping the "!" that ends a password (Ajax1900!). `lead` is how many characters were dropped at
 * the start.
 */
export function tokenValue(token: string): { lead: number; value: string } {
  const lead = LEADING.exec(token)?.[0].length ?? 0;
  const raw = token
    .slice(lead)
    .replace(/(?<=[\p{L}\p{N}])[([{<].*$/u, '')
    .replace(/(?<=[\p{L}\p{N}])['’]\p{Ll}{1,4}$/u, '');
  const value = /[A-Za-z\d]!$/.test(raw)
    ? raw.replace(/[.,;:)\]}>"'`」』】〕”’»*_]+$/u, '')
    : raw.replace(TRAILING, '');
  return { lead, value };
}

/** Policy text and examples before the value: "avoid passwords like", "for example", "at least". */
export const EXAMPLE_OR_RULE =
  /(?<![\p{L}])(?:e\.g\.|for\s+example|for\s+instance|such\s+as|avoid|never\s+use|don'?t\s+use|do\s+not\s+use|weak|guessable|common|at\s+least|minimum|must\s+(?:be|contain|have)|z\.\s?B\.|zum\s+Beispiel|beispielsweise|mindestens|vermeiden|par\s+exemple|au\s+moins|évitez|éviter|por\s+ejemplo|al\s+menos|evite|evita|ad\s+esempio|per\s+esempio|almeno|por\s+exemplo|pelo\s+menos|bijvoorbeeld|minimaal|vermijd|na\s+przykład|np\.|takie\s+jak|co\s+najmniej|unikaj|örneğin|en\s+az|kaçının|например|не\s+менее|минимум|избегайте|مثل|مثال|على\s+الأقل|تجنب|לדוגמה|למשל|כמו|לפחות|הימנעו|ví\s+dụ|ít\s+nhất|tránh|contoh|misalnya|minimal|hindari)(?![\p{L}])|例えば|たとえば|例[:：]|のような|以上|避け|例如|比如|譬如|至少|避免|예를\s?들어|예[:：]|같은|이상|피하|ตัวอย่าง|เช่น|อย่างน้อย|หลีกเลี่ยง/iu;

/** "like" and "as" name an example only right before it: "passwords like Summer2024!", mots de passe comme « X ». */
export const LIKE_BEFORE =
  /(?<![\p{L}])(?:like|such\s+as|wie|comme|como|come|zoals|jak|как|gibi|như|seperti|kiểu|tipo|typu|tarzı|типа)\s{1,2}["'«„“「]?$/iu;

/** Products, standards and units written as a word with digits: Office365, WPA2, FIDO2, M365, Win11, ISO27001. */
const PRODUCT =
  /^(?:office|windows|win|outlook|microsoft|ms|o|m|ios|ipados|macos|android|sap|s4|hana|iso|iec|rfc|wpa|fido|sha|aes|rsa|md|utf|ipv|tls|ssl|pbkdf|argon|bcrypt|http|oauth|saml|gen|ubuntu|debian|rhel|centos|java|python|node|php|sql|db|mysql|postgres|oracle|teams|zoom|excel|word|azure|entra|okta|duo|yubikey|keepass|keepassxc|bitwarden|lastpass|chrome|edge|firefox|safari|iphone|ipad|pixel|galaxy|surface|thinkpad|latitude|elitebook|macbook|xps|tvöd|tv|e|covid|q|h|fy|kw|cw|wk|week|woche|semaine|semana|settimana|week|tydzień|hafta|неделя|v|ver|version|build|rev|release|sprint|phase|level|stufe|grade|step|room|floor|ext|page|seite|line|item|no|nr|x|vpn|wifi|wi-fi|lan|wlan|ad|sso|mfa|2fa|otp|totp)[-_.]?\d+(?:$|[-_.+/]|[a-z]{1,4}(?:\d{0,4})(?:$|[-_.]))/i;

/** Host, device and account names that mix words and digits the way passwords do: srv-app01, prn-hq3-02, Guest-5G. */
const MACHINE_NAME =
  /^(?:srv|svr|prn|pc|vm|db|app|web|host|node|sw|ap|rt|fw|nas|dc|ws|lt|nb|wks)[-_.]?\d|^(?:server|guest|gast|invit|visit|wifi|wlan|lan|vlan|ssid|room|sala|raum)(?:[-_.]|\d|$)|[-_.](?:5g|2\.4g|guest|gast|wifi|lan)$|^[a-z]{1,4}\d{1,3}$/i;

const CRYPTO_NAME =
  /^(?:ssh-|ecdsa-|aes\d*-|chacha\d*|sha-?\d|hmac-|rsa-|ed25519|x25519|curve25519|pbkdf2|argon2|bcrypt|scrypt)/i;

/**
 * A value that someone chose as a password, judged by its shape alone: letters with digits or
 * symbols (Juventus1897, koala77, Hinode#88, Ontgr3nd3l!), or words joined by dashes, dots or
 * underscores (blue-otter-lamp, Calanque.7781.Sel, pierogi-ruskie-12, Kebap_Adana61); never a
 * product, a version, a host, a path, a key combination, a name in title case or a reference id.
 */
export function chosenValue(value: string, after = ''): boolean {
  if (value.length < 6 || value.length > 64) return false;
  if (PRODUCT.test(value) || isProductName(value) || notASecret(value) || MACHINE_NAME.test(value))
    return false;
  if (/^[\p{Lu}\p{N}]+(?:[-_][\p{Lu}\p{N}]+)*$/u.test(value) || /^AAAA[A-Z0-9]/.test(value)) return false;
  // Numbered compounds (800-Meter-Lauf, 3-manifolds) and algorithm names (ssh-ed25519, aes256-gcm).
  if (/^\d[\d.,]*(?:st|nd|rd|th|er|e|º|ª)?[-.]\p{L}/u.test(value) || CRYPTO_NAME.test(value)) return false;
  // Letters only: random (XkpQmRtv switches from lower to upper case), not words in title case.
  const lettersOnly = /^[\p{L}'’.-]+$/u.test(value);
  if (
    lettersOnly &&
    (value.match(/\p{Ll}\p{Lu}/gu)?.length ?? 0) < 2 &&
    !/^\p{Ll}+(?:[-.]\p{Ll}+){2,}$/u.test(value)
  )
    return false;
  // Without a digit, letters and a symbol are a product or a name as often as a password (Sky+HD):
  // eight characters and three classes at least.
  if (!/\d/.test(value) && (value.length < 8 || characterClasses(value) < 3))
    return /^\p{Ll}+(?:[-.]\p{Ll}+){2,}$/u.test(value);
  if (strongPassword(value, after)) return true;
  // A word with digits, the way people choose passwords: Juventus1897, koala77, Bienvenida1, azerty123!
  if (/^\p{L}{3,20}\d{1,6}[!@#$%&*?+.]{0,2}$/u.test(value) && /\p{Ll}{3}/u.test(value)) return true;
  // Words joined by dashes, dots or underscores, digits allowed as one part: not a name in title
  // case (Self-Service-Portal), a host or a file.
  const parts = value.split(/[-._]/);
  if (parts.length < 2 || parts.some((p) => !/^(?:\p{L}{2,16}|\d{1,4})$/u.test(p))) return false;
  const words = parts.filter((p) => /^\p{L}+$/u.test(p));
  const lower = words.filter((p) => /^\p{Ll}+$/u.test(p)).length;
  // Title-case words and a short number, the way generated passphrases read: Girafe-Violet-62.
  const titled =
    words.length >= 2 && words.every((p) => /^\p{Lu}\p{Ll}{2,}$/u.test(p)) && /[-._]\d{1,3}$/.test(value);
  if (titled && !/^\d/.test(value)) return true;
  const digitsPart = parts.length > words.length;
  if (/\.[a-z]{2,4}$/.test(value) || words.length < 2 || /^\d/.test(value)) return false;
  // Dashes join words in prose too (800-Meter-Lauf, state-of-the-art): with dashes only, a lower-case word and a number.
  if (!/[._]/.test(value)) return (parts.length >= 3 && lower >= 2) || (digitsPart && lower >= 1);
  return (parts.length >= 3 && (lower >= 2 || digitsPart)) || (digitsPart && lower >= 1);
}
