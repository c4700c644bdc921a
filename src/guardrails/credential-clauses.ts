import { EXAMPLE_OR_RULE, LIKE_BEFORE, TOKEN, chosenValue, tokenValue } from './chosen-values.js';
import { LEFT, PASSWORD_WORDS, PIN_WORDS, RIGHT_OF_NAME as RIGHT, USER_WORDS } from './credential-words.js';
import { findHandedOver } from './handover.js';
import type { RawFinding } from './scanner.js';
import { Coverage, sentenceAround } from './text-window.js';
import {
  assignedPlaceholder,
  characterClasses,
  isPlaceholder,
  notASecret,
  strongPassword,
  trivialDigits,
} from './token-shape.js';

/*
 * The clause after a credential word, read as a whole. People rarely write "password: X"; they
 * write "the pw for the meeting-room laptop is now Ajax1900!", "hasło do laptopa zmienione na
 * Legia1916!", "la combinaison du coffre est 7-23-61", "if the alarm goes off, punch in 208813".
 * Between the word and its value stand what it opens, a verb ("changed to", "now", "type") and
 * particles, in any language, so this pass does not enumerate the joining words: it takes every
 * value-shaped token of the clause that follows the word (same sentence, at most CLAUSE characters)
 * and judges the token by its shape and by the kind of word that opened the clause:
 *
 * - a password word (including the abbreviations people write: pw, mdp, ww, contra, sandinya):
 *   a chosen-looking value (letters with digits or symbols), a word with digits (Juventus1897,
 *   koala77) unless it is a product or a standard (Office365, WPA2), a PIN of 4 to 12 digits,
 *   or a passphrase of words joined by dashes or dots;
 * - an access word (door code, alarm, safe, combination, keypad, digicode, 金庫, 门禁, 금고,
 *   ตู้เซฟ, két sắt, brankas, خزنة, כספת): a numeric code or a dial combination (24-61-09);
 * - a passphrase word: also three to six lower-case words in a row (tangerine maple quiet river).
 *
 * It stays quiet on the numbers of ordinary sentences: years, amounts, lengths ("12 characters"),
 * times, floors and rooms, extensions, phone numbers (digit groups), and on example values in
 * policy text ("for example", "avoid passwords like").
 */

type Kind = 'password' | 'access' | 'passphrase' | 'account';

/** Password words with the endings and abbreviations that the strict vocabulary leaves out. */
const LOOSE_PASSWORD_WORDS = [
  String.raw`${LEFT}(?:pw|pwd|mdp|ww|la\s+contra|senha|clave|hasło|haslo|mk|(?:la|el|il|ta|le|the|my)\s+pass|pass(?=\s+là))(?![A-Za-z0-9_])`,
  String.raw`${LEFT}(?:password|sandi|katasandi|pin)nya${RIGHT}`,
  String.raw`${LEFT}(?:şifre|sifre)\p{L}{0,6}`,
  String.raw`${LEFT}parola(?:s[ıi]|n[ıi]z|y[ıi])\p{L}{0,4}`,
  String.raw`${LEFT}(?:has[łl])\p{L}{0,4}`,
  String.raw`${LEFT}парол\p{L}{0,4}`,
  String.raw`${LEFT}(?:passwor[dt]|kennwort|wachtwoord|contrase[ñn]a)\p{L}{0,3}(?![_\p{N}])`,
  String.raw`(?:و|ب|ل)?(?:ال)?(?:باسورد|باسوورد|رقم\sسري|الرقم\sالسري|كلمة\s(?:ال)?(?:مرور|سر))`,
  String.raw`(?:ה|ו|ב|ל|ש)?(?:סיסמ\p{L}{0,3}|קוד\s(?:ה)?סודי)`,
  String.raw`mật\s+(?:khẩu|mã)`,
  String.raw`비밀\s?번호|비번|암호`,
  String.raw`接続キー|ネットワークキー|暗号化キー|パスワード|パス(?=[はがを：:\s])|暗証番号|暗証|ＰＷ|密码|密碼|口令|รหัสผ่าน|รหัสลับ|พาสเวิร์ด`,
].join('|');

