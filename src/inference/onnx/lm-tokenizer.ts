import { Tokenizer } from '@huggingface/tokenizers';
import { ModelLoadError } from '../../core/errors.js';
import type { ModelFolder } from './model-folder.js';

/** The export's tokenizer.json; both threads load it (the main thread counts and encodes, the worker decodes). */
export function loadTokenizer(folder: ModelFolder): Tokenizer {
  try {
    return new Tokenizer(folder.tokenizerJson, folder.tokenizerConfig);
  } catch (error) {
    throw new ModelLoadError(
      `model folder ${folder.dir}: tokenizer.json could not be loaded: ${(error as Error).message}`,
      { cause: error },
    );
  }
}

/** End-of-text ids: config.json's, else the tokenizer's `eos_token`. */
export function resolveEosIds(folder: ModelFolder, tokenizer: Tokenizer): readonly number[] {
  if (folder.config.eosIds.length > 0) return folder.config.eosIds;
  const eos = folder.tokenizerConfig['eos_token'];
  const content = typeof eos === 'string' ? eos : (eos as { content?: string } | undefined)?.content;
  const id = content === undefined ? undefined : tokenizer.token_to_id(content);
  return id === undefined ? [] : [id];
}

/** Token ids as text, special tokens left out: what the model wrote, in either thread. */
export function decodeIds(tokenizer: Tokenizer, ids: readonly number[]): string {
  return tokenizer.decode([...ids], { skip_special_tokens: true, clean_up_tokenization_spaces: false });
}
