/**
 * The summary without a model: the document's most central sentences, each section of any size
 * represented, near-repeats left out, in the document's order. Pure: no I/O, no model.
 */
import { createStopTerms, idf, withLightStems, type Tokenize } from './reader-question.js';
import { type Sentence, splitSentences } from './sentences.js';
import { type InstructionFinder, overlapsAny, untrustedSpans } from './untrusted-sentences.js';

/** One part of what is summarised: a document's section, or one message of a thread. */
export interface SummarySection {
  /** Headings above the section, outermost first (for a message: its author). */
  readonly headingPath: readonly string[];
  readonly text: string;
}

/** A sentence chosen for the summary, verbatim, with the section it comes from. */
export interface SummarySentence {
  readonly text: string;
  /** Index into the sections given. */
  readonly section: number;
  /** Offset of `text` in its section's text. */
  readonly start: number;
  /** The sentence was cut out of a longer one: text comes before it (`before`) or after it (`after`). */
  readonly cut: Sentence['cut'];
}

export interface ExtractiveSummaryOptions {
  /** The retrieval analyzer: sentences are compared by the terms they share, as retrieval compares. */
  readonly tokenize: Tokenize;
  /** Finds instructions aimed at the assistant: a sentence that holds one is never quoted. */
  readonly untrusted?: InstructionFinder | undefined;
  /**
   * Share of the candidate text the summary aims for (default 0.15, the "about 15 %"); the
   * sentence counts below bound it either way.
   */
  readonly share?: number | undefined;
  /** Fewest sentences (default 3; fewer when the text has fewer) and most (default 12). */
  readonly minSentences?: number | undefined;
  readonly maxSentences?: number | undefined;
  /** Most characters of one quoted sentence before it is cut at a clause boundary (default 300). */
  readonly maxSentenceChars?: number | undefined;
}

interface Candidate {
  readonly sentence: Sentence;
  readonly section: number;
  /** TF-IDF vector over analyzer terms, unit length. */
  readonly vector: Map<string, number>;
  score: number;
}

/**
 * A section holding at least this share of the candidate text counts as major: it gets a sentence
 * even when the length budget alone would not reach it. 10 % was chosen by reading the summaries of
 * the sample knowledge base (examples/knowledge), where it keeps a page's main sections and drops
 * its one-line contact and "see also" sections; it is a judgement, not a measured optimum.
 */
const MAJOR_SHARE = 0.1;
/**
 * Maximal marginal relevance: how much centrality counts against likeness to what is already chosen
 * (0.7, the usual setting in MMR summarisers; not tuned here).
 */
const MMR_LAMBDA = 0.7;
/** A candidate this alike (cosine) to a chosen sentence says the same again: never chosen. */
const REPEAT_COSINE = 0.8;
/** The first sentence of a section tends to state its point: its centrality counts this much more. */
const LEAD_BONUS = 1.15;
/** Only this many of the most central candidates enter the MMR selection: bounds the work on a long document. */
const MMR_POOL = 300;
/** A sentence with fewer letters than this says too little alone ("Owner: IT.", "See below."). */
const MIN_LETTERS = 12;

/**
 * Chooses the summary's sentences. Candidates are the sections' statements (headings, questions,
 * code and configuration lines, table rows, bare links and sentences that instruct the assistant
 * are left out); each is scored by its TF-IDF cosine to the whole text's centroid and to its own
 * section's; the best sentence of each major section comes first, then the most central remaining
 * ones by MMR, until the length budget; and the chosen ones are returned in document order.
 */
