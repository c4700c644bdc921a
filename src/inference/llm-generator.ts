import { GeneratorBusyError, GeneratorUnavailableError, describeError } from '../core/errors.js';
import { t } from '../core/i18n.js';
import { type Logger, silentLogger } from '../core/log.js';
import { extractCitations } from './citations.js';
import type { GenerateOptions, GenerationRequest, GenerationResult, Generator } from './generator.js';
import { fitAnswerPrompt } from './prompt.js';
import type { SamplingOptions } from './sampling.js';
import type { TextEngine } from './text-engine.js';
import type { InstructionFinder } from './untrusted-sentences.js';

export interface LlmGeneratorOptions {
  /** The model: PolyLM on onnxruntime-node or an OpenAI-compatible server. */
  readonly engine: TextEngine;
  /** The extractive generator: used when the model is down, too small for the prompt, or keeps answering in the wrong language. */
  readonly fallback: Generator;
  /** Language of a text (BCP-47 primary subtag); the second argument is a tie-breaker. */
  readonly detectLanguage: (text: string, hint?: string) => string;
  /** Most tokens of an answer (default 512); the prompt gets the rest of the context window. */
  readonly maxTokens?: number | undefined;
  readonly sampling?: SamplingOptions | undefined;
  readonly logger?: Logger | undefined;
  /** Finds instructions aimed at the assistant in a source: their sentences are removed from the prompt. */
  readonly untrusted?: InstructionFinder | undefined;
  /**
   * Total time one answer may take, retries included (GENERATION_DEADLINE_MS; none when absent).
   * When it passes, the model is stopped and the extractive answer is given instead, saying so —
   * unlike the caller's own abort, which ends the answer without one.
   */
  readonly deadlineMs?: number | undefined;
}

/** Why the answer came from the fallback; part of the generator name (`extractive:fallback-unavailable`). */
type FallbackReason = 'unavailable' | 'language' | 'too-long' | 'empty' | 'deadline';

/** What the fallback says before the quoted passages, by reason (none: the extractive heading says enough). */
const APOLOGY: Partial<Record<FallbackReason, 'generatorDown' | 'generatorSlow'>> = {
  unavailable: 'generatorDown',
  deadline: 'generatorSlow',
};

/** The reason a deadline's signal aborts with: never confused with the caller's abort. */
export class GenerationDeadlineError extends Error {
  override name = 'GenerationDeadlineError';
}

/** Characters of an answer looked at to decide its language before any of it is shown. */
const LANGUAGE_PROBE = 48;

class WrongLanguage extends Error {}

/**
 * A Generator on a text engine: builds the grounded prompt, streams the answer, maps `[n]` citations
 * back to the sources (dropping those of sources not given), and checks the answer's language. An
 * answer in the wrong language is retried once with a firmer instruction, then replaced by the
 * extractive answer; so is any answer when the engine is unavailable or misses the deadline (with an
 * apology that says which). A full queue (GeneratorBusyError) and the caller's cancellation propagate.
 */
export function createLlmGenerator(options: LlmGeneratorOptions): Generator {
  const { engine, fallback, detectLanguage } = options;
  const maxTokens = options.maxTokens ?? 512;
  const log = options.logger ?? silentLogger;

  async function useFallback(
    reason: FallbackReason,
    request: GenerationRequest,
    generateOptions: GenerateOptions | undefined,
    streamed: boolean,
  ): Promise<GenerationResult> {
    log('warn', 'generator.fallback', { engine: engine.name, reason });
    const key = APOLOGY[reason];
    const apology = key ? `${t(request.language, key)}\n\n` : '';
    const prefix = (streamed ? '\n\n' : '') + apology;
    if (prefix) generateOptions?.onText?.(prefix);
    const result = await fallback.generate(request, generateOptions);
    return {
      ...result,
      text: apology + result.text,
      generator: `${result.generator}:fallback-${reason}`,
      extractive: true,
    };
  }

  return {
    name: engine.name,
    async generate(request: GenerationRequest, generateOptions?: GenerateOptions): Promise<GenerationResult> {
      if (request.sources.length === 0) return fallback.generate(request, generateOptions);
      let streamed = false;
      const deadline = new AbortController();
      const timer =
        options.deadlineMs === undefined
          ? undefined
          : setTimeout(
              () => deadline.abort(new GenerationDeadlineError(`no answer within ${options.deadlineMs} ms`)),
              options.deadlineMs,
            );
      const missed = () => deadline.signal.aborted && !generateOptions?.signal?.aborted;
      try {
        for (const firm of [false, true]) {
          const fitted = fitAnswerPrompt(
            { ...request, firm, untrusted: options.untrusted },
            (m) => engine.countTokens(m),
            engine.contextTokens - maxTokens,
          );
          if (!fitted) return await useFallback('too-long', request, generateOptions, false);
          const attempt = new AbortController();
          const signal = AbortSignal.any([
            ...(generateOptions?.signal ? [generateOptions.signal] : []),
            deadline.signal,
            attempt.signal,
          ]);
          let held = '';
          let checked = false;
          const check = (text: string) => {
            checked = true;
            const language = detectLanguage(text, request.language);
            if (language !== request.language) {
              log('info', 'generator.wrong_language', {
                engine: engine.name,
                expected: request.language,
                got: language,
                firm,
              });
              attempt.abort(new WrongLanguage());
              return false;
            }
            return true;
          };
          const onText = (delta: string) => {
            if (checked) {
              generateOptions?.onText?.(delta);
              return;
            }
            held += delta;
            if (held.length >= LANGUAGE_PROBE && check(held)) {
              streamed = true;
              generateOptions?.onText?.(held);
            }
          };
          try {
            const completion = await engine.complete(fitted.messages, {
              maxTokens,
              sampling: options.sampling,
              signal,
              onText,
            });
            if (attempt.signal.aborted || (!checked && !check(completion.text))) continue;
            if (!completion.text.trim())
              return await useFallback('empty', request, generateOptions, streamed);
            if (!streamed && held) generateOptions?.onText?.(held);
            const { text, cited } = extractCitations(completion.text.trim(), fitted.sourceCount);
            return { text, cited, generator: engine.name, extractive: false, notFound: cited.length === 0 };
          } catch (error) {
            if (attempt.signal.reason instanceof WrongLanguage && !generateOptions?.signal?.aborted) continue;
            throw error;
          }
        }
        return await useFallback('language', request, generateOptions, streamed);
      } catch (error) {
        if (missed()) {
          log('warn', 'generator.deadline', { engine: engine.name, ms: options.deadlineMs ?? 0 });
          return useFallback('deadline', request, generateOptions, streamed);
        }
        if (error instanceof GeneratorBusyError || generateOptions?.signal?.aborted) throw error;
        if (!(error instanceof GeneratorUnavailableError)) {
          log('error', 'generator.failed', { engine: engine.name, error: describeError(error) });
        }
        return useFallback('unavailable', request, generateOptions, streamed);
      } finally {
        clearTimeout(timer);
      }
    },
  };
}
