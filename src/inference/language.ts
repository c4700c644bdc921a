import { francAll } from 'franc-min';
import { functionWords } from './function-words.js';

/**
 * Language of a question, as a BCP-47 primary subtag (`en`, `ja`, `pt`, ...).
 *
 * The writing system decides first: Hangul means Korean, Thai script Thai, and so on. Han text is
 * Chinese or Japanese by what the asker wrote, whatever the locale: kana, Japanese-only character
 * forms and Japanese words against characters and particles Japanese does not write (see
 * {@link detectHan}). Arabic, Cyrillic and Devanagari texts are told apart by letters only some
 * languages use, then by franc's trigram model. Latin-script text combines three kinds of evidence:
 * letters only some languages use (ñ, ã, ß, ơ ...), function words ("the", "cómo", "minha"), and
 * franc's trigram model, which on its own confuses short questions ("How many days of paid leave do
 * I get?" comes out Dutch).
 *
 * The locale decides what the text does not: when it gives no clear evidence ("VPN", "wifi
 * password", a language the detector does not know), and between languages the text fits about
 * equally well (Spanish or Portuguese, Chinese or Japanese). English when there is no locale either.
 * A language the text clearly shows wins over the locale even when PolyDesk has no messages for it:
 * retrieval stems and reads the question in its own language, and a model answers in it.
 */
export function detectLanguage(text: string, localeHint?: string): string {
  const hint = primarySubtag(localeHint);
  const written = detectWritten(text.slice(0, MAX_SAMPLE), hint);
  return written ?? hint ?? 'en';
}

/** The language the text itself shows, or undefined when it shows none clearly. */
function detectWritten(sample: string, hint: string | undefined): string | undefined {
  const counts = countScripts(sample);
  const script = mainScript(sample, counts);
  switch (script) {
    case undefined:
      return undefined;
    case 'cjk':
      return detectHan(sample, counts.kana, hint);
    case 'latin':
      return detectLatin(sample, hint);
    case 'arabic':
      return detectByLetters(sample, hint, ARABIC);
    case 'cyrillic':
      return detectByLetters(sample, hint, CYRILLIC);
    case 'devanagari':
      return detectByLetters(sample, hint, DEVANAGARI);
    default:
      return script;
  }
}

/** `ja-JP` → `ja`, `pt_BR` → `pt`, legacy `iw` → `he`; empty or `und` → undefined. */
export function primarySubtag(locale: string | undefined): string | undefined {
  if (!locale) return undefined;
  const primary = locale.trim().toLowerCase().split(/[-_]/)[0];
  if (!primary || primary === 'und' || !/^[a-z]{2,3}$/.test(primary)) return undefined;
  return LEGACY[primary] ?? primary;
}

const LEGACY: Readonly<Record<string, string>> = { iw: 'he', in: 'id', ji: 'yi', jw: 'jv' };

/** Detection looks at the start of long texts only; a question is decided long before this. */
const MAX_SAMPLE = 2000;

type ScriptName = 'cjk' | 'latin' | 'arabic' | 'cyrillic' | 'devanagari' | string;

/** Scripts with one obvious language, by Unicode script name. */
const SINGLE_LANGUAGE_SCRIPTS: ReadonlyArray<readonly [RegExp, string]> = [
  [/\p{Script=Hangul}/u, 'ko'],
  [/\p{Script=Thai}/u, 'th'],
  [/\p{Script=Hebrew}/u, 'he'],
  [/\p{Script=Greek}/u, 'el'],
  [/\p{Script=Bengali}/u, 'bn'],
  [/\p{Script=Tamil}/u, 'ta'],
  [/\p{Script=Telugu}/u, 'te'],
  [/\p{Script=Kannada}/u, 'kn'],
  [/\p{Script=Malayalam}/u, 'ml'],
  [/\p{Script=Gujarati}/u, 'gu'],
  [/\p{Script=Gurmukhi}/u, 'pa'],
  [/\p{Script=Myanmar}/u, 'my'],
  [/\p{Script=Khmer}/u, 'km'],
  [/\p{Script=Lao}/u, 'lo'],
  [/\p{Script=Georgian}/u, 'ka'],
  [/\p{Script=Armenian}/u, 'hy'],
  [/\p{Script=Ethiopic}/u, 'am'],
  [/\p{Script=Sinhala}/u, 'si'],
];

