import type { SearchHit } from '../core/types.js';
import { type AnswerType, holdsAnswerType } from './answer-types.js';
import { type Coefficients, type ReadingEvidence, confidence } from './reader-confidence.js';
import {
  type QuestionReading,
  type QuestionWord,
  type Tokenize,
  holds,
  holdsLiterally,
  unitTerms,
} from './reader-question.js';
import { type Sentence, splitSentences } from './sentences.js';
import { type InstructionFinder, overlapsAny, untrustedSpans } from './untrusted-sentences.js';

/**
 * The extractive reader: scores every sentence, list item and table row of the sources by the
 * question words it and its headings hold, decides whether they answer (see reader-confidence.ts), and
 * picks what to quote.
 */

export interface ReaderSettings {
  readonly tokenize: Tokenize;
  readonly maxSentenceChars: number;
  readonly minConfidence: number;
  readonly untrusted: InstructionFinder | undefined;
  /** How the reader weighs a sentence encoder's similarities, when it is given them. */
  readonly encoder?: EncoderSettings | undefined;
}

export interface EncoderSettings {
  /**
   * How much the encoder's ranking counts beside the question's words in choosing what to quote: the
   * score of the unit the encoder ranks first is raised by this share, one at or below the median unit
   * keeps its own (0: it does not count; at most {@link MAX_ENCODER_WEIGHT}).
   */
  readonly weight: number;
  /**
   * The confidence and its threshold fitted with this encoder (reader-calibration.ts). Without them,
   * whether the sources answer is decided on the question's words alone, as without an encoder.
   */
  readonly calibration?: { readonly coefficients: Coefficients; readonly minConfidence: number } | undefined;
}

/**
 * The sentence encoder's view of the units: cosine similarity of each unit of {@link readerUnits},
 * in order (NaN for a unit it did not score), to the question as written (`question`: evidence that
 * the sources answer it) and, for a follow-up read with the question it continues, to both together
 * (`withEarlier`: which unit to quote). An earlier question never answers a new one by itself.
 */
export interface UnitSimilarities {
  readonly question: Float32Array;
  readonly withEarlier?: Float32Array | undefined;
}

/**
 * The most the encoder's ranking may count: a unit it lifts to first place then held at least half the
 * best unit's score by the question's words, as a second quote must ({@link SECOND_SHARE}): the
 * encoder chooses among units the words already found good enough to quote, never one from far below
 * the unit whose evidence decided that the sources answer.
 */
export const MAX_ENCODER_WEIGHT = 1;

/** A quotable unit of a source with what the reader found in it. */
export interface Unit extends Sentence {
  /** 0-based rank of its source in the request. */
  readonly source: number;
  /** Its source's document. */
  readonly doc: string;
  readonly terms: ReadonlySet<string>;
  /** Terms of its headings: the chunk's title and heading path, the line that announces it. */
  readonly context: ReadonlySet<string>;
  /** Which part of its source it is in: a heading or a question line starts the next one. */
  readonly section: number;
  score: number;
  /** The question's own weight it and its context hold. */
  held: number;
}

/** What the reader concluded. */
export interface Reading extends ReadingEvidence {
  readonly found: boolean;
  /** How sure it is that the sources answer (reader-confidence.ts), with the coefficients it used. */
  readonly confidence: number;
  /** Whether an encoder's similarities took part. */
  readonly encoded: boolean;
  readonly quotes: readonly Unit[];
  /** The unit it ranks first, which the quotes are built around (undefined when "not found"). */
  readonly best?: Unit | undefined;
  readonly type: AnswerType | undefined;
}

/** Later documents were ranked lower by retrieval: their units need a better match to be quoted. */
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
  /^(?:this (?:page|document|guide|article|section|policy)|the following|on this page|diese(?:r|s)? (?:seite|dokument|leitfaden|richtlinie)|auf dieser seite|cette (?:page|politique)|ce (?:document|guide)|esta (?:página|guía|política)|este (?:documento|artículo)|questa (?:pagina|guida)|このページ|本ページ|このドキュメント|本書|本页|本文|此页|本頁|หน้านี้|เอกสารนี้|이 (?:페이지|문서))/iu;

