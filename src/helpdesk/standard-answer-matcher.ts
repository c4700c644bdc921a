import { createStopTerms } from '../inference/reader-question.js';
import { type Embedder, cosine } from '../rag/embedder.js';
import type { Lexicon } from '../rag/lexicon.js';
import { type Asks, questionAsks } from './question-words.js';
import { analyze, analyzeWordSpans, normalizeText, primaryLanguage } from '../rag/text-analyzer.js';

/**
 * Whether a new question means the same as a standard answer's question. Not keywords: the
 * retrieval analyzer's words (segmented in Japanese, Chinese and Thai, stemmed, Hebrew prefixes
 * off), character pairs of unspaced scripts, and the concept lexicon's workplace concepts (the same
 * concept in every language), each weighted by how rare it is; the score is symmetric, so a
 * question that adds or drops what the subject turns on ("carry over" vacation vs vacation) falls
 * short. With an encoder, the cosine of the two questions' embeddings is blended in.
 * docs/quality.md ("Standard answers: matching") has the measurements behind each choice.
 */

/**
 * The score from which a question gets a standard answer (`STANDARD_ANSWER_MIN_SCORE`). A standard
 * answer replaces retrieval, so a wrong one is worse than a question left to the documents: chosen on
 * the development split of test/corpus/standard-answer-pairs with `bench/standard-answer-pairs.ts`
 * (lexical, no encoder) as the threshold, of 0.20, 0.25, …, 0.85, with the highest F0.25 "as
 * deployed" (the best of all standards given; precision weighs 16 times recall). No threshold reaches
 * 75% precision there (the most is 68%): near misses score like paraphrases. The test split was
 * scored once, after; docs/quality.md has both.
 */
export const DEFAULT_MIN_SCORE = 0.6;

/**
 * The share of the score that comes from the concepts two questions name, the rest from their words
 * (chosen on the same development split; 0.3 and 0.7 were within a pair of it).
 */
export const CONCEPT_SHARE = 0.5;

/**
 * The score of two questions that ask for different kinds of thing (a time, an amount, a reason, a
 * way) is multiplied by this (chosen on the development split among 1, 0.7, 0.5, 0.3).
 */
export const OTHER_QUESTION = 0.3;

/**
 * multilingual-e5's cosine similarities lie between about 0.7 and 1 whatever the texts (its model
 * card says so): the cosine is rescaled from this floor to 1 before it is blended in, so unrelated
 * questions add nothing. Not calibrated here (no real encoder on the build machines): calibrate the
 * threshold with the bench and EMBEDDING_MODEL_DIR before relying on it.
 */
export const COSINE_FLOOR = 0.8;

/** One text a standard answer answers: its question, a phrasing, or its title. */
interface Wording {
  readonly features: Features;
  vector?: Float32Array | undefined;
}

/** What a matcher is given: the answers that may be given, each with the wordings it answers. */
export interface MatchableAnswer {
  readonly id: string;
  /** The question first, then other wordings (phrasings, the title). */
  readonly wordings: readonly string[];
  /** Ties go to the oldest answer (then the smaller id), so the same question always gets the same one. */
  readonly createdAt: string;
}

export interface MatchResult {
  readonly id: string;
  readonly score: number;
}

/** A text's features: analyzer words (by stem), character pairs, concepts; each with its every form. */
interface Features {
  /** Feature key → the forms under which it is found in another text. */
  readonly keys: ReadonlyMap<string, readonly string[]>;
  /** What the text asks for by its question words (when, where, how many...). */
  readonly asks: ReadonlySet<Asks>;
  /** Every form of every key: what another text's features are looked up in. */
  readonly forms: ReadonlySet<string>;
}

export interface MatcherOptions {
  readonly lexicon?: Lexicon | undefined;
  /** Detects a wording's language (standard answers may be written in any). */
  readonly detectLanguage: (text: string) => string;
  /** How many chunks of the knowledge base hold an analyzer term, and how many there are: rarity beyond the standard answers' own. */
  readonly documentFrequency?: ((term: string) => number) | undefined;
  readonly documentCount?: (() => number) | undefined;
  readonly embedder?: Embedder | undefined;
  /** Ablations for the bench; defaults are the measured best. */
  readonly concepts?: boolean | undefined;
  readonly pairs?: boolean | undefined;
  readonly asks?: boolean | undefined;
}

/**
 * Runs of unspaced scripts whose character pairs are features too, so that a compound segmented one
 * way in one question and another way in the other still meets (年末調整 / 年末 調整). Hiragana is
 * left out: it writes the grammar between content words (の, です, すか), whose pairs matched
 * everything with everything.
 */