interface ScriptCounts {
  readonly weights: Map<ScriptName, number>;
  kana: number;
}

/** A Han or kana character carries about as much as a short Latin word, a Hangul syllable a bit less. */
const CJK_WEIGHT = 3;
const HANGUL_WEIGHT = 2;

function countScripts(text: string): ScriptCounts {
  const counts: ScriptCounts = { weights: new Map(), kana: 0 };
  const add = (script: ScriptName, weight: number) =>
    counts.weights.set(script, (counts.weights.get(script) ?? 0) + weight);
  for (const char of text) {
    if (!/\p{L}/u.test(char)) continue;
    if (/[\p{Script=Hiragana}\p{Script=Katakana}]/u.test(char)) {
      counts.kana++;
      add('cjk', CJK_WEIGHT);
    } else if (/\p{Script=Han}/u.test(char)) add('cjk', CJK_WEIGHT);
    else if (/\p{Script=Latin}/u.test(char)) add('latin', 1);
    else if (/\p{Script=Arabic}/u.test(char)) add('arabic', 1);
    else if (/\p{Script=Cyrillic}/u.test(char)) add('cyrillic', 1);
    else if (/\p{Script=Devanagari}/u.test(char)) add('devanagari', 1);
    else {
      const found = SINGLE_LANGUAGE_SCRIPTS.find(([pattern]) => pattern.test(char));
      if (found) add(found[1], found[1] === 'ko' ? HANGUL_WEIGHT : 1);
    }
  }
  return counts;
}

/** A script whose letters make up at least this share of the Latin weight is more than a stray word. */
const MIXED_SHARE = 0.2;

/**
 * The script with most letters, except that Latin names and product terms in a Russian, Arabic or
 * Chinese question ("Что такое Engineering News-Record?") do not make it a Latin-script question:
 * without a single Latin function word, a substantial other script wins.
 */
function mainScript(text: string, counts: ScriptCounts): ScriptName | undefined {
  const ranked = [...counts.weights].sort((a, b) => b[1] - a[1]);
  const [first, second] = ranked;
  if (!first) return undefined;
  if (first[0] === 'latin' && second && second[1] >= MIXED_SHARE * first[1]) {
    if (latinEvidence(text.toLowerCase()).size === 0) return second[0];
  }
  return first[0];
}

/** The three ways a question can write Han characters. */
type HanStandard = 'hans' | 'hant' | 'ja';
const HAN_STANDARDS: readonly HanStandard[] = ['hans', 'hant', 'ja'];

/**
 * Characters that only some of simplified Chinese, traditional Chinese and Japanese write, with the
 * standards that do. A character no list names is written alike by all three (人, 方法, 日本) and
 * says nothing. The lists are short on purpose: frequent characters of helpdesk questions, each
 * checked against its simplified, traditional and Japanese (jōyō) form; a handful decides a question.
 */