/**
 * Scores every unit of the sources, decides whether they answer, and picks what to quote. `units` are
 * the sources' {@link readerUnits} when the caller already split them (to have them encoded), and
 * `similarity` the encoder's view of them.
 */
export function read(
  sources: readonly SearchHit[],
  question: QuestionReading,
  settings: ReaderSettings,
  units: Unit[] = readerUnits(sources, settings),
  similarity?: UnitSimilarities,
): Reading {
  const none: Reading = {
    found: false,
    quotes: [],
    evidence: 0,
    knownEvidence: 0,
    type: question.type,
    typeMatch: undefined,
    unknownShare: 0,
    rarestUnknown: 0,
    runnerUp: 0,
    sourceEvidence: 0,
    sourceKnownEvidence: 0,
    ownWords: 0,
    sameDocument: 0,
    semanticBest: 0,
    semanticAgreement: 0,
    confidence: 0,
    encoded: false,
  };
  // Whether the sources answer is decided on the question's words, and on the encoder's view only with
  // a calibration fitted with that encoder: an uncalibrated encoder's similarities have no known scale.
  const calibration = similarity ? settings.encoder?.calibration : undefined;
  const nothing = (found: Partial<ReadingEvidence> = {}): Reading => {
    const reading = { ...none, ...found, encoded: similarity !== undefined };
    return { ...reading, confidence: confidence(reading, calibration?.coefficients) };
  };
  if (similarity && similarity.question.length !== units.length)
    throw new Error(`${similarity.question.length} similarities for ${units.length} units`);
  if (question.words.length === 0) return nothing();
  if (units.length === 0) return nothing();
  for (const unit of units) {
    unit.score = 0; // the same units may be read again (with the encoder's similarities)
    unit.held = 0;
  }

  // Every word ranks the units; the evidence that the sources answer comes from the question's own
  // words (an earlier question's words alone must not answer a new one), unless it has none ("それは？").
  const words = question.words;
  const own = words.some((word) => word.own) ? words.filter((word) => word.own) : words;
  const isOwn = new Set(own);
  // Evidence is measured against the question's whole weight and against the weight of the words the
  // knowledge base knows: an employee's everyday words ("my kid woke up with a fever") are often words
  // no document uses, which says less than a missing name in an encyclopedia question.
  const total = own.reduce((sum, word) => sum + word.weight, 0) || 1;
  const knownTotal = own.reduce((sum, word) => sum + (word.unknown ? 0 : word.weight), 0) || 1;
  const unknownWeights = own.filter((word) => word.unknown).map((word) => word.weight);
  const unknownShare = unknownWeights.reduce((sum, weight) => sum + weight, 0) / total;
  const rarestUnknown = Math.max(0, ...unknownWeights) / total;
  const averageLength = units.reduce((sum, unit) => sum + unit.terms.size, 0) / units.length || 1;

  // A document's chunks rank together: the passage that answers is often in the page's second chunk.
  const docRank = new Map<string, number>();
  for (const hit of sources) if (!docRank.has(hit.docId)) docRank.set(hit.docId, docRank.size);
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
      if (isOwn.has(word)) {
        // Another way of writing a word ("three" for "3") ranks the unit; evidence that the documents
        // answer is the question's words as written.
        const literal = holdsLiterally(unit.terms, word);
        ownDirect += word.weight * literal;
        ownContextual += literal < 1 ? word.weight * (1 - literal) * holdsLiterally(unit.context, word) : 0;
      }
    }
    unit.held = ownDirect + CONTEXT_EVIDENCE * ownContextual;
    if (direct === 0 && contextual === 0) return; // steps under "To request leave:" hold its words only in their announcer
    const typeMatch = question.type
      ? holdsAnswerType(question.type, unit.text, question.text, unit.item)
      : undefined;
    typeMatches.set(unit, typeMatch);
    const lengthNorm = 1 / Math.sqrt(Math.max(1, unit.terms.size / averageLength));
    let score =
      ((direct + CONTEXT_SCORE * contextual) * lengthNorm) / (1 + RANK_DECAY * docRank.get(unit.doc)!);
    if (typeMatch === true) score *= TYPE_MATCH;
    else if (typeMatch === false) score *= TYPE_MISMATCH;
    if (unit.kind === 'code' && !asksFor(unit, words, settings)) score *= CODE_SHARE;
    if (META_SENTENCE.test(unit.text)) score *= META_SHARE;
    unit.score += score;
    const next = units[i + 1];
    if (next && next.source === unit.source && next.line === unit.line && next.kind === 'statement')
      next.score += CONTINUATION_SHARE * score;
  });

  const semantic = similarity ? relativeSimilarities(similarity.question) : undefined;
  const ranked = units.filter((unit) => unit.score > 0).sort((a, b) => b.score - a.score);
  const best = ranked[0];
  if (!best) return nothing({ unknownShare, rarestUnknown, ownWords: own.length });
  const held = Math.max(
    best.held,
    ...ranked
      .slice(1, 3)
      .filter((u) => u.source === best.source)
      .map((u) => u.held * 0.9),
  );
  const runnerUp = (ranked[1]?.score ?? 0) / best.score;
  const sourceUnits = units.filter((unit) => unit.source === best.source);
  const sourceHolds = (word: QuestionWord) =>
    Math.max(
      ...sourceUnits.map((unit) =>
        Math.max(holdsLiterally(unit.terms, word), holdsLiterally(unit.context, word)),
      ),
    );
  const sourceHeld = own.reduce((sum, word) => sum + word.weight * sourceHolds(word), 0);
  const reading = {
    evidence: held / total,
    knownEvidence: held / knownTotal,
    type: question.type,
    typeMatch: typeMatches.get(best),
    unknownShare,
    rarestUnknown,
    runnerUp,
    sourceEvidence: sourceHeld / total,
    sourceKnownEvidence: sourceHeld / knownTotal,
    ownWords: own.length,
    sameDocument:
      sources.filter((hit) => hit.docId === best.doc).length / Math.max(sources.length, AGREEMENT_OF),
    semanticBest: semantic?.best ?? 0,
    semanticAgreement: semantic?.relative[units.indexOf(best)] ?? 0,
  };
  const sure = confidence(reading, calibration?.coefficients);
  const decided = { ...reading, confidence: sure, encoded: semantic !== undefined };
  if (sure < (calibration?.minConfidence ?? settings.minConfidence))
    return { ...decided, found: false, quotes: [] };
  let quoted = best;
  let order = ranked;
  const weight = Math.min(MAX_ENCODER_WEIGHT, settings.encoder?.weight ?? 0);
  if (semantic && weight > 0) {
    // The encoder helps choose what to quote among the units that hold the question's words: the unit
    // it ranks first has its score raised by `weight` (× 1.3 at 0.3), one at or below the median unit
    // keeps its own. It settles near ties (the right fact in other words than the question's) but never
    // quotes a unit that shares nothing with the question, nor one the words rank far below the best
    // (MAX_ENCODER_WEIGHT). docs/quality.md has the forms tried.
    const ranking = similarity?.withEarlier ? relativeSimilarities(similarity.withEarlier) : semantic;
    for (const [i, unit] of units.entries()) unit.score *= 1 + weight * ranking.relative[i]!;
    order = units.filter((unit) => unit.score > 0).sort((a, b) => b.score - a.score);
    quoted = order[0]!;
  }
  return {
    ...decided,
    found: true,
    best: quoted,
    quotes: topicList(own, question, quoted, units) ?? pick(quoted, order, units, question.type),
  };
}

