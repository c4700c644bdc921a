/*
 * The vocabulary of credentials in PolyDesk's languages (zh, zh-TW, en, es, fr, pt, ru, de, it, ar,
 * ja, ko, th, vi, id, nl, pl, tr, he), shared by the in-flight scanner and the at-rest document
 * scanner so that both recognise the same words.
 *
 * Every export is a regular-expression source string, to be compiled with the `u` and `i` flags
 * and combined by the caller. Words written in scripts with spaces carry their own boundaries
 * (so "pass" does not match "passport", "pin" does not match "pinned"); words of Japanese,
 * Chinese and Thai carry none, since those scripts run words together ("登录密码Abc123").
 * Words that are ordinary English too ("pass", "pin", "pw") only count before an explicit
 * separator. The sources hold no capturing groups, so callers' group numbers stay their own.
 */

/** A word's edges in scripts that write words apart, as regex sources. */
export const LEFT = String.raw`(?<![\p{L}\p{N}])`;
export const RIGHT = String.raw`(?![\p{L}\p{N}])`;
/** The end of a word that an identifier does not go on from either (password_min_length). */
export const RIGHT_OF_NAME = String.raw`(?![\p{L}\p{N}_])`;
/** Short words that are also ordinary words: a credential word only before `:` or `=`. */
const BEFORE_SEPARATOR = String.raw`(?=\s{0,2}[:=])`;

/** Thai words of orders, parcels, products and staff: a รหัส ("code") after them is an id, not a password. */
const THAI_REFERENCE_BEFORE = String.raw`(?<!(?:คำสั่งซื้อ|ออเดอร์|สินค้า|พัสดุ|ติดตาม|ไปรษณีย์|พนักงาน|ลูกค้า|อ้างอิง|ใบแจ้งหนี้|ใบเสร็จ|การจอง|สมาชิก|สาขา|order|tracking|SKU)[^\n]{0,24})`;
/** A reference code rather than a chosen password: capitals and digits (and dashes) only, ORD-2024-88A1. */
const NO_REFERENCE_CODE = String.raw`(?!\s{0,3}[A-Z0-9][A-Z0-9_-]{3,40}(?![\x21-\x7E]))`;

const bounded = (words: readonly string[]) =>
  `${LEFT}(?:${[...words].sort((a, b) => b.length - a.length).join('|')})${RIGHT}`;
const unbounded = (words: readonly string[]) =>
  `(?:${[...words].sort((a, b) => b.length - a.length).join('|')})`;