const UNSPACED_RUN =
  /[\p{Script=Han}\p{Script=Katakana}ー]+|\p{Script=Hangul}+|[\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}]+/gu;
const isStopTerm = createStopTerms(analyze);

/** The features of one text in a language. */
export function featuresOf(
  text: string,
  language: string | undefined,
  options: Pick<MatcherOptions, 'lexicon' | 'concepts' | 'pairs' | 'asks'> = {},
): Features {
  const lang = primaryLanguage(language);
  const normalized = normalizeText(text);
  const keys = new Map<string, readonly string[]>();
  // Words that name a concept also match any other word for it, in any language: the concept is one
  // of their forms.
  const concepts =
    options.concepts !== false && options.lexicon && lang ? options.lexicon.matches(normalized, lang) : [];
  const conceptsAt = (start: number, end: number) =>
    concepts.filter((c) => c.start <= start && end <= c.end).map((c) => `c:${c.concept}`);
  for (const word of analyzeWordSpans(normalized, lang)) {
    const forms = word.forms.filter((form) => !isStopTerm(form, lang ?? 'en') && !isStopTerm(form, 'en'));
    if (forms.length < word.forms.length || forms.length === 0) continue;
    // Keyed by the last form (the stem, or the word without its Hebrew prefix): the most general.
    keys.set(`w:${forms[forms.length - 1]}`, [
      ...forms.map((form) => `w:${form}`),
      ...conceptsAt(word.start, word.end),
    ]);
  }
  if (options.pairs !== false) {
    for (const run of normalized.matchAll(UNSPACED_RUN)) {
      const chars = Array.from(run[0]);
      let at = run.index;
      for (let i = 0; i + 1 < chars.length; i++) {
        const pair = `p:${chars[i]}${chars[i + 1]}`;
        const end = at + chars[i]!.length + chars[i + 1]!.length;
        keys.set(pair, [pair, ...conceptsAt(at, end)]);
        at += chars[i]!.length;
      }
    }
  }
  const forms = new Set<string>();
  for (const list of keys.values()) for (const form of list) forms.add(form);
  return { keys, forms, asks: options.asks === false ? new Set() : questionAsks(normalized, lang) };
}

/** The fewest documents rarity is computed over (about the development split's standard questions). */
const MIN_DOCUMENTS = 30;

/** Rarity of features over a collection of texts (the standard answers), plus the knowledge base's. */
export class Rarity {
  private readonly df = new Map<string, number>();
  private count = 0;

  constructor(
    private readonly knowledge: {
      readonly frequency?: ((term: string) => number) | undefined;
      readonly count?: (() => number) | undefined;
    } = {},
  ) {}

  /** Counts one document (one standard answer: the union of its wordings' features). */
  add(features: Iterable<string>): void {
    this.count += 1;
    for (const key of new Set(features)) this.df.set(key, (this.df.get(key) ?? 0) + 1);
  }

  /** BM25's idf over the standard answers and the knowledge base's chunks together. */
  weight(key: string): number {
    let n = this.count;
    let df = this.df.get(key) ?? 0;
    // Words are also looked up among the knowledge base's chunks; pairs and concepts are not terms of it.
    if (key.startsWith('w:') && this.knowledge.frequency && this.knowledge.count) {
      n += this.knowledge.count();
      df += this.knowledge.frequency(key.slice(2));
    }
    // A handful of answers says nothing about how rare a word is: with one answer, a word of the
    // question it lacks would weigh five times a word they share. Counted as at least MIN_DOCUMENTS.
    n = Math.max(n, MIN_DOCUMENTS);
    return Math.log(1 + (n - df + 0.5) / (df + 0.5));
  }
}

/** The weighted share of `a`'s features that `b` has. */
function coverage(a: Features, b: Features, weight: (key: string) => number): number {
  let total = 0;
  let found = 0;
  for (const [key, forms] of a.keys) {
    const w = weight(key);
    total += w;
    if (forms.some((form) => b.forms.has(form))) found += w;
  }
  return total === 0 ? 0 : found / total;
}

function conceptsOf(features: Features): Set<string> {
  return new Set([...features.forms].filter((f) => f.startsWith('c:')));
}

/**
 * Who, where and how all ask the way to get something done ("who do I tell" = "where do I report" =
 * "how do I report": paraphrases use them in turn); a time, an amount and a reason are each another
 * thing to ask for.
 */
const ASKED: Readonly<Record<Asks, string>> = {
  who: 'way',
  where: 'way',
  how: 'way',
  when: 'time',
  amount: 'amount',
  why: 'reason',
};

