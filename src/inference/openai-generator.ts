/**
 * `GENERATOR=openai`: an OpenAI-compatible chat-completions server (vLLM or TGI serving
 * polylm-chat-13b) through the `openai` package, streaming, with an idle timeout, bounded retries
 * with backoff (honouring Retry-After) and a circuit breaker.
 */
import OpenAI from 'openai';
import { GeneratorUnavailableError } from '../core/errors.js';
import { type Logger, silentLogger } from '../core/log.js';
import { CircuitBreaker } from './circuit-breaker.js';
import type { Generator } from './generator.js';
import { type LlmGeneratorOptions, createLlmGenerator } from './llm-generator.js';
import type { ChatMessage, Completion, CompletionOptions, FinishReason, TextEngine } from './text-engine.js';

export interface OpenAiEngineOptions {
  /** e.g. `http://vllm:8000/v1`. */
  readonly baseURL: string;
  /** Empty for servers without authentication. */
  readonly apiKey?: string | undefined;
  /** The served model name, e.g. `polylm-chat-13b`. */
  readonly model: string;
  /** The server's context window in tokens (default 2048, PolyLM's). */
  readonly contextTokens?: number | undefined;
  /** A request fails when no data arrives for this long, before or during the stream (default 30 s). */
  readonly timeoutMs?: number | undefined;
  /** Retries of a failed request before any text arrived (default 2). */
  readonly maxRetries?: number | undefined;
  /** First backoff delay, doubled each retry, with jitter (default 500 ms). A Retry-After header wins, up to `maxRetryDelayMs`. */
  readonly retryDelayMs?: number | undefined;
  readonly maxRetryDelayMs?: number | undefined;
  /** Consecutive failed requests that open the circuit (default 5), and for how long (default 30 s). */
  readonly breakerThreshold?: number | undefined;
  readonly breakerCooldownMs?: number | undefined;
  readonly logger?: Logger | undefined;
}

const sleep = (ms: number, signal?: AbortSignal) =>
  new Promise<void>((resolve, reject) => {
    const timer = setTimeout(resolve, ms);
    signal?.addEventListener(
      'abort',
      () => {
        clearTimeout(timer);
        reject(signal.reason);
      },
      { once: true },
    );
  });

/** A stream that broke off or stalled; not retried once text was shown. */
class StreamError extends Error {
  override name = 'StreamError';
  constructor(
    message: string,
    readonly retryable: boolean,
  ) {
    super(message);
  }
}

function retryable(error: unknown): boolean {
  if (error instanceof StreamError) return error.retryable;
  if (error instanceof OpenAI.APIConnectionError) return true; // includes timeouts and resets
  if (error instanceof OpenAI.APIError) return error.status === 429 || (error.status ?? 0) >= 500;
  return error instanceof TypeError; // fetch network failures
}

function retryAfterMs(error: unknown): number | undefined {
  if (!(error instanceof OpenAI.APIError) || !error.headers) return undefined;
  const value = error.headers.get('retry-after');
  if (!value) return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - Date.now());
}

function describe(error: unknown): string {
  if (error instanceof OpenAI.APIError && error.status) return `HTTP ${error.status}`;
  if (error instanceof StreamError) return error.message;
  if (error instanceof Error) return error.name;
  return 'error';
}

/** Prompt tokens estimated without the server's tokenizer: one per 3 UTF-8 bytes (PolyLM spends ~1 per CJK character, fewer on Latin text). */
function estimateTokens(messages: readonly ChatMessage[]): number {
  return messages.reduce((sum, m) => sum + Math.ceil(Buffer.byteLength(m.content, 'utf8') / 3) + 4, 0);
}