export function extractiveSummary(
  sections: readonly SummarySection[],
  language: string | undefined,
  options: ExtractiveSummaryOptions,
): SummarySentence[] {
  const maxSentenceChars = options.maxSentenceChars ?? 300;
  const candidates = candidatesOf(sections, language, options, maxSentenceChars);
  if (candidates.length === 0) return [];
  weigh(candidates, language, options.tokenize);
  score(candidates, sections.length);

  const totalChars = candidates.reduce((sum, c) => sum + c.sentence.text.length, 0);
  const bySection = new Map<number, Candidate[]>();
  for (const c of candidates) bySection.set(c.section, [...(bySection.get(c.section) ?? []), c]);
  const sectionChars = (i: number) =>
    (bySection.get(i) ?? []).reduce((sum, c) => sum + c.sentence.text.length, 0);
  const major = [...bySection.keys()]
    .filter((i) => sectionChars(i) >= MAJOR_SHARE * totalChars)
    .sort((a, b) => sectionChars(b) - sectionChars(a));

  const min = options.minSentences ?? 3;
  const max = options.maxSentences ?? 12;
  const budgetChars = (options.share ?? 0.15) * totalChars;
  const averageChars = totalChars / candidates.length;
  const wanted = Math.min(
    candidates.length,
    Math.max(min, Math.min(max, Math.round(budgetChars / averageChars)), Math.min(max, major.length)),
  );

  const chosen: Candidate[] = [];
  let chars = 0;
  const repeats = (c: Candidate) => chosen.some((o) => cosine(o.vector, c.vector) >= REPEAT_COSINE);
  const take = (c: Candidate) => {
    chosen.push(c);
    chars += c.sentence.text.length;
  };
  for (const i of major) {
    if (chosen.length >= wanted) break;
    const best = [...bySection.get(i)!].sort((a, b) => b.score - a.score).find((c) => !repeats(c));
    if (best) take(best);
  }
  const pool = [...candidates].sort((a, b) => b.score - a.score).slice(0, MMR_POOL);
  while (chosen.length < wanted && (chosen.length < min || chars < budgetChars)) {
    let best: Candidate | undefined;
    let bestValue = Number.NEGATIVE_INFINITY;
    for (const c of pool) {
      if (chosen.includes(c)) continue;
      const likeness = Math.max(0, ...chosen.map((o) => cosine(o.vector, c.vector)));
      if (likeness >= REPEAT_COSINE) continue;
      const value = MMR_LAMBDA * c.score - (1 - MMR_LAMBDA) * likeness;
      if (value > bestValue) {
        bestValue = value;
        best = c;
      }
    }
    if (!best) break;
    take(best);
  }
  return chosen
    .sort((a, b) => a.section - b.section || a.sentence.start - b.sentence.start)
    .map((c) => ({
      text: c.sentence.text,
      section: c.section,
      start: c.sentence.start,
      cut: c.sentence.cut,
    }));
}

/**
 * The sections cut to their most central sentences, about `maxChars` in all, for a model that cannot
 * read the whole document: each section may keep a share of the budget in proportion to its length
 * (at least its best sentence), the most central sentences are taken first, and each section's are
 * kept in its order. Sections left with nothing have empty text (their numbers stay the same).
 * The same candidates as the extractive summary: no headings, code, table rows or instructions.
 */
export function condenseSections(
  sections: readonly SummarySection[],
  language: string | undefined,
  options: Pick<ExtractiveSummaryOptions, 'tokenize' | 'untrusted' | 'maxSentenceChars'> & {
    readonly maxChars: number;
  },
): SummarySection[] {
  const candidates = candidatesOf(sections, language, options, options.maxSentenceChars ?? 300);
  weigh(candidates, language, options.tokenize);
  score(candidates, sections.length);
  const totalChars = candidates.reduce((sum, c) => sum + c.sentence.text.length, 0);
  const sectionChars = new Array<number>(sections.length).fill(0);
  for (const c of candidates) sectionChars[c.section]! += c.sentence.text.length;
  const used = new Array<number>(sections.length).fill(0);
  const kept = new Set<Candidate>();
  let chars = 0;
  for (const c of [...candidates].sort((a, b) => b.score - a.score)) {
    const length = c.sentence.text.length;
    if (chars + length > options.maxChars) continue;
    const share = (options.maxChars * sectionChars[c.section]!) / Math.max(1, totalChars);
    if (used[c.section]! > 0 && used[c.section]! + length > share) continue;
    kept.add(c);
    used[c.section]! += length;
    chars += length;
  }
  const texts = sections.map(() => [] as string[]);
  for (const c of candidates) if (kept.has(c)) texts[c.section]!.push(c.sentence.text);
  return sections.map((section, i) => ({ headingPath: section.headingPath, text: texts[i]!.join(' ') }));
}

/** A line that is a link or an address and nothing else says nothing to summarise. */
const BARE_REFERENCE = /^(?:<?https?:\/\/\S+>?|\S+@\S+|[`*_~]*[\w./-]+[`*_~]*)$/u;
/** A table row as ingest stores it (cells between ` | `). */
const TABLE_ROW = /\S \| \S/u;

