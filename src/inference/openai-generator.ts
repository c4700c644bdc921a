/**
 * `GENERATOR=openai`: an OpenAI-compatible chat-completions server (vLLM or TGI serving
 * polylm-chat-13b) through the `openai` package, streaming. Failed requests are retried by the SDK
 * itself (connection errors, 408/409/429/5xx, with backoff that honours Retry-After); a stream
 * that breaks before its first text is asked again (cockatiel's retry); a stream that sends nothing
 * for the idle timeout fails; and a cockatiel circuit breaker stops calling a server that keeps
 * failing.
 */
import {
  BrokenCircuitError,
  ConsecutiveBreaker,
  TaskCancelledError,
  ExponentialBackoff,
  circuitBreaker,
  handleWhen,
  retry,
  wrap,
} from 'cockatiel';
import OpenAI from 'openai';
import { GeneratorUnavailableError } from '../core/errors.js';
import { type Logger, silentLogger } from '../core/log.js';
import type { Generator } from './generator.js';
import { GenerationDeadlineError, type LlmGeneratorOptions, createLlmGenerator } from './llm-generator.js';
import type { ChatMessage, Completion, CompletionOptions, FinishReason, TextEngine } from './text-engine.js';

export interface OpenAiEngineOptions {
  /** e.g. `http://vllm:8000/v1`. */
  readonly baseURL: string;
  /** Empty for servers without authentication. */
  readonly apiKey?: string | undefined;
  /** The served model name, e.g. `polylm-chat-13b`. */
  readonly model: string;
  /** The server's context window in tokens (`LLM_CONTEXT_TOKENS`, default 2048: PolyLM's). */
  readonly contextTokens?: number | undefined;
  /**
   * A request fails when its response has not started after this long (the SDK's timeout, per
   * attempt), or when a started stream sends nothing for this long (default 30 s).
   */
  readonly timeoutMs?: number | undefined;
  /** Retries of a failed request, by the SDK, and of a stream that broke before any text (default 2). */
  readonly maxRetries?: number | undefined;
  /** First delay before asking again for a broken stream, doubled each time (default 500 ms, at most `maxRetryDelayMs`). */
  readonly retryDelayMs?: number | undefined;
  readonly maxRetryDelayMs?: number | undefined;
  /** Consecutive failed calls that open the circuit (default 5), and for how long (default 30 s). */
  readonly breakerThreshold?: number | undefined;
  readonly breakerCooldownMs?: number | undefined;
  readonly logger?: Logger | undefined;
}

/** A stream that broke off or stalled; asked again only when no text was shown yet. */
class StreamError extends Error {
  override name = 'StreamError';
  constructor(
    message: string,
    readonly retryable: boolean,
  ) {
    super(message);
  }
}

/** The caller stopped waiting: says nothing about the server. */
class CallerAbort extends Error {
  override name = 'CallerAbort';
}

/** The answer's deadline passed while the server was still working on it: a slow server, counted as a failure. */
class DeadlinePassed extends Error {
  override name = 'DeadlinePassed';
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
  const cooldownMs = options.breakerCooldownMs ?? 30_000;
  const client = new OpenAI({
    baseURL: options.baseURL,
    apiKey: options.apiKey || 'unused',
    maxRetries,
    timeout: timeoutMs,
  });
  const streamRetry = retry(
    handleWhen((error) => error instanceof StreamError && error.retryable),
    {
      maxAttempts: maxRetries,
      backoff: new ExponentialBackoff({
        initialDelay: options.retryDelayMs ?? 500,
        maxDelay: options.maxRetryDelayMs ?? 10_000,
      }),
    },
  );
  streamRetry.onRetry(({ delay }) =>
    log('warn', 'llm.stream_retry', { engine: 'openai', delayMs: Math.round(delay) }),
  );
  // Every failure counts — a request cut by the answer's deadline too (a server that hangs must open
  // the circuit) — but a caller's abort, which says nothing about the server.
  const breaker = circuitBreaker(
    handleWhen((error) => !(error instanceof CallerAbort) && !(error instanceof TaskCancelledError)),
    {
      halfOpenAfter: cooldownMs,
      breaker: new ConsecutiveBreaker(options.breakerThreshold ?? 5),
    },
  );
  breaker.onBreak(() => log('warn', 'llm.circuit_open', { engine: 'openai', cooldownMs }));
  const policy = wrap(breaker, streamRetry);

  /** One streamed request; `state.emitted` tells whether text already reached onText. */
  async function attempt(
    messages: readonly ChatMessage[],
    request: CompletionOptions,
    state: { emitted: boolean },
  ): Promise<Completion> {
    const sampling = request.sampling ?? {};
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
    // The SDK waits for the response (and retries) within its own timeout; once the stream is
    // open, each chunk must follow the last within the idle timeout.
    const idle = new AbortController();
    const signal = request.signal ? AbortSignal.any([request.signal, idle.signal]) : idle.signal;
    let timer: NodeJS.Timeout | undefined;
    const touch = () => {
      clearTimeout(timer);
      timer = setTimeout(() => idle.abort(new Error('idle')), timeoutMs);
    };
    let opened = false;
    try {
      const stream = await client.chat.completions.create(body, { signal });
      opened = true;
      touch();
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
      if (!finished) throw new StreamError('the stream ended before the answer was finished', !state.emitted);
      return {
        text,
        finishReason,
        promptTokens: usage?.prompt_tokens ?? estimateTokens(messages),
        completionTokens: usage?.completion_tokens ?? 0,
      };
    } catch (error) {
      // A stalled server stalls again: no retry, fall back at once.
      if (idle.signal.aborted && !request.signal?.aborted)
        throw new StreamError(`no data from the LLM server for ${timeoutMs} ms`, false);
      if (request.signal?.aborted) {
        if (request.signal.reason instanceof GenerationDeadlineError)
          throw new DeadlinePassed('the answer deadline passed before the server finished', { cause: error });
        throw new CallerAbort('the caller aborted', { cause: error });
      }
      // A stream cut off (the server or the network dropped it) is asked again when it had shown no
      // text yet; after text, the answer is lost. A request that failed to start was already
      // retried by the SDK.
      if (opened && !(error instanceof StreamError)) {
        const why = error instanceof Error ? error.message : String(error);
        throw new StreamError(`the stream broke: ${why}`, !state.emitted);
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
      const state = { emitted: false };
      try {
        return await policy.execute(() => attempt(messages, request, state), request.signal);
      } catch (error) {
        if (request.signal?.aborted) throw request.signal.reason;
        if (error instanceof BrokenCircuitError) {
          throw new GeneratorUnavailableError(
            `the LLM server is failing; not calling it for another ${Math.ceil(cooldownMs / 1000)} s at most`,
          );
        }
        log('warn', 'llm.request_failed', { engine: 'openai', error: describe(error) });
        const where = state.emitted
          ? 'in the middle of the answer'
          : `after ${maxRetries + 1} attempt(s) at most`;
        throw new GeneratorUnavailableError(`the LLM server failed ${where}: ${describe(error)}`, {
          cause: error,
        });
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
