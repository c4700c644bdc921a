/**
 * The summary with a model: map-reduce, so that a document of any length fits a small context
 * (PolyLM's 2,048 tokens). The sections are packed into parts that fit the model's context with the
 * prompt and the reply; each part is summarised ("map"), citing its sections as [n]; the partial
 * summaries are combined ("reduce"), in groups that fit and again until one is left. A single part
 * is summarised at once. Instructions to the assistant in the document never reach a prompt.
 *
 * Bounded: a long document is not read whole. When its sections need more parts than half the call
 * budget, the model reads each section's most central sentences instead (chosen as the extractive
 * summary chooses them, each section's share in proportion to its length), so that a 100-page PDF
 * takes a bounded number of calls; the calls and the total time have limits of their own.
 */
import { GenerationDeadlineError } from './llm-generator.js';
import { extractCitations } from './citations.js';
import { type SummarySection, condenseSections } from './extractive-summary.js';
import type { Tokenize } from './reader-question.js';
import { type PromptSection, mapMessages, reduceMessages } from './summary-prompt.js';
import type { ChatMessage, TextEngine } from './text-engine.js';
import { type InstructionFinder, withoutInstructions } from './untrusted-sentences.js';
import { splitSentences } from './sentences.js';

export interface AbstractiveSummaryOptions {
  readonly engine: TextEngine;
  /** Most tokens of one reply, map or reduce (default 256). */
  readonly maxTokens?: number | undefined;
  /** How long one model call may take (GENERATION_DEADLINE_MS); the summary fails when one misses it. */
  readonly deadlineMs?: number | undefined;
  /** How long the whole summary may take, all calls together (SUMMARY_DEADLINE_MS); it fails past it. */
  readonly totalDeadlineMs?: number | undefined;
  /**
   * Most model calls (SUMMARY_MAX_MODEL_CALLS; default unbounded): at most half of them read the
   * document (map), the rest combine; a summary that would need more fails before its first call.
   */
  readonly maxCalls?: number | undefined;
  /**
   * The retrieval analyzer, to choose a long document's central sentences for the map step; without
   * it the document is read whole (and `maxCalls` may refuse it).
   */
  readonly tokenize?: Tokenize | undefined;
  readonly untrusted?: InstructionFinder | undefined;
  /** Language of a text, to refuse a summary written in another language than asked. */
  readonly detectLanguage: (text: string, hint?: string) => string;
}

export interface AbstractiveSummaryRequest {
  readonly sections: readonly SummarySection[];
  readonly language: string;
  /** Sentences the final summary is asked for (the extractive summary's count is a good guide). */
  readonly sentences: number;
  readonly signal?: AbortSignal | undefined;
  /** Before the model reads part `part` (1-based) of `parts`. */
  readonly onPart?: ((part: number, parts: number) => void) | undefined;
  /** The final reply's text as it is written, delta by delta. */
  readonly onText?: ((delta: string) => void) | undefined;
}

export interface AbstractiveSummary {
  readonly text: string;
  /** 1-based section numbers cited, in first-cited order. */
  readonly cited: readonly number[];
  /** Model calls made (map and reduce). */
  readonly calls: number;
}

/** Why the model's summary cannot be used (the caller gives the extractive one instead). */
export class UnusableSummaryError extends Error {
  override name = 'UnusableSummaryError';
}

/** Tokens kept free besides the prompt and the reply: the engine's own framing, counting slack. */
const MARGIN_TOKENS = 32;
/**
 * Shrinking a long document to the map budget: the share of the proportional character budget aimed
 * for (parts are packed whole, so a little under the proportion is needed to land within it), and
 * how many times it is tried. Chosen by reasoning, checked on the bench's generated 10- and 100-page
 * documents (one try sufficed there); not tuned.
 */
const CONDENSE_SLACK = 0.9;
const MAX_CONDENSE_TRIES = 3;

