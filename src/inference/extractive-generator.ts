import { t } from '../core/i18n.js';
import type { SearchHit } from '../core/types.js';
import { type AnswerType, answerTypeOf, holdsAnswerType } from './answer-types.js';
import { functionWords } from './function-words.js';
import type { GenerateOptions, GenerationRequest, GenerationResult, Generator } from './generator.js';
import { type Sentence, splitSentences } from './sentences.js';
import { type InstructionFinder, overlapsAny, untrustedSpans } from './untrusted-sentences.js';

/** How common a term is in the whole knowledge base (the lexical index answers it). */
export interface TermStatistics {
  /** Searchable chunks. */
  readonly size: number;
  /** Chunks that hold the term; 0 for a term the knowledge base never uses. */
  documentFrequencyOf(term: string): number;
}

/** Options of {@link createExtractiveGenerator}. */
export interface ExtractiveGeneratorOptions {
  /**
   * The retrieval analyzer (normalise, segment, stem): a sentence matches a question when they
   * share terms, exactly as a chunk matched it in retrieval.
   */
  readonly tokenize: (text: string, language?: string) => string[];
  /**
   * The question's words, each with its analyzer terms (word and stem): a word counts once however
   * many of its forms match. Default: each term of `tokenize` is a word of its own.
   */
  readonly words?: ((text: string, language?: string) => string[][]) | undefined;
  /**
   * The knowledge base's term statistics, read at each question (the index is swapped on refresh). A
   * question word the knowledge base rarely or never uses weighs most: when the quoted sentence lacks
   * it, the documents most likely do not answer. Without it, rarity is measured among the sources.
   */
  readonly corpus?: (() => TermStatistics | undefined) | undefined;
  /** Most characters of one quoted sentence before it is cut at a clause boundary (default 300). */
  readonly maxSentenceChars?: number;
  /**
   * Least {@link confidence} that the sources answer, else the answer is "not found" (default
   * {@link DEFAULT_MIN_CONFIDENCE}, calibrated on XQuAD with articles left out of the knowledge base:
   * see docs/quality.md).
   */
  readonly minConfidence?: number;
  /**
   * Finds instructions aimed at the assistant (prompt injection) in a source: a sentence that holds
   * one is never quoted, the document's other sentences still are. Default: none found.
   */
  readonly untrusted?: InstructionFinder | undefined;
}

/** The extractive generator, with its reasoning open for measurement (bench/calibrate-reader.ts). */
export interface ExtractiveGenerator extends Generator {
  /** What the reader concludes about a request, without writing the answer. */
  explain(request: GenerationRequest): Reading;
}

/**
 * The confidence at which 5 % of XQuAD's answerable questions (seven languages, one article in six
 * left out) get "not found": answerable questions are not traded away silently. Measured with
 * `node --import tsx bench/calibrate-reader.ts`; docs/quality.md shows the trade-off.
 */
export const DEFAULT_MIN_CONFIDENCE = 0.22;

/**
 * The always-available generator: no model, it quotes what the sources say. It reads the question
 * (its words weighted by how rare they are in the knowledge base, the kind of answer its form asks
 * for), scores every sentence, list item and table row of the sources by the question words it and
 * its headings hold, prefers one that holds an expression of the expected kind (a number for "how
 * many", a date for "when"), and quotes the best one — a second only when it is nearly as good, the
 * steps in order for a how-to question — verbatim, each with its `[n]` citation. A sentence cut to
 * length is marked with "…". When the best evidence covers too little of the question it says "not
 * found" instead of quoting something beside the point. It can be wrong only by quoting the wrong
 * sentence, never by inventing one; a sentence that instructs the assistant is never quoted.
 */
