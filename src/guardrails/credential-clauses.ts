import { PASSWORD_WORDS, PIN_WORDS, USER_WORDS } from './credential-words.js';
import type { RawFinding } from './scanner.js';
import {
  characterClasses,
  isPlaceholder,
  isProductName,
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

const LEFT = String.raw`(?<![\p{L}\p{N}])`;
const RIGHT = String.raw`(?![\p{L}\p{N}_])`;

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
  String.raw`パスワード|パス(?=[はがを：:\s])|暗証番号|暗証|ＰＷ|密码|密碼|口令|รหัสผ่าน|รหัสลับ|พาสเวิร์ด`,
].join('|');

/** Passphrase words: a run of lower-case words may follow them unquoted. */
const PASSPHRASE_WORDS = String.raw`${LEFT}(?:(?:recovery\s+)?pass\s?phrase|wachtzin|Passwortsatz|Kennsatz|phrase\s+(?:de\s+passe|secrète)|frase\s+(?:de\s+)?(?:contraseña|senha|segreta|secreta|acesso|acceso)|fraza\s+(?:dostępu|hasła)|parola\s+(?:cümlesi|ifadesi)|(?:кодов|парольн)\p{L}{2}\s+фраз\p{L}{0,2}|пасс?фраз\p{L}{0,2})${RIGHT}|パスフレーズ|密语|密語|암호\s?문구`;

/** What a code opens, or the act of keying it in: door, alarm, safe, combination, keypad, in every answer language. */
const ACCESS_WORDS = [
  String.raw`${LEFT}(?:locker|Spind|Schließfach|casier|taquilla|armadietto|cacifo|szafk\p{L}*|dolab\p{L}*|шкафчик\p{L}*|tủ\s+khóa|loker|לוקר|ארונית)${RIGHT}`,
  String.raw`${LEFT}(?:(?:door|gate|alarm|keypad|key\s?pad|lock\s?box|key\s?safe|padlock|combination|disarm)(?:\s+(?:code|panel|system|pin))?|(?:access|entry)\s+code)${RIGHT}`,
  String.raw`${LEFT}(?:the|a|office|wall|floor)\s+safe${RIGHT}`,
  String.raw`${LEFT}(?:Tresor|Safe|Alarmanlage|Alarm|Zahlenschloss|Kombination|Türcode|Tastenfeld|Schlüsselkasten|Schlüsseltresor|unscharf)\p{L}{0,2}${RIGHT}`,
  String.raw`${LEFT}(?:digicode|coffre(?:-fort)?|alarme|cadenas|combinaison|clavier)${RIGHT}`,
  String.raw`${LEFT}(?:caja\s+fuerte|alarma|candado|combinación|cofre|alarme|cadeado|combinação|cassaforte|allarme|lucchetto|combinazione|tastierino)${RIGHT}`,
  String.raw`${LEFT}(?:kluis(?:je)?|combinatie|cijferslot|deurcode|sejf|alarm\p{L}{0,2}|szyfr\p{L}{0,2}|kombinacj\p{L}{1,2}|kłódk\p{L}{1,2}|kasa(?:nın|yı|sı)?|kombinasyon\p{L}{0,3}|сейф\p{L}{0,2}|сигнализаци\p{L}|комбинаци\p{L}|кодов\p{L}{2}\s+замок\p{L}{0,2}|замк\p{L}|брелок)${RIGHT}`,
  String.raw`${LEFT}(?:két(?:\s+sắt)?|báo\s+động|mã\s+cửa|khóa\s+số|brankas|kombinasi|pintu|خزنة|الخزنة|الخزينة|إنذار|الإنذار|التركيبة|כספת|הכספת|אזעקה|האזעקה|צירוף|דלת)${RIGHT}`,
  String.raw`ロッカー|사물함|번호키|储物柜|置物櫃|ล็อกเกอร์|金庫|警報|警備|ダイヤル|解除|保全|解除番号|入館コード|保险柜|保险箱|保險箱|保險櫃|门禁|門禁|警报|撤防|转盘|轉盤|设防|設防|금고|경비|출입문|도어락|다이얼|해제\s?번호|ตู้เซฟ|เซฟ|กันขโมย|ปลดสัญญาณ|รหัสประตู|ประตู`,
].join('|');

