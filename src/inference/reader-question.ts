import type { SearchHit } from '../core/types.js';
import { type AnswerType, answerTypeOf } from './answer-types.js';
import { functionWords } from './function-words.js';
import { numberAlternatives } from './number-words.js';
import type { GenerationRequest } from './generator.js';

/**
 * How the extractive reader reads a question: its meaningful words (function words left out), each
 * weighted by how rare it is in the knowledge base, with the light stems that let inflected forms
 * match, and the kind of answer its form asks for.
 */

/** The retrieval analyzer: text → terms (normalised, segmented, stemmed). */
export type Tokenize = (text: string, language?: string) => string[];

/** How common a term is in the whole knowledge base (the lexical index answers it). */
export interface TermStatistics {
  /** Searchable chunks. */
  readonly size: number;
  /** Chunks that hold the term; 0 for a term the knowledge base never uses. */
  documentFrequencyOf(term: string): number;
}

/** One meaningful word of the question: its analyzer forms and its weight. */
export interface QuestionWord {
  readonly forms: readonly string[];
  /** Other ways of writing it ("3" → "three"): they rank units, at {@link ALTERNATIVE_SHARE}. */
  readonly alternatives: readonly string[];
  /** Hangul words carry their particles: their bigrams match partially (비밀번호를 → 비밀, 밀번, …). */
  readonly bigrams: readonly string[];
  readonly weight: number;
  /** The corpus never uses any form of it. */
  readonly unknown: boolean;
  /** From the question itself, not from the earlier question a follow-up continues. */
  readonly own: boolean;
}

/** What the reader knows about a question. */
export interface QuestionReading {
  readonly text: string;
  readonly words: readonly QuestionWord[];
  readonly type: AnswerType | undefined;
  /** The question only names a topic ("salary bands"): no question mark, no function word. */
  readonly topicOnly: boolean;
}

/** Reads the question: its meaningful words weighted by rarity, and the kind of answer it asks for. */
export function readQuestion(
  request: GenerationRequest,
  words: (text: string, language?: string) => string[][],
  isStopTerm: (term: string, language: string) => boolean,
  corpus: TermStatistics,
): QuestionReading {
  const seen = new Set<string>();
  const found: QuestionWord[] = [];
  let skipped = 0;
  const isStop = (forms: readonly string[]) => forms.every((form) => isStopTerm(form, request.language));
  const add = (text: string, share: number, own: boolean) => {
    let previous: QuestionWord | undefined;
    for (const analyzedForms of words(text, request.language)) {
      const forms = [...withLightStems(analyzedForms)];
      const word = forms[0]!;
      if (isStop(forms)) {
        if (own) skipped++;
        previous = undefined;
        continue;
      }
      const key = forms[forms.length - 1]!;
      if (seen.has(key)) {
        previous = undefined; // a repeated word: its neighbours are not next to each other
        continue;
      }
      seen.add(key);
      const bigrams = /^\p{Script=Hangul}{3,}$/u.test(word)
        ? Array.from({ length: [...word].length - 1 }, (_, i) => [...word].slice(i, i + 2).join(''))
        : [];
      const df = Math.max(...forms.map((form) => corpus.documentFrequencyOf(form)));
      const unknown = df === 0 && bigrams.every((bigram) => corpus.documentFrequencyOf(bigram) === 0);
      const current: QuestionWord = {
        forms,
        alternatives: numberAlternatives(word, request.language),
        bigrams,
        weight: share * idf(corpus.size, df),
        unknown,
        own,
      };
      found.push(current);
      if (previous && SYLLABLE_LANGUAGES.has(request.language)) {
        // A Vietnamese word is often two syllables ("hợp đồng"): the pair must stand together too.
        found.push({
          forms: [`${previous.forms[0]} ${word}`],
          alternatives: [],
          bigrams: [],
          weight: Math.min(previous.weight, current.weight),
          unknown: previous.unknown || current.unknown,
          own,
        });
      }
      previous = current;
    }
  };
  add(request.question, 1, true);
  if (request.followUpOf) add(request.followUpOf, FOLLOW_UP_SHARE, false);
  return {
    text: request.question,
    words: found,
    type: answerTypeOf(request.question, request.language),
    topicOnly: skipped === 0 && !/[?？؟]/u.test(request.question),
  };
}