/**
 * The text with each table-row line blanked (same length, so offsets stay true): a row is dropped
 * whole before sentences are split, since a cell's second sentence no longer looks like a row.
 */
function withoutTableRows(text: string): string {
  return text.replace(/[^\n]+/gu, (line) => (TABLE_ROW.test(line) ? ' '.repeat(line.length) : line));
}

function candidatesOf(
  sections: readonly SummarySection[],
  language: string | undefined,
  options: ExtractiveSummaryOptions,
  maxSentenceChars: number,
): Candidate[] {
  const out: Candidate[] = [];
  sections.forEach((section, i) => {
    const unsafe = options.untrusted ? untrustedSpans(section.text, language, options.untrusted) : [];
    for (const sentence of splitSentences(withoutTableRows(section.text), language, maxSentenceChars)) {
      if (sentence.kind !== 'statement') continue;
      if (overlapsAny(unsafe, sentence.start, sentence.start + sentence.text.length)) continue;
      if (BARE_REFERENCE.test(sentence.text)) continue;
      if ((sentence.text.match(/\p{L}/gu)?.length ?? 0) < MIN_LETTERS) continue;
      out.push({ sentence, section: i, vector: new Map(), score: 0 });
    }
  });
  return out;
}

/** Gives each candidate its unit TF-IDF vector, the sentences being the documents. */
function weigh(candidates: Candidate[], language: string | undefined, tokenize: Tokenize): void {
  const isStop = createStopTerms(tokenize);
  const lang = language ?? 'und';
  const counts = candidates.map((c) => {
    const tf = new Map<string, number>();
    const terms = tokenize(c.sentence.text, language).filter((term) => !isStop(term, lang));
    for (const term of terms) tf.set(term, (tf.get(term) ?? 0) + 1);
    // A Japanese verb's kanji stem, a Hebrew word without its prefix: each once.
    for (const term of withLightStems(terms)) if (!tf.has(term)) tf.set(term, 1);
    return tf;
  });
  const df = new Map<string, number>();
  for (const tf of counts) for (const term of tf.keys()) df.set(term, (df.get(term) ?? 0) + 1);
  candidates.forEach((c, i) => {
    let norm = 0;
    for (const [term, n] of counts[i]!) {
      const w = (1 + Math.log(n)) * idf(candidates.length, df.get(term)!);
      c.vector.set(term, w);
      norm += w * w;
    }
    norm = Math.sqrt(norm);
    if (norm > 0) for (const [term, w] of c.vector) c.vector.set(term, w / norm);
  });
}

/**
 * Centrality: the cosine to the centroid of the whole text, and (as much) to the centroid of the
 * sentence's own section, so that a section on its own subject still has its central sentence;
 * the first candidate of a section gets {@link LEAD_BONUS}.
 */
function score(candidates: Candidate[], sectionCount: number): void {
  const global = centroid(candidates);
  const local = Array.from({ length: sectionCount }, () => [] as Candidate[]);
  for (const c of candidates) local[c.section]!.push(c);
  const locals = local.map((list) => (list.length > 1 ? centroid(list) : undefined));
  const seen = new Set<number>();
  for (const c of candidates) {
    const own = locals[c.section];
    const s = own ? 0.5 * cosine(c.vector, global) + 0.5 * cosine(c.vector, own) : cosine(c.vector, global);
    c.score = seen.has(c.section) ? s : s * LEAD_BONUS;
    seen.add(c.section);
  }
}

function centroid(candidates: readonly Candidate[]): Map<string, number> {
  const sum = new Map<string, number>();
  for (const c of candidates) for (const [term, w] of c.vector) sum.set(term, (sum.get(term) ?? 0) + w);
  let norm = 0;
  for (const w of sum.values()) norm += w * w;
  norm = Math.sqrt(norm);
  if (norm > 0) for (const [term, w] of sum) sum.set(term, w / norm);
  return sum;
}

function cosine(a: ReadonlyMap<string, number>, b: ReadonlyMap<string, number>): number {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let dot = 0;
  for (const [term, w] of small) {
    const v = large.get(term);
    if (v !== undefined) dot += w * v;
  }
  return dot;
}
