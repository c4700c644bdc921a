import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { ModelLoadError } from '../../core/errors.js';

/** What the decode loop needs from `config.json`. */
export interface LmConfig {
  readonly nLayer: number;
  readonly nHead: number;
  readonly nEmbd: number;
  /** Context window in tokens. */
  readonly nPositions: number;
  readonly vocabSize: number;
  readonly bosId?: number | undefined;
  readonly eosIds: readonly number[];
}

/** A validated export folder (optimum `text-generation-with-past` layout). */
export interface ModelFolder {
  readonly dir: string;
  readonly modelPath: string;
  readonly config: LmConfig;
  readonly tokenizerJson: Record<string, unknown>;
  readonly tokenizerConfig: Record<string, unknown>;
}

const EXPECTED =
  'expected an optimum export (`optimum-cli export onnx --task text-generation-with-past`): ' +
  'model.onnx (plus its external data files), config.json and tokenizer.json';

function readJson(dir: string, name: string, required: boolean): Record<string, unknown> | undefined {
  const file = path.join(dir, name);
  if (!existsSync(file)) {
    if (!required) return undefined;
    const hint =
      name === 'tokenizer.json'
        ? '; PolyLM ships tokenizer.model: convert it once to tokenizer.json (see README, "PolyLM export")'
        : '';
    throw new ModelLoadError(`model folder ${dir}: ${name} is missing (${EXPECTED})${hint}`);
  }
  try {
    const value: unknown = JSON.parse(readFileSync(file, 'utf8'));
    if (typeof value !== 'object' || value === null || Array.isArray(value))
      throw new Error('not a JSON object');
    return value as Record<string, unknown>;
  } catch (error) {
    throw new ModelLoadError(`model folder ${dir}: ${name} is not valid JSON: ${(error as Error).message}`, {
      cause: error,
    });
  }
}

function positiveInt(config: Record<string, unknown>, dir: string, ...keys: string[]): number {
  for (const key of keys) {
    const v = config[key];
    if (typeof v === 'number' && Number.isInteger(v) && v > 0) return v;
  }
  throw new ModelLoadError(
    `model folder ${dir}: config.json lacks a positive integer ${keys.join(' / ')} (a GPT-2 style config has n_layer, n_head, n_embd, n_positions, vocab_size)`,
  );
}

function ids(value: unknown): number[] {
  if (typeof value === 'number') return [value];
  if (Array.isArray(value)) return value.filter((v): v is number => typeof v === 'number');
  return [];
}

export function parseLmConfig(raw: Record<string, unknown>, dir: string): LmConfig {
  const config: LmConfig = {
    nLayer: positiveInt(raw, dir, 'n_layer', 'num_hidden_layers'),
    nHead: positiveInt(raw, dir, 'n_head', 'num_attention_heads'),
    nEmbd: positiveInt(raw, dir, 'n_embd', 'hidden_size'),
    nPositions: positiveInt(raw, dir, 'n_positions', 'n_ctx', 'max_position_embeddings'),
    vocabSize: positiveInt(raw, dir, 'vocab_size'),
    bosId: ids(raw['bos_token_id'])[0],
    eosIds: ids(raw['eos_token_id']),
  };
  if (config.nEmbd % config.nHead !== 0) {
    throw new ModelLoadError(
      `model folder ${dir}: config.json n_embd ${config.nEmbd} is not a multiple of n_head ${config.nHead}`,
    );
  }
  return config;
}

/** Reads and checks the folder; every problem is a ModelLoadError naming the file and what was expected. */
export function readModelFolder(dir: string): ModelFolder {
  if (!existsSync(dir) || !statSync(dir).isDirectory()) {
    throw new ModelLoadError(`model folder ${dir} does not exist or is not a folder (${EXPECTED})`);
  }
  const modelPath = ['model.onnx', path.join('onnx', 'model.onnx')]
    .map((name) => path.join(dir, name))
    .find((file) => existsSync(file));
  if (!modelPath) {
    const merged = existsSync(path.join(dir, 'decoder_model_merged.onnx'))
      ? '; decoder_model_merged.onnx is an older layout: re-export with a current optimum'
      : '';
    throw new ModelLoadError(`model folder ${dir}: model.onnx is missing (${EXPECTED})${merged}`);
  }
  const config = parseLmConfig(readJson(dir, 'config.json', true)!, dir);
  const tokenizerJson = readJson(dir, 'tokenizer.json', true)!;
  if (typeof tokenizerJson['model'] !== 'object') {
    throw new ModelLoadError(
      `model folder ${dir}: tokenizer.json has no "model" section (expected a Hugging Face tokenizers file)`,
    );
  }
  const tokenizerConfig = readJson(dir, 'tokenizer_config.json', false) ?? {};
  return { dir, modelPath, config, tokenizerJson, tokenizerConfig };
}
