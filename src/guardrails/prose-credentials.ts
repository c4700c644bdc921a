import {
  COPULA_WORDS,
  LOGIN_WORDS,
  PAIR_JOIN,
  PASSWORD_WORDS,
  PIN_WORDS,
  USER_WORDS,
  VALUE_JOIN,
  VALUE_OPEN,
} from './credential-words.js';
import { findAnnotatedValues } from './annotated-values.js';
import { chosenValue } from './chosen-values.js';
import { findCredentialClauses } from './credential-clauses.js';
import type { RawFinding } from './scanner.js';
import {
  assignedPlaceholder,
  characterClasses,
  handedOverToken,
  plausiblePassword,
  strongPassword,
} from './token-shape.js';

/*
 * Credentials written in a sentence rather than a config line, in every answer language:
 * "password for the guest Wi-Fi: X", "password X", 密码X, "user billing_admin, password X",
 * "admin / X" next to a sign-in, and a random-looking value handed over with no credential word
 * ("Use X to log in"). Every window is bounded, so no pattern backtracks over the whole answer.
 */

/** A value: printable ASCII and accented Latin letters (Sabiá@5387), never CJK or Thai text that follows it. */
const VALUE = String.raw`((?:[\x21-\x7E]|[\u00C0-\u00D6\u00D8-\u00F6\u00F8-\u024F]){4,80})`;
const CJK_BEFORE = String.raw`(?<=[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\p{Script=Thai}])`;

/** A few words may stand between the word and an explicit separator: "password for the guest Wi-Fi: ...". */
const LABELLED = new RegExp(
  String.raw`${PASSWORD_WORDS}[^\n:=.。@/\\]{0,25}?(?:\s{0,3}[:=]\s{0,3}|\s{1,3}[-–—]{1,2}\s{1,3}|\s{1,3}${COPULA_WORDS}\s{1,3}|${CJK_BEFORE}${COPULA_WORDS}\s{0,3}(?::\s{0,3})?)${VALUE_OPEN}?\s{0,2}${VALUE}`,
  'yiu',
);
/**
 * The password of a sentence that says first what it opens, too long for LABELLED ("Пароль для
 * системы авансовых отчётов — X", "Hasło do drukarki na 3. piętrze to X"): only a strong value.
 */
const LABELLED_FAR = new RegExp(
  String.raw`${PASSWORD_WORDS}(?:[^\n:=.。@/\\]|(?<=\d)\.){26,64}?(?:\s{1,3}[-–—]{1,2}\s{1,3}|\s{1,3}${COPULA_WORDS}\s{1,3}|${CJK_BEFORE}${COPULA_WORDS}\s{0,3})${VALUE_OPEN}?\s{0,2}${VALUE}`,
  'yiu',
);
/** The value straight after the word, whatever joins them: "password Xk7#pQ2m", パスワード「Xk7」. */
const DIRECT = new RegExp(`${PASSWORD_WORDS}(${VALUE_JOIN})${VALUE}`, 'yiu');
/** "admin / X", "user admin / X" or "账号密码：admin / X" near a sign-in word: the password half has no word of its own. */
const SLASH_PAIR = new RegExp(
  String.raw`(?<![\x21-\x39\x3B-\x7E])(?:${USER_WORDS}${VALUE_JOIN})?[\w.@-]{2,40}\s{0,2}/\s{0,2}${VALUE_OPEN}?${VALUE}`,
  'giu',
);
/** The short words of a pair's second half: "User billing_admin, pass X", "ID admin รหัส X". */
const SHORT_PASSWORD_WORDS = String.raw`(?:pass|pw|pwd|mdp|พาส|รหัส)(?![\p{Script=Latin}])`;
/** "user billing_admin, X" after a user word, where the second half carries no password word. */
const USER_PAIR = new RegExp(
  String.raw`${USER_WORDS}${VALUE_JOIN}[\w.@-]{2,40}${PAIR_JOIN}(?:${SHORT_PASSWORD_WORDS}(?:\s{0,3}[:=]\s{0,3}|\s{1,3}))?${VALUE_OPEN}?${VALUE}`,
  'yiu',
);
/**
 * "admin / X" with no word near: only where the first half is an account name that admins give
 * (admin, root, sa, svc_backup, ops_root, hr-admin) and the second a password of three classes.
 */
