import type { Config } from '../config.js';
import type { Logger } from '../core/log.js';
import { detectPromptInjection } from '../guardrails/prompt-injection.js';
import {
  type ExtractiveGeneratorOptions,
  createExtractiveGenerator,
} from '../inference/extractive-generator.js';
import type { Embedder } from '../rag/embedder.js';
import type { TermStatistics } from '../inference/reader-question.js';
import type { Generator } from '../inference/generator.js';
import { detectLanguage } from '../inference/language.js';
import { createLlmGenerator } from '../inference/llm-generator.js';
import type { TextEngine } from '../inference/text-engine.js';
import type { InstructionFinder } from '../inference/untrusted-sentences.js';
import { analyze, analyzeWords } from '../rag/text-analyzer.js';

export interface GeneratorParts {
  readonly generator: Generator;
  /** The model, when one is configured (also used for translation). */
  readonly engine?: TextEngine | undefined;
  close(): Promise<void>;
}

/** Instructions aimed at the assistant inside a source (prompt injection): never quoted, kept out of prompts. */
export const findInstructions: InstructionFinder = (text) => detectPromptInjection(text).matches;

/**
 * The extractive generator as every configuration uses it (alone, or as a model's fallback); `corpus`
 * gives it the knowledge base's term statistics (the lexical index), `encoder` the sentence encoder
 * that scores its units too.
 */
export function createExtractive(
  corpus?: () => TermStatistics | undefined,
  minConfidence?: number | undefined,
  encoder?: ExtractiveGeneratorOptions['encoder'],
): Generator {
  return createExtractiveGenerator({
    tokenize: analyze,
    words: analyzeWords,
    corpus,
    untrusted: findInstructions,
    minConfidence,
    encoder,
  });
}

/** Builds the configured generator; a model that cannot be loaded fails start-up with a clear message. */
export async function createGeneratorParts(
  config: Config,
  logger: Logger,
  corpus?: () => TermStatistics | undefined,
  embedder?: Embedder | undefined,
): Promise<GeneratorParts> {
  // The encoder's part of the reader is loaded only where there is an encoder.
  const encoder =
    embedder && config.answerEncoder.enabled
      ? (await import('./reader-encoder.js')).readerEncoder(config, embedder, logger)
      : undefined;
  const extractive = createExtractive(corpus, config.answerMinConfidence, encoder);
  if (config.generator === 'onnx' && config.llm.modelDir) {
    // The model runtimes are loaded only for the generator that uses them (the extractive one needs none).
    const { createOnnxGenerator } = await import('../inference/onnx/onnx-generator.js');
    const parts = await createOnnxGenerator({
      modelDir: config.llm.modelDir,
      device: config.llm.device,
      format: config.llm.promptFormat,
      maxTokens: config.llm.maxNewTokens,
      maxWaiting: config.llm.queueSize,
      maxBatch: config.llm.batchSize,
      // The deadline is the generator's, apart from the caller's signal: when it passes, the answer
      // falls back to the extractive one instead of failing like a cancelled question.
      deadlineMs: config.llm.deadlineMs,
      fallback: extractive,
      detectLanguage,
      untrusted: findInstructions,
      logger,
    });
    logger('info', 'generator.loaded', { generator: 'onnx', device: config.llm.device });
    return {
      generator: parts.generator,
      engine: parts.engine,
      close: async () => parts.lm.release(),
    };
  }
  if (config.generator === 'openai' && config.llm.baseUrl) {
    const { createOpenAiEngine } = await import('../inference/openai-generator.js');
    // Three tries (the SDK's two retries) that each wait up to LLM_TIMEOUT_MS must fit in the deadline.
    if (config.llm.timeoutMs * 3 >= config.llm.deadlineMs)
      logger('warn', 'llm.timeout_exceeds_deadline', {
        timeoutMs: config.llm.timeoutMs,
        deadlineMs: config.llm.deadlineMs,
        hint: 'set LLM_TIMEOUT_MS below a third of GENERATION_DEADLINE_MS, or the retries never happen',
      });
    const engine = createOpenAiEngine({
      baseURL: config.llm.baseUrl,
      apiKey: config.llm.apiKey,
      model: config.llm.model ?? 'polylm-chat-13b',
      timeoutMs: config.llm.timeoutMs,
      contextTokens: config.llm.contextTokens,
      logger,
    });
    const generator = createLlmGenerator({
      engine,
      fallback: extractive,
      detectLanguage,
      maxTokens: config.llm.maxNewTokens,
      deadlineMs: config.llm.deadlineMs,
      untrusted: findInstructions,
      logger,
    });
    return { generator, engine, close: async () => {} };
  }
  return { generator: extractive, close: async () => {} };
}