/**
 * An encoder's similarities on its own scale made comparable between questions and models: 1 for the
 * unit it ranks first, 0 at or below the median unit (NaN, unscored, counts as 0). An encoder that
 * sees no difference (all alike) ranks nothing.
 */
function relativeSimilarities(similarity: Float32Array): { best: number; relative: Float32Array } {
  const scored = [...similarity].filter((value) => !Number.isNaN(value)).sort((a, b) => a - b);
  const relative = new Float32Array(similarity.length);
  if (scored.length === 0) return { best: 0, relative };
  const best = scored[scored.length - 1]!;
  const median = scored[Math.floor((scored.length - 1) / 2)]!;
  const spread = best - median;
  if (spread > 1e-6)
    similarity.forEach((value, i) => {
      if (!Number.isNaN(value)) relative[i] = Math.min(1, Math.max(0, (value - median) / spread));
    });
  return { best, relative };
}

/**
 * Retrieval's agreement is counted out of this many sources at least (what the answer service asks
 * for, and what the confidence was fitted on): a single source found is not five out of five.
 */
const AGREEMENT_OF = 5;

/** A question of this many words or fewer, without a question form, may just name a topic ("salary bands"). */
const TOPIC_WORDS = 3;

/**
 * A question that only names a topic ("salary bands", "VPN 設定") gets the list or table under the
 * heading that names it, in the best unit's document: the bands themselves rather than the sentence
 * that mentions them. A question ("Is remote work allowed?") is not a topic, however short.
 */