export function createOpenAiEngine(options: OpenAiEngineOptions): TextEngine {
  const log = options.logger ?? silentLogger;
  const timeoutMs = options.timeoutMs ?? 30_000;
  const maxRetries = options.maxRetries ?? 2;
  const baseDelay = options.retryDelayMs ?? 500;
  const maxDelay = options.maxRetryDelayMs ?? 10_000;
  const breaker = new CircuitBreaker(options.breakerThreshold ?? 5, options.breakerCooldownMs ?? 30_000);
  const client = new OpenAI({
    baseURL: options.baseURL,
    apiKey: options.apiKey || 'unused',
    maxRetries: 0,
    timeout: timeoutMs,
  });

  /** One streamed request; `emitted` tells the caller whether text already reached onText. */
  async function attempt(
    messages: readonly ChatMessage[],
    request: CompletionOptions,
    state: { emitted: boolean },
  ): Promise<Completion> {
    const controller = new AbortController();
    const signal = request.signal ? AbortSignal.any([request.signal, controller.signal]) : controller.signal;
    let timer = setTimeout(() => controller.abort(new Error('timeout')), timeoutMs);
    const touch = () => {
      clearTimeout(timer);
      timer = setTimeout(() => controller.abort(new Error('timeout')), timeoutMs);
    };
    const sampling = request.sampling ?? {};
    try {
      const body = {
        model: options.model,
        messages: messages.map((m) => ({ role: m.role, content: m.content })),
        stream: true as const,
        stream_options: { include_usage: true },
        max_tokens: request.maxTokens,
        temperature: sampling.temperature ?? 0,
        ...(sampling.topP !== undefined ? { top_p: sampling.topP } : {}),
        ...(sampling.seed !== undefined ? { seed: sampling.seed } : {}),
        ...(request.stop?.length ? { stop: [...request.stop].slice(0, 4) } : {}),
        // vLLM and TGI extensions; only sent when asked for.
        ...(sampling.topK ? { top_k: sampling.topK } : {}),
        ...(sampling.repetitionPenalty ? { repetition_penalty: sampling.repetitionPenalty } : {}),
      };
      const stream = await client.chat.completions.create(body, { signal });
      let text = '';
      let finishReason: FinishReason = 'eos';
      let usage: { prompt_tokens: number; completion_tokens: number } | undefined;
      let finished = false;
      for await (const chunk of stream) {
        touch();
        const choice = chunk.choices[0];
        const delta = choice?.delta?.content;
        if (delta) {
          text += delta;
          state.emitted = true;
          request.onText?.(delta);
        }
        if (choice?.finish_reason) finished = true;
        if (choice?.finish_reason === 'length') finishReason = 'length';
        if (chunk.usage) usage = chunk.usage;
      }
      if (!finished) throw new StreamError('the stream ended before the answer was finished', true);
      return {
        text,
        finishReason,
        promptTokens: usage?.prompt_tokens ?? estimateTokens(messages),
        completionTokens: usage?.completion_tokens ?? 0,
      };
    } catch (error) {
      if (controller.signal.aborted && !request.signal?.aborted) {
        // A stalled server stalls again: no retry, fall back at once.
        throw new StreamError(`no data from the LLM server for ${timeoutMs} ms`, false);
      }
      throw error;
    } finally {
      clearTimeout(timer);
    }
  }

  return {
    name: 'openai',
    contextTokens: options.contextTokens ?? 2048,
    countTokens: estimateTokens,
    async complete(messages, request) {
      if (!breaker.allow()) {
        throw new GeneratorUnavailableError(
          `the LLM server is failing; not calling it for another ${Math.ceil(breaker.retryInMs() / 1000)} s`,
        );
      }
      const state = { emitted: false };
      for (let retry = 0; ; retry++) {
        try {
          const completion = await attempt(messages, request, state);
          breaker.success();
          return completion;
        } catch (error) {
          if (request.signal?.aborted) {
            breaker.release();
            throw request.signal.reason;
          }
          const again = !state.emitted && retry < maxRetries && retryable(error);
          log('warn', 'llm.request_failed', {
            engine: 'openai',
            error: describe(error),
            retry,
            willRetry: again,
          });
          if (!again) {
            breaker.failure();
            const where = state.emitted ? 'in the middle of the answer' : `after ${retry + 1} attempt(s)`;
            throw new GeneratorUnavailableError(`the LLM server failed ${where}: ${describe(error)}`, {
              cause: error,
            });
          }
          const backoff = baseDelay * 2 ** retry * (0.5 + Math.random() / 2);
          await sleep(Math.min(maxDelay, retryAfterMs(error) ?? backoff), request.signal);
        }
      }
    },
  };
}

/** The OpenAI-compatible server as a Generator: the LLM generator over {@link createOpenAiEngine}. */
export function createOpenAiGenerator(
  options: OpenAiEngineOptions & Omit<LlmGeneratorOptions, 'engine' | 'logger'>,
): Generator {
  return createLlmGenerator({ ...options, engine: createOpenAiEngine(options) });
}
