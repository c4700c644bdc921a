/**
 * Sentence embeddings from an ONNX encoder export (BERT / XLM-R family) on onnxruntime-node, run
 * in a worker thread of its own (encoder-worker.ts): the main thread never runs a forward pass.
 * The rest of PolyDesk sees an `Embedder`.
 */
import { ConfigError, PolyDeskError, describeError } from '../core/errors.js';
import type { Logger } from '../core/log.js';
import { fromWire } from '../core/worker-protocol.js';
import { WorkerSupervisor, siblingModule } from '../core/worker-supervisor.js';
import type { EmbedKind, EmbedOptions, Embedder } from './embedder.js';
import type { EmbeddingConfig } from './embedding-config.js';
import type { EmbedReply, EmbedRequest } from './encoder-protocol.js';
import type { EncoderInfo, EncoderOptions } from './encoder-session.js';

export interface OnnxEmbedderOptions {
  /** Folder with model.onnx (or onnx/model.onnx), tokenizer.json and optionally polydesk-embedding.json. */
  readonly modelDir: string;
  /** Intra-op threads for onnxruntime; its default (all physical cores) when omitted. */
  readonly threads?: number | undefined;
  /** Texts per inference call; default 8 (batches of 4–8 were fastest on 2 cores, 16 slower at 512 tokens). */
  readonly batchSize?: number | undefined;
  readonly logger: Logger;
}

/** An `Embedder` holding a native session in its thread; `close()` ends the thread. */
export interface OnnxEmbedder extends Embedder {
  readonly config: EmbeddingConfig;
  /** The encoder's thread: restarts, and the thread itself (diagnostics, tests). */
  readonly thread: Pick<Supervisor, 'worker' | 'restartCount'>;
  close(): Promise<void>;
}

type Supervisor = WorkerSupervisor<EncoderInfo, EmbedRequest, EmbedReply>;

/** Loads the model in its thread; fails with the worker's `ModelLoadError` naming the file and what was expected. */
export async function createOnnxEmbedder(options: OnnxEmbedderOptions): Promise<OnnxEmbedder> {
  const { modelDir, logger } = options;
  const batchSize = options.batchSize ?? 8;
  if (!Number.isInteger(batchSize) || batchSize < 1) {
    throw new ConfigError(`embedding batch size must be a positive integer, got ${batchSize}`);
  }
  if (options.threads !== undefined && !(Number.isInteger(options.threads) && options.threads >= 1)) {
    throw new ConfigError(`embedding threads must be a positive integer, got ${options.threads}`);
  }
  const encoderOptions: EncoderOptions = { modelDir, threads: options.threads };
  const supervisor: Supervisor = await WorkerSupervisor.start({
    name: 'encoder',
    entry: siblingModule(import.meta.url, 'encoder-worker'),
    options: encoderOptions,
    logger,
    // A thread that died mid-batch is not a model that failed to load: the call fails, the next one starts a thread.
    unavailable: (message) => new PolyDeskError('EMBEDDER_UNAVAILABLE', message),
  });
  const { info } = supervisor;
  logger('info', 'embedder.loaded', {
    modelId: info.modelId,
    dimension: info.dimension,
    file: info.file,
    pooling: info.pooled ? 'model' : info.config.pooling,
    maxLength: info.config.maxLength,
    threads: options.threads ?? 'default',
    thread: 'worker',
  });
  const scheduler = new EmbedScheduler(supervisor, batchSize, logger);
  return {
    modelId: info.modelId,
    dimension: info.dimension,
    config: info.config,
    thread: supervisor,
    embed: (texts, kind, options) => scheduler.embed(texts, kind, options),
    close: () => supervisor.close(),
  };
}

function abortError(): Error {
  return new DOMException('The operation was aborted.', 'AbortError');
}

