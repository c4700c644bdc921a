/**
 * The encoder itself: an ONNX export (BERT / XLM-R family) on onnxruntime-node, opened and run in
 * the encoder's worker thread (encoder-worker.ts) only; the rest of PolyDesk sees an `Embedder`
 * (onnx-embedder.ts), which sends this thread one batch at a time.
 */
import { createHash } from 'node:crypto';
import { closeSync, existsSync, openSync, readFileSync, readSync, statSync } from 'node:fs';
import path from 'node:path';
import * as ort from 'onnxruntime-node';
import { ModelLoadError, describeError } from '../core/errors.js';
import { assertWorkerThread } from '../core/worker-protocol.js';
import type { EmbedKind } from './embedder.js';
import { normalizeL2 } from './embedder.js';
import { type EmbeddingConfig, loadEmbeddingConfig } from './embedding-config.js';
import { type EncoderTokenizer, loadEncoderTokenizer } from './encoder-tokenizer.js';

/** How the worker opens the encoder (`workerData.options`). */
export interface EncoderOptions {
  /** Folder with model.onnx (or onnx/model.onnx), tokenizer.json and optionally polydesk-embedding.json. */
  readonly modelDir: string;
  /** Intra-op threads for onnxruntime; its default (all physical cores) when omitted. */
  readonly threads?: number | undefined;
}

/** What the worker tells the main thread once the encoder is loaded and probed. */
export interface EncoderInfo {
  readonly modelId: string;
  readonly dimension: number;
  readonly config: EmbeddingConfig;
  readonly file: string;
  readonly pooled: boolean;
}

/** A loaded encoder: embeds one batch per call (the caller batches). */
export interface Encoder {
  readonly info: EncoderInfo;
  embedBatch(texts: readonly string[], kind: EmbedKind): Promise<Float32Array[]>;
  close(): Promise<void>;
}

const POOLABLE_OUTPUTS = ['last_hidden_state', 'token_embeddings'];
const POOLED_OUTPUTS = ['sentence_embedding'];
const KNOWN_INPUTS = new Set(['input_ids', 'attention_mask', 'token_type_ids']);

/** Loads and checks the model folder; fails with a `ModelLoadError` naming the file and what was expected. */
export async function openEncoder(options: EncoderOptions): Promise<Encoder> {
  const { modelDir } = options;
  if (!existsSync(modelDir) || !statSync(modelDir).isDirectory()) {
    throw new ModelLoadError(`embedding model folder ${modelDir} does not exist or is not a folder`);
  }
  const modelFile = findModelFile(modelDir);
  const config = loadEmbeddingConfig(modelDir);
  const tokenizer = loadEncoderTokenizer(modelDir, config.maxLength);
  assertWorkerThread('the encoder session');
  let session: ort.InferenceSession;
  try {
    session = await ort.InferenceSession.create(modelFile, {
      ...(options.threads ? { intraOpNumThreads: options.threads } : {}),
      interOpNumThreads: 1,
      graphOptimizationLevel: 'all',
      logSeverityLevel: 3,
      // Idle threads sleep instead of spinning: on a CPU shared with the server and the generator,
      // spinning made embedding 1.5–2× slower (measured with 2 threads at load average 3).
      extra: { session: { intra_op: { allow_spinning: '0' }, inter_op: { allow_spinning: '0' } } },
    });
  } catch (error) {
    throw new ModelLoadError(`${modelFile} is not a loadable ONNX model (${describeError(error)})`, {
      cause: error,
    });
  }
  let io: ModelIo;
  let dimension: number;
  let runner: EncoderRunner;
  try {
    io = checkModelIo(session, modelFile, config);
    runner = new EncoderRunner(session, tokenizer, config, io);
    dimension = await probeDimension(runner, modelFile);
    await probeMaxLength(runner, modelFile, config.maxLength, modelDir);
  } catch (error) {
    await session.release();
    throw error;
  }
  const modelId = `${config.name}:${fingerprint(modelFile, modelDir, config)}`;
  return {
    info: { modelId, dimension, config, file: modelFile, pooled: io.pooled },
    embedBatch: (texts, kind) => runner.embed(texts, kind),
    close: () => session.release(),
  };
}

