import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { Tokenizer } from '@huggingface/tokenizers';
import { ModelLoadError } from '../core/errors.js';

/**
 * An encoder's `tokenizer.json` (through @huggingface/tokenizers) plus what the library leaves to the
 * caller: truncation that keeps the closing special token, and the padding id.
 */
export interface EncoderTokenizer {
  /** Token ids with special tokens, at most `maxLength` of them. */
  encode(text: string): number[];
  readonly padId: number;
}

export function loadEncoderTokenizer(modelDir: string, maxLength: number): EncoderTokenizer {
  const file = path.join(modelDir, 'tokenizer.json');
  if (!existsSync(file)) {
    throw new ModelLoadError(
      `${file} is missing; an embedding model folder needs the tokenizer.json saved with the model`,
    );
  }
  const json = readJson(file);
  const configFile = path.join(modelDir, 'tokenizer_config.json');
  const config = existsSync(configFile) ? readJson(configFile) : {};
  let tokenizer: Tokenizer;
  try {
    tokenizer = new Tokenizer(json, config);
  } catch (error) {
    throw new ModelLoadError(`${file} could not be loaded as a Hugging Face tokenizer`, { cause: error });
  }
  const { prefix, suffix } = specialTokenLayout(tokenizer, file);
  if (maxLength < prefix + suffix + 1) {
    throw new ModelLoadError(`maxLength ${maxLength} leaves no room for text between the special tokens`);
  }
  return {
    padId: findPadId(tokenizer, json, config),
    encode(text) {
      const ids: number[] = tokenizer.encode(text).ids;
      if (ids.length <= maxLength) return ids;
      return [...ids.slice(0, maxLength - suffix), ...ids.slice(ids.length - suffix)];
    },
  };
}

/** How many special tokens the post-processor puts before and after a single text ([CLS] … [SEP]: 1 and 1). */
function specialTokenLayout(tokenizer: Tokenizer, file: string): { prefix: number; suffix: number } {
  const probe = 'a b c';
  const full: number[] = tokenizer.encode(probe).ids;
  const plain: number[] = tokenizer.encode(probe, { add_special_tokens: false }).ids;
  for (let start = 0; start + plain.length <= full.length; start++) {
    if (plain.every((id, i) => full[start + i] === id)) {
      return { prefix: start, suffix: full.length - start - plain.length };
    }
  }
  throw new ModelLoadError(
    `${file}: cannot tell where the special tokens go (post-processor changes the text tokens)`,
  );
}

function findPadId(
  tokenizer: Tokenizer,
  json: Record<string, unknown>,
  config: Record<string, unknown>,
): number {
  const padding = json['padding'] as { pad_id?: unknown } | null | undefined;
  if (typeof padding?.pad_id === 'number') return padding.pad_id;
  const named =
    typeof config['pad_token'] === 'string' ? tokenizer.token_to_id(config['pad_token']) : undefined;
  return named ?? tokenizer.token_to_id('<pad>') ?? tokenizer.token_to_id('[PAD]') ?? 0;
}

function readJson(file: string): Record<string, unknown> {
  try {
    const value: unknown = JSON.parse(readFileSync(file, 'utf8'));
    if (value && typeof value === 'object' && !Array.isArray(value)) return value as Record<string, unknown>;
  } catch (error) {
    throw new ModelLoadError(`${file} is not valid JSON`, { cause: error });
  }
  throw new ModelLoadError(`${file} is not a JSON object`);
}
