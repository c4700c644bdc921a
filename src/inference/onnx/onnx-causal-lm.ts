import { Tokenizer } from '@huggingface/tokenizers';
import { InputError, ModelLoadError } from '../../core/errors.js';
import { type Logger, silentLogger } from '../../core/log.js';
import { GenerationQueue } from '../generation-queue.js';
import { type DecodeJob, type DecodeParams, type DecodeResult, decodeBatch } from './decode-loop.js';
import { type LmConfig, readModelFolder } from './model-folder.js';
import { DecoderSession, type DecoderSessionOptions } from './ort-session.js';

/** Where the model is and how it runs. */
export interface OnnxCausalLmOptions extends DecoderSessionOptions {
  /** Export folder: model.onnx (+ external data), config.json, tokenizer.json. */
  readonly modelDir: string;
  /** Requests that may wait for the model; one more gets GeneratorBusyError (default 8). */
  readonly maxWaiting?: number | undefined;
  /** Prompt tokens per prefill step (default 64). */
  readonly prefillChunk?: number | undefined;
  /**
   * Waiting requests decoded together in one batch (default 4; 1 turns batching off). Measured on
   * 2 CPU cores with a GPT-2-small-shaped model: 2 sequences per step give ~1.4x the tokens/s of one.
   */
  readonly maxBatch?: number | undefined;
  readonly logger?: Logger | undefined;
}

/**
 * A causal LM on onnxruntime-node: one session, one tokenizer, a bounded queue in front.
 * `generate` continues raw text (no template); prompts are built by the callers.
 */
export class OnnxCausalLm {
  private constructor(
    private readonly session: DecoderSession,
    private readonly tokenizer: Tokenizer,
    readonly config: LmConfig,
    private readonly queue: GenerationQueue<DecodeJob, DecodeResult>,
  ) {}

  static async load(options: OnnxCausalLmOptions): Promise<OnnxCausalLm> {
    const log = options.logger ?? silentLogger;
    const started = performance.now();
    const folder = readModelFolder(options.modelDir);
    let tokenizer: Tokenizer;
    try {
      tokenizer = new Tokenizer(folder.tokenizerJson, folder.tokenizerConfig);
    } catch (error) {
      throw new ModelLoadError(
        `model folder ${folder.dir}: tokenizer.json could not be loaded: ${(error as Error).message}`,
        {
          cause: error,
        },
      );
    }
    const eosIds =
      folder.config.eosIds.length > 0
        ? folder.config.eosIds
        : eosFromTokenizer(tokenizer, folder.tokenizerConfig);
    const config = { ...folder.config, eosIds };
    const session = await DecoderSession.create(folder.modelPath, config, options);
    log('info', 'llm.loaded', {
      device: session.device,
      layers: config.nLayer,
      contextTokens: config.nPositions,
      ms: Math.round(performance.now() - started),
    });
    const decode = (ids: readonly number[]) =>
      tokenizer.decode([...ids], { skip_special_tokens: true, clean_up_tokenization_spaces: false });
    const context = {
      session,
      decode,
      eosIds,
      maxPositions: config.nPositions,
      prefillChunk: Math.max(1, options.prefillChunk ?? 64),
    };
    const queue = new GenerationQueue<DecodeJob, DecodeResult>({
      maxWaiting: options.maxWaiting ?? 8,
      // Left-padded batches need explicit position ids; without that input, one sequence at a time.
      maxBatch: session.hasPositionIds ? (options.maxBatch ?? 4) : 1,
      process: async (batch) => {
        const batchStarted = performance.now();
        await decodeBatch(context, batch);
        log('debug', 'llm.batch', { size: batch.length, ms: Math.round(performance.now() - batchStarted) });
      },
    });
    return new OnnxCausalLm(session, tokenizer, config, queue);
  }

  get contextTokens(): number {
    return this.config.nPositions;
  }

  encode(text: string): number[] {
    return this.tokenizer.encode(text).ids;
  }

  decode(ids: readonly number[]): string {
    return this.tokenizer.decode([...ids], {
      skip_special_tokens: true,
      clean_up_tokenization_spaces: false,
    });
  }

  countTokens(text: string): number {
    return this.encode(text).length;
  }

  /** Continues `prompt` (text, or token ids). Waits in the queue; throws GeneratorBusyError when it is full. */
  async generate(prompt: string | readonly number[], params: DecodeParams): Promise<DecodeResult> {
    const ids = typeof prompt === 'string' ? this.encode(prompt) : prompt;
    if (ids.length === 0) throw new InputError('the prompt is empty');
    if (ids.length >= this.config.nPositions) {
      throw new InputError(
        `the prompt has ${ids.length} tokens; the model's context window is ${this.config.nPositions}`,
      );
    }
    return this.queue.submit({ promptIds: ids, params }, params.signal);
  }

  async release(): Promise<void> {
    await this.session.release();
  }
}

function eosFromTokenizer(tokenizer: Tokenizer, tokenizerConfig: Record<string, unknown>): number[] {
  const eos = tokenizerConfig['eos_token'];
  const content = typeof eos === 'string' ? eos : (eos as { content?: string } | undefined)?.content;
  const id = content === undefined ? undefined : tokenizer.token_to_id(content);
  return id === undefined ? [] : [id];
}
