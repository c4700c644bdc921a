import type { SamplingOptions } from './sampling.js';

/** One turn of a conversation given to a model. PolyLM has no system role: raw engines fold it into the first user turn. */
export interface ChatMessage {
  readonly role: 'system' | 'user' | 'assistant';
  readonly content: string;
}

export interface CompletionOptions {
  readonly maxTokens: number;
  /** Generation ends right before the first of these strings; it is not part of the text. */
  readonly stop?: readonly string[] | undefined;
  readonly sampling?: SamplingOptions | undefined;
  readonly signal?: AbortSignal | undefined;
  /** Each newly generated piece of text, never half a character. */
  readonly onText?: ((delta: string) => void) | undefined;
  /**
   * A short request that an answer waits for (a translation for search): the embedded model queues
   * it apart from answers, outside their limit, and decodes it alongside a running answer; the
   * translation budget bounds such requests.
   */
  readonly short?: boolean | undefined;
}

export type FinishReason = 'eos' | 'stop' | 'length' | 'context';

export interface Completion {
  readonly text: string;
  readonly finishReason: FinishReason;
  readonly promptTokens: number;
  readonly completionTokens: number;
}

/**
 * A model that continues a conversation: PolyLM on onnxruntime-node, or an OpenAI-compatible server.
 * Throws GeneratorUnavailableError when the model cannot answer now (server down, circuit open) and
 * GeneratorBusyError when its queue is full.
 */
export interface TextEngine {
  /** `onnx` or `openai`; used in answer records. */
  readonly name: string;
  /** Context window in tokens (prompt plus completion). */
  readonly contextTokens: number;
  /** Prompt tokens these messages take, counted as the engine will see them (or a safe over-estimate). */
  countTokens(messages: readonly ChatMessage[]): number;
  complete(messages: readonly ChatMessage[], options: CompletionOptions): Promise<Completion>;
}
