/**
 * The extractive generator as PolyDesk 0.1 shipped it (main at a0f7295), kept only as the baseline that
 * `npm run bench -- answers` times the current reader against in the same process. Not used by the product.
 */
import { t } from '../../src/core/i18n.js';
import type { SearchHit } from '../../src/core/types.js';
import { functionWords } from '../../src/inference/function-words.js';
import type {
  GenerateOptions,
  GenerationRequest,
  GenerationResult,
  Generator,
} from '../../src/inference/generator.js';
import { type Sentence, splitSentences } from '../../src/inference/sentences.js';
import {
  type InstructionFinder,
  overlapsAny,
  untrustedSpans,
} from '../../src/inference/untrusted-sentences.js';

/** Options of {@link createExtractiveGenerator}. */
export interface ExtractiveGeneratorOptions {
  /**
   * The retrieval analyzer (normalise, segment, stem): a sentence matches a question when they
   * share terms, exactly as a chunk matched it in retrieval.
   */
  readonly tokenize: (text: string, language?: string) => string[];
  /** Most sentences quoted (default 3). */
  readonly maxSentences?: number;
  /** Most characters quoted in all (default 900); a longer sentence is cut at a clause boundary. */
  readonly maxChars?: number;
  /** Most sources quoted from (default 3). */
  readonly maxSources?: number;
  /**
   * Share of the question's weight (its terms weighted by rarity in the sources) that the quoted
   * sentences must contain, default 0.25. Below it the sources share only a common word with the
   * question ("office" in "Is there a gym at the office?") and the answer is notFound.
   */
  readonly minCoverage?: number;
  /**
   * Finds instructions aimed at the assistant (prompt injection) in a source: a sentence that holds
   * one is never quoted, the document's other sentences still are. Default: none found.
   */
  readonly untrusted?: InstructionFinder | undefined;
}

/**
 * The always-available generator: no model, it quotes the sentences of the top sources that best
 * match the question, each with its `[n]` citation, under a heading in the asker's language. What it
 * shows is verbatim document text, so it can be wrong only by quoting the wrong sentence, never by
 * inventing one. When no sentence shares a meaningful word with the question, or the sentences cover
 * too little of it (see {@link ExtractiveGeneratorOptions.minCoverage}), it reports `notFound`.
 * A sentence that instructs the assistant (see {@link ExtractiveGeneratorOptions.untrusted}) is never quoted.
 */
export function createExtractiveGenerator(options: ExtractiveGeneratorOptions): Generator {
  const limits: Limits = {
    maxSentences: options.maxSentences ?? 3,
    maxChars: options.maxChars ?? 900,
    maxSources: options.maxSources ?? 3,
    minCoverage: options.minCoverage ?? 0.25,
  };
  const isStopTerm = createStopTerms(options.tokenize);
  return {
    name: 'extractive',
    async generate(request: GenerationRequest, generateOptions?: GenerateOptions): Promise<GenerationResult> {
      const signal = generateOptions?.signal;
      throwIfAborted(signal);
      const terms = new Set(
        options
          .tokenize(request.question, request.language)
          .filter((term) => !isStopTerm(term, request.language)),
      );
      const quotes =
        terms.size === 0
          ? []
          : pickQuotes(request.sources, terms, options.tokenize, limits, options.untrusted);
      if (quotes.length === 0) {
        const text = t(request.language, 'notFound');
        await emit([text], generateOptions);
        return { text, cited: [], generator: 'extractive', extractive: true, notFound: true };
      }
      const pieces = [
        `${t(request.language, 'extractive.intro')}\n\n`,
        ...quotes.map(
          (quote, i) => `> ${quote.text} [${quote.source + 1}]${i < quotes.length - 1 ? '\n' : ''}`,
        ),
      ];
      await emit(pieces, generateOptions);
      const cited = [...new Set(quotes.map((quote) => quote.source + 1))];
      return { text: pieces.join(''), cited, generator: 'extractive', extractive: true, notFound: false };
    },
  };
}

interface Limits {
  readonly maxSentences: number;
  readonly maxChars: number;
  readonly maxSources: number;
  readonly minCoverage: number;
}

interface Scored extends Sentence {
  /** 0-based index of the source in the request. */
  readonly source: number;
  score: number;
}