/** Passphrase words: a run of lower-case words may follow them unquoted. */
const PASSPHRASE_WORDS = String.raw`${LEFT}(?:(?:recovery\s+)?pass\s?phrase|wachtzin|Passwortsatz|Kennsatz|phrase\s+(?:de\s+passe|secrète)|frase\s+(?:de\s+)?(?:contraseña|senha|segreta|secreta|acesso|acceso)|fraza\s+(?:dostępu|hasła)|parola\s+(?:cümlesi|ifadesi)|(?:кодов|парольн)\p{L}{2}\s+фраз\p{L}{0,2}|пасс?фраз\p{L}{0,2})${RIGHT}|パスフレーズ|密语|密語|암호\s?문구`;

/** What a code opens, or the act of keying it in: door, alarm, safe, combination, keypad, in every answer language. */
const ACCESS_WORDS = [
  String.raw`${LEFT}(?:unlocks?\s+with|déverrouill\p{L}*|desbloque\p{L}*|sblocc\p{L}*|entsperr\p{L}*|ontgrendel\p{L}*|odblokow\p{L}*|разблокир\p{L}*|mở\s+khóa|buka\s+kunci|voicemail|Zahlenschloss|locker|Spind|Schließfach|casier|taquilla|armadietto|cacifo|szafk\p{L}*|dolab\p{L}*|шкафчик\p{L}*|tủ\s+khóa|loker|לוקר|ארונית)${RIGHT}`,
  String.raw`${LEFT}(?:(?:door|gate|alarm)\s+(?:code|panel|system|pin)|door|keypad|key\s?pad|lock\s?box|key\s?safe|padlock|combination|disarm|(?:access|entry)\s+code)${RIGHT}`,
  String.raw`${LEFT}(?:the|a|office|wall|floor)\s+safe${RIGHT}`,
  String.raw`${LEFT}(?:Tresor|Safe|Alarmanlage|Alarmcode|Zahlenschloss|Kombination|Türcode|Tastenfeld|Schlüsselkasten|Schlüsseltresor|unscharf)\p{L}{0,2}${RIGHT}`,
  String.raw`${LEFT}(?:digicode|coffre(?:-fort)?|alarme|cadenas|combinaison)${RIGHT}`,
  String.raw`${LEFT}(?:caja\s+fuerte|alarma|candado|combinación|cofre|cadeado|combinação|cassaforte|allarme|lucchetto|combinazione|tastierino)${RIGHT}`,
  String.raw`${LEFT}(?:kluis(?:je)?|combinatie|cijferslot|deurcode|sejf|alarm\p{L}{0,2}|szyfr\p{L}{0,2}|kombinacj\p{L}{1,2}|kłódk\p{L}{1,2}|kasa(?:nın|yı|sı)?|kombinasyon\p{L}{0,3}|сейф\p{L}{0,2}|сигнализаци\p{L}|комбинаци\p{L}|кодов\p{L}{2}\s+замок\p{L}{0,2}|замк\p{L}|брелок)${RIGHT}`,
  String.raw`${LEFT}(?:két(?:\s+sắt)?|báo\s+động|mã\s+cửa|khóa\s+số|brankas|kombinasi|pintu|خزنة|الخزنة|الخزينة|إنذار|الإنذار|التركيبة|כספת|הכספת|אזעקה|האזעקה|צירוף|דלת)${RIGHT}`,
  String.raw`ロック解除|解锁|解鎖|잠금\s?해제|ปลดล็อก|ロッカー|사물함|번호키|储物柜|置物櫃|ล็อกเกอร์|金庫|警報|警備|ダイヤル|解除|保全|解除番号|入館コード|保险柜|保险箱|保險箱|保險櫃|门禁|門禁|警报|撤防|转盘|轉盤|设防|設防|금고|경비|출입문|도어락|다이얼|해제\s?번호|ตู้เซฟ|เซฟ|กันขโมย|ปลดสัญญาณ|รหัสประตู|ประตู`,
].join('|');

/** Accounts as people name them when they hand one over: "Cuenta de pruebas: AUDIT-02 / X", учётка, 계정. */
const ACCOUNT_WORDS = String.raw`${LEFT}(?:accounts?|logins?|credentials|cuenta|conta|compte|identifiants|utenza|credenziali|Konto|Zugang|Zugangsdaten|inloggegevens|konto|dane\s+logowania|hesap|hesabı|kullanıcı|учётк\p{L}|учетк\p{L}|учётн\p{L}{2}\s+запис\p{L}|логин|akun|tài\s+khoản|حساب|الحساب|חשבון|משתמש)${RIGHT}|アカウント|ユーザー|账号|帳號|账户|帳戶|계정|아이디|บัญชี|ยูสเซอร์`;