/** Accounts as people name them when they hand one over: "Cuenta de pruebas: AUDIT-02 / X", учётка, 계정. */
const ACCOUNT_WORDS = String.raw`${LEFT}(?:account|accounts|login|logins|credentials|cuenta|conta|compte|identifiants|utenza|credenziali|Konto|Zugang|Zugangsdaten|Login|account|inloggegevens|konto|dane\s+logowania|hesap|hesabı|kullanıcı|учётк\p{L}|учетк\p{L}|учётн\p{L}{2}\s+запис\p{L}|логин|akun|tài\s+khoản|حساب|الحساب|חשבון|משתמש)${RIGHT}|アカウント|ユーザー|账号|帳號|账户|帳戶|계정|아이디|บัญชี|ยูสเซอร์`;

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
  for (const [kind, pattern] of ANCHOR_SETS) {
    for (const m of text.matchAll(pattern)) {
      const end = m.index + m[0].length;
      if (!anchors.some((a) => a.index < end && m.index < a.index + a.word.length))
        anchors.push({ kind, index: m.index, word: m[0] });
    }
  }
  return anchors.sort((a, b) => a.index - b.index);
}
/** "AUDIT-EXT-02 / mR9$kT4wZq2L", "**admin** / **X**": an account name, a slash, the password. */
const SLASH_PAIR =
  /(?<![\x21-\x7E])[*_`"'“]{0,2}[\w.@\\-]{2,40}[*_`"'”]{0,2}\s{0,2}\/\s{0,2}[*_`"'“]{0,2}([\x21-\x7E]{6,64}?)[*_`"'”]{0,2}(?=[\s,.;)]|$)/gu;

