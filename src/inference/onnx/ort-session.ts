/**
 * The only module that imports onnxruntime-node for generation. It opens a decoder exported with
 * optimum's `text-generation-with-past` task on the chosen execution provider and runs one forward
 * step at a time, keeping the KV cache as the runtime's own tensors between steps.
 */
import ort from 'onnxruntime-node';
import { ModelLoadError } from '../../core/errors.js';
import { assertWorkerThread } from '../../core/worker-protocol.js';
import type { LmConfig } from './model-folder.js';

export type LmDevice = 'cpu' | 'cuda' | 'webgpu';
export const LM_DEVICES: readonly LmDevice[] = ['cpu', 'cuda', 'webgpu'];

/** How the session runs. Defaults: cpu, device 0, onnxruntime's thread defaults, all graph optimisations. */
export interface DecoderSessionOptions {
  readonly device?: LmDevice | undefined;
  readonly deviceId?: number | undefined;
  readonly intraOpThreads?: number | undefined;
  readonly interOpThreads?: number | undefined;
  readonly graphOptimization?: 'disabled' | 'basic' | 'extended' | 'all' | undefined;
  /** WebGPU only: keep `present.*` outputs on the GPU and feed them back as the next step's past (default true). */
  readonly keepKvOnDevice?: boolean | undefined;
}

export const CUDA_HINT =
  'onnxruntime-node installs its CUDA libraries only when asked: after npm ci, run ' +
  '`ONNXRUNTIME_NODE_INSTALL=cuda12 node node_modules/onnxruntime-node/script/install.js` on the GPU host ' +
  '(CUDA 12 and cuDNN 9 drivers present), or set LLM_DEVICE=cpu';
const WEBGPU_HINT =
  'the WebGPU provider needs a GPU adapter (Vulkan on Linux); on a machine without one use LLM_DEVICE=cpu';

/** Names of the model's inputs and outputs, discovered from the session. */
interface IoNames {
  readonly positionIds: boolean;
  readonly attentionMask: boolean;
  readonly useCacheBranch: boolean;
  readonly layers: number;
}

/** The past keys and values of every layer; opaque outside this module. */
export class KvCache {
  constructor(
    readonly tensors: Readonly<Record<string, ort.Tensor>>,
    readonly length: number,
  ) {}

  dispose(): void {
    for (const t of Object.values(this.tensors)) t.dispose();
  }
}

/** One forward step: `inputIds` rows of equal length S; the mask covers past + new positions. */
export interface StepInput {
  readonly inputIds: readonly (readonly number[])[];
  readonly attentionMask: readonly (readonly number[])[];
  readonly positionIds: readonly (readonly number[])[];
}

function int64(rows: readonly (readonly number[])[]): ort.Tensor {
  const width = rows[0]?.length ?? 0;
  const data = new BigInt64Array(rows.length * width);
  for (let r = 0; r < rows.length; r++) {
    const row = rows[r]!;
    for (let c = 0; c < width; c++) data[r * width + c] = BigInt(row[c]!);
  }
  return new ort.Tensor('int64', data, [rows.length, width]);
}

/** IEEE 754 half → single precision. */
function halfToFloat(h: number): number {
  const sign = h & 0x8000 ? -1 : 1;
  const exp = (h >> 10) & 0x1f;
  const mant = h & 0x3ff;
  if (exp === 0) return sign * mant * 2 ** -24;
  if (exp === 31) return mant ? Number.NaN : sign * Number.POSITIVE_INFINITY;
  return sign * (1 + mant / 1024) * 2 ** (exp - 15);
}

function describeOrtError(error: unknown, device: LmDevice, modelPath: string): ModelLoadError {
  const message = error instanceof Error ? error.message : String(error);
  if (device === 'cuda' && /cuda|shared library|providers_shared/i.test(message)) {
    return new ModelLoadError(`the CUDA execution provider is not available: ${CUDA_HINT}`, { cause: error });
  }
  if (device === 'webgpu' && /webgpu|adapter|vulkan/i.test(message)) {
    return new ModelLoadError(`the WebGPU execution provider could not start: ${WEBGPU_HINT}`, {
      cause: error,
    });
  }
  const hint = /external data/i.test(message)
    ? ' (an export over 2 GB keeps its weights in data files next to model.onnx: copy them along)'
    : '';
  return new ModelLoadError(`could not load ${modelPath}: ${message.split('\n')[0]}${hint}`, {
    cause: error,
  });
}

function executionProvider(device: LmDevice, deviceId: number): ort.InferenceSession.ExecutionProviderConfig {
  if (device === 'cpu') return 'cpu';
  const supported = ort.listSupportedBackends().map((b) => b.name);
  if (!supported.includes(device)) {
    const hint = device === 'cuda' ? CUDA_HINT : WEBGPU_HINT;
    throw new ModelLoadError(
      `this onnxruntime-node build has no ${device} provider (it has ${supported.join(', ')}): ${hint}`,
    );
  }
  return { name: device, deviceId } as ort.InferenceSession.ExecutionProviderConfig;
}

/**
 * A loaded decoder: one forward step at a time, batch-capable. Opened only in a worker thread
 * (lm-worker.ts, through OnnxCausalLm): `create` throws on the main thread.
 */
export class DecoderSession {
  private constructor(
    private readonly session: ort.InferenceSession,
    private readonly io: IoNames,
    private readonly kvShape: { heads: number; headDim: number },
    private readonly floatType: 'float32' | 'float16',
    readonly device: LmDevice,
  ) {}

