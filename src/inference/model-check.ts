import os from 'node:os';
import type { Writable } from 'node:stream';
import type { Logger } from '../core/log.js';
import { type KnownModel, promptFormatProblem, recognizeModel } from './known-models.js';
import { OnnxCausalLm } from './onnx/onnx-causal-lm.js';
import { type WeightType, readGraphSummary } from './onnx/onnx-graph-summary.js';
import { readModelFolder } from './onnx/model-folder.js';
import type { LmDevice } from './onnx/ort-session.js';
import type { PromptFormat } from './prompt.js';

/** `polydesk generate --check`: what the model in LLM_MODEL_DIR is and what it does on this machine. */
export interface ModelCheckOptions {
  readonly modelDir: string;
  readonly device?: LmDevice | undefined;
  readonly threads?: number | undefined;
  readonly promptFormat?: PromptFormat | undefined;
  /** Tokens of the timed greedy run (default 32). */
  readonly maxTokens?: number | undefined;
  readonly json?: boolean | undefined;
  readonly logger?: Logger | undefined;
}

/** What `--json` prints. Sizes are bytes; a field that could not be known is absent, never guessed. */
export interface ModelCheckResult {
  readonly model: {
    readonly dir: string;
    /** Which PolyLM this is, when the shape (and config.json's name) say so. */
    readonly recognized?: string | undefined;
    readonly layers: number;
    readonly heads: number;
    readonly hidden: number;
    readonly vocab: number;
    readonly contextTokens: number;
    readonly parameters: number;
  };
  readonly weights: {
    /** The type of the MatMul weights (the bulk of a decoder): fp32, fp16, bf16, int8 or int4. */
    readonly type: WeightType;
    readonly bytes: number;
    readonly byType: readonly {
      readonly type: WeightType;
      readonly parameters: number;
      readonly bytes: number;
    }[];
  };
  readonly executionProvider: LmDevice;
  readonly memory: {
    readonly weightsBytes: number;
    /** Keys and values of one sequence filling the whole context window. */
    readonly kvCacheBytes: number;
    /** Weights + one full-context KV cache; onnxruntime adds working memory for activations. */
    readonly expectedBytes: number;
    /** Growth of this process's resident memory from before loading to the end of the timed run, model still loaded. */
    readonly measuredRssBytes: number;
  };
  readonly speed: {
    readonly promptTokens: number;
    readonly newTokens: number;
    readonly ttftMs: number;
    readonly tokensPerSecond: number;
  };
  readonly hints: readonly string[];
}

const PROMPT = 'The helpdesk answers questions about leave, equipment and travel. ';

/** Loads the model as `serve` does, times a short greedy run, then reads the graph. */
export async function runModelCheck(options: ModelCheckOptions, out: Writable): Promise<ModelCheckResult> {
  const folder = readModelFolder(options.modelDir);
  const device = options.device ?? 'cpu';
  const rssBefore = process.memoryUsage().rss;
  const lm = await OnnxCausalLm.load({
    modelDir: options.modelDir,
    device,
    intraOpThreads: options.threads,
    maxBatch: 1,
    logger: options.logger,
  });
  let speed: ModelCheckResult['speed'];
  let measuredRssBytes: number;
  try {
    const prompt = lm.encode(PROMPT.repeat(2)).slice(0, 24);
    const newTokens = options.maxTokens ?? 32;
    await lm.generate(prompt, { maxNewTokens: 2 }); // warm-up: the first run allocates
    const run = await lm.generate(prompt, { maxNewTokens: newTokens });
    speed = {
      promptTokens: run.promptTokens,
      newTokens: run.tokenIds.length,
      ttftMs: round(run.ttftMs),
      tokensPerSecond: round(run.tokensPerSecond),
    };
    // While the model is loaded: weights, pre-packed copies, the worker thread, onnxruntime's arenas.
    measuredRssBytes = Math.max(0, process.memoryUsage().rss - rssBefore);
  } finally {
    await lm.release();
  }
  // Read after the timed run so that the file's bytes do not count in the measured memory.
  const graph = readGraphSummary(folder.modelPath);
  const { config } = folder;
  const kvBytes = graph.kvCacheType === 'fp16' ? 2 : 4;
  const kvCacheBytes = 2 * config.nLayer * config.nEmbd * config.nPositions * kvBytes;
  const recognized = recognizeModel(config, folder.dir);
  const result: ModelCheckResult = {
    model: {
      dir: folder.dir,
      ...(recognized ? { recognized: recognized.name } : {}),
      layers: config.nLayer,
      heads: config.nHead,
      hidden: config.nEmbd,
      vocab: config.vocabSize,
      contextTokens: config.nPositions,
      parameters: graph.parameters,
    },
    weights: { type: graph.matmulType, bytes: graph.bytes, byType: graph.weights },
    executionProvider: device,
    memory: {
      weightsBytes: graph.bytes,
      kvCacheBytes,
      expectedBytes: graph.bytes + kvCacheBytes,
      measuredRssBytes,
    },
    speed,
    hints: hints(recognized, options.promptFormat, device, graph.bytes + kvCacheBytes),
  };
  out.write(options.json ? `${JSON.stringify(result)}\n` : describe(result));
  return result;
}

function hints(
  known: KnownModel | undefined,
  format: PromptFormat | undefined,
  device: LmDevice,
  expected: number,
): string[] {
  const out: string[] = [];
  const problem = format ? promptFormatProblem(known, format) : undefined;
  if (problem) out.push(problem);
  else if (known?.base) {
    out.push(
      `${known.name} is a base model: with LLM_PROMPT_FORMAT=fewshot it is a pilot; for employees use PolyLM-MultiAlpaca-13B or PolyLM-Chat-13B (docs/models.md)`,
    );
  }
  if (device === 'cpu' && expected > os.totalmem() * 0.8) {
    out.push(
      `weights and KV cache need ${gb(expected)} but this machine has ${gb(os.totalmem())}: use an int4 export`,
    );
  }
  return out;
}

const round = (n: number) => Math.round(n * 10) / 10;
const gb = (bytes: number) =>
  bytes >= 1e9 ? `${(bytes / 1e9).toFixed(1)} GB` : `${(bytes / 1e6).toFixed(bytes < 1e7 ? 2 : 0)} MB`;

function describe(r: ModelCheckResult): string {
  const lines = [
    `model          ${r.model.dir}${r.model.recognized ? ` (${r.model.recognized})` : ''}`,
    `shape          ${r.model.layers} layers, ${r.model.heads} heads, hidden ${r.model.hidden}, vocabulary ${r.model.vocab}, context ${r.model.contextTokens}`,
    `parameters     ${(r.model.parameters / 1e6).toFixed(1)} M`,
    `weights        ${r.weights.type} MatMuls; by type: ${r.weights.byType.map((g) => `${g.type} ${gb(g.bytes)}`).join(', ')}`,
    `provider       ${r.executionProvider}`,
    `memory         expected ${gb(r.memory.expectedBytes)} (weights ${gb(r.memory.weightsBytes)} + KV cache of a full context ${gb(r.memory.kvCacheBytes)}); resident growth measured ${gb(r.memory.measuredRssBytes)}`,
    `speed          ${r.speed.tokensPerSecond} tokens/s, first token after ${r.speed.ttftMs} ms (${r.speed.promptTokens}-token prompt, ${r.speed.newTokens} greedy tokens)`,
    ...r.hints.map((h) => `hint           ${h}`),
  ];
  return `${lines.join('\n')}\n`;
}