export function createExtractiveGenerator(options: ExtractiveGeneratorOptions): ExtractiveGenerator {
  const isStopTerm = createStopTerms(options.tokenize);
  const words =
    options.words ??
    ((text: string, language?: string) => options.tokenize(text, language).map((term) => [term]));
  const corpusFor = (request: GenerationRequest) => {
    const corpus = options.corpus?.();
    return corpus && corpus.size > 0 ? corpus : sourcesAsCorpus(request.sources, options.tokenize);
  };
  const settings: ReaderSettings = {
    tokenize: options.tokenize,
    maxSentenceChars: options.maxSentenceChars ?? 300,
    minConfidence: options.minConfidence ?? DEFAULT_MIN_CONFIDENCE,
    untrusted: options.untrusted,
  };
  return {
    name: 'extractive',
    explain: (request: GenerationRequest) =>
      read(request.sources, readQuestion(request, words, isStopTerm, corpusFor(request)), settings),
    async generate(request: GenerationRequest, generateOptions?: GenerateOptions): Promise<GenerationResult> {
      throwIfAborted(generateOptions?.signal);
      const question = readQuestion(request, words, isStopTerm, corpusFor(request));
      const reading = read(request.sources, question, settings);
      if (!reading.found) {
        const text = t(request.language, 'notFound');
        await emit([text], generateOptions);
        return { text, cited: [], generator: 'extractive', extractive: true, notFound: true };
      }
      const quotes = reading.quotes;
      const pieces = [
        `${t(request.language, 'extractive.intro')}\n\n`,
        ...quotes.map(
          (quote, i) =>
            `> ${quote.cut.before ? '…' : ''}${quote.text}${quote.cut.after ? '…' : ''} [${quote.source + 1}]${i < quotes.length - 1 ? '\n' : ''}`,
        ),
      ];
      await emit(pieces, generateOptions);
      const cited = [...new Set(quotes.map((quote) => quote.source + 1))];
      return { text: pieces.join(''), cited, generator: 'extractive', extractive: true, notFound: false };
    },
  };
}

interface ReaderSettings {
  readonly tokenize: ExtractiveGeneratorOptions['tokenize'];
  readonly maxSentenceChars: number;
  readonly minConfidence: number;
  readonly untrusted: InstructionFinder | undefined;
}

/** One meaningful word of the question: its analyzer forms and its weight. */
interface QuestionWord {
  readonly forms: readonly string[];
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
}