const HAN_FORMS: ReadonlyArray<readonly [string, readonly HanStandard[]]> = [
  // Simplified only: traditional Chinese writes 們 這 麼, Japanese 説 時 対 or nothing at all.
  [
    '们这么吗请说时对为个过发还进现经问样应题员动长开关车门见买书语让认记读边钱页带级产业办务头实种' +
      '总结处设码报销费网络账户录电脑话邮层间东线连统无显权证议专单节转换选择则规岁乐义习亲仅从优传' +
      '价华协压历县变图团园围听响饭几预订补贴标别资险验检营养龄递输导阅领调类离职给约确审错误该谁帐' +
      '备购轮远儿',
    ['hans'],
  ],
  // Traditional only: simplified Chinese writes 们 这 么, Japanese 会 国 経 or nothing at all.
  [
    '們這麼嗎說會對來國經樣應關讓讀寫號學體點區發變廣氣腦碼辦產帶錢邊實總處沒與從歲稅舊裡臺灣' +
      '轉擇單數據圖團聽畫價傳將雙參歡覺觀權驗險檢證營樓續覽屆勞濟歸縣賣戰鐵驛圓銷閱齡遞兒',
    ['hant'],
  ],
  // Japanese only: shinjitai and Japanese-made characters, and the iteration mark 々.
  [
    '々円駅様払込働労済続覧団図広気変発帰県読売歩戦鉄経対関実総処険検験転択沢単営価値圧栄剤拡覚' +
      '観権歓薬楽戻窓黒髪歯巻枠畑峠匂証脳辺銭帯産歳閲齢逓応渋徴収庁恵隠譲亜悪圏仮伝従軽継絵両満賛桜児',
    ['ja'],
  ],
  // Chinese in both standards, not written in Japanese: pronouns, particles, question words.
  ['你您她呢吧啊呀嘛啦哪怎什咱很收找假吃', ['hans', 'hant']],
  // Simplified Chinese and Japanese alike; traditional writes 會 國 學.
  [
    '会国学来点数写区体号参双断与当万旧礼声担没届残税条状将独争静楼机画乱辞随属尽宝灯党缶径浅践医',
    ['hans', 'ja'],
  ],
  // Traditional Chinese and Japanese alike; simplified writes 请 给 时.
  [
    '請給時個過後還進現問題員動長開車門見買書語認記議約費電話設報場間東結種頭業務級頁網絡帳換選締' +
      '駐診課類調資貸違機際連確義銀紙誌療決週補幾預訂標準為導領離職錯誤該誰輸養計館飯園郵線細組織' +
      '統論試詳談評掃備購輪遠',
    ['hant', 'ja'],
  ],
];

const hanForms = new Map<string, readonly HanStandard[]>();
for (const [characters, standards] of HAN_FORMS) {
  for (const character of characters) hanForms.set(character, standards);
}

/** Chinese function characters that Japanese writes too (的 in 具体的, 在 in 在宅): weak evidence. */
const CHINESE_FUNCTION = new Set('的了是我他在和');
const FUNCTION_WEIGHT = 0.5;

/**
 * Japanese words, most of them office vocabulary, that Chinese says otherwise (有給 带薪, 出張 出差,
 * 締切 截止, 料金 费用). They carry kanji-only questions ("駐車場利用料金"), whose characters all three
 * standards may share.
 */
const JAPANESE_WORDS = new RegExp(
  `有給 有休 休暇 料金 精算 締切 駐車 駐輪 書類 申込 手続 残業 出張 社員 手当 在宅 予約 予定
    連絡 問合 取扱 宛先 給与 賞与 見積 稟議 打合 会社 支給 振込 欠勤 勤怠 貸与 為替 控除 申告
    定期券 手数料 年末調整 健康診断 福利厚生`
    .split(/\s+/)
    .join('|'),
  'g',
);

/** Chinese "A-not-A" questions (能不能, 是不是, 有没有), a form Japanese does not have. */
const A_NOT_A = /(\p{Script=Han})[不没沒]\1/gu;

/** A kana letter outweighs a function character: Chinese questions quote Japanese names now and then. */
const KANA_WEIGHT = 2;

/**
 * Chinese or Japanese, by evidence. For Japanese: kana, Japanese words, and characters neither
 * Chinese standard writes as they stand (経, or 会 next to 議: simplified writes 议, traditional 會).
 * For Chinese: characters Japanese does not write (们, 這, 怎, 收), function characters and A-not-A
 * questions. The locale decides only when the evidence is even ("人事部", "日本語"); Chinese when the
 * locale is not Japanese either.
 */
function detectHan(text: string, kana: number, hint: string | undefined): 'zh' | 'ja' {
  const unwritten: Record<HanStandard, number> = { hans: 0, hant: 0, ja: 0 };
  let functionCharacters = 0;
  for (const character of text) {
    const standards = hanForms.get(character);
    if (standards) {
      for (const standard of HAN_STANDARDS) if (!standards.includes(standard)) unwritten[standard]++;
    } else if (CHINESE_FUNCTION.has(character)) functionCharacters++;
  }
  const words = text.match(JAPANESE_WORDS)?.length ?? 0;
  const japanese = KANA_WEIGHT * kana + words + Math.min(unwritten.hans, unwritten.hant);
  const questions = text.match(A_NOT_A)?.length ?? 0;
  const chinese = unwritten.ja + FUNCTION_WEIGHT * functionCharacters + questions;
  if (japanese === chinese) return hint === 'ja' ? 'ja' : 'zh';
  return japanese > chinese ? 'ja' : 'zh';
}

