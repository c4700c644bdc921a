import type { QueuedJob } from '../generation-queue.js';
import { type Sampler, type SamplingOptions, createSampler } from '../sampling.js';
import type { FinishReason } from '../text-engine.js';
import type { DecoderSession, KvCache } from './ort-session.js';
import { TextStream } from './text-stream.js';

export interface DecodeParams {
  readonly maxNewTokens: number;
  readonly sampling?: SamplingOptions | undefined;
  readonly stop?: readonly string[] | undefined;
  /** Checked before every forward step: an abort ends this sequence within one step. */
  readonly signal?: AbortSignal | undefined;
  readonly onText?: ((delta: string) => void) | undefined;
}

export interface DecodeResult {
  readonly text: string;
  /** Generated ids only (an end-of-text token is not included). */
  readonly tokenIds: readonly number[];
  readonly promptTokens: number;
  readonly finishReason: FinishReason;
  /** From the start of the prefill to the first generated token. */
  readonly ttftMs: number;
  /** Generated tokens after the first, per second of decoding after the first token. */
  readonly tokensPerSecond: number;
}

export interface DecodeJob {
  readonly promptIds: readonly number[];
  readonly params: DecodeParams;
}

export interface DecodeContext {
  readonly session: DecoderSession;
  readonly decode: (ids: readonly number[]) => string;
  readonly eosIds: readonly number[];
  /** Context window: prompt + generated tokens of a sequence never exceed it. */
  readonly maxPositions: number;
  /** Prompt tokens per prefill step: bounds the logits tensor and the time the event loop is held. */
  readonly prefillChunk: number;
}

/** One sequence of a batch. Prompts are left-padded to the longest; `mask` marks real positions. */
class Row {
  readonly sample: Sampler;
  readonly stream: TextStream;
  readonly generated: number[] = [];
  readonly mask: number[];
  readonly positions: number[];
  finished = false;
  finishReason: FinishReason = 'length';
  firstAt = 0;

  constructor(
    readonly queued: QueuedJob<DecodeJob, DecodeResult>,
    ctx: DecodeContext,
    readonly padded: readonly number[],
    readonly pad: number,
  ) {
    const params = queued.job.params;
    this.sample = createSampler(params.sampling);
    this.stream = new TextStream(ctx.decode, params.stop ?? []);
    this.mask = padded.map((_, i) => (i < pad ? 0 : 1));
    this.positions = padded.map((_, i) => Math.max(0, i - pad));
  }

  get params(): DecodeParams {
    return this.queued.job.params;
  }

  /** Position id of the next token to feed. */
  get nextPosition(): number {
    return this.queued.job.promptIds.length + this.generated.length - 1;
  }
}

/**
 * Decodes a batch of prompts with the KV cache: a chunked prefill of the left-padded prompts, then
 * one token per sequence per step. Each sequence is settled as soon as it ends (end of text, stop
 * string, max new tokens, context window, abort); finished ones ride along masked until all are done.
 */
export async function decodeBatch(
  ctx: DecodeContext,
  batch: readonly QueuedJob<DecodeJob, DecodeResult>[],
): Promise<void> {
  const started = performance.now();
  const longest = Math.max(...batch.map((q) => q.job.promptIds.length));
  const padId = ctx.eosIds[0] ?? 0;
  const rows = batch.map((q) => {
    const pad = longest - q.job.promptIds.length;
    return new Row(q, ctx, [...new Array<number>(pad).fill(padId), ...q.job.promptIds], pad);
  });
  const active = () => rows.filter((r) => !r.finished);
  const abortCheck = () => {
    for (const row of active()) {
      if (row.params.signal?.aborted) {
        row.finished = true;
        row.queued.reject(row.params.signal.reason);
      }
    }
    return active().length > 0;
  };
  let cache: KvCache = ctx.session.emptyCache(rows.length);
  try {
    let logits: Float32Array[] = [];
    for (let start = 0; start < longest; start += ctx.prefillChunk) {
      if (!abortCheck()) return;
      const end = Math.min(longest, start + ctx.prefillChunk);
      const out = await ctx.session.step(
        {
          inputIds: rows.map((r) => r.padded.slice(start, end)),
          attentionMask: rows.map((r) => r.mask.slice(0, end)),
          positionIds: rows.map((r) => r.positions.slice(start, end)),
        },
        cache,
      );
      cache = out.cache;
      logits = out.logits;
    }
    for (;;) {
      if (!abortCheck()) return;
      const next = rows.map((row, b) => (row.finished ? padId : advance(row, logits[b]!, ctx, started)));
      if (!abortCheck()) return;
      for (const row of rows) {
        row.mask.push(row.finished ? 0 : 1);
      }
      const out = await ctx.session.step(
        {
          inputIds: next.map((id) => [id]),
          attentionMask: rows.map((r) => r.mask),
          positionIds: rows.map((r) => [r.finished ? 0 : r.nextPosition]),
        },
        cache,
      );
      cache = out.cache;
      logits = out.logits;
    }
  } finally {
    cache.dispose();
  }
}

/** Samples the row's next token, streams it, and settles the row when it ends. Returns the id to feed. */
function advance(row: Row, logits: Float32Array, ctx: DecodeContext, started: number): number {
  const { params } = row;
  if (params.maxNewTokens <= 0) return finish(row, 'length', started);
  const id = row.sample(logits, row.generated);
  if (ctx.eosIds.includes(id)) return finish(row, 'eos', started);
  row.generated.push(id);
  if (row.generated.length === 1) row.firstAt = performance.now();
  const delta = row.stream.push(id);
  if (delta) params.onText?.(delta);
  if (row.stream.stopped) return finish(row, 'stop', started);
  if (row.generated.length >= params.maxNewTokens) return finish(row, 'length', started);
  if (row.nextPosition + 1 >= ctx.maxPositions) return finish(row, 'context', started);
  return id;
}

function finish(row: Row, reason: FinishReason, started: number): number {
  row.finished = true;
  row.finishReason = reason;
  const rest = row.stream.finish();
  if (rest) row.params.onText?.(rest);
  const ended = performance.now();
  const n = row.generated.length;
  const decodeSeconds = (ended - row.firstAt) / 1000;
  row.queued.resolve({
    text: row.stream.text,
    tokenIds: row.generated,
    promptTokens: row.queued.job.promptIds.length,
    finishReason: reason,
    ttftMs: n > 0 ? row.firstAt - started : ended - started,
    tokensPerSecond: n > 1 && decodeSeconds > 0 ? (n - 1) / decodeSeconds : 0,
  });
  return 0;
}