/** How far after its word a value may stand, within one sentence. */
const CLAUSE = 96;
/** A sentence end: 。！？, a line break, or . ! ? before a space or the end (not inside Xk7!pQ). */
const CLAUSE_END = /[。！？；\n;]|(?<!\d)[.!?](?=\s|$)/u;
/** A value-shaped run: printable ASCII, accented Latin and Cyrillic (борщ-окно-трамвай-38). */
const TOKEN = /[\x21-\x7E\u00C0-\u024F\u0400-\u04FF]+/gu;
const LEADING = /^(?:[("'“‘«„「『【〔<[{*_`~¡¿=:]|-(?=\d))+/u;
const TRAILING = /(?:[.,;:)\]}>"'`」』】〕”’»*_]|\.{3})+$/u;

/** Numbers that are not codes: a year, an amount or a length ("12 characters", "30 seconds", 50,000). */
const YEAR = /^(?:1[5-9]|20)\d\d$/;
const UNIT_AFTER =
  /^\s?(?:%|€|\$|£|¥|円|元|원|บาท|₫|₺|₪|zł|[a-z]{0,2}(?:characters?|chars?|digits?|letters?|seconds?|secs?|minutes?|mins?|hours?|days?|weeks?|months?|years?|times|attempts|tries|people|users|employees|GB|MB|TB|km|kg|m²|h)\b|(?:Zeichen|Stellen|Ziffern|Sekunden|Minuten|Stunden|Tage|caractères|chiffres|secondes|jours|caracteres|dígitos|segundos|días|dias|caratteri|cifre|secondi|giorni|tekens|cijfers|seconden|dagen|znak|cyfr|sekund|dni|karakter|hane|saniye|gün|символ|цифр|секунд|дн|حرف|أرقام|ثانية|يوم|תווים|ספרות|שניות|ימים|ký\s+tự|chữ\s+số|giây|ngày|karakter|angka|detik|hari|文字|桁|秒|日|年|月|년|월|ปี|năm|tahun|yıl|год\p{L}{0,2}|个字符|個字元|字符|位|天|자|글자|초|일|ตัว|หลัก|วินาที|วัน))/iu;
/** Words that make the next number a place, an extension or an id: room 204, ext. 4410, floor 3, No. 1234. */
const NUMBER_NOUN_BEFORE =
  /(?<![\p{L}])(?:room|floor|level|building|suite|ext\.?|extension|step|ticket|order|invoice|case|page|line|no\.?|nr\.?|#|№|Raum|Zimmer|Etage|Stock|OG|Durchwahl|salle|étage|bureau|poste|bâtiment|sala|piso|planta|edificio|extensión|piano|stanza|interno|andar|ramal|verdieping|kamer|toestel|piętro|pokój|wewn\.?|kat|oda|dahili|этаж|кабинет|комнат\p{L}*|доб\.?|طابق|الطابق|الدور|غرفة|تحويلة|קומה|חדר|שלוחה|tầng|phòng|máy\s+lẻ|lantai|ruang|ext|階|号室|内線|楼|樓|室|分機|分机|층|호|내선|ชั้น|ห้อง|ต่อ)\s{0,2}$/iu;
/** A number to call, not to key in: "call the desk on 5550123", appelez le 5550123. */
const PHONE_VERB_BEFORE =
  /(?<![\p{L}])(?:call|phone|ring|dial|tel\.?|fax|anrufen|ruf|appele[rz]|llam[ae]|chiam[ai]|lig(?:ue|ar)|bel|zadzwoń|ara|позвон\p{L}*|اتصل|התקשר|gọi|hubungi|電話|电话|致电|전화|โทร)[^\d\n]{0,20}$/iu;
/** Policy text and examples before the value: "avoid passwords like", "for example", "at least". */
const EXAMPLE_OR_RULE =
  /(?<![\p{L}])(?:e\.g\.|for\s+example|for\s+instance|such\s+as|avoid|never\s+use|don'?t\s+use|do\s+not\s+use|weak|guessable|common|at\s+least|minimum|must\s+(?:be|contain|have)|z\.\s?B\.|zum\s+Beispiel|beispielsweise|mindestens|vermeiden|par\s+exemple|au\s+moins|évitez|éviter|por\s+ejemplo|al\s+menos|evite|evita|ad\s+esempio|per\s+esempio|almeno|por\s+exemplo|pelo\s+menos|bijvoorbeeld|minimaal|vermijd|na\s+przykład|np\.|takie\s+jak|co\s+najmniej|unikaj|örneğin|en\s+az|kaçının|например|не\s+менее|минимум|избегайте|مثل|مثال|على\s+الأقل|تجنب|לדוגמה|למשל|כמו|לפחות|הימנעו|ví\s+dụ|ít\s+nhất|tránh|contoh|misalnya|minimal|hindari)(?![\p{L}])|例えば|たとえば|例[:：]|のような|以上|避け|例如|比如|譬如|至少|避免|예를\s?들어|예[:：]|같은|이상|피하|ตัวอย่าง|เช่น|อย่างน้อย|หลีกเลี่ยง/iu;

/** "like" and "as" name an example only right before it: "passwords like Summer2024!", mots de passe comme « X ». */
const LIKE_BEFORE =
  /(?<![\p{L}])(?:like|such\s+as|wie|comme|como|come|zoals|jak|как|gibi|như|seperti|kiểu|tipo|typu|tarzı|типа)\s{1,2}["'«„“「]?$/iu;

/** Products, standards and units written as a word with digits: Office365, WPA2, FIDO2, M365, Win11, ISO27001. */
const PRODUCT =
  /^(?:office|windows|win|outlook|microsoft|ms|o|m|ios|ipados|macos|android|sap|s4|hana|iso|iec|rfc|wpa|fido|sha|aes|rsa|md|utf|ipv|tls|ssl|pbkdf|argon|bcrypt|http|oauth|saml|gen|ubuntu|debian|rhel|centos|java|python|node|php|sql|db|mysql|postgres|oracle|teams|zoom|excel|word|azure|entra|okta|duo|yubikey|keepass|keepassxc|bitwarden|lastpass|chrome|edge|firefox|safari|iphone|ipad|pixel|galaxy|surface|thinkpad|latitude|elitebook|macbook|xps|tvöd|tv|e|covid|q|h|fy|kw|cw|wk|week|woche|semaine|semana|settimana|week|tydzień|hafta|неделя|v|ver|version|build|rev|release|sprint|phase|level|stufe|grade|step|room|floor|ext|page|seite|line|item|no|nr|x|vpn|wifi|wi-fi|lan|wlan|ad|sso|mfa|2fa|otp|totp)[-_.]?\d+/i;

/** A quoted phrase about passphrases rather than one: "four random words", "12 characters". */
const PHRASE_POLICY =
  /(?<![\p{L}])(?:random|words?|characters?|letters?|example|zufällig\p{L}*|Wörter|mots|aléatoires?|palabras|parole|palavras|woorden|słów|kelime\p{L}*|слов\p{L}*)(?![\p{L}])/iu;

/** Words of a sentence about passphrases rather than one: "a passphrase of four random words is easier". */
const PROSE_WORD =
  /(?<![\p{L}])(?:of|is|are|a|an|the|to|and|or|for|with|than|be|your|you|it|in|on|at|by|from|that|this|as|can|should|must|will|random|words?|characters?|letters?|easier|long|remember|several|separated|hyphens?|der|die|das|ist|und|oder|mit|aus|mehrere|zufällige|Wörter\p{L}*|le|la|les|est|et|ou|des|mots|plusieurs|el|es|y|palabras|varias|il|e|o|parole|più|de|het|een|en|van|dan|losse|woorden|meerdere|jest|i|kilka|słów|losowych|bir|ve|birkaç|kelime\p{L}*|несколько|случайных|слов|через|дефис|из|и|или|а|не)(?![\p{L}])/iu;

/**
 * Words that hand a value over without naming it a password: typing it in, opening or unlocking
 * something with it, what it opens (the admin page, the kiosk laptop, the router), and "still" or
 * "now" ("the kiosk laptop hasn't changed, it's still X"). In every answer language.
 */
const HANDOVER = new RegExp(
  [
    String.raw`${LEFT}(?:yaz\p{L}*|type|typed|enter|entered|key\s+in|punch\s+in|paste|input|log\s*in|logged\s+in|sign\s+in|unlock|unlocks|get\s+in|gets\s+you|works\s+for|opens|admin\s+(?:page|panel|menu|screen)|login\s+screen|kiosk|tablet|laptop|router|printer|copier|scanner|terminal|still|tippen|eintippen|eingeben|einloggen|entsperren|kommst\s+du|gilt|funktioniert|Anmeldung|Admin-Menü|Kopierer|taper|tapez|saisir|saisissez|entrer|entrez|coller|déverrouiller|marche|fonctionne|imprimante|teclear|teclea|escribir|escribe|introducir|introduce|mete|meter|pegar|pega|desbloquear|funciona|impresora|quiosco|kiosko|digitare|digita|inserire|inserisci|scrivere|incolla|sbloccare|stampante|digitar|digite|inserir|insira|escrever|utilizem|utilize|usar|colar|desbloquear|impressora|quiosque|typ|typen|intypen|invoeren|intoetsen|plakken|ontgrendelen|werkt|wpisz|wpisać|wpisałem|wpisując|wklej|odblokować|działa|drukark\p{L}|yaz|yazın|yazınca|gir|girin|yapıştır|açıldı|açılır|çalışıyor|yazıcı|введи|ввёл|введите|наберите|набери|вставь|вставьте|разблокир\p{L}*|работает|подходит|принтер\p{L}*|ноут\p{L}*|всё\s+тот\s+же|nhập|gõ|dán|mở\s+khóa|vẫn\s+là|máy\s+in|ketik|masukkan|isi|tempel|pakai|pake|bisa\s+masuk|masih|اكتب|أدخل|ادخل|الصق|افتح|يفتح|لا\s+يزال|הקלד|הקלידו|הזן|הזינו|הכנס|הדבק|עובד|נכנסים|עדיין)${RIGHT}`,
    String.raw`열(?:렸|려|립|어|면)|開機打|打入|鍵入|键入|入力|打て|打つ|打ち込|入れ(?:る|ます|て)|貼り付け|開け(?:ました|る)|通ります|ログイン|管理画面|まだ|输入|填入|粘贴|用的是|进去|进入|登录|打开|后台|还是|輸入|貼上|開得進去|登入|還是|입력|치면|누르면|넣으면|붙여|들어가|들어갈|아직|พิมพ์|ใส่|กรอก|วาง|เข้าได้|ยังเป็น`,
  ].join('|'),
  'iu',
);
const JOINING_WORD =
  /^(?:and|of|the|to|on|in|at|by|up|for|a|an|or|de|la|le|du|des|et|en|y|e|o|del|da|di|und|zu|van|het|een|op|z|w|na|i|ve|и|в|на)$/;
/** A sentence or a line. */
const SENTENCE = /[^。！？\n]+?(?:[。！？\n]|(?<!\d)[.!?](?=\s)|$)/gu;

/**
 * Chosen-looking values in a sentence that hands something over (typing it, opening or unlocking a
 * device with it, "still the same X"), where no credential word names them.
 */
function findHandedOver(text: string, taken: readonly RawFinding[]): RawFinding[] {
  const found: RawFinding[] = [];
  for (const sentence of text.matchAll(SENTENCE)) {
    if (!HANDOVER.test(sentence[0]) || EXAMPLE_OR_RULE.test(sentence[0])) continue;
    for (const m of sentence[0].matchAll(TOKEN)) {
      const lead = LEADING.exec(m[0])?.[0].length ?? 0;
      // An opening bracket after the value starts a remark (24-61-09(右), Xk7pQ2(new)); a Turkish case ending is not part of it (K2-MFP-01'i).
      const raw = m[0]
        .slice(lead)
        .replace(/(?<=[\p{L}\p{N}])[([{<].*$/u, '')
        .replace(/(?<=[\p{L}\p{N}])['’]\p{Ll}{1,4}$/u, '');
      const value = /[A-Za-z\d]!$/.test(raw)
        ? raw.replace(/[.,;:)\]}>"'`」』】〕”’»*_]+$/u, '')
        : raw.replace(TRAILING, '');
      const start = sentence.index + m.index + lead;
      const end = start + value.length;
      if ([...taken, ...found].some((f) => f.start < end && start < f.end)) continue;
      // user@host and e-mail addresses are not values; Printer@HQ9 is.
      if (isPlaceholder(value) || /[/\\:=<>${}]|@.*\.|^[a-z0-9._-]+@[a-z0-9.-]+$|^\.|"/.test(value)) continue;
      if (/^[0-9a-f]{7,}$/i.test(value)) continue;
      if (LIKE_BEFORE.test(text.slice(Math.max(0, start - 24), start))) continue;
      // Without a credential word, lower-case words joined by dashes are prose (black-and-white,
      // cycle-to-work) unless three or more and none a joining word (simit-cay-kedi).
      const prose =
        /^[\p{Ll}-]+$/u.test(value) &&
        (value.split('-').length < 3 || value.split('-').some((w) => JOINING_WORD.test(w)));
      if (prose || !chosenValue(value, text.slice(end, end + 16))) continue;
      if (/(?:ssh-(?:rsa|ed25519|dss)|ecdsa-\S+)\s*$/.test(text.slice(Math.max(0, start - 24), start)))
        continue;
      found.push({ type: 'password', start, end });
    }
  }
  return found;
}

/** One finding per value: the clause pass after the strict rules. */
export function findCredentialClauses(text: string, taken: readonly RawFinding[]): RawFinding[] {
  const found: RawFinding[] = [];
  const overlaps = (f: RawFinding, start: number, end: number) => f.start < end && start < f.end;
  const free = (start: number, end: number) =>
    !taken.some((f) => overlaps(f, start, end)) && !found.some((f) => overlaps(f, start, end));
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
    for (const value of valuesIn(text, from, clause, kind)) {
      if (free(value.start, value.end)) found.push({ type: 'password', start: value.start, end: value.end });
    }
  }
  return [...found, ...findHandedOver(text, [...taken, ...found])];
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
    const words =
      /^(?:\s{0,2}[:=]\s{0,2}|\s{1,2}[—–-]\s{1,2}|\s+(?:is|ist|est|es|è|é|is\s+nu|lautet|jest|это)\s+|\s{0,2}(?=["'“„«「『]))["'“„«「『]?((?:\p{Ll}{2,14}[ -]){2,5}\p{Ll}{2,14})(?=["'”»」』]?(?:[\s.,;:!)(]|$))/u.exec(
        clause,
      );
    const quoted =
      words !== null && /["'“„«「『]\s*$/u.test(words[0].slice(0, words[0].length - words[1]!.length));
    if (
      words &&
      !EXAMPLE_OR_RULE.test(words[1]!) &&
      (quoted ? !PHRASE_POLICY.test(words[1]!) : !PROSE_WORD.test(words[1]!))
    ) {
      const start = offset + words.index + words[0].length - words[1]!.length;
      values.push({ start, end: start + words[1]!.length });
    }
  }
  if (kind === 'account') {
    for (const m of clause.matchAll(SLASH_PAIR)) {
      const value = m[1]!;
      const start = offset + m.index + m[0].lastIndexOf(value);
      if (!/^\d+$/.test(value) && characterClasses(value) >= 3 && strongPassword(value) && !notASecret(value))
        values.push({ start, end: start + value.length });
    }
    return values;
  }
  const tokens = [...clause.matchAll(TOKEN)];
  if (tokens.length === 0) return values;
  // Policy words and examples before the value: the sentence up to the word once, then only the
  // stretch between the word and each value (short), instead of the whole sentence per value.
  const lead160 = text.slice(Math.max(0, offset - 160), offset);
  if (EXAMPLE_OR_RULE.test(lead160.slice(lastSentenceEnd(lead160)))) return values;
  tokens.forEach((m, i) => {
    const lead = LEADING.exec(m[0])?.[0].length ?? 0;
    // An opening bracket after the value starts a remark (24-61-09(右), Xk7pQ2(new)); a Turkish case ending is not part of it (K2-MFP-01'i).
    const raw = m[0]
      .slice(lead)
      .replace(/(?<=[\p{L}\p{N}])[([{<].*$/u, '')
      .replace(/(?<=[\p{L}\p{N}])['’]\p{Ll}{1,4}$/u, '');
    const value = /[A-Za-z\d]!$/.test(raw)
      ? raw.replace(/(?:[.,;:)\]}>"'`」』】〕”’»*_])+$/u, '')
      : raw.replace(TRAILING, '');
    if (value.length < 4) return;
    const start = offset + m.index + lead;
    const end = start + value.length;
    const before = text.slice(Math.max(0, start - 160), start);
    if (
      EXAMPLE_OR_RULE.test(text.slice(offset, start)) ||
      LIKE_BEFORE.test(before) ||
      USER_BEFORE.test(before.slice(-40))
    )
      return;
    const neighbours = {
      before: i > 0 ? clause.slice(tokens[i - 1]!.index, m.index) : '',
      after: text.slice(end, end + 24),
    };
    if (accepts(value, kind, neighbours, before)) values.push({ start, end });
  });
  return values;
}

function lastSentenceEnd(text: string): number {
  let cut = 0;
  for (const m of text.matchAll(/[。！？\n]|[.!?](?=\s)/gu)) cut = m.index + m[0].length;
  return cut;
}

/** A digit group next to this one (a phone number, 0171 5382914) or a decimal part. */
const DIGIT_GROUP_BEFORE = /\d[\s/.,-]{0,3}$/;
const DIGIT_GROUP_AFTER = /^[\s/.,-]{0,3}\d|^[.,]\d/;

function accepts(
  value: string,
  kind: Kind,
  around: { readonly before: string; readonly after: string },
  textBefore: string,
): boolean {
  if (isPlaceholder(value) || /:\/\/|^www\.|^[.$@_-]|\{\{|\}\}|\/|"/i.test(value)) return false;
  // key=value: the value is what counts (login=OK, password=[MASKED], Password={{DB_PWD}}).
  if (value.includes('=')) {
    const assigned = value.slice(value.lastIndexOf('=') + 1);
    if (assigned.length < 4 || isPlaceholder(assigned) || /^[[{$%<]/.test(assigned)) return false;
  }
  if (/^\d+-\p{L}+$/u.test(value)) return false; // 2-point, 5-star
  const digits = /^\d{4,12}$/.test(value);
  const combination = /^\d{1,3}(?:[-–]\d{1,3}){2,3}$/.test(value);
  if (digits || combination) {
    if (DIGIT_GROUP_BEFORE.test(textBefore) && !/[:=—–]\s*$/.test(textBefore)) return false;
    if (DIGIT_GROUP_AFTER.test(around.after) || UNIT_AFTER.test(around.after)) return false;
    if (
      PHONE_VERB_BEFORE.test(textBefore) ||
      NUMBER_NOUN_BEFORE.test(textBefore) ||
      /[$€£¥₩₫₪]\s?$|Rp\.?\s?$|R\$\s?$/.test(textBefore)
    )
      return false;
    // A year-shaped code counts straight after a separator ("Código de la alarma: 1506"), not in prose.
    if (digits) return (!YEAR.test(value) || /[:=→]\s*$/.test(textBefore)) && !trivialDigits(value);
    return kind === 'access';
  }
  if (/^\d{4,8}[#*]$/.test(value)) return !trivialDigits(value.slice(0, -1)); // 5829#: a door code's digits and its key
  // Keypad codes with letters: 38B51, 4711#, A1B2*.
  if (kind === 'access') return /^(?=(?:.*\d){3})[0-9A-D*#]{4,8}$/.test(value) && !/^[A-D]/.test(value);
  return chosenValue(value, around.after);
}

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
  if (strongPassword(value, after)) return true;
  // A word with digits, the way people choose passwords: Juventus1897, koala77, Bienvenida1, azerty123!
  if (/^\p{L}{3,20}\d{1,6}[!@#$%&*?+.]{0,2}$/u.test(value) && /\p{Ll}{3}/u.test(value)) return true;
  // Words joined by dashes, dots or underscores, digits allowed as one part: not a name in title
  // case (Self-Service-Portal), a host or a file.
  const parts = value.split(/[-._]/);
  if (parts.length < 2 || parts.some((p) => !/^(?:\p{L}{2,16}|\d{1,4})$/u.test(p))) return false;
  const words = parts.filter((p) => /^\p{L}+$/u.test(p));
  const lower = words.filter((p) => /^\p{Ll}+$/u.test(p)).length;
  const digitsPart = parts.length > words.length;
  if (/\.[a-z]{2,4}$/.test(value) || words.length < 2 || /^\d/.test(value)) return false;
  // Dashes join words in prose too (800-Meter-Lauf, state-of-the-art): with dashes only, a lower-case word and a number.
  if (!/[._]/.test(value)) return (parts.length >= 3 && lower >= 2) || (digitsPart && lower >= 1);
  return (parts.length >= 3 && (lower >= 2 || digitsPart)) || (digitsPart && lower >= 1);
}
