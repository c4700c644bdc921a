import type { Tokenizer } from '@huggingface/tokenizers';
import { GeneratorUnavailableError, InputError } from '../../core/errors.js';
import { type Logger, silentLogger } from '../../core/log.js';
import { WorkerSupervisor, siblingModule } from '../../core/worker-supervisor.js';
import { fromWire } from '../../core/worker-protocol.js';
import { GenerationQueue, type QueuedJob } from '../generation-queue.js';
import type { DecodeJob, DecodeParams, DecodeResult } from './decode-loop.js';
import type { BatchRequest, LmInfo, LmReply, LmWorkerOptions } from './lm-protocol.js';
import { decodeIds, loadTokenizer } from './lm-tokenizer.js';
import { type LmConfig, readModelFolder } from './model-folder.js';
import type { DecoderSessionOptions, LmDevice } from './ort-session.js';

/** Where the model is and how it runs. */
export interface OnnxCausalLmOptions extends DecoderSessionOptions {
  /** Export folder: model.onnx (+ external data), config.json, tokenizer.json. */
  readonly modelDir: string;
  /** Requests that may wait for the model; one more gets GeneratorBusyError (default 8; LLM_QUEUE_SIZE). */
  readonly maxWaiting?: number | undefined;
  /** Prompt tokens per prefill step (default 64). */
  readonly prefillChunk?: number | undefined;
  /**
   * Waiting requests decoded together in one batch (default 4; 1 turns batching off; LLM_BATCH_SIZE).
   * Measured on 2 CPU cores with a GPT-2-small-shaped model: 2 sequences per step give ~1.4x the
   * tokens/s of one.
   */
  readonly maxBatch?: number | undefined;
  readonly logger?: Logger | undefined;
}

/** A request to the model: DecodeParams, and whether it is a short job that must not wait for answers. */
export interface GenerateParams extends DecodeParams {
  /**
   * Translations for search: they have a queue of their own, outside `maxWaiting`, whose batches
   * the worker decodes step by step alongside a running answer batch instead of after it.
   */
  readonly short?: boolean | undefined;
}

/**
 * Short requests that may wait at once. Their callers bound them (the translation budget,
 * TRANSLATION_CONCURRENCY, at most 1,000); this only keeps a runaway caller from growing the queue.
 */
const MAX_SHORT_WAITING = 1_000;

type Supervisor = WorkerSupervisor<LmInfo, BatchRequest, LmReply>;

/**
 * A causal LM on onnxruntime-node in a worker thread of its own (lm-worker.ts): the main thread
 * keeps the tokenizer (prompts are counted and encoded here) and two queues — answers (bounded by
 * `maxWaiting`) and short requests — each sending the worker one batch at a time; the worker
 * interleaves the steps of an answer batch and a short batch and streams each sequence's text back,
 * so a translation never waits for a long answer to finish. A caller's abort stops
 * its sequence within one decode step. When the worker dies, the requests it had fail with
 * GeneratorUnavailableError (the LLM generator answers extractively instead) and a new worker
 * starts for the next ones. `generate` continues raw text (no template); prompts are built by the callers.
 */
export class OnnxCausalLm {
  private constructor(
    private readonly supervisor: Supervisor,
    private readonly tokenizer: Tokenizer,
    readonly config: LmConfig,
    private readonly answers: GenerationQueue<DecodeJob, DecodeResult>,
    private readonly shorts: GenerationQueue<DecodeJob, DecodeResult>,
  ) {}

  static async load(options: OnnxCausalLmOptions): Promise<OnnxCausalLm> {
    const log = options.logger ?? silentLogger;
    const started = performance.now();
    const folder = readModelFolder(options.modelDir);
    const tokenizer = loadTokenizer(folder);
    const { maxWaiting, maxBatch } = options;
    // Named one by one: callers pass wider objects (a generator's options hold functions), and only
    // plain values can cross to the thread.
    const workerOptions: LmWorkerOptions = {
      modelDir: options.modelDir,
      device: options.device,
      deviceId: options.deviceId,
      intraOpThreads: options.intraOpThreads,
      interOpThreads: options.interOpThreads,
      graphOptimization: options.graphOptimization,
      keepKvOnDevice: options.keepKvOnDevice,
      prefillChunk: Math.max(1, options.prefillChunk ?? 64),
    };
    const supervisor: Supervisor = await WorkerSupervisor.start({
      name: 'llm',
      entry: siblingModule(import.meta.url, 'lm-worker'),
      options: workerOptions,
      logger: log,
      unavailable: (message) => new GeneratorUnavailableError(message),
    });
    const { info } = supervisor;
    log('info', 'llm.loaded', {
      device: info.device,
      layers: info.config.nLayer,
      contextTokens: info.config.nPositions,
      thread: 'worker',
      ms: Math.round(performance.now() - started),
    });
    const queue = (lane: 'answer' | 'short', waiting: number) =>
      new GenerationQueue<DecodeJob, DecodeResult>({
        maxWaiting: waiting,
        // Left-padded batches need explicit position ids; without that input, one sequence at a time.
        maxBatch: info.hasPositionIds ? (maxBatch ?? 4) : 1,
        process: async (batch) => {
          const batchStarted = performance.now();
          await runBatch(supervisor, batch, log);
          log('debug', 'llm.batch', {
            lane,
            size: batch.length,
            ms: Math.round(performance.now() - batchStarted),
          });
        },
      });
    return new OnnxCausalLm(
      supervisor,
      tokenizer,
      info.config,
      queue('answer', maxWaiting ?? 8),
      queue('short', MAX_SHORT_WAITING),
    );
  }