/** Runs one text through the model: proves the inputs work and gives the vector size. */
async function probeDimension(runner: EncoderRunner, modelFile: string): Promise<number> {
  try {
    return (await runner.embed(['a'], 'passage'))[0]!.length;
  } catch (error) {
    throw new ModelLoadError(`${modelFile} failed on a test input (${describeError(error)})`, {
      cause: error,
    });
  }
}

/**
 * Runs a text of `maxLength` tokens: a model with fewer position embeddings than the configured
 * maxLength would otherwise fail on every long chunk at ingest time instead of at start.
 */
async function probeMaxLength(runner: EncoderRunner, modelFile: string, maxLength: number, modelDir: string) {
  try {
    await runner.embed(['a '.repeat(maxLength * 2)], 'passage');
  } catch (error) {
    throw new ModelLoadError(
      `${modelFile} cannot embed ${maxLength} tokens (${describeError(error).slice(0, 200)}); set "maxLength" in ` +
        `${path.join(modelDir, 'polydesk-embedding.json')} to the model's maximum sequence length`,
      { cause: error },
    );
  }
}

interface ModelIo {
  readonly output: string;
  readonly pooled: boolean;
  readonly tokenTypes: boolean;
  readonly int32: boolean;
}

function findModelFile(modelDir: string): string {
  const candidates = [path.join(modelDir, 'model.onnx'), path.join(modelDir, 'onnx', 'model.onnx')];
  const found = candidates.find((file) => existsSync(file));
  if (!found) {
    throw new ModelLoadError(
      `embedding model folder ${modelDir} has no model.onnx (looked for ${candidates.join(' and ')}); ` +
        'see docs/models.md for exporting an encoder to ONNX',
    );
  }
  return found;
}

function checkModelIo(session: ort.InferenceSession, file: string, config: EmbeddingConfig): ModelIo {
  const inputs = session.inputNames;
  const expected = 'expected inputs input_ids, attention_mask and optionally token_type_ids';
  const missing = ['input_ids', 'attention_mask'].filter((name) => !inputs.includes(name));
  const unknown = inputs.filter((name) => !KNOWN_INPUTS.has(name));
  if (missing.length > 0 || unknown.length > 0) {
    throw new ModelLoadError(`${file}: ${expected}, found ${inputs.join(', ')}; is this an encoder export?`);
  }
  const outputs = session.outputNames;
  const output =
    config.output ?? [...POOLABLE_OUTPUTS, ...POOLED_OUTPUTS].find((name) => outputs.includes(name));
  if (!output || !outputs.includes(output)) {
    throw new ModelLoadError(
      `${file}: expected an output ${config.output ?? 'last_hidden_state, token_embeddings or sentence_embedding'}, ` +
        `found ${outputs.join(', ')}`,
    );
  }
  const meta = session.outputMetadata.find((m) => m.name === output);
  if (meta?.isTensor && meta.type !== 'float32') {
    throw new ModelLoadError(
      `${file}: output ${output} is ${meta.type}; export the model with float32 outputs`,
    );
  }
  const rank =
    meta?.isTensor && meta.shape.length > 0 ? meta.shape.length : POOLED_OUTPUTS.includes(output) ? 2 : 3;
  const idsMeta = session.inputMetadata.find((m) => m.name === 'input_ids');
  return {
    output,
    pooled: rank === 2,
    tokenTypes: inputs.includes('token_type_ids'),
    int32: idsMeta?.isTensor === true && idsMeta.type === 'int32',
  };
}

