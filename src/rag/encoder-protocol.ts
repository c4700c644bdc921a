/** Messages between the embedder (main thread) and encoder-worker.ts. */
import type { CloseMessage, WireError } from '../core/worker-protocol.js';
import type { EmbedKind } from './embedder.js';

/** Main → worker: embed one batch. */
export interface EmbedRequest {
  readonly type: 'embed';
  readonly id: number;
  readonly texts: readonly string[];
  readonly kind: EmbedKind;
}

export type EncoderRequest = EmbedRequest | CloseMessage;

export type EmbedReply =
  | { readonly type: 'done'; readonly id: number; readonly vectors: readonly Float32Array[] }
  | { readonly type: 'error'; readonly id: number; readonly error: WireError };