/**
 * Languages of one non-Latin script, told apart by letters only some of them use, checked in order.
 * franc's trigram models confuse short Russian questions with Bulgarian, Ukrainian and Serbian, and
 * Arabic ones with Persian, so letters decide there; franc only separates Hindi, Marathi and Nepali.
 */
interface ScriptFamily {
  readonly fallback: string;
  readonly letters: ReadonlyArray<readonly [RegExp, string]>;
  readonly franc?: Readonly<Record<string, string>>;
}

const ARABIC: ScriptFamily = {
  fallback: 'ar',
  letters: [
    [/[ٹڈڑںےۓ]/u, 'ur'],
    [/[پچژگ]/u, 'fa'],
    // Persian keyboards type Farsi yeh and keheh (ی ک), Arabic ones yeh and kaf (ي ك).
    [/^(?=[^يكة]*$).*[یک]/su, 'fa'],
  ],
};

const CYRILLIC: ScriptFamily = {
  fallback: 'ru',
  letters: [
    [/[ўЎ]/u, 'be'],
    [/[әғқңөұүһӘҒҚҢӨҰҮҺ]/u, 'kk'],
    [/[ѓќѕЃЌЅ]/u, 'mk'],
    [/[ђјљњћџЂЈЉЊЋЏ]/u, 'sr'],
    [/[ыэёЫЭЁ]/u, 'ru'],
    [/[ґєїіҐЄЇІ]/u, 'uk'],
    // Russian writes ъ only before е, ё, ю, я; Bulgarian uses it as a vowel everywhere.
    [/[ъЪ](?![еёюяЕЁЮЯ])/u, 'bg'],
  ],
};

const DEVANAGARI: ScriptFamily = {
  fallback: 'hi',
  letters: [],
  franc: { hin: 'hi', mar: 'mr', npi: 'ne' },
};

/** Below this many letters franc's trigram statistics are noise; the letters and the hint decide. */
const MIN_FRANC_LETTERS = 20;

function detectByLetters(text: string, hint: string | undefined, family: ScriptFamily): string {
  for (const [pattern, language] of family.letters) if (pattern.test(text)) return language;
  const candidates = [
    family.fallback,
    ...family.letters.map(([, language]) => language),
    ...Object.values(family.franc ?? {}),
  ];
  if (!family.franc || letterCount(text) < MIN_FRANC_LETTERS) {
    return hint && candidates.includes(hint) ? hint : family.fallback;
  }
  const [best] = francAll(text, { only: Object.keys(family.franc), minLength: 1 });
  return (best && family.franc[best[0]]) ?? family.fallback;
}

function letterCount(text: string): number {
  return text.match(/\p{L}/gu)?.length ?? 0;
}

/** Latin-script languages PolyDesk tells apart, with franc's ISO 639-3 codes. */
const LATIN_FRANC: Readonly<Record<string, string>> = {
  eng: 'en',
  spa: 'es',
  por: 'pt',
  fra: 'fr',
  deu: 'de',
  ita: 'it',
  nld: 'nl',
  ind: 'id',
  vie: 'vi',
  tur: 'tr',
  pol: 'pl',
};
const LATIN_LANGUAGES = Object.values(LATIN_FRANC);

/** Letters that only some of the Latin-script languages use, each occurrence a piece of evidence. */
const LATIN_LETTERS: ReadonlyArray<readonly [RegExp, readonly string[]]> = [
  [/[ñ¿¡]/gu, ['es']],
  [/[ãõ]/gu, ['pt']],
  [/ç/gu, ['pt', 'fr', 'tr']],
  [/ß/gu, ['de']],
  [/[äöü]/gu, ['de', 'tr']],
  [/[èùœ]/gu, ['fr', 'it']],
  [/[ëïûÿ]/gu, ['fr', 'nl']],
  [/[ìò]/gu, ['it']],
  [/[ğışİ]/gu, ['tr']],
  [/[ąćęłńśźż]/gu, ['pl']],
  [/[ăđơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ]/gu, ['vi']],
];