const ACCOUNT_SLASH =
  /(?<![\x21-\x7E])(?:admin(?:istrator)?|root|sa|guest|operator|super-?user|sysadmin|svc[_.-][\w.-]{1,30}|(?:admin|root|ops|sys)[_.-][\w.-]{1,30}|[\w.-]{1,30}[_.-](?:admin|root|svc|ops))\s{0,2}\/\s{0,2}["'“「『]?([\x21-\x7E]{6,80})/giu;
/**
 * The value before its word: "use Xk7#pQ2m as the password", "Xk7#pQ2m is the new password",
 * Hk83kd!x をパスワードとして, 以 Abc123! 作为密码, Kor3a!pw9를 비밀번호로.
 */
const VALUE_BEFORE =
  /(?<![\x21-\x7E])["'“「『]?([\x21-\x7E]{6,64}?)["'”」』]?\s{0,2}(?:(?:is|was|will\s+be|as)(?:\s+(?:the|our|your|my|a|an))?|is\s+now\s+the|を|が|は|为|為|作为|作為|当作|當作|를|을|로|으로|เป็น|คือ|là|adalah|sebagai|als|comme|como|come|jako|olarak|как)\s{0,2}(?:(?:new|temporary|default|initial|admin|root|Wi-?Fi|shared|master)\s+|新しい|初期|仮|临时|臨時|新|初始|임시|새|ใหม่){0,2}(?=$)/iu;

/**
 * A PIN: digits after the PIN word, straight or after a separator, or after a few words of what it
 * opens and a copula ("The PIN for the door on the 4th floor is 4711", PIN은 4711로). Not a length
 * ("the PIN is 6 digits", too short anyway) nor a number that goes on (a date, a phone number).
 */
const PIN_VALUE = new RegExp(
  String.raw`${PIN_WORDS}(?:\s{0,3}[:=]\s{0,3}|\s{1,3}|(?:[^\n.!?。:=]|(?<=\d)\.){0,48}?(?:\s{0,3}[:=]\s{0,3}|\s{0,3}${COPULA_WORDS}\s{0,3}(?::\s{0,3})?))(?:${VALUE_OPEN}\s?)?(\d{4,12})(?![\p{N}A-Za-z]|[-/.,:]\d|\s{0,2}(?:digits?|characters?|chars|Stellen|Ziffern|chiffres|caractères|dígitos|caracteres|cifre|caratteri|cijfers|tekens|cyfr|znak|hane|karakter|цифр|символ|أرقام|خانات|ספרות|תווים|chữ\s+số|ký\s+tự|angka|桁|文字|位|자리|글자|หลัก|ตัว))`,
  'yiu',
);
/** "pin" in lowercase is a verb ("pin the message"): only the capitals or a compound (pin code) name a PIN. */
const PIN_NAMED = /PIN|ПИН|code|kod|код|number|nummer|pincode/;

/**
 * A passphrase of three to six words in quotes straight after a passphrase word: the passphrase is
 * "correct horse battery staple", Wi-Fi passphrase: 'purple monkey dishwasher rain'.
 */
const QUOTED_PHRASE = new RegExp(
  String.raw`(?:pass\s?phrase|frase\s+(?:de\s+)?(?:contraseña|senha|segreta|secreta)|phrase\s+secrète|wachtzin|パスフレーズ)s?(?:\s{0,3}[:=]\s{0,3}|\s{1,3}${COPULA_WORDS}\s{1,3}|\s{1,3})["'“‘«„「『]((?:\p{L}[\p{L}\p{N}'’]{0,20}[ -]){2,5}\p{L}[\p{L}\p{N}'’]{0,20})["'”’»“」』]`,
  'yiu',
);
/** Policy talk rather than a passphrase: "at least twelve characters long", "use three random words". */
const PHRASE_POLICY =
  /(?<![\p{L}])(?:characters?|letters?|words?|digits?|least|long|longer|random|memorable|strong|should|must|use|your|policy|example)(?![\p{L}])/iu;
const POLICY_BEFORE = /polic|guideline|rule|richtlinie|política|politique|regel/iu;

/*
 * Each text is searched once for the whole vocabulary; the patterns above then run anchored
 * (sticky) at the words found, and the slash pair only near them, which keeps a 2,000-character
 * answer with no credential word to one pass.
 */
const VOCABULARY = new RegExp(`(${PASSWORD_WORDS})|(${USER_WORDS})|(${LOGIN_WORDS})|(${PIN_WORDS})`, 'giu');
/** "login" is a user word and a sign-in word: a user word is checked for a sign-in word too. */
const LOGIN_AT = new RegExp(LOGIN_WORDS, 'yiu');
/** A token in a window around a sign-in word, quoted or not. */
const TOKEN = /(?<![\x21-\x7E])["'“‘«「『【\x60]?([\x21-\x7E]{8,64})/g;
/** How far around a sign-in or credential word a handed-over value or a slash pair may stand. */
const WINDOW = 80;

/** Passwords and handed-over values in prose. */
export function findProseCredentials(text: string): RawFinding[] {
  const found: RawFinding[] = [];
  const push = (at: number, raw: string, accept: (value: string, after: string) => boolean) => {
    // Markdown emphasis around a value is not part of it: **Xk7#pQ2m**, _Xk7#pQ2m_.
    const emphasis = /^(?:\*\*|__|\*|_)(?=\S)/.exec(raw)?.[0] ?? '';
    const start = at + emphasis.length;
    const value = trimTrailing(raw.slice(emphasis.length)).replace(/(?:\*\*|__|\*|_)$/, '');
    const end = start + value.length;
    if (found.some((f) => f.start < end && start < f.end) || example(text, start, end)) return;
    // A pair or a window may take a whole key=value token: what is assigned decides (Password={{DB_PWD}}).
    if (assignedPlaceholder(value)) return;
    if (accept(value, text.slice(end, end + 16))) found.push({ type: 'password', start, end });
  };
  const valueStart = (m: RegExpExecArray, group: number) => m.index + m[0].length - m[group]!.length;
  const anchors: number[] = [];

  const passwordWord = (index: number) => {
    // A query parameter ends at the next `&`: jdbc:…?user=hr&password=X&ssl=true.
    const query = /[?&]/.test(text[index - 1] ?? '');
    const cut = (value: string) => (query ? value.split('&')[0]! : value);
    const labelled = stickyAt(LABELLED, text, index);
    // "账号密码：wms_batch / X": the label names the pair; its password is the second half.
    if (labelled && !PAIR_FIRST_HALF.test(text.slice(valueStart(labelled, 1)))) {
      push(valueStart(labelled, 1), cut(labelled[1]!), plausiblePassword);
    }
    const far = labelled ? null : stickyAt(LABELLED_FAR, text, index);
    if (far) push(valueStart(far, 1), far[1]!, strongOrPassphrase);
    const direct = stickyAt(DIRECT, text, index);
    if (direct && !PAIR_FIRST_HALF.test(text.slice(valueStart(direct, 2)))) {
      // After a separator, a copula or a quote the value may be any chosen password; after a
      // bare space, a slash or nothing it must look like one.
      const join = direct[1]!.trim();
      const explicit = join !== '' && join !== '/';
      push(valueStart(direct, 2), cut(direct[2]!), explicit ? plausiblePassword : strongOrPassphrase);
    }
    const phrase = stickyAt(QUOTED_PHRASE, text, index);
    if (
      phrase &&
      !PHRASE_POLICY.test(phrase[1]!) &&
      !POLICY_BEFORE.test(text.slice(Math.max(0, index - 30), index))
    ) {
      push(phrase.index + phrase[0].length - 1 - phrase[1]!.length, phrase[1]!, () => true);
    }
    const window = text.slice(Math.max(0, index - 80), index);
    const before = VALUE_BEFORE.exec(window);
    if (before) {
      push(index - window.length + before.index + before[0].indexOf(before[1]!), before[1]!, handedOverToken);
    }
  };
  const pinWord = (index: number) => {
    const pin = stickyAt(PIN_VALUE, text, index);
    if (pin) push(valueStart(pin, 1), pin[1]!, () => true);
  };
  const signInWord = (index: number, length: number) => {
    const [from, to] = paragraphAround(text, index, index + length);
    const window = text.slice(from, to);
    for (const m of window.matchAll(TOKEN)) push(from + valueStart(m, 1), m[1]!, handedOverToken);
  };

  // Password words first: their values are the surest, and a pair or a sign-in window that
  // overlaps them ("login: ops pwd=X") must not claim the value with its separator.
  const words = [...text.matchAll(VOCABULARY)].filter((w) => w[4] === undefined || PIN_NAMED.test(w[0]));
  for (const word of words) {
    anchors.push(word.index);
    // A PIN word that is also a password word ("PIN: 4711") is tried as both.
    if (word[1] !== undefined || word[4] !== undefined) pinWord(word.index);
    if (word[1] !== undefined) passwordWord(word.index);
  }
  for (const word of words) {
    if (word[2] === undefined) continue;
    const pair = stickyAt(USER_PAIR, text, word.index);
    if (pair) push(valueStart(pair, 1), pair[1]!, (v, after) => pairedPassword(v, after) || passphrase(v));
  }
  for (const word of words) {
    const login =
      word[3] !== undefined ? word : word[2] !== undefined ? stickyAt(LOGIN_AT, text, word.index) : null;
    if (login) signInWord(word.index, login[0].length);
  }
  if (text.includes('/')) {
    for (const [from, to] of windows(anchors, text.length)) {
      for (const m of text.slice(from, to).matchAll(SLASH_PAIR)) {
        push(from + valueStart(m, 1), m[1]!, (v, after) => pairedPassword(v, after) || passphrase(v));
      }
    }
    for (const m of text.matchAll(ACCOUNT_SLASH)) {
      push(
        valueStart(m, 1),
        m[1]!,
        (value, after) =>
          (pairedPassword(value, after) && characterClasses(value) >= 3) || chosenValue(value, after),
      );
    }
  }
  for (const f of findAnnotatedValues(text)) push(f.start, text.slice(f.start, f.end), () => true);
  // The clause pass last: the strict rules above hold the surest values and their exact extents.
  found.push(...findCredentialClauses(text, found).filter((f) => !example(text, f.start, f.end)));
  return found;
}

/** Words that make a value an example in password-policy text: "for example", "a strong password", 例えば, 例如, 예를 들어. */
const EXAMPLE_BEFORE =
  /(?<![\p{L}])(?:examples?|e\.g\.|for\s+instance|such\s+as|(?:strong|weak|bad|good|secure|insecure)\s+password|z\.\s?B\.|zum\s+Beispiel|beispielsweise|por\s+ejemplo|p\.\s?ej\.|ejemplo|par\s+exemple|exemple|ad\s+esempio|per\s+esempio|esempio|por\s+exemplo|exemplo|bijvoorbeeld|voorbeeld|na\s+przykład|przykład|örneğin|mesela|örnek|например|пример|к\s+примеру|مثال|مثلا|לדוגמה|למשל|ví\s+dụ|contoh|misalnya)(?![\p{L}])|例えば|たとえば|例[:：]|例如|比如|譬如|举例|舉例|强密码|強密碼|弱密码|弱密碼|強いパスワード|弱いパスワード|예를\s?들어|예[:：]|예시|ตัวอย่าง|เช่น/iu;
const EXAMPLE_AFTER = /^[」』"'”’]?\s*(?:のように|のような|など|这样|這樣|之类|之類|같은|처럼|등의|e\.g\.)/u;
/** Sentence ends and line breaks; a period after a single letter ends an abbreviation (z.B., e.g.), not a sentence. */
const SENTENCE_END = /[。！？!?\n]|(?<!(?:^|[\s.])\p{L})\.\s/gu;

/** Is the value an example of a password rather than one in use? */
function example(text: string, start: number, end: number): boolean {
  const before = text.slice(Math.max(0, start - 100), start);
  let cut = 0;
  for (const m of before.matchAll(SENTENCE_END)) cut = m.index + m[0].length;
  return EXAMPLE_BEFORE.test(before.slice(cut)) || EXAMPLE_AFTER.test(text.slice(end, end + 12));
}

/** WINDOW characters around a span, not crossing a blank line: a handed-over value belongs to its paragraph. */
function paragraphAround(text: string, start: number, end: number): [number, number] {
  const before = text.slice(Math.max(0, start - WINDOW), start);
  const after = text.slice(end, end + WINDOW);
  const cutBefore = before.search(/\n[ \t]*\n(?![\s\S]*\n[ \t]*\n)/);
  const cutAfter = after.search(/\n[ \t]*\n/);
  const from = cutBefore === -1 ? start - before.length : start - before.length + cutBefore;
  return [from, cutAfter === -1 ? end + after.length : end + cutAfter];
}

function stickyAt(pattern: RegExp, text: string, index: number): RegExpExecArray | null {
  pattern.lastIndex = index;
  return pattern.exec(text);
}

/** The stretches of text within WINDOW characters of a credential word, merged where they overlap. */
function windows(anchors: readonly number[], length: number): [number, number][] {
  const merged: [number, number][] = [];
  for (const at of [...anchors].sort((a, b) => a - b)) {
    const from = Math.max(0, at - WINDOW);
    const to = Math.min(length, at + WINDOW);
    const last = merged[merged.length - 1];
    if (last && from <= last[1]) last[1] = Math.max(last[1], to);
    else merged.push([from, to]);
  }
  return merged;
}

/** The second half of a pair: a chosen password, not a number ("user ID 4711 and 4712"). */
function pairedPassword(value: string, after: string): boolean {
  return !/^\d+$/.test(value) && strongPassword(value, after);
}

/** A user name followed by a slash: the first half of "user / password". */
const PAIR_FIRST_HALF = /^[\w.@-]{2,40}\s{0,2}\/\s{0,2}\S/u;
/**
 * Words joined by dots or dashes, the way passphrases are handed out (apple.cloud.tiger.otter,
 * pepper-apple-52); not a host name or a file name (its last part is a domain or an extension).
 */
const PASSPHRASE =
  /^\p{Ll}{3,12}(?:[.\-_]\p{Ll}{3,12}){2,5}(?:[.\-_]?\d{1,4})?$|^\p{Ll}{3,12}(?:[.\-_]\p{Ll}{3,12}){1,5}[.\-_]\d{1,4}$/u;
const HOST_OR_FILE_END =
  /[.](?:com|org|net|io|dev|app|cloud|local|lan|internal|corp|intra|example|test|[a-z]{2}|json|ya?ml|txt|md|html?|csv|xml|log|conf|ini|cfg|env|sh|py|js|ts)$/;

function passphrase(value: string): boolean {
  return PASSPHRASE.test(value) && !HOST_OR_FILE_END.test(value);
}

function strongOrPassphrase(value: string, after: string): boolean {
  return strongPassword(value, after) || passphrase(value);
}

/** Sentence punctuation and closing quotes after a value are not part of it. */
export function trimTrailing(value: string): string {
  return value.replace(/(?:[.,;:)\]}>"'`」』】〕”’»،؛、，。；：]|\.{3})+$/u, '');
}