/** Writes the summary; throws when the model fails, misses a deadline or writes nothing usable. */
export async function writeAbstractiveSummary(
  options: AbstractiveSummaryOptions,
  request: AbstractiveSummaryRequest,
): Promise<AbstractiveSummary> {
  const { engine } = options;
  const maxTokens = options.maxTokens ?? 256;
  const budget = engine.contextTokens - maxTokens - MARGIN_TOKENS;
  const maxCalls = options.maxCalls ?? Number.POSITIVE_INFINITY;
  const total =
    options.totalDeadlineMs === undefined ? undefined : AbortSignal.timeout(options.totalDeadlineMs);
  let calls = 0;
  const complete = async (messages: readonly ChatMessage[], onText?: (delta: string) => void) => {
    if (calls >= maxCalls)
      throw new UnusableSummaryError(`the summary needs more than ${maxCalls} model calls`);
    calls++;
    const deadline = options.deadlineMs === undefined ? undefined : AbortSignal.timeout(options.deadlineMs);
    const signal = AbortSignal.any([
      ...(request.signal ? [request.signal] : []),
      ...(deadline ? [deadline] : []),
      ...(total ? [total] : []),
    ]);
    try {
      const completion = await engine.complete(messages, { maxTokens, signal, onText });
      return completion.text.trim();
    } catch (error) {
      if (request.signal?.aborted) throw error;
      if (total?.aborted)
        throw new GenerationDeadlineError(`the summary took over ${options.totalDeadlineMs} ms`, {
          cause: error,
        });
      if (deadline?.aborted)
        throw new GenerationDeadlineError(`a summary step took over ${options.deadlineMs} ms`, {
          cause: error,
        });
      throw error;
    }
  };

  const sections: PromptSection[] = request.sections.map((s, i) => ({
    n: i + 1,
    heading: s.headingPath.join(' › '),
    text: options.untrusted ? withoutInstructions(s.text, request.language, options.untrusted) : s.text,
  }));
  if (engine.countTokens(mapMessages([], request.language, request.sentences)) >= budget)
    throw new UnusableSummaryError("the model's context is too small for a summary prompt");
  const mapParts = Math.max(1, Math.floor(maxCalls / 2));
  let parts = packSections(sections, request.language, request.sentences, engine, budget);
  // Too long to read whole: the sections' central sentences, shrunk until they fit the map budget.
  for (let tries = 0; tries < MAX_CONDENSE_TRIES && parts.length > mapParts && options.tokenize; tries++) {
    const chars = parts.flat().reduce((sum, s) => sum + s.text.length, 0);
    const condensed = condenseSections(request.sections, request.language, {
      tokenize: options.tokenize,
      untrusted: options.untrusted,
      maxChars: Math.floor(chars * (mapParts / parts.length) * CONDENSE_SLACK ** (tries + 1)),
    });
    parts = packSections(
      sections.map((s, i) => ({ ...s, text: condensed[i]!.text })),
      request.language,
      request.sentences,
      engine,
      budget,
    );
  }
  if (parts.length === 0) throw new UnusableSummaryError('nothing to summarise');
  if (parts.length > mapParts && parts.length > 1)
    throw new UnusableSummaryError(`the document needs ${parts.length} model calls to read, over the limit`);
  const count = request.sections.length;

  if (parts.length === 1) {
    request.onPart?.(1, 1);
    const text = await complete(mapMessages(parts[0]!, request.language, request.sentences), request.onText);
    return usable(text, count, request.language, options, calls);
  }
  let partials: string[] = [];
  for (const [i, part] of parts.entries()) {
    request.onPart?.(i + 1, parts.length);
    const perPart = Math.max(2, Math.ceil(request.sentences / parts.length) + 1);
    const text = await complete(mapMessages(part, request.language, perPart));
    if (text && extractCitations(text, count).cited.length > 0) partials.push(text);
  }
  if (partials.length === 0) throw new UnusableSummaryError('no part was summarised with a citation');
  // Reduce in groups that fit, until one group takes them all (the final reply, streamed).
  for (;;) {
    const groups = packParts(partials, request.language, request.sentences, engine, budget);
    if (groups.length === 1) {
      const text = await complete(
        reduceMessages(groups[0]!, request.language, request.sentences),
        request.onText,
      );
      return usable(text, count, request.language, options, calls);
    }
    if (groups.length >= partials.length)
      throw new UnusableSummaryError('the partial summaries do not shrink');
    partials = [];
    for (const group of groups) {
      const text = await complete(reduceMessages(group, request.language, request.sentences));
      if (text) partials.push(text);
    }
  }
}

