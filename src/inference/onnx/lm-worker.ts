/**
 * The thread that runs the causal LM: it opens the session, decodes the batches the main thread
 * sends and streams their text back. Nothing else runs here, so a forward pass never holds the
 * main thread's event loop.
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { Tokenizer } from '@huggingface/tokenizers';
import { type StartMessage, toWire, yieldToMainThread } from '../../core/worker-protocol.js';
import type { QueuedJob } from '../generation-queue.js';
import { type DecodeContext, type DecodeJob, type DecodeResult, decodeBatch } from './decode-loop.js';
import type { BatchRequest, LmInfo, LmReply, LmRequest, LmWorkerOptions } from './lm-protocol.js';
import { decodeIds, loadTokenizer, resolveEosIds } from './lm-tokenizer.js';
import { readModelFolder } from './model-folder.js';
import { DecoderSession } from './ort-session.js';

const port = parentPort!;
const options = (workerData as { options: LmWorkerOptions }).options;

/** Abort controllers of the sequences being decoded, by `${id}:${part}`. */
const running = new Map<string, { controller: AbortController; pieces: number; abortedAt?: number }>();
const post = (reply: LmReply) => port.postMessage(reply);

async function load(): Promise<DecodeContext> {
  yieldToMainThread();
  const folder = readModelFolder(options.modelDir);
  const tokenizer: Tokenizer = loadTokenizer(folder);
  const eosIds = resolveEosIds(folder, tokenizer);
  const config = { ...folder.config, eosIds };
  const session = await DecoderSession.create(folder.modelPath, config, options);
  const decode = (ids: readonly number[]) => decodeIds(tokenizer, ids);
  const info: LmInfo = { device: session.device, hasPositionIds: session.hasPositionIds, eosIds, config };
  port.postMessage({ type: 'ready', info } satisfies StartMessage<LmInfo>);
  return { session, decode, eosIds, maxPositions: config.nPositions, prefillChunk: options.prefillChunk };
}

function queued(request: BatchRequest, part: number): QueuedJob<DecodeJob, DecodeResult> {
  const wire = request.jobs[part]!;
  const key = `${request.id}:${part}`;
  const state: { controller: AbortController; pieces: number; abortedAt?: number } = {
    controller: new AbortController(),
    pieces: 0,
  };
  running.set(key, state);
  const job: DecodeJob = {
    promptIds: wire.promptIds,
    params: {
      maxNewTokens: wire.maxNewTokens,
      sampling: wire.sampling,
      stop: wire.stop,
      signal: state.controller.signal,
      onText: (delta) => {
        state.pieces++;
        post({ type: 'text', id: request.id, part, delta });
      },
    },
  };
  return {
    job,
    signal: state.controller.signal,
    resolve: (result) => {
      if (!running.delete(key)) return;
      post({ type: 'done', id: request.id, part, result });
    },
    reject: (error) => {
      if (!running.delete(key)) return;
      const piecesAfterAbort = state.abortedAt === undefined ? undefined : state.pieces - state.abortedAt;
      post({ type: 'error', id: request.id, part, error: toWire(error), piecesAfterAbort });
    },
  };
}

try {
  const context = await load();
  // Each queue of the main thread sends one batch at a time, so at most two run here at once (an
  // answer batch and a short one); their steps interleave, since every step yields to the event loop.
  const batches = new Set<Promise<void>>();
  port.on('message', (message: LmRequest) => {
    if (message.type === 'close') {
      for (const state of running.values()) state.controller.abort(new Error('the worker is closing'));
      void Promise.all(batches).then(async () => {
        await context.session.release();
        process.exit(0);
      });
      return;
    }
    if (message.type === 'abort') {
      const state = running.get(`${message.id}:${message.part ?? 0}`);
      if (state && !state.controller.signal.aborted) {
        state.abortedAt = state.pieces;
        state.controller.abort(new Error('aborted by the caller'));
      }
      return;
    }
    const batch = message.jobs.map((_, part) => queued(message, part));
    const decoding = decodeBatch(context, batch).catch((error: unknown) => {
      for (const q of batch) q.reject(error);
    });
    batches.add(decoding);
    void decoding.finally(() => batches.delete(decoding));
  });
} catch (error) {
  port.postMessage({ type: 'load-error', error: toWire(error) } satisfies StartMessage<LmInfo>);
}