/**
 * The anchors, one expression per kind and vocabulary. One alternation of all of them ran about
 * eight times slower than these run one after the other: V8 narrows the start positions of a
 * search by the first characters its alternatives can take, and a union of every vocabulary in
 * 19 languages leaves nothing to narrow.
 */
const ANCHOR_SETS: readonly (readonly [Kind, RegExp])[] = [
  ['passphrase', new RegExp(PASSPHRASE_WORDS, 'giu')],
  ['password', new RegExp(`${PASSWORD_WORDS}|${PIN_WORDS}`, 'giu')],
  ['password', new RegExp(LOOSE_PASSWORD_WORDS, 'giu')],
  ['access', new RegExp(ACCESS_WORDS, 'giu')],
  ['account', new RegExp(ACCOUNT_WORDS, 'giu')],
];

interface Anchor {
  readonly kind: Kind;
  readonly index: number;
  readonly word: string;
}

/** Every anchor of the text in order; where two overlap, the earlier vocabulary's. */
function anchorsOf(text: string): Anchor[] {
  const anchors: Anchor[] = [];
  const covered = new Coverage(text.length);
  for (const [kind, pattern] of ANCHOR_SETS) {
    for (const m of text.matchAll(pattern)) {
      const end = m.index + m[0].length;
      if (covered.covers(m.index, end)) continue;
      covered.add(m.index, end);
      anchors.push({ kind, index: m.index, word: m[0] });
    }
  }
  return anchors.sort((a, b) => a.index - b.index);
}
/** An account name, a conjunction and the password: "… compte remplacant.web et Croissant&Cafe24". */
const ACCOUNT_AND =
  /^\s{0,2}[\w.@-]{3,40}\s+(?:and|et|y|e|und|en|i|ve|и|và|dan|و)\s+([\x21-\x7E]{6,40}?)(?=[\s.,;)]|$)/u;
/** "AUDIT-EXT-02 / mR9$kT4wZq2L", "**admin** / **X**": an account name, a slash, the password. */
const SLASH_PAIR =
  /(?<![\x21-\x7E])[*_`"'“]{0,2}[\w.@\\-]{2,40}[*_`"'”]{0,2}\s{0,2}\/\s{0,2}[*_`"'“]{0,2}([\x21-\x7E]{6,64}?)[*_`"'”]{0,2}(?=[\s,.;)]|$)/gu;

/** How far after its word a value may stand, within one sentence. */
const CLAUSE = 96;
/** A sentence end: 。！？, a line break, or . ! ? before a space or the end (not inside Xk7!pQ). */
const CLAUSE_END = /[。！？；\n;]|(?<!\d)[.!?](?=\s|$)/u;

/** Numbers that are not codes: a year, an amount or a length ("12 characters", "30 seconds", 50,000). */
const YEAR = /^(?:1[5-9]|20)\d\d$/;
const UNIT_AFTER =
  /^\s?(?:%|€|\$|£|¥|円|元|원|บาท|₫|₺|₪|zł|[a-z]{0,2}(?:characters?|chars?|digits?|letters?|seconds?|secs?|minutes?|mins?|hours?|days?|weeks?|months?|years?|times|attempts|tries|people|users|employees|GB|MB|TB|km|kg|m²|h)\b|(?:Zeichen|Stellen|Ziffern|Sekunden|Minuten|Stunden|Tage|caractères|chiffres|secondes|jours|caracteres|dígitos|segundos|días|dias|caratteri|cifre|secondi|giorni|tekens|cijfers|seconden|dagen|znak|cyfr|sekund|dni|karakter|hane|saniye|gün|символ|цифр|секунд|дн|حرف|أرقام|ثانية|يوم|תווים|ספרות|שניות|ימים|ký\s+tự|chữ\s+số|giây|ngày|karakter|angka|detik|hari|文字|桁|秒|日|年|月|년|월|ปี|năm|tahun|yıl|год\p{L}{0,2}|个字符|個字元|字符|位|天|자|글자|초|일|ตัว|หลัก|วินาที|วัน))/iu;