  get contextTokens(): number {
    return this.config.nPositions;
  }

  get device(): LmDevice {
    return this.supervisor.info.device;
  }

  /** Requests running or waiting now. */
  get queueSize(): number {
    return this.answers.size + this.shorts.size;
  }

  /** The supervisor of the model's thread: restarts, and the thread itself (diagnostics, tests). */
  get thread(): Pick<Supervisor, 'worker' | 'restartCount'> {
    return this.supervisor;
  }

  encode(text: string): number[] {
    return this.tokenizer.encode(text).ids;
  }

  decode(ids: readonly number[]): string {
    return decodeIds(this.tokenizer, ids);
  }

  countTokens(text: string): number {
    return this.encode(text).length;
  }

  /** Continues `prompt` (text, or token ids). Waits in the queue; throws GeneratorBusyError when it is full. */
  async generate(prompt: string | readonly number[], params: GenerateParams): Promise<DecodeResult> {
    const ids = typeof prompt === 'string' ? this.encode(prompt) : prompt;
    if (ids.length === 0) throw new InputError('the prompt is empty');
    if (ids.length >= this.config.nPositions) {
      throw new InputError(
        `the prompt has ${ids.length} tokens; the model's context window is ${this.config.nPositions}`,
      );
    }
    const queue = params.short ? this.shorts : this.answers;
    return queue.submit({ promptIds: ids, params }, params.signal);
  }

  async release(): Promise<void> {
    await this.supervisor.close();
  }
}

/**
 * Sends one batch to the worker and settles each caller as its sequence ends. A caller that aborts
 * is answered at once with its abort reason; the batch ends (and the queue moves on) when the worker
 * has finished every sequence of it, or died.
 */
function runBatch(
  supervisor: Supervisor,
  batch: readonly QueuedJob<DecodeJob, DecodeResult>[],
  log: Logger,
): Promise<void> {
  const id = supervisor.nextId();
  const answered = batch.map(() => false);
  const answer = (part: number, settle: () => void) => {
    if (answered[part]) return;
    answered[part] = true;
    cleanups[part]?.();
    settle();
  };
  const cleanups = batch.map((queued, part) => {
    const signal = queued.job.params.signal;
    if (!signal) return undefined;
    const onAbort = () => {
      supervisor.abort(id, part);
      answer(part, () => queued.reject(signal.reason));
    };
    if (signal.aborted) queueMicrotask(onAbort);
    else signal.addEventListener('abort', onAbort, { once: true });
    return () => signal.removeEventListener('abort', onAbort);
  });
  return new Promise<void>((resolve) => {
    let open = batch.length;
    const finished = () => {
      open--;
      if (open === 0) resolve();
      return open === 0;
    };
    const fail = (error: Error) => {
      for (const [part, queued] of batch.entries()) answer(part, () => queued.reject(error));
      resolve();
    };
    supervisor
      .send(
        {
          type: 'batch',
          id,
          jobs: batch.map(({ job }) => ({
            promptIds: job.promptIds,
            // A caller that already gave up gets no tokens (its place in the batch stays, for the indexes).
            maxNewTokens: job.params.signal?.aborted ? 0 : job.params.maxNewTokens,
            sampling: job.params.sampling,
            stop: job.params.stop,
          })),
        },
        {
          onReply(reply) {
            const queued = batch[reply.part]!;
            if (reply.type === 'text') {
              if (!answered[reply.part]) queued.job.params.onText?.(reply.delta);
              return false;
            }
            if (reply.type === 'done') answer(reply.part, () => queued.resolve(reply.result));
            else {
              if (reply.piecesAfterAbort !== undefined)
                log('debug', 'llm.stopped', { piecesAfterAbort: reply.piecesAfterAbort });
              answer(reply.part, () => queued.reject(fromWire(reply.error)));
            }
            return finished();
          },
          onFail: fail,
        },
      )
      .then(() => {
        // Aborts that came while the batch waited for a worker to start could not reach it then.
        for (const [part, queued] of batch.entries())
          if (queued.job.params.signal?.aborted) supervisor.abort(id, part);
      }, fail);
  });
}