/** Reads the question: its meaningful words weighted by rarity, and the kind of answer it asks for. */
function readQuestion(
  request: GenerationRequest,
  words: (text: string, language?: string) => string[][],
  isStopTerm: (term: string, language: string) => boolean,
  corpus: TermStatistics,
): QuestionReading {
  const seen = new Set<string>();
  const found: QuestionWord[] = [];
  const add = (text: string, share: number, own: boolean) => {
    let previous: QuestionWord | undefined;
    for (const analyzed of words(text, request.language)) {
      const forms = [...withLightStems(analyzed)];
      const word = forms[0]!;
      if (forms.every((form) => isStopTerm(form, request.language))) {
        previous = undefined;
        continue;
      }
      const key = forms[forms.length - 1]!;
      if (seen.has(key)) continue;
      seen.add(key);
      const bigrams = /^\p{Script=Hangul}{3,}$/u.test(word)
        ? Array.from({ length: [...word].length - 1 }, (_, i) => [...word].slice(i, i + 2).join(''))
        : [];
      const df = Math.max(...forms.map((form) => corpus.documentFrequencyOf(form)));
      const unknown = df === 0 && bigrams.every((bigram) => corpus.documentFrequencyOf(bigram) === 0);
      const current: QuestionWord = { forms, bigrams, weight: share * idf(corpus.size, df), unknown, own };
      found.push(current);
      if (previous && SYLLABLE_LANGUAGES.has(request.language)) {
        // A Vietnamese word is often two syllables ("hợp đồng"): the pair must stand together too.
        found.push({
          forms: [`${previous.forms[0]} ${word}`],
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
  return { text: request.question, words: found, type: answerTypeOf(request.question, request.language) };
}

/** Without the knowledge base's statistics, the sources are the corpus. */
function sourcesAsCorpus(
  sources: readonly SearchHit[],
  tokenize: ExtractiveGeneratorOptions['tokenize'],
): TermStatistics {
  const sets = sources.map((hit) => new Set(tokenize(hit.text, hit.language)));
  return {
    size: sources.length,
    documentFrequencyOf: (term) => sets.filter((terms) => terms.has(term)).length,
  };
}

/** Words of the earlier question a follow-up continues count this much. */
const FOLLOW_UP_SHARE = 0.5;

function idf(size: number, df: number): number {
  return Math.log(1 + (size - df + 0.5) / (df + 0.5));
}

/** A quotable unit of a source with what the reader found in it. */
interface Unit extends Sentence {
  /** 0-based rank of its source in the request. */
  readonly source: number;
  readonly terms: ReadonlySet<string>;
  /** Terms of its headings: the chunk's title and heading path, the line that announces it. */
  readonly context: ReadonlySet<string>;
  score: number;
  /** Share of the question's weight it and its context hold (0..1). */
  evidence: number;
}

/** What the reader concluded. */
export interface Reading {
  readonly found: boolean;
  readonly quotes: readonly Unit[];
  /** Share of the question's weight that the best unit and its headings hold. */
  readonly evidence: number;
  readonly type: AnswerType | undefined;
  /** Whether the best unit holds an expression of the expected type (undefined: none expected or can't tell). */
  readonly typeMatch: boolean | undefined;
  /** Share of the question's weight in words the knowledge base never uses. */
  readonly unknownShare: number;
  /** Second-best unit's score relative to the best (0..1). */
  readonly runnerUp: number;
  /** Share of the question's weight that the best unit's whole source (all its units and headings) holds. */
  readonly sourceEvidence: number;
  /** Weight of the rarest question word neither the best unit nor its headings hold, over the most a word can weigh. */
  readonly missingRarest: number;
}

/** Later sources were ranked lower by retrieval: their units need a better match to be quoted. */
const RANK_DECAY = 0.3;
/** A question word found only in a unit's headings counts this much towards its score… */
const CONTEXT_SCORE = 0.4;
/** …and this much towards the evidence that the documents answer. */
const CONTEXT_EVIDENCE = 0.8;
/** A unit holding (or lacking) an expression of the expected answer type. */
const TYPE_MATCH = 1.35;
const TYPE_MISMATCH = 0.75;
/**
 * Code and configuration lines (unless the question names their key), and sentences about the page
 * itself, are rarely the answer.
 */
const CODE_SHARE = 0.25;
const META_SHARE = 0.3;
/** The next sentence of the same paragraph often finishes the thought ("After that, ..."). */
const CONTINUATION_SHARE = 0.3;
/** A second unit is quoted only when it scores at least this share of the best… */
const SECOND_SHARE = 0.5;
/** …and both fit in this many characters. */
const TWO_UNITS_CHARS = 400;
/** A best unit and the next one of its paragraph are quoted together when both fit in this many characters. */
const SHORT_PAIR_CHARS = 160;
/** Steps of a how-to answer: at most this many items, this many characters. */
const MAX_STEPS = 8;
const STEPS_CHARS = 700;

/**
 * Sentences that describe the page rather than answer ("This page explains how …"), in the languages
 * PolyDesk ships messages for.
 */
const META_SENTENCE =
  /^(?:this (?:page|document|guide|article|section|policy)|the following|on this page|diese(?:r|s)? (?:seite|dokument|leitfaden|richtlinie)|auf dieser seite|cette (?:page|politique)|ce (?:document|guide)|esta (?:página|guía|política)|este (?:documento|artículo)|questa (?:pagina|guida)|esta página|このページ|本ページ|このドキュメント|本書|本页|本文|此页|本頁|หน้านี้|เอกสารนี้|이 (?:페이지|문서))/iu;

/** Scores every unit of the sources, decides whether they answer, and picks what to quote. */
function read(sources: readonly SearchHit[], question: QuestionReading, settings: ReaderSettings): Reading {
  const none: Reading = {
    found: false,
    quotes: [],
    evidence: 0,
    type: question.type,
    typeMatch: undefined,
    unknownShare: 0,
    runnerUp: 0,
    sourceEvidence: 0,
    missingRarest: 1,
  };
  if (question.words.length === 0) return none;
  const units = unitsOf(sources, settings);
  if (units.length === 0) return none;

  // Every word ranks the units; the evidence that the sources answer comes from the question's own
  // words (an earlier question's words alone must not answer a new one), unless it has none ("それは？").
  const words = question.words;
  const own = words.some((word) => word.own) ? words.filter((word) => word.own) : words;
  const total = own.reduce((sum, word) => sum + word.weight, 0) || 1;
  const unknownShare = own.reduce((sum, word) => sum + (word.unknown ? word.weight : 0), 0) / total;
  const averageLength = units.reduce((sum, unit) => sum + unit.terms.size, 0) / units.length || 1;

  const typeMatches = new Map<Unit, boolean | undefined>();
  units.forEach((unit, i) => {
    let direct = 0;
    let contextual = 0;
    let ownDirect = 0;
    let ownContextual = 0;
    for (const word of words) {
      const share = holds(unit.terms, word);
      const inContext = share < 1 ? word.weight * (1 - share) * holds(unit.context, word) : 0;
      direct += word.weight * share;
      contextual += inContext;
      if (own.includes(word)) {
        ownDirect += word.weight * share;
        ownContextual += inContext;
      }
    }
    unit.evidence = (ownDirect + CONTEXT_EVIDENCE * ownContextual) / total;
    if (direct === 0) return;
    const typeMatch = question.type
      ? holdsAnswerType(question.type, unit.text, question.text, unit.item)
      : undefined;
    typeMatches.set(unit, typeMatch);
    const lengthNorm = 1 / Math.sqrt(Math.max(1, unit.terms.size / averageLength));
    let score = ((direct + CONTEXT_SCORE * contextual) * lengthNorm) / (1 + RANK_DECAY * unit.source);
    if (typeMatch === true) score *= TYPE_MATCH;
    else if (typeMatch === false) score *= TYPE_MISMATCH;
    if (unit.kind === 'code' && !asksFor(unit, words, settings)) score *= CODE_SHARE;
    if (META_SENTENCE.test(unit.text)) score *= META_SHARE;
    unit.score += score;
    const next = units[i + 1];
    if (next && next.source === unit.source && next.line === unit.line && next.kind === 'statement')
      next.score += CONTINUATION_SHARE * score;
  });

  const ranked = units.filter((unit) => unit.score > 0).sort((a, b) => b.score - a.score);
  const best = ranked[0];
  if (!best) return { ...none, unknownShare };
  const evidence = Math.max(
    best.evidence,
    ...ranked
      .slice(1, 3)
      .filter((u) => u.source === best.source)
      .map((u) => u.evidence * 0.9),
  );
  const runnerUp = (ranked[1]?.score ?? 0) / best.score;
  const sourceUnits = units.filter((unit) => unit.source === best.source);
  const sourceHolds = (word: QuestionWord) =>
    Math.max(...sourceUnits.map((unit) => Math.max(holds(unit.terms, word), holds(unit.context, word))));
  const sourceEvidence = own.reduce((sum, word) => sum + word.weight * sourceHolds(word), 0) / total;
  const heaviest = Math.max(...own.map((word) => word.weight));
  const missing = own.filter((word) => Math.max(holds(best.terms, word), holds(best.context, word)) === 0);
  const missingRarest = missing.length === 0 ? 0 : Math.max(...missing.map((word) => word.weight)) / heaviest;
  const reading = {
    evidence,
    type: question.type,
    typeMatch: typeMatches.get(best),
    unknownShare,
    runnerUp,
    sourceEvidence,
    missingRarest,
  };
  if (confidence(reading) < settings.minConfidence) return { ...reading, found: false, quotes: [] };
  return { ...reading, found: true, quotes: pick(best, ranked, units, question.type) };
}

/** The reader's evidence as {@link confidence} weighs it (numbers, so that they can be fitted). */
export type ConfidenceFeatures = Record<Exclude<keyof typeof CONFIDENCE, 'bias'>, number>;

export function confidenceFeatures(reading: Omit<Reading, 'found' | 'quotes'>): ConfidenceFeatures {
  return {
    evidence: reading.evidence,
    sourceEvidence: reading.sourceEvidence,
    unknownShare: reading.unknownShare,
    missingRarest: reading.missingRarest,
    runnerUp: reading.runnerUp,
    typeMatch: reading.typeMatch === true ? 1 : 0,
    typeMismatch: reading.typeMatch === false ? 1 : 0,
  };
}

/**
 * How sure the reader is that the sources answer (a logistic score, 0..1), fitted on XQuAD in seven
 * languages with one article in six left out of the knowledge base (their questions are the "not
 * answerable" class), classes weighted equally: `node --import tsx bench/calibrate-reader.ts --fit`.
 * The features are correlated (evidence in the best unit, in its whole source, the share of words the
 * knowledge base never uses, the rarest word missing, the runner-up's margin, the answer type), so a
 * single coefficient's sign says little on its own; the fit as a whole is what was measured.
 */
export function confidence(reading: Omit<Reading, 'found' | 'quotes'>): number {
  const features = confidenceFeatures(reading);
  let z = CONFIDENCE.bias;
  for (const name of Object.keys(features) as (keyof ConfidenceFeatures)[])
    z += CONFIDENCE[name] * features[name];
  return 1 / (1 + Math.exp(-z));
}

/** Coefficients of {@link confidence} (see there how they were fitted). */
export const CONFIDENCE = {
  bias: -7.43,
  evidence: 5.18,
  sourceEvidence: 8.6,
  unknownShare: -1.56,
  missingRarest: 1.75,
  runnerUp: 0.83,
  typeMatch: -0.14,
  typeMismatch: -1.17,
} as const;

/** The units to quote, in document order: the best, its steps, or a second nearly as good. */
function pick(
  best: Unit,
  ranked: readonly Unit[],
  units: readonly Unit[],
  type: AnswerType | undefined,
): Unit[] {
  if (type === 'procedure' && best.item) {
    const steps = listAround(best, units);
    if (steps.length > 1) return steps;
  }
  const picked = [best];
  const second = ranked.find(
    (unit) =>
      unit !== best &&
      unit.score >= SECOND_SHARE * best.score &&
      unit.text.length + best.text.length <= TWO_UNITS_CHARS,
  );
  const next = units[units.indexOf(best) + 1];
  const sameParagraph = next !== undefined && next.source === best.source && next.line <= best.line + 1;
  if (second) picked.push(second);
  else if (sameParagraph && best.text.length + next.text.length <= SHORT_PAIR_CHARS) picked.push(next); // a short answer often goes on in the next sentence ("No. Use … instead.")
  return picked.sort((a, b) => a.source - b.source || a.start - b.start);
}

/**
 * The list a unit belongs to: the items of its source on consecutive lines around it, in order; when
 * the list is longer than the limits, a window around the unit (earlier steps first).
 */
function listAround(unit: Unit, units: readonly Unit[]): Unit[] {
  const at = units.indexOf(unit);
  const joined = (a: Unit, b: Unit) => a.item && b.item && a.source === b.source && b.line - a.line <= 1;
  let first = at;
  while (first > 0 && joined(units[first - 1]!, units[first]!)) first--;
  let last = at;
  while (last + 1 < units.length && joined(units[last]!, units[last + 1]!)) last++;
  let from = at;
  let to = at;
  let chars = unit.text.length;
  for (;;) {
    const before = from > first ? units[from - 1] : undefined;
    const after = to < last ? units[to + 1] : undefined;
    const next = before ?? after;
    if (!next || to - from + 1 >= MAX_STEPS || chars + next.text.length > STEPS_CHARS) break;
    if (next === before) from--;
    else to++;
    chars += next.text.length;
  }
  return units.slice(from, to + 1);
}

/** A configuration line is what the question asks for when it names the line's key ("the password"). */
function asksFor(unit: Unit, words: readonly QuestionWord[], settings: ReaderSettings): boolean {
  const key = /^\s*\[?([^=:\]]+)/u.exec(unit.text)?.[1] ?? '';
  const keyTerms = new Set(settings.tokenize(key));
  return words.some((word) => holds(keyTerms, word) > 0);
}

/**
 * Light stems for languages the analyzer leaves unstemmed. Japanese verbs and adjectives inflect in
 * their kana ending (送る, 送り, 送って; 休みたい): such a term also stands for its kanji stem. Hebrew
 * writes the conjunction, article and prepositions onto the word (ו, ה, ב, ל, מ, ש, כ: והחופשה,
 * בחופשה): such a term also stands for the word without one or two of them. Other terms pass unchanged.
 */
function withLightStems(terms: readonly string[]): Set<string> {
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
const SYLLABLE_LANGUAGES: ReadonlySet<string> = new Set(['vi']);

function withSyllablePairs(
  terms: Set<string>,
  text: string,
  language: string,
  settings: ReaderSettings,
): Set<string> {
  if (!SYLLABLE_LANGUAGES.has(language)) return terms;
  const syllables = settings.tokenize(text, language);
  for (let i = 0; i + 1 < syllables.length; i++) terms.add(`${syllables[i]} ${syllables[i + 1]}`);
  return terms;
}

/** How much of a question word a set of terms holds: 1, a Hangul word's share of bigrams, or 0. */
function holds(terms: ReadonlySet<string>, word: QuestionWord): number {
  if (word.forms.some((form) => terms.has(form))) return 1;
  if (word.bigrams.length === 0) return 0;
  const share = word.bigrams.filter((bigram) => terms.has(bigram)).length / word.bigrams.length;
  return share >= 0.5 ? share : 0;
}

/** The quotable units of the sources, each with its terms and its headings' terms. */
function unitsOf(sources: readonly SearchHit[], settings: ReaderSettings): Unit[] {
  const seen = new Set<string>();
  const units: Unit[] = [];
  sources.forEach((hit, source) => {
    const unsafe = settings.untrusted ? untrustedSpans(hit.text, hit.language, settings.untrusted) : [];
    const headings = new Set(
      settings.tokenize([hit.title ?? '', ...hit.headingPath].join('\n'), hit.language),
    );
    let announcer: ReadonlySet<string> = new Set();
    for (const sentence of splitSentences(hit.text, hit.language, settings.maxSentenceChars)) {
      const terms = withSyllablePairs(
        withLightStems(settings.tokenize(sentence.text, hit.language)),
        sentence.text,
        hit.language,
        settings,
      );
      if (sentence.kind === 'heading' || sentence.kind === 'question') {
        announcer = terms;
        continue;
      }
      if (overlapsAny(unsafe, sentence.start, sentence.start + sentence.text.length)) continue;
      const key = sentence.text.replace(/\s+/g, ' ').toLowerCase();
      if (seen.has(key)) continue; // overlapping chunks repeat sentences
      seen.add(key);
      units.push({
        ...sentence,
        source,
        terms,
        context: new Set([...headings, ...announcer]),
        score: 0,
        evidence: 0,
      });
    }
  });
  return units;
}

/**
 * Whether a term carries no meaning of its own in a language: a function word in the analyzer's own
 * form (stemmed, folded), or a Japanese particle or ending of one or two hiragana (は, が, ます).
 */
function createStopTerms(
  tokenize: ExtractiveGeneratorOptions['tokenize'],
): (term: string, language: string) => boolean {
  const cache = new Map<string, Set<string>>();
  return (term, language) => {
    let stop = cache.get(language);
    if (!stop) {
      stop = new Set<string>();
      for (const word of functionWords(language))
        for (const stopTerm of tokenize(word, language)) stop.add(stopTerm);
      cache.set(language, stop);
    }
    return stop.has(term) || /^\p{Script=Hiragana}{1,2}$/u.test(term);
  };
}

async function emit(pieces: readonly string[], options: GenerateOptions | undefined): Promise<void> {
  for (const piece of pieces) {
    throwIfAborted(options?.signal);
    options?.onText?.(piece);
    await new Promise((resolve) => setImmediate(resolve));
  }
  throwIfAborted(options?.signal);
}

function throwIfAborted(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw new DOMException('The operation was aborted.', 'AbortError');
}
