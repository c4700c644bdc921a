/** Messages between OnnxCausalLm (main thread) and lm-worker.ts (the thread that runs the model). */
import type { AbortMessage, CloseMessage, WireError } from '../../core/worker-protocol.js';
import type { SamplingOptions } from '../sampling.js';
import type { DecodeResult } from './decode-loop.js';
import type { LmConfig } from './model-folder.js';
import type { DecoderSessionOptions, LmDevice } from './ort-session.js';

/** How the worker opens the model (`workerData.options`). */
export interface LmWorkerOptions extends DecoderSessionOptions {
  readonly modelDir: string;
  /** Prompt tokens per prefill step. */
  readonly prefillChunk: number;
}

/** What the worker tells once the model is loaded. */
export interface LmInfo {
  readonly device: LmDevice;
  /** Left-padded batches need `position_ids`; without that input, one sequence at a time. */
  readonly hasPositionIds: boolean;
  readonly eosIds: readonly number[];
  readonly config: LmConfig;
}

/** One sequence of a batch: what DecodeParams carries, less what cannot cross a thread (signal, callback). */
export interface WireDecodeJob {
  readonly promptIds: readonly number[];
  readonly maxNewTokens: number;
  readonly sampling?: SamplingOptions | undefined;
  readonly stop?: readonly string[] | undefined;
}

/** Main → worker: decode these sequences together; replies name each by its index `part`. */
export interface BatchRequest {
  readonly type: 'batch';
  readonly id: number;
  readonly jobs: readonly WireDecodeJob[];
}

export type LmRequest = BatchRequest | AbortMessage | CloseMessage;

/** Worker → main, per sequence of a batch: its text as it grows, then its result or its error. */
export type LmReply =
  | { readonly type: 'text'; readonly id: number; readonly part: number; readonly delta: string }
  | { readonly type: 'done'; readonly id: number; readonly part: number; readonly result: DecodeResult }
  | {
      readonly type: 'error';
      readonly id: number;
      readonly part: number;
      readonly error: WireError;
      /** Set when the sequence was stopped on request: text pieces produced after the worker saw the abort. */
      readonly piecesAfterAbort?: number | undefined;
    };