function topicList(
  own: readonly QuestionWord[],
  question: QuestionReading,
  best: Unit,
  units: readonly Unit[],
): Unit[] | undefined {
  if (!question.topicOnly || question.type || own.length > TOPIC_WORDS) return undefined;
  const named = units.find(
    (unit) =>
      unit.item &&
      unit.doc === best.doc &&
      own.every((word) => holds(unit.context, word) > 0 || holds(unit.terms, word) > 0),
  );
  if (!named) return undefined;
  const list = listAround(named, units);
  return list.length > 1 ? list : undefined;
}

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
  const at = units.indexOf(best);
  const next = units[at + 1];
  const previous = units[at - 1];
  const sameParagraph = next !== undefined && next.source === best.source && next.line <= best.line + 1;
  const sameLine = previous !== undefined && previous.source === best.source && previous.line === best.line;
  if (second) picked.push(second);
  else if (sameParagraph && best.text.length + next.text.length <= SHORT_PAIR_CHARS)
    picked.push(next); // a short answer often goes on in the next sentence ("No. Use … instead.")
  else if (sameLine && best.text.length + previous.text.length <= SHORT_PAIR_CHARS) picked.push(previous); // …or started in the one before ("Take it to reception. Do not leave it in the room.")
  return picked.sort((a, b) => a.source - b.source || a.start - b.start);
}

/**
 * The list a unit belongs to: the items of its source on consecutive lines around it, in order; when
 * the list is longer than the limits, a window around the unit (earlier steps first).
 */
function listAround(unit: Unit, units: readonly Unit[]): Unit[] {
  const at = units.indexOf(unit);
  // A table's separator row or a loose list's blank line stands between two items: one line apart at most.
  // A label between two lists ("Part-time:") starts a new section: the lists stay apart.
  const joined = (a: Unit, b: Unit) =>
    a.item && b.item && a.source === b.source && a.section === b.section && b.line - a.line <= 2;
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

/** The quotable units of the sources, each with its terms and its headings' terms. */
export function readerUnits(sources: readonly SearchHit[], settings: ReaderSettings): Unit[] {
  const seen = new Set<string>();
  const units: Unit[] = [];
  sources.forEach((hit, source) => {
    const unsafe = settings.untrusted ? untrustedSpans(hit.text, hit.language, settings.untrusted) : [];
    const headings = new Set(
      settings.tokenize([hit.title ?? '', ...hit.headingPath].join('\n'), hit.language),
    );
    let announcer: ReadonlySet<string> = new Set();
    let section = 0;
    for (const sentence of splitSentences(hit.text, hit.language, settings.maxSentenceChars)) {
      const terms = unitTerms(settings.tokenize(sentence.text, hit.language), hit.language);
      if (sentence.kind === 'heading' || sentence.kind === 'question') {
        announcer = terms;
        section++;
        continue;
      }
      if (overlapsAny(unsafe, sentence.start, sentence.start + sentence.text.length)) continue;
      const key = sentence.text.replace(/\s+/g, ' ').toLowerCase();
      if (seen.has(key)) continue; // overlapping chunks repeat sentences
      seen.add(key);
      units.push({
        ...sentence,
        source,
        doc: hit.docId,
        terms,
        context: new Set([...headings, ...announcer]),
        section,
        score: 0,
        held: 0,
      });
    }
  });
  return units;
}