/** How much one unambiguous letter or function word counts against franc's relative score (0..1). */
const LETTER_WEIGHT = 0.5;
const WORD_WEIGHT = 0.6;
/** A locale hint wins when its language scores within this margin of the best. */
const HINT_MARGIN = 0.35;

const wordLanguages = new Map<string, string[]>();
for (const language of LATIN_LANGUAGES) {
  for (const word of functionWords(language)) {
    const languages = wordLanguages.get(word) ?? [];
    if (!languages.includes(language)) languages.push(language);
    wordLanguages.set(word, languages);
  }
}

/** Weighted evidence per language from distinctive letters and function words. */
function latinEvidence(lower: string): Map<string, number> {
  const evidence = new Map<string, number>();
  const add = (languages: readonly string[], weight: number) => {
    for (const language of languages) {
      evidence.set(language, (evidence.get(language) ?? 0) + weight / languages.length);
    }
  };
  for (const [pattern, languages] of LATIN_LETTERS) {
    const found = lower.match(pattern)?.length ?? 0;
    if (found > 0) add(languages, LETTER_WEIGHT * found);
  }
  for (const word of lower.match(/[\p{L}\p{M}]+/gu) ?? []) {
    const languages = wordLanguages.get(word);
    if (languages) add(languages, WORD_WEIGHT);
  }
  return evidence;
}

function detectLatin(text: string, hint: string | undefined): string | undefined {
  const evidence = latinEvidence(text.toLowerCase());

  const letters = letterCount(text);
  if (evidence.size === 0 && letters < MIN_FRANC_LETTERS) return undefined;
  if (letters >= MIN_FRANC_LETTERS && isUnknownLatin(text, evidence)) return undefined;

  const scores = new Map<string, number>(evidence);
  // franc's scores are relative (1 for its best guess); trust them more as the text grows.
  const trust = Math.min(1, letters / 60);
  for (const [code, score] of francAll(text, { only: Object.keys(LATIN_FRANC), minLength: 1 })) {
    const language = LATIN_FRANC[code];
    if (language) scores.set(language, (scores.get(language) ?? 0) + trust * score);
  }

  let best: string | undefined;
  let bestScore = 0;
  for (const [language, score] of scores) {
    if (score > bestScore) {
      best = language;
      bestScore = score;
    }
  }
  if (!best) return undefined;
  if (hint && hint !== best && LATIN_LANGUAGES.includes(hint)) {
    if ((scores.get(hint) ?? 0) >= bestScore - HINT_MARGIN) return hint;
  }
  return best;
}

/**
 * At most this much letter and function-word evidence (one word, two shared letters) leaves the
 * language open: words like "la" and "da" turn up in Swahili and Serbian questions too.
 */
const WEAK_EVIDENCE = 1;
/**
 * When franc, asked about all its languages, ranks one outside {@link LATIN_FRANC} first and every
 * language of ours below this share of its score, the text is in a language the detector does not
 * know. Chosen on the 37 Latin-script questions of test/inference/language.test.ts (lowest 0.82,
 * "Laptop saya rusak") and one question each in Swahili, Tagalog, Serbian, Swedish, Hungarian
 * (0.53–0.68: caught), Finnish, Malay, Romanian and Czech (0.80–0.89: not caught, they still come
 * out as the nearest language of ours).
 */
const UNKNOWN_LATIN_SCORE = 0.75;

/** Whether a Latin-script text reads as a language outside {@link LATIN_FRANC}. */
function isUnknownLatin(text: string, evidence: ReadonlyMap<string, number>): boolean {
  let total = 0;
  for (const weight of evidence.values()) total += weight;
  if (total > WEAK_EVIDENCE) return false;
  const ranked = francAll(text, { minLength: 1 });
  if (!ranked[0] || ranked[0][0] in LATIN_FRANC) return false;
  const known = ranked.find(([code]) => code in LATIN_FRANC);
  return !known || known[1] < UNKNOWN_LATIN_SCORE;
}
