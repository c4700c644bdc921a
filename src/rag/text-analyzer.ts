import { createRequire } from 'node:module';

/** The few methods of `snowball-stemmers` PolyDesk uses. */
interface SnowballStemmer {
  stem(word: string): string;
}
interface SnowballFactory {
  newStemmer(algorithm: string): SnowballStemmer;
}
const require = createRequire(import.meta.url);
const snowball = require('snowball-stemmers') as SnowballFactory;

/**
 * Turns text into index terms. The same function must analyse documents and queries, so it is
 * part of an index's identity: bump {@link ANALYZER_VERSION} whenever its output changes, and
 * persisted indexes built by an older version are rebuilt. The stemmers' packages (snowball-stemmers,
 * @nlpjs/lang-pl) are pinned to exact versions in package.json for the same reason: an upgrade that
 * changes a stem is an analyzer change.
 */
export type Analyzer = (text: string, language?: string) => string[];

export const ANALYZER_VERSION = 2;

/** ISO 639-1 code → Snowball algorithm, for every language `snowball-stemmers` has. */
const SNOWBALL: Readonly<Record<string, string>> = {
  ar: 'arabic',
  ca: 'catalan',
  cs: 'czech',
  da: 'danish',
  de: 'german',
  en: 'english',
  es: 'spanish',
  eu: 'basque',
  fi: 'finnish',
  fr: 'french',
  ga: 'irish',
  hu: 'hungarian',
  hy: 'armenian',
  it: 'italian',
  nb: 'norwegian',
  nl: 'dutch',
  nn: 'norwegian',
  no: 'norwegian',
  pt: 'portuguese',
  ro: 'romanian',
  ru: 'russian',
  sl: 'slovene',
  sv: 'swedish',
  ta: 'tamil',
  tr: 'turkish',
  pl: 'polish',
};

/**
 * Polish has no Snowball stemmer; nlp.js's light stemmer (suffix rules, after folding diacritics the
 * way its own pipeline does) is the maintained one on npm. Loaded on the first Polish word.
 */
const POLISH = 'polish';
let polishStemmer: SnowballStemmer | undefined;
function newStemmer(algorithm: string): SnowballStemmer {
  if (algorithm !== POLISH) return snowball.newStemmer(algorithm);
  if (!polishStemmer) {
    try {
      const StemmerPl = require('@nlpjs/lang-pl/src/stemmer-pl.js') as new () => {
        stemWord(word: string): string;
      };
      const nlpjs = new StemmerPl();
      polishStemmer = { stem: (word) => nlpjs.stemWord(foldMarks(word)) };
    } catch {
      // A package layout that moved the stemmer: Polish words are indexed as written, folded, rather
      // than failing every ingest and search with Polish text.
      polishStemmer = { stem: foldMarks };
    }
  }
  return polishStemmer;
}

/** Letters without their combining marks (ą → a, ź → z; ł has none and stays). */
function foldMarks(word: string): string {
  return word.normalize('NFD').replace(/\p{M}/gu, '').normalize('NFC');
}

type Script = 'latin' | 'cyrillic' | 'arabic' | 'armenian' | 'tamil' | 'hebrew' | 'cjk' | 'other';

/** Writing system of each stemmer's language, so a word in another script is never fed to it. */
const STEMMER_SCRIPT: Readonly<Record<string, Script>> = {
  arabic: 'arabic',
  armenian: 'armenian',
  russian: 'cyrillic',
  tamil: 'tamil',
};

/** Stemmer for a word whose language is unknown, by its script (the script's most widely used language). */
const SCRIPT_DEFAULT: Readonly<Partial<Record<Script, string>>> = {
  latin: 'english',
  cyrillic: 'russian',
  arabic: 'arabic',
  armenian: 'armenian',
  tamil: 'tamil',
};