/** Without the knowledge base's statistics, the sources are the corpus. */
export function sourcesAsCorpus(sources: readonly SearchHit[], tokenize: Tokenize): TermStatistics {
  const sets = sources.map((hit) => new Set(tokenize(hit.text, hit.language)));
  return {
    size: sources.length,
    documentFrequencyOf: (term) => sets.filter((terms) => terms.has(term)).length,
  };
}

/** Words of the earlier question a follow-up continues count this much. */
const FOLLOW_UP_SHARE = 0.5;

export function idf(size: number, df: number): number {
  return Math.log(1 + (size - df + 0.5) / (df + 0.5));
}

/** An English contraction's ending: "what's", "where're", "don't" are their first word. */
const CONTRACTION = /(?:n['’]t|['’](?:s|re|ll|d|ve|m))$/u;

/**
 * Whether a term carries no meaning of its own in a language: a function word in the analyzer's own
 * form (stemmed, folded), or a Japanese particle or ending of one or two hiragana (は, が, ます).
 */
export function createStopTerms(tokenize: Tokenize): (term: string, language: string) => boolean {
  const cache = new Map<string, Set<string>>();
  return (term, language) => {
    let stop = cache.get(language);
    if (!stop) {
      stop = new Set<string>();
      for (const word of functionWords(language))
        for (const stopTerm of tokenize(word, language)) stop.add(stopTerm);
      cache.set(language, stop);
    }
    return (
      stop.has(term) || stop.has(term.replace(CONTRACTION, '')) || /^\p{Script=Hiragana}{1,2}$/u.test(term)
    );
  };
}

/**
 * Light stems for languages the analyzer leaves unstemmed. Japanese verbs and adjectives inflect in
 * their kana ending (送る, 送り, 送って; 休みたい): such a term also stands for its kanji stem. Hebrew
 * writes the conjunction, article and prepositions onto the word (ו, ה, ב, ל, מ, ש, כ: והחופשה,
 * בחופשה): such a term also stands for the word without one or two of them. Other terms pass unchanged.
 */
export function withLightStems(terms: readonly string[]): Set<string> {
  const all = new Set(terms);
  for (const term of terms) {
    const kanji = /^(\p{Script=Han}+)\p{Script=Hiragana}+$/u.exec(term)?.[1];
    if (kanji) all.add(kanji);
    const hebrew = /^([והבלמשכ]{1,2})(\p{Script=Hebrew}{3,})$/u.exec(term);
    if (hebrew) {
      all.add(hebrew[2]!);
      if (hebrew[1]!.length === 2) all.add(hebrew[1]![1] + hebrew[2]!);
    }
  }
  return all;
}

/**
 * Languages written with a space between syllables, where a word is often two of them: the reader
 * matches neighbouring syllables as pairs as well.
 */
export const SYLLABLE_LANGUAGES: ReadonlySet<string> = new Set(['vi']);

/**
 * What a unit of text offers to match against: the analyzer's terms (in order), their light stems, and
 * in a syllable language the pairs of neighbouring syllables.
 */
export function unitTerms(terms: readonly string[], language: string): Set<string> {
  const all = withLightStems(terms);
  if (SYLLABLE_LANGUAGES.has(language))
    for (let i = 0; i + 1 < terms.length; i++) all.add(`${terms[i]} ${terms[i + 1]}`);
  return all;
}

/** Another way of writing a question word ("three" for "3") counts this much of it. */
export const ALTERNATIVE_SHARE = 0.75;

/**
 * How much of a question word a set of terms holds: 1 (one of its forms), a Hangul word's share of
 * bigrams, {@link ALTERNATIVE_SHARE} (another way of writing it), or 0.
 */
export function holds(terms: ReadonlySet<string>, word: QuestionWord): number {
  const share = holdsLiterally(terms, word);
  if (share < ALTERNATIVE_SHARE && word.alternatives.some((form) => terms.has(form)))
    return ALTERNATIVE_SHARE;
  return share;
}

/** How much of a question word a set of terms holds as written: 1, a Hangul word's share of bigrams, or 0. */
export function holdsLiterally(terms: ReadonlySet<string>, word: QuestionWord): number {
  if (word.forms.some((form) => terms.has(form))) return 1;
  if (word.bigrams.length === 0) return 0;
  const share = word.bigrams.filter((bigram) => terms.has(bigram)).length / word.bigrams.length;
  return share >= 0.5 ? share : 0;
}
