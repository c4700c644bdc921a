import { francAll } from 'franc-min';
import type { Logger } from '../core/log.js';
import { functionWords } from './function-words.js';
import { detectHan } from './han-language.js';

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
  return detectWith(text, localeHint, undefined);
}

function detectWith(text: string, localeHint: string | undefined, model: NgramModel | undefined): string {
  const hint = primarySubtag(localeHint);
  const written = detectWritten(text.slice(0, MAX_SAMPLE), hint, model);
  return written ?? hint ?? 'en';
}

/** The language the text itself shows, or undefined when it shows none clearly. */
function detectWritten(
  sample: string,
  hint: string | undefined,
  model: NgramModel | undefined,
): string | undefined {
  const counts = countScripts(sample);
  const script = mainScript(sample, counts);
  switch (script) {
    case undefined:
      return undefined;
    case 'cjk':
      return detectHan(sample, counts.kana, hint);
    case 'latin':
      return detectLatin(sample, hint, model);
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
  // Articles and prepositions elided onto the next word: dell'ufficio, qu'il, l'azienda / l'entreprise.
  [/(?<!\p{L})(?:[dns]ell|dall|sull|all|coll|quell|un)['’](?=\p{L})/gu, ['it']],
  [/(?<!\p{L})(?:qu|j|jusqu|lorsqu|puisqu)['’](?=\p{L})/gu, ['fr']],
  [/(?<!\p{L})[ld]['’](?=\p{L})/gu, ['fr', 'it']],
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

function detectLatin(
  text: string,
  hint: string | undefined,
  model: NgramModel | undefined,
): string | undefined {
  const evidence = latinEvidence(text.toLowerCase());

  const letters = letterCount(text);
  const decided = decisive(evidence);
  if (decided) return decided;
  if (model) return detectLatinByModel(model, text, hint, evidence, letters);
  if (evidence.size === 0 && letters < MIN_FRANC_LETTERS) return undefined;
  if (letters >= MIN_FRANC_LETTERS && isUnknownLatin(text, evidence)) return undefined;

  const scores = new Map<string, number>(evidence);
  // franc's scores are relative (1 for its best guess); trust them more as the text grows.
  const trust = Math.min(1, letters / 60);
  for (const [code, score] of francAll(text, { only: Object.keys(LATIN_FRANC), minLength: 1 })) {
    const language = LATIN_FRANC[code];
    if (language) scores.set(language, (scores.get(language) ?? 0) + trust * score);
  }

  return bestWithHint(scores, hint, HINT_MARGIN);
}

/**
 * The best-scoring language, or the locale's language when it scores within `margin` of the best
 * (the locale breaks near-ties between Latin-script languages); undefined when nothing scored.
 */
function bestWithHint(
  scores: ReadonlyMap<string, number>,
  hint: string | undefined,
  margin: number,
): string | undefined {
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
    if ((scores.get(hint) ?? 0) >= bestScore - margin) return hint;
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

/**
 * Letters and function words alone decide a Latin-script text when they give one language at least
 * this much evidence (one function word of its own and one it shares with another language, or more)
 * and at least twice what any other language gets. On the 343 Latin-script messages of the
 * development half of the short-question set and the employee development questions, 195 are decided
 * so, all right (1.2, two function words of its own, decides 169; 0.6 decides 248, also all right,
 * but leans on a single word). Such a text needs no n-gram model.
 */
const DECISIVE_EVIDENCE = 0.9;
const DECISIVE_RATIO = 2;

function decisive(evidence: ReadonlyMap<string, number>): string | undefined {
  let first: [string, number] | undefined;
  let second = 0;
  for (const [language, weight] of evidence) {
    if (!first || weight > first[1]) {
      second = first?.[1] ?? 0;
      first = [language, weight];
    } else second = Math.max(second, weight);
  }
  // Weights are sums of halves and thirds: 0.3 + 0.6 must count as 0.9.
  if (!first || first[1] < DECISIVE_EVIDENCE - 1e-9 || second * DECISIVE_RATIO > first[1]) return undefined;
  return first[0];
}

/** What PolyDesk uses of eld (Efficient Language Detector), a maintained n-gram detector for short texts. */
interface NgramModel {
  detect(text: string): { getScores(): Record<string, number> };
  setLanguageSubset(languages: string[]): unknown;
}
let loadingModel: Promise<NgramModel | undefined> | undefined;
/** How eld is loaded: replaced in tests to see a failing load. */
let importModel = async (): Promise<unknown> => import('eld/small');

/**
 * Loads eld's n-gram model ("small": about 250 ms and 1.6 MB of JavaScript, so it is loaded only
 * when a question needs it, or when `serve` starts). If it cannot be loaded, questions are detected
 * as documents are (franc's trigrams and the letters and function words), which is right far less
 * often on short questions (docs/quality.md, "Language detection"): that is logged once, as
 * `language.model_unavailable`, through the logger of the first caller that passed one. Never rejects.
 */
export function loadLanguageModel(logger?: Logger): Promise<NgramModel | undefined> {
  loadingModel ??= importModel()
    .then((module) => {
      const eld = (module as { eld?: NgramModel }).eld;
      if (!eld || typeof eld.detect !== 'function') throw new Error('eld/small exports no detector');
      // eld knows Indonesian as Malay (ms), the same language for a question's purposes.
      eld.setLanguageSubset([...LATIN_LANGUAGES, 'ms']);
      return eld;
    })
    .catch((error: unknown) => {
      modelFailure = error instanceof Error ? error.message : String(error);
      reportModelFailure(logger);
      return undefined;
    });
  if (logger) void loadingModel.then(() => reportModelFailure(logger));
  return loadingModel;
}

let modelFailure: string | undefined;
let failureReported = false;
function reportModelFailure(logger: Logger | undefined): void {
  if (modelFailure === undefined || failureReported || !logger) return;
  failureReported = true;
  logger('warn', 'language.model_unavailable', { error: modelFailure });
}

/** For tests: forget the loaded model and load it with `load` next time (the real import when undefined). */
export function resetLanguageModelForTests(load?: () => Promise<unknown>): void {
  loadingModel = undefined;
  modelFailure = undefined;
  failureReported = false;
  importModel = load ?? (async () => import('eld/small'));
}

/**
 * The language of a question: {@link detectLanguage}, and for a Latin-script question that its
 * letters and function words do not decide, eld's n-gram model as well (loaded on first need).
 * Documents are long enough for {@link detectLanguage} alone, which never uses the model, so a
 * document's language does not depend on whether a question loaded it first.
 */
export async function detectQuestionLanguage(text: string, localeHint?: string): Promise<string> {
  const model = needsModel(text.slice(0, MAX_SAMPLE)) ? await loadLanguageModel() : undefined;
  return detectWith(text, localeHint, model);
}

/**
 * A synchronous {@link detectQuestionLanguage}, for code that detects many short texts at once (the
 * standard answers' wordings): the model is loaded first, and the function uses it where it must.
 */
export async function questionLanguageDetector(): Promise<(text: string, localeHint?: string) => string> {
  const model = await loadLanguageModel();
  return (text, localeHint) => detectWith(text, localeHint, model);
}

function needsModel(sample: string): boolean {
  const counts = countScripts(sample);
  return mainScript(sample, counts) === 'latin' && !decisive(latinEvidence(sample.toLowerCase()));
}

/** A word with a diacritic makes English this much less likely (café and naïve are rare in questions). */
const ENGLISH_MARK_PENALTY = 0.2;
/** The letters and function words count half as much as eld's relative score (1 for its best guess). */
const MODEL_EVIDENCE_WEIGHT = 0.5;
/** A locale hint wins when its language scores within this margin of the best. */
const MODEL_HINT_MARGIN = 0.05;

/**
 * eld's scores for PolyDesk's Latin-script languages, relative to its best guess, plus half the
 * letter and function-word evidence; English loses a little for each word with a diacritic. The
 * weights were chosen on the development half of test/corpus/language-detection (never the test half).
 */
function detectLatinByModel(
  model: NgramModel,
  text: string,
  hint: string | undefined,
  evidence: ReadonlyMap<string, number>,
  letters: number,
): string | undefined {
  if (letters >= MIN_FRANC_LETTERS && isUnknownLatin(text, evidence)) return undefined;
  const raw = model.detect(text).getScores();
  const scores = new Map<string, number>();
  let top = 0;
  for (const [code, score] of Object.entries(raw)) {
    const language = code === 'ms' ? 'id' : code;
    scores.set(language, Math.max(scores.get(language) ?? 0, score));
    top = Math.max(top, score);
  }
  if (top > 0) for (const [language, score] of scores) scores.set(language, score / top);
  for (const [language, weight] of evidence)
    scores.set(language, (scores.get(language) ?? 0) + MODEL_EVIDENCE_WEIGHT * weight);
  const marked = text.normalize('NFD').match(/\p{L}\p{M}+/gu)?.length ?? 0;
  const english = scores.get('en');
  if (marked > 0 && english !== undefined)
    scores.set('en', english - ENGLISH_MARK_PENALTY * Math.min(2, marked));

  return bestWithHint(scores, hint, MODEL_HINT_MARGIN);
}