/** Words that make the next number a place, an extension or an id: room 204, ext. 4410, floor 3, No. 1234. */
const NUMBER_NOUN_BEFORE =
  /(?<![\p{L}])(?:error|Fehler|erreur|errore|erro|fout|błąd|hata|ошибк\p{L}*|reference|ref\.?|Referenz|référence|referencia|riferimento|referência|referentie|between|zwischen|entre|tra|tussen|między|arasında|между|antara|بين|בין|room|floor|level|building|suite|ext\.?|extension|step|ticket|order|invoice|case|page|line|no\.?|nr\.?|#|№|Raum|Zimmer|Etage|Stock|OG|Durchwahl|salle|étage|bureau|poste|bâtiment|sala|piso|planta|edificio|extensión|piano|stanza|interno|andar|ramal|verdieping|kamer|toestel|piętro|pokój|wewn\.?|kat|oda|dahili|этаж|кабинет|комнат\p{L}*|доб\.?|طابق|الطابق|الدور|غرفة|تحويلة|קומה|חדר|שלוחה|tầng|phòng|máy\s+lẻ|lantai|ruang|ext|階|号室|内線|楼|樓|室|分機|分机|층|호|내선|ชั้น|ห้อง|ต่อ)\s{0,2}$/iu;
const TIME_BEFORE =
  /(?<![\p{L}])(?:at|from|until|till|by|um|ab|bis|à|de|jusqu'à|a\s+las|desde|hasta|alle|dalle|fino\s+alle|às|das|até|om|van|tot|o|od|do|saat|в|с|до|lúc|từ|đến|pukul|jam|sampai|في|من|حتى|ב|מ|עד)\s+$/iu;
const BETWEEN_BEFORE =
  /(?<![\p{L}])(?:between|zwischen|entre|tra|tussen|między|между|antara|từ|بين|בין)\s+\d+\s+\p{L}{1,4}\s+$/iu;
const RANGE_AFTER = /^\s+(?:and|und|et|y|e|en|i|ve|и|và|dan|و|to|bis|à|a|al|tot|do|до|đến|sampai|עד)\s+\d/iu;

/** A number to call, not to key in: "call the desk on 5550123", appelez le 5550123. */
const PHONE_VERB_BEFORE =
  /(?<![\p{L}])(?:call|phone|ring|dial|tel\.?|fax|anrufen|ruf|appele[rz]|llam[ae]|chiam[ai]|lig(?:ue|ar)|bel|zadzwoń|ara|позвон\p{L}*|اتصل|התקשר|gọi|hubungi|電話|电话|致电|전화|โทร)[^\d\n]{0,20}$/iu;
/** Three to six words after a passphrase word's separator, copula or opening quote (« le chat dort sur la photocopieuse »). */
const PASSPHRASE_AFTER =
  /^(?:\s{0,2}[:：=]\s{0,2}|\s{1,2}[—–-]\s{1,2}|\s+(?:is|ist|est|es|è|é|is\s+nu|lautet|jest|это)\s+|\s{0,2}(?=["'“„«「『]))["'“„«「『]?\s?((?:\p{Ll}{2,14}[ -]){2,5}\p{Ll}{2,14})(?=\s?["'”»」』]?(?:[\s.,;:!)(]|$))/u;

/** A quoted phrase about passphrases rather than one: "four random words", "12 characters". */
const PHRASE_POLICY =
  /(?<![\p{L}])(?:random|words?|characters?|letters?|example|zufällig\p{L}*|Wörter|mots|aléatoires?|palabras|parole|palavras|woorden|słów|kelime\p{L}*|слов\p{L}*)(?![\p{L}])/iu;

/** Words of a sentence about passphrases rather than one: "a passphrase of four random words is easier". */
const PROSE_WORD =
  /(?<![\p{L}])(?:of|is|are|a|an|the|to|and|or|for|with|than|be|your|you|it|in|on|at|by|from|that|this|as|can|should|must|will|random|words?|characters?|letters?|easier|long|remember|several|separated|hyphens?|der|die|das|ist|und|oder|mit|aus|mehrere|zufällige|Wörter\p{L}*|le|la|les|est|et|ou|des|mots|plusieurs|el|es|y|palabras|varias|il|e|o|parole|più|de|het|een|en|van|dan|losse|woorden|meerdere|jest|i|kilka|słów|losowych|bir|ve|birkaç|kelime\p{L}*|несколько|случайных|слов|через|дефис|из|и|или|а|не)(?![\p{L}])/iu;

/** One finding per value: the clause pass after the strict rules. */
export function findCredentialClauses(text: string, taken: readonly RawFinding[]): RawFinding[] {
  const found: RawFinding[] = [];
  const covered = new Coverage(text.length, taken);
  for (const { kind, index, word } of anchorsOf(text)) {
    // Italian "parola" is a word, Turkish "parola" a password: the clause pass leaves it to the strict rules.
    if (/^parola$/iu.test(word)) continue;
    // "pin" is a verb ("Pin the image to v2.3.1"): only PIN in capitals or a compound names one.
    if (/^pin(?![\p{L}])/iu.test(word) && !/PIN|ПИН|code|kod|код|nummer|number/.test(word)) continue;
    const from = index + word.length;
    if (/^[_-]\p{L}/u.test(text.slice(from, from + 2))) continue; // an identifier: password_min_length
    const rest = text.slice(from, from + CLAUSE);
    const cut = rest.search(CLAUSE_END);
    const clause = cut === -1 ? rest : rest.slice(0, cut + 1);
    for (const value of [...valuesIn(text, from, clause, kind), ...answerInChat(text, from, clause, kind)]) {
      if (covered.covers(value.start, value.end)) continue;
      covered.add(value.start, value.end);
      found.push({ type: 'password', start: value.start, end: value.end });
    }
  }
  return [...found, ...findHandedOver(text, covered)];
}

interface Span {
  readonly start: number;
  readonly end: number;
}

const USER_BEFORE = new RegExp(`${USER_WORDS}\\s{0,2}[:=]?\\s{0,2}$`, 'iu');

/** The values of one clause, judged by their shape and the kind of word that opened it. */
function valuesIn(text: string, offset: number, clause: string, kind: Kind): Span[] {
  const values: Span[] = [];
  if (kind === 'passphrase') {
    // Straight after the word, or after a colon further on ("Die Passphrase fürs WLAN gilt ab Montag: vier grüne Möwen tanzen").
    const colon = clause.search(/[:：]\s/);
    const words =
      PASSPHRASE_AFTER.exec(clause) ?? (colon > 0 ? PASSPHRASE_AFTER.exec(clause.slice(colon)) : null);
    const shift = words && words.input !== clause ? colon : 0;
    const quoted =
      words !== null && /["'“„«「『]\s*$/u.test(words[0].slice(0, words[0].length - words[1]!.length));
    if (
      words &&
      !EXAMPLE_OR_RULE.test(words[1]!) &&
      (quoted ? !PHRASE_POLICY.test(words[1]!) : !PROSE_WORD.test(words[1]!))
    ) {
      const start = offset + shift + words.index + words[0].length - words[1]!.length;
      values.push({ start, end: start + words[1]!.length });
    }
  }
  if (kind === 'account') {
    // "with the account sustituto.web and Tortilla&Vino19": an account name, "and", the password.
    const pair = ACCOUNT_AND.exec(clause);
    if (pair && chosenValue(pair[1]!)) {
      const start = offset + pair.index + pair[0].length - pair[1]!.length;
      values.push({ start, end: start + pair[1]!.length });
    }
    for (const m of clause.matchAll(SLASH_PAIR)) {
      const value = m[1]!;
      const start = offset + m.index + m[0].lastIndexOf(value);
      if (!/^\d+$/.test(value) && characterClasses(value) >= 3 && strongPassword(value) && !notASecret(value))
        values.push({ start, end: start + value.length });
    }
    return values;
  }
  for (const m of clause.matchAll(SPACED_CODE)) {
    const start = offset + m.index;
    if (!NUMBER_NOUN_BEFORE.test(text.slice(Math.max(0, start - 24), start)))
      values.push({ start, end: start + m[0].length });
  }
  const tokens = [...clause.matchAll(TOKEN)];
  if (tokens.length === 0) return values;
  // Policy words and examples before the value: the sentence up to the word once, then only the
  // stretch between the word and each value (short), instead of the whole sentence per value.
  const [sentenceStart] = sentenceAround(text, offset, offset, 160);
  if (EXAMPLE_OR_RULE.test(text.slice(sentenceStart, offset))) return values;
  for (const m of tokens) {
    const { lead, value } = tokenValue(m[0]);
    if (value.length < 4) continue;
    const start = offset + m.index + lead;
    const end = start + value.length;
    const before = text.slice(Math.max(0, start - 160), start);
    if (
      EXAMPLE_OR_RULE.test(text.slice(offset, start)) ||
      LIKE_BEFORE.test(before) ||
      USER_BEFORE.test(before.slice(-40))
    )
      continue;
    if (accepts(value, kind, before, text.slice(end, end + 24))) values.push({ start, end });
  }
  return values;
}

/** Single digits (or pairs) keyed one by one, separated by spaces or dashes. */
const SPACED_CODE =
  /(?<![\p{N}\p{L}])(?:\d(?:(?: ?[-–] ?| )\d){3,7}|\d{1,2}(?: [-–] \d{1,2}){2,3})(?![\p{N}])/gu;

/**
 * A chat that asks for a password and gets it on the next line: "[10:42] Rui: qual é a pw do cacifo
 * 14?" / "[10:43] Inês: 3391 acho eu". The first value-shaped token of the answer line, after its
 * time stamp and name.
 */
function answerInChat(text: string, from: number, clause: string, kind: Kind): Span[] {
  if (!/[?？]\s*$/u.test(clause)) return [];
  const lineEnd = text.indexOf('\n', from + clause.length - 1);
  if (lineEnd === -1) return [];
  const next = text.slice(lineEnd + 1, lineEnd + 120).split('\n')[0]!;
  const prefix = /^\s*(?:\[?\d{1,2}[:.]\d{2}\]?\s*)?(?:[\p{L}.' -]{1,24}:\s*)?/u.exec(next)?.[0] ?? '';
  const token = /^[\x21-\x7E\u00C0-\u024F]+/u.exec(next.slice(prefix.length));
  if (!token) return [];
  const { value } = tokenValue(token[0]);
  const start = lineEnd + 1 + prefix.length;
  const end = start + value.length;
  const chosen = /^\d{4,8}$/.test(value) ? !trivialDigits(value) && !YEAR.test(value) : chosenValue(value);
  return chosen && kind !== 'account' ? [{ start, end }] : [];
}

/** A digit group next to this one (a phone number, 0171 5382914) or a decimal part. */
const DIGIT_GROUP_BEFORE = /\d[ \t/.,-]{0,3}$/;
const DIGIT_GROUP_AFTER = /^[ \t/.,-]{0,3}\d|^[.,]\d/;

function accepts(value: string, kind: Kind, textBefore: string, textAfter: string): boolean {
  if (isPlaceholder(value) || /:\/\/|^www\.|^[.$@_-]|\{\{|\}\}|\/|"/i.test(value)) return false;
  // key=value: the value is what counts (login=OK, password=[MASKED], Password={{DB_PWD}}).
  if (assignedPlaceholder(value)) return false;
  if (/^\d+-\p{L}+$/u.test(value)) return false; // 2-point, 5-star
  const digits = /^\d{4,12}$/.test(value);
  const combination = /^\d{1,3}(?:[-–]\d{1,3}){2,3}$/.test(value);
  if (digits || combination) {
    if (DIGIT_GROUP_BEFORE.test(textBefore) && !/[:=—–]\s*$/.test(textBefore)) return false;
    if (DIGIT_GROUP_AFTER.test(textAfter) || UNIT_AFTER.test(textAfter)) return false;
    if (
      PHONE_VERB_BEFORE.test(textBefore) ||
      NUMBER_NOUN_BEFORE.test(textBefore) ||
      /[$€£¥₩₫₪]\s?$|Rp\.?\s?$|R\$\s?$/.test(textBefore)
    )
      return false;
    // A time of day (opens at 0630, um 1800) and the ends of a range (between 1001 and 1400) are not codes.
    if (digits && /^(?:[01]\d|2[0-3])[0-5]\d$/.test(value) && TIME_BEFORE.test(textBefore)) return false;
    if (RANGE_AFTER.test(textAfter) || BETWEEN_BEFORE.test(textBefore)) return false;
    // A year-shaped code counts straight after a separator ("Código de la alarma: 1506"), not in prose.
    if (digits) return (!YEAR.test(value) || /[:=→]\s*$/.test(textBefore)) && !trivialDigits(value);
    return kind === 'access';
  }
  if (/^\d{4,8}[#*]$/.test(value)) return !trivialDigits(value.slice(0, -1)); // 5829#: a door code's digits and its key
  // Keypad codes with letters: 38B51, 4711#, A1B2*.
  if (kind === 'access') return /^(?=(?:.*\d){3})[0-9A-D*#]{4,8}$/.test(value) && !/^[A-D]/.test(value);
  return chosenValue(value, textAfter);
}