/** Hash of what decides the vectors: the model file (size, first and last MiB), tokenizer and config. */
function fingerprint(modelFile: string, modelDir: string, config: EmbeddingConfig): string {
  const hash = createHash('sha256');
  const size = statSync(modelFile).size;
  hash.update(String(size));
  const fd = openSync(modelFile, 'r');
  try {
    const chunk = Buffer.alloc(Math.min(size, 1 << 20));
    readSync(fd, chunk, 0, chunk.length, 0);
    hash.update(chunk);
    readSync(fd, chunk, 0, chunk.length, size - chunk.length);
    hash.update(chunk);
  } finally {
    closeSync(fd);
  }
  hash.update(readFileSync(path.join(modelDir, 'tokenizer.json')));
  const { pooling, normalize, maxLength, queryPrefix, passagePrefix, output } = config;
  hash.update(JSON.stringify({ pooling, normalize, maxLength, queryPrefix, passagePrefix, output }));
  return hash.digest('hex').slice(0, 12);
}

/** Tokenises one batch, runs the session, pools. */
class EncoderRunner {
  constructor(
    private readonly session: ort.InferenceSession,
    private readonly tokenizer: EncoderTokenizer,
    private readonly config: EmbeddingConfig,
    private readonly io: ModelIo,
  ) {}

  embed(texts: readonly string[], kind: EmbedKind): Promise<Float32Array[]> {
    const prefix = kind === 'query' ? this.config.queryPrefix : this.config.passagePrefix;
    return this.runBatch(texts.map((text) => this.tokenizer.encode(prefix + text)));
  }

  private async runBatch(sequences: readonly number[][]): Promise<Float32Array[]> {
    const rows = sequences.length;
    const width = Math.max(...sequences.map((s) => s.length));
    const ids = new Array<number>(rows * width).fill(this.tokenizer.padId);
    const mask = new Array<number>(rows * width).fill(0);
    sequences.forEach((seq, r) => {
      for (let t = 0; t < seq.length; t++) {
        ids[r * width + t] = seq[t]!;
        mask[r * width + t] = 1;
      }
    });
    const tensor = (values: number[]) =>
      this.io.int32
        ? new ort.Tensor('int32', Int32Array.from(values), [rows, width])
        : new ort.Tensor('int64', BigInt64Array.from(values, BigInt), [rows, width]);
    const feeds: Record<string, ort.Tensor> = { input_ids: tensor(ids), attention_mask: tensor(mask) };
    if (this.io.tokenTypes) feeds['token_type_ids'] = tensor(new Array<number>(rows * width).fill(0));
    const outputs = await this.session.run(feeds);
    const out = outputs[this.io.output]!;
    const data = out.data as Float32Array;
    const vectors = this.io.pooled
      ? sequences.map((_, r) => data.slice(r * (data.length / rows), (r + 1) * (data.length / rows)))
      : pool(data, out.dims as readonly number[], mask, this.config.pooling);
    for (const tensorValue of Object.values(outputs)) tensorValue.dispose();
    return this.config.normalize ? vectors.map(normalizeL2) : vectors;
  }
}

/** Mean over the real (unmasked) tokens, or the first token's state. */
function pool(
  data: Float32Array,
  dims: readonly number[],
  mask: number[],
  mode: 'mean' | 'cls',
): Float32Array[] {
  const [rows, width, hidden] = dims as [number, number, number];
  const vectors: Float32Array[] = [];
  for (let r = 0; r < rows; r++) {
    const base = r * width * hidden;
    if (mode === 'cls') {
      vectors.push(data.slice(base, base + hidden));
      continue;
    }
    const sum = new Float32Array(hidden);
    let count = 0;
    for (let t = 0; t < width; t++) {
      if (mask[r * width + t] === 0) continue;
      count++;
      const offset = base + t * hidden;
      for (let i = 0; i < hidden; i++) sum[i]! += data[offset + i]!;
    }
    for (let i = 0; i < hidden; i++) sum[i]! /= Math.max(count, 1);
    vectors.push(sum);
  }
  return vectors;
}