/** Password, passphrase, PIN, in every language; the plural and inflected forms people write before a value. */
export const PASSWORD_WORDS = `(?:${[
  bounded([
    // en
    'pass(?:words?|wd|phrases?|codes?)',
    String.raw`wi-?fi\s+(?:key|code)`,
    String.raw`wpa2?\s+(?:key|passphrase)`,
    String.raw`network\s+key`,
    String.raw`(?:door|alarm|gate|safe|lock|entry|access|unlock)\s+code`,
    'pwd',
    `(?:pass|pw)${BEFORE_SEPARATOR}`,
    // vi writes the English word before "of": Pass của tài khoản … là X
    String.raw`pass(?=\s+(?:của|cho)\s)`,
    String.raw`PIN(?:[\s-]?(?:code|number|Nummer|kodu))?(?=\s{0,2}(?:[:=]|\d)|\s{1,3}(?:is|est|ist|lautet|es|é|è|là|adalah|to|jest|это|هو|هي|היא|הוא|olarak|luidt)\s)`,
    // PIN and access codes as other languages write them: code PIN, PIN-Code, kod dostępu, mã PIN
    String.raw`(?:code|c[oó]digo|codice|kod|kode|mã|код|رمز)\s+PIN`,
    String.raw`PIN-?(?:Code|код|kod)`,
    'pincode',
    String.raw`ПИН(?:-код)?`,
    String.raw`code\s+(?:d'acc[eè]s|d'entrée|secret|de\s+(?:la\s+)?porte)`,
    String.raw`(?:Zugangs|Tür|Schloss|Tresor)code`,
    String.raw`(?:toegangs|deur)code`,
    String.raw`c[oó]digo\s+(?:de\s+acces[os]o?|secreto|da\s+porta|de\s+la\s+puerta)`,
    String.raw`codice\s+(?:di\s+accesso|segreto)`,
    String.raw`kod\s+(?:dostępu|do\s+drzwi)`,
    String.raw`(?:erişim|kapı)\s+kodu`,
    String.raw`kode\s+(?:akses|pintu)`,
    String.raw`mã\s+(?:truy\s+cập|cửa|bí\s+mật)`,
    String.raw`код\s+(?:доступа|двери)`,
    // es, pt, it, fr, de, nl
    'contraseña',
    'contrasena',
    String.raw`clave(?:\s+de\s+acceso)?`,
    'senha',
    'palavra-passe',
    String.raw`parola\s+d'ordine`,
    String.raw`mot\s+de\s+passe`,
    // Passphrases: phrase de passe, кодовая фраза, Passphrase in Cyrillic
    String.raw`phrase\s+de\s+passe`,
    String.raw`(?:кодов|парольн)(?:ая|ую|ой)\s+фраз(?:а|у|ой)`,
    String.raw`пасс?фраз(?:а|у|ой)`,
    String.raw`frase\s+(?:de\s+)?(?:contraseña|senha|acesso|acceso|segreta|d'accesso)`,
    String.raw`fraza\s+(?:dostępu|hasła)`,
    String.raw`parola\s+(?:cümlesi|ifadesi)`,
    String.raw`Passwortsatz|Kennsatz`,
    'mdp',
    // ru, pl, tr
    'парол(?:ь|я|ем|ю)',
    'has(?:ło|ła|łem|lo|la|lem)',
    'haśle',
    'şifre(?:si|niz|n)?',
    'sifre(?:si)?',
    'parola(?:sı|si)?',
    // vi, id
    'mật khẩu',
    'mat khau',
    String.raw`kata\s+sandi`,
    'sandi',
  ]),
  // ar: the conjunction and prepositions are written onto the word (وكلمة المرور, بكلمة السر)
  String.raw`(?:كلمة\s(?:المرور|السر|مرور)|الرقم\sالسري)${RIGHT}`,
  // he: the article and conjunctions are written onto the word (הסיסמה, וסיסמה)
  `(?:סיסמ(?:ה|א|ת|אות))${RIGHT}`,
  String.raw`(?:ה|ו|ב|ל|ש)?קוד\s(?:ה-?)?(?:PIN|סודי|הסודי|גישה|הגישה|כניסה|הכניסה)${RIGHT}`,
  // ar: the code words with their article (رمز الدخول, الرمز السري)
  String.raw`(?:ال)?رمز\s(?:الدخول|الوصول|السري)${RIGHT}`,
  // de, nl: compounds end in the word (WLAN-Passwort, Datenbankkennwort, Wifi-wachtwoord)
  `(?:passwort|kennwort|wachtwoord)${RIGHT}`,
  unbounded([
    // ko: particles are written onto the word (비밀번호는)
    '비밀번호',
    '비번',
    '패스워드',
    '암호(?!화)',
    // ja, zh, zh-TW, th
    'パスワード',
    'パスフレーズ',
    '暗証番号',
    '解錠番号',
    '门禁码',
    String.raw`(?<![\p{Script=Katakana}ー])パス(?![\p{Script=Katakana}ー])(?=\s{0,2}(?:[:=]|は|が))`,
    // Thai "code" is a password before a value with letters and digits: ชื่อผู้ใช้ admin / รหัส Th4i!Pass9;
    // not after an order, parcel or product word, nor before a reference code in capitals
    // and digits (รหัส: ORD-2024-88A1, คำสั่งซื้อ รหัส TH2024X9): those are ids.
    String.raw`${THAI_REFERENCE_BEFORE}รหัส(?=\s{0,2}[:=]${NO_REFERENCE_CODE})`,
    String.raw`${THAI_REFERENCE_BEFORE}รหัส(?=\s{1,2}${NO_REFERENCE_CODE}(?=[\x21-\x7E]{0,40}[A-Za-z])(?=[\x21-\x7E]{0,40}\d)[\x21-\x7E])`,
    '핀\\s?번호',
    'PIN\\s?번호',
    '密码',
    '密碼',
    '口令',
    '通行码',
    '通行碼',
    // th: the English words as Thai writes them (พาสเวิร์ด, พาส), not พาสต้า or พาสปอร์ต
    'พาสเวิร์ด',
    String.raw`พาส(?=\s{0,2}[:=]|\s{1,2}[\x21-\x7E])`,
    'PIN码',
    'PIN碼',
    'รหัสผ่าน',
    'รหัส PIN',
  ]),
].join('|')})`;

/**
 * PIN words, whose value is digits and may follow a few words of what the PIN opens: "the PIN for
 * the door on the 4th floor is 4711", PINは 4711 です, PIN ของเครื่องพิมพ์ตั้งไว้เป็น 4711. The
 * scanner accepts lowercase "pin" only in a compound (pin code), since "pin" is an ordinary verb.
 */
export const PIN_WORDS = `(?:${[
  bounded([
    String.raw`PIN(?:[\s-]?(?:code|number|Nummer|nummer|kodu|kod\p{L}{0,3}|код\p{L}{0,3}))?`,
    String.raw`ПИН(?:-?код\p{L}{0,3})?`,
    String.raw`(?:code|c[oó]digo|codice|kod|kode|mã|số|код|رمز)\s+PIN`,
    'pincode',
    'קוד\\s(?:ה-?)?PIN',
  ]),
  // Particles and counters are written onto the word in Japanese, Korean and Chinese: PINは, PIN은, PIN码.
  String.raw`(?<![A-Za-z0-9])PIN(?:コード|番号|码|碼|번호)?(?=[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\p{Script=Thai}])`,
].join('|')})`;

/** User name, login, account id: the first half of a user/password pair. */
export const USER_WORDS = `(?:${[
  bounded([
    String.raw`user(?:[\s_-]?(?:name|id))?`,
    'login',
    String.raw`log-?in\s+(?:id|name)`,
    'account',
    'ID',
    'usuario',
    String.raw`nombre\s+de\s+usuario`,
    'utilisateur',
    "nom d'utilisateur",
    'identifiant',
    'usuário',
    'utente',
    String.raw`nome\s+utente`,
    '(?:benutzer|nutzer)(?:name|kennung)?',
    'gebruiker(?:snaam)?',
    'użytkownik(?:a)?',
    String.raw`kullanıcı(?:\s+adı)?`,
    'пользовател(?:ь|я)',
    'логин',
    'اسم المستخدم',
    'المستخدم',
    'tên đăng nhập',
    'người dùng',
    'tài khoản',
    String.raw`nama\s+pengguna`,
    'pengguna',
    'שם משתמש',
  ]),
  unbounded([
    '사용자(?:\\s?(?:이름|명|ID))?',
    '아이디',
    '계정',
    'ユーザー?(?:名|ID|ネーム)',
    'ログイン(?:ID|名)',
    'アカウント(?:名|ID)?',
    '用户名',
    '用戶名',
    '账号',
    '帳號',
    '账户',
    '帳戶',
    '登录名',
    'ชื่อผู้ใช้',
    'บัญชีผู้ใช้',
    'ยูสเซอร์(?:เนม)?',
    'บัญชี',
    'ไอดี',
  ]),
].join('|')})`;

/** API keys, access keys, tokens, client secrets: values that are credentials by themselves. */
export const KEY_WORDS = `(?:${[
  // Compounds of code and configuration ("accessToken", "GITHUB_TOKEN", "clientSecret"): no boundary.
  unbounded([
    'api[_ -]?key',
    'apikey',
    'access[_ -]?key',
    'secret(?:[_ -]?key)?',
    'client[_ -]?secret',
    'token',
    'bearer',
    'credentials?',
    'signing[_ -]?key',
    'private[_ -]?key',
    'Schlüssel',
    'sleutel',
    'токен',
    'APIキー',
    'アクセスキー',
    'トークン',
    'シークレット',
    '秘密鍵',
    '密钥',
    '金鑰',
    '令牌',
    '秘钥',
    'โทเค็น',
    'คีย์',
    '토큰',
    '시크릿',
  ]),
  // Short words that end other words ("monkey", "lauth"): a boundary before them.
  `${LEFT}(?:${[
    'auth(?:orization)?',
    'key',
    String.raw`clave(?:\s+de\s+api)?`,
    String.raw`token\s+de\s+acceso`,
    'chave',
    'clé',
    'chiave',
    'klucz',
    'anahtar(?:ı)?',
    'ключ',
    'مفتاح',
    'מפתח',
    'khóa',
    'kunci',
    '키',
  ].join('|')})`,
].join('|')})`;

/**
 * Words that make the text a sign-in: a value handed over near one of them is a credential even
 * without a password word ("Use Xk7#pQ2m to log in", "ログイン時に Xk7#pQ2m を入力").
 */
export const LOGIN_WORDS = `(?:${[
  bounded([
    String.raw`log(?:ging)?[\s-]?(?:in|on)`,
    String.raw`sign(?:ing)?[\s-]?in`,
    'credentials',
    'kredensial',
    String.raw`доступ(?=\s{1,3}(?:для|к)\s[^\n:]{0,40}:)`,
    String.raw`when\s+prompted`,
    String.raw`at\s+the\s+prompt`,
    String.raw`iniciar\s+sesión`,
    'credenciales',
    'anmelden',
    'Anmeldung',
    'Zugangsdaten',
    String.raw`(?:se|vous|te)\s+connecter`,
    'connectez-vous',
    'accedi',
    'accesso',
    'entrar',
    'entre',
    'acesse',
    'acessar',
    'ingresar',
    'einloggen',
    'aanmelden',
    'connexion',
    'identifiants',
    'credenciais',
    'credenziali',
    'accedere',
    'войти',
    String.raw`для\s+входа`,
    String.raw`учётные\s+данные`,
    String.raw`учетные\s+данные`,
    'تسجيل الدخول',
    'đăng nhập',
    'masuk',
    'inloggen',
    'zaloguj(?:\\s+się)?',
    'logowania',
    String.raw`giriş(?:\s+yap)?`,
  ]),
  // he: imperatives and infinitives take prefixes and suffixes (התחברו, להתחבר, התחברות)
  String.raw`(?:ל|ו)?התחבר\p{L}*`,
  unbounded([
    '로그인',
    '접속',
    'ログイン',
    'サインイン',
    '認証情報',
    '登录',
    '登入',
    '登錄',
    '凭据',
    '憑證',
    'เข้าสู่ระบบ',
    'ล็อกอิน',
  ]),
].join('|')})`;

/** Verbs that hand a value over: "use", "enter", "type", 入力, 输入, 입력, กรอก, ... */
export const HANDOVER_VERBS = `(?:${[
  bounded([
    'use',
    'enter',
    'type',
    'input',
    'paste',
    'utilice',
    'usa',
    'ingrese',
    'introduzca',
    'introduce',
    'utilisez',
    'entrez',
    'saisissez',
    'geben\\s+Sie',
    'verwenden\\s+Sie',
    'nutzen\\s+Sie',
    'digite',
    'insira',
    'utilize',
    'inserisci',
    'digita',
    'введите',
    'используйте',
    'أدخل',
    'استخدم',
    'nhập',
    'dùng',
    'sử dụng',
    'masukkan',
    'gunakan',
    'voer',
    'gebruik',
    'wpisz',
    'użyj',
    'podaj',
    'girin',
    'kullanın',
    'הזן',
    'הקלד',
    'השתמש',
  ]),
  unbounded([
    '입력',
    '사용',
    '入力',
    '使用',
    '使って',
    '输入',
    '輸入',
    '键入',
    '填写',
    'ใส่',
    'กรอก',
    'พิมพ์',
    'ใช้',
  ]),
].join('|')})`;

/** The copula between a credential word and its value: "is", は, 是, เป็น, là, adalah, jest, ist, это, ... */
export const COPULA_WORDS = `(?:${[
  bounded([
    'is',
    'was',
    'will\\s+be',
    'es',
    'será',
    'est',
    'sera',
    'é',
    'è',
    'ist',
    'lautet',
    'luidt',
    'это',
    '—',
    'هي',
    'هو',
    'היא',
    'הוא',
    'là',
    'adalah',
    'ialah',
    'yaitu',
    'jest',
    'to',
    'brzmi',
    'olarak',
    String.raw`(?:set|changed|reset|updated)\s+to`,
    'now',
    String.raw`ahora\s+es`,
    String.raw`est\s+maintenant`,
    String.raw`ist\s+jetzt`,
  ]),
  unbounded([
    ...[
      'は',
      'が',
      'を',
      '是',
      '为',
      '為',
      '設為',
      '设为',
      '设置为',
      '改为',
      '改為',
      '改成',
      '更改为',
      '重置为',
    ],
    ...['는', '은', '를', '을', 'คือ', 'เป็น', 'ได้แก่'],
  ]),
].join('|')})`;

/** Quotes and brackets that may open a value: "X", 「X」, 『X』, 【X】, «X», „X“. */
export const VALUE_OPEN = String.raw`["'“‘«„‹「『【〔\x60]`;
/** Quotes and brackets that may close a value. */
export const VALUE_CLOSE = String.raw`["'”’»“›」』】〕\x60]`;

/**
 * What stands between a credential word and its value: a separator (`:`, `=`, `/`, `->`, a dash),
 * a copula, an opening quote or bracket, or nothing but a space ("password Xk7#pQ2m") or no space
 * at all in scripts that write none ("密码Xk7#pQ2m"). Full-width `：` and `＝` are NFKC-normalised
 * to ASCII before scanning; the ASCII form is what this pattern matches.
 */
export const VALUE_JOIN = String.raw`(?:\s{0,3}(?:[:=]|->|=>|→|/)\s{0,3}(?:${COPULA_WORDS}\s{0,2})?|\s{0,3}[-–—]\s{1,3}|\s{1,3}${COPULA_WORDS}(?:\s{0,3}:\s{0,3}|\s{1,3})|(?<=[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\p{Script=Thai}])${COPULA_WORDS}\s{0,3}(?::\s{0,3})?|\s{1,3}|(?<=[\p{Script=Han}\p{Script=Katakana}\p{Script=Thai}]))${VALUE_OPEN}?`;

/**
 * What stands between the two halves of a user/password pair: "user billing_admin, password X",
 * "admin / X", "login: ops pwd=X", "ID: x パス: y", "用户名 admin 密码 X", "user admin and password X".
 */
export const PAIR_JOIN = String.raw`(?:\s{0,3}[,;/、，|]\s{0,3}|\s{1,3}(?:and|und|et|y|e|и|و|và|dan|en|i|ve|ו|과|와|및|และ)\s{1,3}|\s{1,3}|(?<=[\p{Script=Han}\p{Script=Katakana}\p{Script=Hiragana}]))(?:${COPULA_WORDS}\s{0,2})?`;