/** One call to `embed`: its vectors as batches come back, or its first error. */
interface EmbedCall {
  readonly vectors: Float32Array[];
  remaining: number;
  failed: boolean;
  resolve(vectors: Float32Array[]): void;
  reject(error: unknown): void;
}

interface BatchTask {
  readonly call: EmbedCall;
  /** Indexes into the call's texts. */
  readonly indexes: readonly number[];
  readonly texts: readonly string[];
  readonly kind: EmbedKind;
}

/**
 * Feeds the encoder's thread one batch at a time, query batches first, then the passages an answer
 * waits for (the reader's sentences), then the rest: a question's embedding waits for at most the one
 * batch already running, never for the rest of a bulk ingest or of another answer's sentences. Within a
 * call, texts of similar length share a batch (less padding).
 */
class EmbedScheduler {
  private readonly queries: BatchTask[] = [];
  /** Passages someone waits for (the reader's sentences of an answer): after questions, before ingest. */
  private readonly interactive: BatchTask[] = [];
  private readonly passages: BatchTask[] = [];
  private busy = false;

  constructor(
    private readonly supervisor: Supervisor,
    private readonly batchSize: number,
    private readonly logger: Logger,
  ) {}

  embed(texts: readonly string[], kind: EmbedKind, options: EmbedOptions = {}): Promise<Float32Array[]> {
    if (texts.length === 0) return Promise.resolve([]);
    const { signal } = options;
    if (signal?.aborted) return Promise.reject(abortError());
    return new Promise<Float32Array[]>((resolve, reject) => {
      // An aborted call's batches that have not started are skipped (`failed`); one running finishes.
      const onAbort = () => {
        if (call.failed || call.remaining === 0) return;
        call.failed = true;
        reject(abortError());
      };
      const done = () => signal?.removeEventListener('abort', onAbort);
      const call: EmbedCall = {
        vectors: new Array<Float32Array>(texts.length),
        remaining: texts.length,
        failed: false,
        resolve: (vectors) => {
          done();
          resolve(vectors);
        },
        reject: (error) => {
          done();
          reject(error);
        },
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      const order = texts.map((_, i) => i).sort((a, b) => texts[b]!.length - texts[a]!.length);
      const lane =
        kind === 'query' && options.priority !== 'bulk'
          ? this.queries
          : options.priority === 'interactive'
            ? this.interactive
            : this.passages;
      for (let start = 0; start < order.length; start += this.batchSize) {
        const indexes = order.slice(start, start + this.batchSize);
        lane.push({ call, indexes, texts: indexes.map((i) => texts[i]!), kind });
      }
      this.pump();
    });
  }

  private pump(): void {
    if (this.busy) return;
    let task: BatchTask | undefined;
    do task = this.queries.shift() ?? this.interactive.shift() ?? this.passages.shift();
    while (task?.call.failed);
    if (!task) return;
    this.busy = true;
    const current = task;
    const settle = (outcome: { vectors?: readonly Float32Array[]; error?: Error }) => {
      this.busy = false;
      const { call } = current;
      if (outcome.error) {
        if (!call.failed) {
          call.failed = true;
          this.logger('warn', 'embedder.batch_failed', { error: describeError(outcome.error) });
          call.reject(outcome.error);
        }
      } else if (!call.failed) {
        current.indexes.forEach((i, j) => {
          call.vectors[i] = outcome.vectors![j]!;
        });
        call.remaining -= current.indexes.length;
        if (call.remaining === 0) call.resolve(call.vectors);
      }
      this.pump();
    };
    const id = this.supervisor.nextId();
    this.supervisor
      .send(
        { type: 'embed', id, texts: current.texts, kind: current.kind },
        {
          onReply: (reply) => {
            settle(reply.type === 'done' ? { vectors: reply.vectors } : { error: fromWire(reply.error) });
            return true;
          },
          onFail: (error) => settle({ error }),
        },
      )
      .catch((error: unknown) =>
        settle({ error: error instanceof Error ? error : new Error(String(error)) }),
      );
  }
}
