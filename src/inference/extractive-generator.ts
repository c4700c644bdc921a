import { t } from '../core/i18n.js';
import type { GenerateOptions, GenerationRequest, GenerationResult, Generator } from './generator.js';
import { type EncoderSettings, type Reading, type ReaderSettings, read, readerUnits } from './reader.js';
import { DEFAULT_MIN_CONFIDENCE } from './reader-confidence.js';
import {
  type TermStatistics,
  type Tokenize,
  createStopTerms,
  readQuestion,
  sourcesAsCorpus,
} from './reader-question.js';
import type { UnitEncoder } from './unit-encoder.js';
import type { InstructionFinder } from './untrusted-sentences.js';

/** Options of {@link createExtractiveGenerator}. */
export interface ExtractiveGeneratorOptions {
  /**
   * The retrieval analyzer (normalise, segment, stem): a sentence matches a question when they
   * share terms, exactly as a chunk matched it in retrieval.
   */
  readonly tokenize: Tokenize;
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
  /**
   * A sentence encoder (EMBEDDING_MODEL_DIR) that scores the units too, so that a sentence saying the
   * same in other words can be quoted; with a calibration fitted with it, it also takes part in
   * deciding whether the sources answer. Default: none.
   */
  readonly encoder?: (EncoderSettings & { readonly encoder: UnitEncoder }) | undefined;
}

/** The extractive generator, with its reasoning open for measurement (bench/calibrate-reader.ts). */
export interface ExtractiveGenerator extends Generator {
  /** What the reader concludes about a request, without writing the answer (and without the encoder). */
  explain(request: GenerationRequest): Reading;
  /** The same with the encoder, when one is configured: what `generate` decides on. */
  explainEncoded(request: GenerationRequest, signal?: AbortSignal): Promise<Reading>;
}

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
    encoder: options.encoder,
  };
  const question = (request: GenerationRequest) =>
    readQuestion(request, words, isStopTerm, corpusFor(request));
  const explain = (request: GenerationRequest) => read(request.sources, question(request), settings);
  const explainEncoded = async (request: GenerationRequest, signal?: AbortSignal) => {
    const encoding = options.encoder;
    if (!encoding) return explain(request);
    const reading = question(request);
    const units = readerUnits(request.sources, settings);
    // Without a calibration the encoder cannot change "not found", only the quote: a question the
    // words leave unanswered (or a weight of 0) is not encoded at all.
    if (!encoding.calibration) {
      const lexical = read(request.sources, reading, settings, units);
      if (!lexical.found || encoding.weight <= 0) return lexical;
    }
    // The unit's document title travels with it: "Wellness allowance: up to 30 EUR a month" says more
    // than its sentence alone.
    const texts = units.map((unit) => {
      const title = request.sources[unit.source]?.title;
      return title ? `${title}: ${unit.text}` : unit.text;
    });
    // A follow-up that leans on an earlier question ("And for part-timers?") chooses its quote with
    // both; whether the sources answer it is the question's own evidence. Both at once: one wait.
    const [alone, withEarlier] = await Promise.all([
      encoding.encoder.similarities(request.question, texts, signal),
      request.followUpOf
        ? encoding.encoder.similarities(`${request.followUpOf}\n${request.question}`, texts, signal)
        : undefined,
    ]);
    if (!alone) return read(request.sources, reading, settings, units);
    return read(request.sources, reading, settings, units, { question: alone, withEarlier });
  };
  return {
    name: 'extractive',
    explain,
    explainEncoded,
    async generate(request: GenerationRequest, generateOptions?: GenerateOptions): Promise<GenerationResult> {
      throwIfAborted(generateOptions?.signal);
      const reading = await explainEncoded(request, generateOptions?.signal);
      throwIfAborted(generateOptions?.signal);
      if (!reading.found) {
        const text = t(request.language, 'notFound');
        await emit([text], generateOptions);
        return {
          text,
          cited: [],
          generator: 'extractive',
          extractive: true,
          notFound: true,
          confidence: reading.confidence,
        };
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
      return {
        text: pieces.join(''),
        cited,
        generator: 'extractive',
        extractive: true,
        notFound: false,
        confidence: reading.confidence,
      };
    },
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