const INVISIBLE = /\p{Cf}|\p{Variation_Selector}/gu;
const CONTROL = /\p{Cc}/gu;
const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;
const BIGRAM_RUNS = {
  hangul: /\p{Script=Hangul}+/gu,
  cjk: /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}ー\p{Script=Hangul}]+/gu,
} as const;

/** NFKC, locale-independent case folding, invisible characters removed. */
export function normalizeText(text: string): string {
  return text
    .normalize('NFKC')
    .replace(CONTROL, ' ')
    .replace(INVISIBLE, '')
    .toLowerCase()
    .replace(/i\u0307/g, 'i') // `İ`.toLowerCase() is `i` + combining dot: fold it to a plain `i`.
    .replace(/ß/g, 'ss')
    .replace(/ς/g, 'σ');
}

function scriptOf(word: string): Script {
  const c = word.codePointAt(0) ?? 0;
  if (c < 0x250 || (c >= 0x1e00 && c < 0x1f00)) return 'latin';
  if (c >= 0x400 && c < 0x530) return 'cyrillic';
  if (c >= 0x530 && c < 0x590) return 'armenian';
  if (c >= 0x590 && c < 0x600) return 'hebrew';
  if ((c >= 0x600 && c < 0x700) || (c >= 0x750 && c < 0x780)) return 'arabic';
  if (c >= 0xb80 && c < 0xc00) return 'tamil';
  if (CJK.test(word)) return 'cjk';
  return 'other';
}

const segmenters = new Map<string, Intl.Segmenter>();
function segmenterFor(language: string): Intl.Segmenter {
  let segmenter = segmenters.get(language);
  if (!segmenter) {
    const locale = Intl.Segmenter.supportedLocalesOf([language]).length > 0 ? language : 'und';
    segmenter = new Intl.Segmenter(locale, { granularity: 'word' });
    segmenters.set(language, segmenter);
  }
  return segmenter;
}

const MAX_CACHED_STEMS = 200_000;
const stemmers = new Map<string, { stemmer: SnowballStemmer; cache: Map<string, string> }>();
function stem(algorithm: string, word: string): string {
  let entry = stemmers.get(algorithm);
  if (!entry) {
    entry = { stemmer: newStemmer(algorithm), cache: new Map() };
    stemmers.set(algorithm, entry);
  }
  let stemmed = entry.cache.get(word);
  if (stemmed === undefined) {
    stemmed = entry.stemmer.stem(word);
    if (entry.cache.size >= MAX_CACHED_STEMS) entry.cache.clear();
    entry.cache.set(word, stemmed);
  }
  return stemmed;
}

/**
 * Which stemmer applies to a word: the text's language when its stemmer writes in the word's script;
 * the script's default when the language is unknown or written in another script (English words in a
 * Japanese text); none for a known language without a stemmer (Vietnamese, Indonesian, Polish ...).
 */
function algorithmFor(language: string | undefined, script: Script): string | undefined {
  const own = language ? SNOWBALL[language] : undefined;
  if (own) {
    const ownScript = STEMMER_SCRIPT[own] ?? 'latin';
    if (ownScript === script) return own;
    return SCRIPT_DEFAULT[script];
  }
  if (!language || languageScript(language) !== script) return SCRIPT_DEFAULT[script];
  return undefined;
}

/** Languages not written in the Latin script (the others are assumed to be). */
const LANGUAGE_SCRIPT: Readonly<Record<string, Script>> = Object.fromEntries([
  ...['ru', 'uk', 'be', 'bg', 'sr', 'mk', 'kk', 'ky', 'mn', 'tg'].map((l) => [l, 'cyrillic']),
  ...['ar', 'fa', 'ur', 'ps', 'ug', 'ckb', 'sd'].map((l) => [l, 'arabic']),
  ...['zh', 'ja', 'ko'].map((l) => [l, 'cjk']),
  ['hy', 'armenian'],
  ['ta', 'tamil'],
  ...[
    'th',
    'lo',
    'km',
    'my',
    'el',
    'he',
    'yi',
    'hi',
    'mr',
    'ne',
    'bn',
    'pa',
    'gu',
    'te',
    'kn',
    'ml',
    'si',
    'ka',
    'am',
  ].map((l) => [l, 'other']),
]);