  static async create(
    modelPath: string,
    config: LmConfig,
    options: DecoderSessionOptions = {},
  ): Promise<DecoderSession> {
    assertWorkerThread('the decoder session');
    const device = options.device ?? 'cpu';
    const sessionOptions: ort.InferenceSession.SessionOptions = {
      executionProviders: [executionProvider(device, options.deviceId ?? 0)],
      graphOptimizationLevel: options.graphOptimization ?? 'all',
      ...(options.intraOpThreads ? { intraOpNumThreads: options.intraOpThreads } : {}),
      ...(options.interOpThreads ? { interOpNumThreads: options.interOpThreads } : {}),
    };
    if (device === 'webgpu' && (options.keepKvOnDevice ?? true)) {
      const location: Record<string, 'gpu-buffer'> = {};
      for (let i = 0; i < config.nLayer; i++) {
        location[`present.${i}.key`] = 'gpu-buffer';
        location[`present.${i}.value`] = 'gpu-buffer';
      }
      sessionOptions.preferredOutputLocation = location;
    }
    let session: ort.InferenceSession;
    try {
      session = await ort.InferenceSession.create(modelPath, sessionOptions);
    } catch (error) {
      throw describeOrtError(error, device, modelPath);
    }
    try {
      const io = checkIo(session, config, modelPath);
      const past = session.inputMetadata.find((m) => m.name === 'past_key_values.0.key');
      const floatType = past?.isTensor && past.type === 'float16' ? 'float16' : 'float32';
      return new DecoderSession(
        session,
        io,
        { heads: config.nHead, headDim: config.nEmbd / config.nHead },
        floatType,
        device,
      );
    } catch (error) {
      await session.release();
      throw error;
    }
  }

  /** Whether the model takes `position_ids` (needed for left-padded batches). */
  get hasPositionIds(): boolean {
    return this.io.positionIds;
  }

  /** An empty cache (zero-length past) for `batch` sequences. */
  emptyCache(batch: number): KvCache {
    const tensors: Record<string, ort.Tensor> = {};
    const dims = [batch, this.kvShape.heads, 0, this.kvShape.headDim];
    for (let i = 0; i < this.io.layers; i++) {
      for (const kind of ['key', 'value']) {
        const empty = this.floatType === 'float16' ? new Uint16Array(0) : new Float32Array(0);
        tensors[`past_key_values.${i}.${kind}`] = new ort.Tensor(this.floatType, empty, dims);
      }
    }
    return new KvCache(tensors, 0);
  }

  /**
   * Runs one step and returns the logits of each row's last position plus the grown cache.
   * The given cache is disposed: use the returned one.
   */
  async step(input: StepInput, past: KvCache): Promise<{ logits: Float32Array[]; cache: KvCache }> {
    const feeds: Record<string, ort.Tensor> = { input_ids: int64(input.inputIds), ...past.tensors };
    if (this.io.attentionMask) feeds['attention_mask'] = int64(input.attentionMask);
    if (this.io.positionIds) feeds['position_ids'] = int64(input.positionIds);
    if (this.io.useCacheBranch) feeds['use_cache_branch'] = new ort.Tensor('bool', [past.length > 0], [1]);
    const out = await this.session.run(feeds);
    past.dispose();
    const logits = out['logits']!;
    const [batch, seq, vocab] = logits.dims as [number, number, number];
    const data = logits.data as Float32Array | Uint16Array;
    const rows: Float32Array[] = [];
    for (let b = 0; b < batch; b++) {
      const start = (b * seq + seq - 1) * vocab;
      rows.push(
        data instanceof Float32Array
          ? data.slice(start, start + vocab)
          : Float32Array.from(data.subarray(start, start + vocab), halfToFloat),
      );
    }
    logits.dispose();
    const tensors: Record<string, ort.Tensor> = {};
    for (let i = 0; i < this.io.layers; i++) {
      tensors[`past_key_values.${i}.key`] = out[`present.${i}.key`]!;
      tensors[`past_key_values.${i}.value`] = out[`present.${i}.value`]!;
    }
    return { logits: rows, cache: new KvCache(tensors, past.length + (input.inputIds[0]?.length ?? 0)) };
  }

  async release(): Promise<void> {
    await this.session.release();
  }
}

function checkIo(session: ort.InferenceSession, config: LmConfig, modelPath: string): IoNames {
  const inputs = new Set(session.inputNames);
  const outputs = new Set(session.outputNames);
  const fail = (what: string) =>
    new ModelLoadError(
      `${modelPath}: ${what}; expected a decoder exported with optimum's text-generation-with-past task ` +
        '(inputs input_ids, attention_mask, past_key_values.{i}.key/value; outputs logits, present.{i}.key/value)',
    );
  if (!inputs.has('input_ids')) throw fail('the model has no input_ids input');
  if (!outputs.has('logits')) throw fail('the model has no logits output');
  const layers = session.inputNames.filter((n) => /^past_key_values\.\d+\.key$/.test(n)).length;
  if (layers === 0) throw fail('the model has no past_key_values inputs (exported without "-with-past"?)');
  if (layers !== config.nLayer)
    throw fail(
      `the model has ${layers} layers of past_key_values but config.json says n_layer ${config.nLayer}`,
    );
  for (let i = 0; i < layers; i++) {
    for (const name of [`past_key_values.${i}.value`])
      if (!inputs.has(name)) throw fail(`input ${name} is missing`);
    for (const name of [`present.${i}.key`, `present.${i}.value`])
      if (!outputs.has(name)) throw fail(`output ${name} is missing`);
  }
  return {
    positionIds: inputs.has('position_ids'),
    attentionMask: inputs.has('attention_mask'),
    useCacheBranch: inputs.has('use_cache_branch'),
    layers,
  };
}
