import { type PromptFormat, formatStops, renderPrompt } from '../prompt.js';
import type { SamplingOptions } from '../sampling.js';
import type { ChatMessage, Completion, CompletionOptions, TextEngine } from '../text-engine.js';
import type { OnnxCausalLm } from './onnx-causal-lm.js';

export interface OnnxTextEngineOptions {
  /** PolyLM-multialpaca (`multialpaca`) or PolyLM-chat (`chat`) prompt layout. */
  readonly format: PromptFormat;
  /** Default sampling when a request gives none (greedy if absent). */
  readonly sampling?: SamplingOptions | undefined;
}

/** The local causal LM as a TextEngine: messages are rendered in the PolyLM format and counted with the real tokenizer. */
export function createOnnxTextEngine(lm: OnnxCausalLm, options: OnnxTextEngineOptions): TextEngine {
  const stops = formatStops(options.format);
  return {
    name: 'onnx',
    contextTokens: lm.contextTokens,
    countTokens: (messages: readonly ChatMessage[]) => lm.countTokens(renderPrompt(messages, options.format)),
    async complete(messages: readonly ChatMessage[], request: CompletionOptions): Promise<Completion> {
      const result = await lm.generate(renderPrompt(messages, options.format), {
        maxNewTokens: request.maxTokens,
        stop: [...stops, ...(request.stop ?? [])],
        sampling: request.sampling ?? options.sampling,
        signal: request.signal,
        onText: request.onText,
        short: request.short,
      });
      return {
        text: result.text,
        finishReason: result.finishReason,
        promptTokens: result.promptTokens,
        completionTokens: result.tokenIds.length,
      };
    },
  };
}