/** Later sources were ranked lower by retrieval: their sentences need a better match to be quoted. */
const RANK_DECAY = 0.3;
/** A sentence scoring below this share of the best one adds noise, not information. */
const RELATIVE_FLOOR = 0.3;
/**
 * A heading is never quoted and a question in a document (an FAQ's) rarely answers itself: the
 * sentence right after them inherits most of their match.
 */
const QUESTION_SHARE = 0.3;
const ANNOUNCED_SHARE = 0.7;
/** The next sentence of the same paragraph often finishes the thought ("After that, ..."). */
const CONTINUATION_SHARE = 0.3;

/** The best sentences for a question: by score, within the limits, then in source and document order. */
function pickQuotes(
  sources: readonly SearchHit[],
  terms: ReadonlySet<string>,
  tokenize: ExtractiveGeneratorOptions['tokenize'],
  limits: Limits,
  untrusted: InstructionFinder | undefined,
): Scored[] {
  const cap = Math.min(limits.maxChars, 400);
  const seen = new Set<string>();
  const candidates: Array<{ passage: Scored; terms: Set<string> }> = [];
  sources.forEach((hit, source) => {
    const unsafe = untrusted ? untrustedSpans(hit.text, hit.language, untrusted) : [];
    for (const passage of splitSentences(hit.text, hit.language, cap)) {
      if (overlapsAny(unsafe, passage.start, passage.start + passage.text.length)) continue;
      const key = passage.text.replace(/\s+/g, ' ').toLowerCase();
      if (seen.has(key)) continue; // overlapping chunks repeat sentences
      seen.add(key);
      const unitTerms = new Set(tokenize(passage.text, hit.language));
      candidates.push({ passage: { ...passage, source, score: 0 }, terms: unitTerms });
    }
  });
  if (candidates.length === 0) return [];

  const documentFrequency = new Map<string, number>();
  for (const term of terms) {
    documentFrequency.set(term, candidates.filter((candidate) => candidate.terms.has(term)).length);
  }
  const idf = (term: string) => {
    const df = documentFrequency.get(term) ?? 0;
    return Math.log(1 + (candidates.length - df + 0.5) / (df + 0.5));
  };
  const averageLength = candidates.reduce((sum, c) => sum + c.terms.size, 0) / candidates.length || 1;

  candidates.forEach(({ passage, terms: unitTerms }, i) => {
    let overlap = 0;
    for (const term of terms) if (unitTerms.has(term)) overlap += idf(term);
    if (overlap === 0) return;
    const lengthNorm = 1 / Math.sqrt(Math.max(1, unitTerms.size / averageLength));
    const score = (overlap * lengthNorm) / (1 + RANK_DECAY * passage.source);
    const next = candidates[i + 1]?.passage;
    const follows = next !== undefined && next.source === passage.source && next.kind === 'statement';
    if (passage.kind === 'statement') {
      passage.score += score;
      if (follows && next.line === passage.line) next.score += CONTINUATION_SHARE * score;
    } else {
      passage.score += passage.kind === 'question' ? QUESTION_SHARE * score : 0;
      if (follows) next.score += ANNOUNCED_SHARE * score;
    }
  });

  const ranked = candidates.map((c) => c.passage).filter((p) => p.score > 0 && p.kind !== 'heading');
  ranked.sort((a, b) => b.score - a.score);
  const best = ranked[0]?.score ?? 0;
  const picked: Scored[] = [];
  const usedSources = new Set<number>();
  let chars = 0;
  for (const passage of ranked) {
    if (picked.length >= limits.maxSentences || passage.score < RELATIVE_FLOOR * best) break;
    if (!usedSources.has(passage.source) && usedSources.size >= limits.maxSources) continue;
    if (picked.length > 0 && chars + passage.text.length > limits.maxChars) continue;
    picked.push(passage);
    usedSources.add(passage.source);
    chars += passage.text.length;
  }

  const termsOf = new Map(candidates.map((c) => [c.passage, c.terms]));
  let total = 0;
  let covered = 0;
  for (const term of terms) {
    total += idf(term);
    if (picked.some((passage) => termsOf.get(passage)?.has(term))) covered += idf(term);
  }
  if (covered < limits.minCoverage * total) return [];
  return picked.sort((a, b) => a.source - b.source || a.start - b.start);
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