function languageScript(language: string): Script {
  return LANGUAGE_SCRIPT[language] ?? 'latin';
}

/** Options of {@link createAnalyzer}; the defaults are the measured best (docs/quality.md). */
export interface AnalyzerOptions {
  /**
   * `both` (default): the word and, when it differs, its stem, so a query whose language was detected
   * wrongly still matches on the words themselves; `replace`: the stem only; `off`: no stemming.
   */
  readonly stemming?: 'replace' | 'both' | 'off';
  /**
   * Also emit character bigrams of runs of these scripts, so a query segmented differently still
   * matches. `hangul` (default): Korean words carry their particles (비밀번호를), so without bigrams
   * 비밀번호 would never match them; `cjk`: Han and Kana too (no gain on XQuAD zh, a larger index);
   * `none`.
   */
  readonly bigrams?: 'hangul' | 'cjk' | 'none';
  /** How Hebrew words lose their prefixes ({@link hebrewBareForms}); measured defaults. */
  readonly hebrewPrefixes?: HebrewPrefixOptions;
}

/** At most `letters` prefix letters come off a Hebrew word, and at least `rest` letters stay. */
export interface HebrewPrefixOptions {
  readonly letters: number;
  readonly rest: number;
}

const HEBREW_PREFIXES: HebrewPrefixOptions = { letters: 1, rest: 3 };

/** The letters Hebrew writes onto a word: and (ו), the (ה), in/at (ב), to (ל), from (מ), that (ש), as (כ). */
const HEBREW_PREFIX_LETTERS = 'והבלמשכ';

/**
 * A Hebrew word without the prefixes written onto it, each one letter shorter, as long as enough
 * letters stay: with the default (one letter), בחופשה → חופשה and והחופשה → החופשה. Hebrew has no stemmer here; the word itself is indexed
 * too, as a Snowball language indexes word and stem, so a word that merely starts with one of these
 * letters (בית, "house") still matches itself first.
 */
function hebrewBareForms(word: string, options: HebrewPrefixOptions): string[] {
  const forms: string[] = [];
  for (let i = 0; i < options.letters && word.length - i - 1 >= options.rest; i++) {
    if (!HEBREW_PREFIX_LETTERS.includes(word[i]!)) break;
    forms.push(word.slice(i + 1));
  }
  return forms;
}

/** Builds an analyzer: normalise, segment into words with `Intl.Segmenter`, stem per language. */
export function createAnalyzer(options: AnalyzerOptions = {}): Analyzer {
  const stemming = options.stemming ?? 'both';
  const hebrew = options.hebrewPrefixes ?? HEBREW_PREFIXES;
  const bigramRuns = options.bigrams === 'none' ? undefined : BIGRAM_RUNS[options.bigrams ?? 'hangul'];
  return (text, language) => {
    const lang = primaryLanguage(language);
    const normalized = normalizeText(text);
    const terms: string[] = [];
    for (const segment of segmenterFor(lang ?? 'und').segment(normalized)) {
      if (!segment.isWordLike) continue;
      const word = segment.segment.slice(elidedLength(segment.segment));
      const script = scriptOf(word);
      if (script === 'cjk' || script === 'other') {
        terms.push(word);
        continue;
      }
      if (script === 'hebrew') {
        terms.push(word);
        if (stemming !== 'off') for (const bare of hebrewBareForms(word, hebrew)) terms.push(bare);
        continue;
      }
      const algorithm = stemming === 'off' ? undefined : algorithmFor(lang, script);
      const stemmed = algorithm ? stem(algorithm, word) : word;
      if (stemming === 'both' && stemmed !== word) terms.push(word);
      terms.push(stemmed);
    }
    if (bigramRuns) {
      for (const run of normalized.match(bigramRuns) ?? []) {
        const chars = Array.from(run);
        for (let i = 0; i + 1 < chars.length; i++) terms.push(chars[i]! + chars[i + 1]!);
      }
    }
    return terms;
  };
}