function usable(
  text: string,
  sections: number,
  language: string,
  options: AbstractiveSummaryOptions,
  calls: number,
): AbstractiveSummary {
  if (!text) throw new UnusableSummaryError('the model wrote nothing');
  const { text: cleaned, cited } = extractCitations(text, sections);
  if (cited.length === 0) throw new UnusableSummaryError('the summary cites no section');
  const written = options.detectLanguage(cleaned, language);
  if (written !== language) throw new UnusableSummaryError(`the summary is in ${written}, not ${language}`);
  return { text: cleaned, cited, calls };
}

/**
 * Packs the sections, in order, into as few parts as fit the budget with the map prompt; a section
 * too long for one part is cut between sentences (each piece keeps its number).
 */
function packSections(
  sections: readonly PromptSection[],
  language: string,
  sentences: number,
  engine: TextEngine,
  budget: number,
): PromptSection[][] {
  const fits = (part: readonly PromptSection[]) =>
    engine.countTokens(mapMessages(part, language, sentences)) <= budget;
  const pieces = sections.flatMap((section) =>
    section.text.trim() ? splitToFit(section, language, (s) => fits([s])) : [],
  );
  return packGreedy(pieces, fits);
}

function packParts(
  parts: readonly string[],
  language: string,
  sentences: number,
  engine: TextEngine,
  budget: number,
): string[][] {
  const fits = (group: readonly string[]) =>
    engine.countTokens(reduceMessages(group, language, sentences)) <= budget;
  return packGreedy(parts, fits);
}

/**
 * Consecutive items into groups that each fit, in order. Token counts grow with the text, so a
 * group is grown one item at a time until the next would not fit; an item that fits nowhere alone
 * is still a group of its own (the model's context cuts it; the caller cut such items before).
 */
function packGreedy<T>(items: readonly T[], fits: (group: readonly T[]) => boolean): T[][] {
  const groups: T[][] = [];
  let current: T[] = [];
  for (const item of items) {
    if (current.length > 0 && !fits([...current, item])) {
      groups.push(current);
      current = [];
    }
    current.push(item);
  }
  if (current.length > 0) groups.push(current);
  return groups;
}

/** A section as pieces that each fit alone: whole when it does, else runs of its sentences. */
function splitToFit(
  section: PromptSection,
  language: string,
  fits: (piece: PromptSection) => boolean,
): PromptSection[] {
  if (fits(section)) return [section];
  const pieces: PromptSection[] = [];
  let text = '';
  for (const sentence of splitSentences(section.text, language, 1000)) {
    const next = text ? `${text} ${sentence.text}` : sentence.text;
    if (fits({ ...section, text: next })) {
      text = next;
      continue;
    }
    if (text) pieces.push({ ...section, text });
    text = '';
    // A sentence too long for a part alone is cut in halves until each fits.
    for (const half of halves(sentence.text, (t) => fits({ ...section, text: t })))
      pieces.push({ ...section, text: half });
  }
  if (text) pieces.push({ ...section, text });
  return pieces;
}

/** Fewest characters a cut piece may have: a context that cannot hold this many is too small. */
const MIN_PIECE_CHARS = 16;

function halves(text: string, fits: (text: string) => boolean): string[] {
  if (fits(text)) return [text];
  if (text.length < MIN_PIECE_CHARS * 2)
    throw new UnusableSummaryError("the model's context is too small for a summary prompt");
  let middle = Math.floor(text.length / 2);
  if (/[\uDC00-\uDFFF]/u.test(text[middle] ?? '')) middle--;
  return [...halves(text.slice(0, middle), fits), ...halves(text.slice(middle), fits)];
}