/** Both ask for something, and not for the same kind of thing. */
function asksOtherThing(a: ReadonlySet<Asks>, b: ReadonlySet<Asks>): boolean {
  if (a.size === 0 || b.size === 0) return false;
  const kinds = new Set([...b].map((x) => ASKED[x]));
  for (const x of a) if (kinds.has(ASKED[x])) return false;
  return true;
}

/**
 * How much two texts mean the same, 0 to 1. Words: the harmonic mean of the weighted share of each
 * one's words found in the other (a word naming a concept is found by any word for it). Concepts: the
 * weighted Jaccard of the concepts they name, so a question about another subject than the standard
 * one loses even where most words agree. Averaged ({@link CONCEPT_SHARE}; words alone when neither
 * names a concept), then lowered when they ask for different kinds of thing ({@link OTHER_QUESTION}).
 */
export function lexicalSimilarity(a: Features, b: Features, weight: (key: string) => number): number {
  const ab = coverage(a, b, weight);
  const ba = coverage(b, a, weight);
  const words = ab + ba === 0 ? 0 : (2 * ab * ba) / (ab + ba);
  const ca = conceptsOf(a);
  const cb = conceptsOf(b);
  let score = words;
  if (ca.size > 0 || cb.size > 0) {
    let shared = 0;
    let union = 0;
    for (const c of new Set([...ca, ...cb])) {
      const w = weight(c);
      union += w;
      if (ca.has(c) && cb.has(c)) shared += w;
    }
    score = (1 - CONCEPT_SHARE) * words + CONCEPT_SHARE * (union === 0 ? 0 : shared / union);
  }
  return asksOtherThing(a.asks, b.asks) ? score * OTHER_QUESTION : score;
}

/** The lexical score blended with the encoder's rescaled cosine (see {@link COSINE_FLOOR}). */
export function blend(lexical: number, cos: number | undefined): number {
  if (cos === undefined) return lexical;
  const semantic = Math.min(1, Math.max(0, (cos - COSINE_FLOOR) / (1 - COSINE_FLOOR)));
  return (lexical + semantic) / 2;
}

/** A matcher over a fixed set of standard answers (rebuild it when they change). */
export interface StandardAnswerIndex {
  /** The best-scoring answer among `allowed` (all when absent), whatever its score; undefined when none shares anything. */
  best(
    question: { readonly text: string; readonly language: string },
    allowed?: (id: string) => boolean,
  ): Promise<MatchResult | undefined>;
}

/** Builds the features (and embeddings) of the answers' wordings once. */
export async function buildStandardAnswerIndex(
  answers: readonly MatchableAnswer[],
  options: MatcherOptions,
): Promise<StandardAnswerIndex> {
  const rarity = new Rarity({ frequency: options.documentFrequency, count: options.documentCount });
  const entries = answers.map((answer) => {
    const wordings: Wording[] = [...new Set(answer.wordings.map((w) => w.trim()).filter(Boolean))].map(
      (text) => {
        const language = primaryLanguage(options.detectLanguage(text));
        return { features: featuresOf(text, language, options) };
      },
    );
    rarity.add(wordings.flatMap((w) => [...w.features.keys.keys(), ...conceptsOf(w.features)]));
    return { answer, wordings, texts: [...new Set(answer.wordings.map((w) => w.trim()).filter(Boolean))] };
  });
  if (options.embedder) {
    const texts = entries.flatMap((e) => e.texts);
    const vectors = texts.length > 0 ? await options.embedder.embed(texts, 'query') : [];
    let i = 0;
    for (const entry of entries) for (const wording of entry.wordings) wording.vector = vectors[i++];
  }
  const weight = (key: string) => rarity.weight(key);
  // Oldest first, so that among equal scores the first one found stays.
  const ordered = [...entries].sort(
    (x, y) => x.answer.createdAt.localeCompare(y.answer.createdAt) || x.answer.id.localeCompare(y.answer.id),
  );
  return {
    async best(question, allowed) {
      const language = primaryLanguage(question.language);
      const query = featuresOf(question.text, language, options);
      const candidates = ordered.filter((e) => !allowed || allowed(e.answer.id));
      if (candidates.length === 0) return undefined;
      const vector =
        options.embedder && candidates.length > 0
          ? (await options.embedder.embed([question.text], 'query'))[0]
          : undefined;
      let best: MatchResult | undefined;
      for (const entry of candidates) {
        let score = 0;
        for (const wording of entry.wordings) {
          const lexical = lexicalSimilarity(query, wording.features, weight);
          const s = blend(lexical, vector && wording.vector ? cosine(vector, wording.vector) : undefined);
          if (s > score) score = s;
        }
        if (score > 0 && (!best || score > best.score)) best = { id: entry.answer.id, score };
      }
      return best;
    },
  };
}