/** A word of a normalised text ({@link normalizeText}): its analyzer terms and where it stands. */
export interface WordSpan {
  /** The word, and its stem when that differs. */
  readonly forms: string[];
  /** Offsets in the normalised text. */
  readonly start: number;
  readonly end: number;
}

/**
 * The words of a text, each with the terms the default analyzer makes of it (the word, and its stem
 * when that differs), in order: what a reader needs to know which terms belong to one word.
 */
export function analyzeWords(text: string, language?: string): string[][] {
  return analyzeWordSpans(normalizeText(text), language).map((word) => word.forms);
}

/** {@link analyzeWords} with each word's place in `normalized` (already {@link normalizeText}ed). */
export function analyzeWordSpans(normalized: string, language?: string): WordSpan[] {
  const lang = primaryLanguage(language);
  const words: WordSpan[] = [];
  for (const segment of segmenterFor(lang ?? 'und').segment(normalized)) {
    if (segment.isWordLike) words.push(spanOf(segment, lang));
  }
  return words;
}

/** The first word of {@link analyzeWordSpans}, without analysing the rest of the text. */
export function firstWordSpan(normalized: string, language?: string): WordSpan | undefined {
  const lang = primaryLanguage(language);
  for (const segment of segmenterFor(lang ?? 'und').segment(normalized)) {
    if (segment.isWordLike) return spanOf(segment, lang);
  }
  return undefined;
}

/**
 * Italian, French and Catalan write an elided article or preposition onto the next word with an
 * apostrophe (l'olio, dell'accordo, d'accès, qu'il), and Unicode word segmentation keeps the two
 * together: "olio" in a question would never match "l'olio" in a passage. The elided part is a
 * function word; the word after it is what counts. English's own apostrophes (don't, company's)
 * have no such first part and stay whole.
 */
const ELISION =
  /^(?:[cdjlmnst]|qu|jusqu|lorsqu|puisqu|quoiqu|presqu|[dns]ell|[dnc]ol|all|dall|sull|coll|[dns]egl|[dns]agl|sugl|quell|quest|un|nessun|buon|bell|sant|tutt)['’](?=\p{L})/iu;

/** How many leading characters of a word are an elided article or preposition ({@link ELISION}). */
function elidedLength(word: string): number {
  return ELISION.exec(word)?.[0].length ?? 0;
}

function spanOf(segment: Intl.SegmentData, lang: string | undefined): WordSpan {
  const elided = elidedLength(segment.segment);
  return wordSpan(segment.segment.slice(elided), segment.index + elided, lang);
}

function wordSpan(word: string, start: number, lang: string | undefined): WordSpan {
  const script = scriptOf(word);
  if (script === 'hebrew') {
    return { forms: [word, ...hebrewBareForms(word, HEBREW_PREFIXES)], start, end: start + word.length };
  }
  const algorithm = script === 'cjk' || script === 'other' ? undefined : algorithmFor(lang, script);
  const stemmed = algorithm ? stem(algorithm, word) : word;
  return { forms: stemmed === word ? [word] : [word, stemmed], start, end: start + word.length };
}

/** `ja-JP` → `ja`; empty or `und` → undefined. */
export function primaryLanguage(language: string | undefined): string | undefined {
  if (!language) return undefined;
  const primary = language.toLowerCase().split(/[-_]/)[0];
  return primary && primary !== 'und' ? primary : undefined;
}

/** The default analyzer of PolyDesk. */
export const analyze: Analyzer = createAnalyzer();
