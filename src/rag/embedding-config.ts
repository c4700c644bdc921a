import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { ModelLoadError } from '../core/errors.js';

/** Optional file in an embedding model folder that says how to turn token states into a sentence vector. */
export const EMBEDDING_CONFIG_FILE = 'polydesk-embedding.json';

const schema = z
  .object({
    /** Shown in logs and recorded in the vector index; defaults to the folder name. */
    name: z.string().min(1).optional(),
    pooling: z.enum(['mean', 'cls']).default('mean'),
    normalize: z.boolean().default(true),
    /** Tokens per text including special tokens; longer texts are truncated. */
    maxLength: z.number().int().min(8).max(8192).default(512),
    queryPrefix: z.string().default('query: '),
    passagePrefix: z.string().default('passage: '),
    /** Name of the model output to use; by default `last_hidden_state`, `token_embeddings` or `sentence_embedding`. */
    output: z.string().min(1).optional(),
  })
  .strict();

/** How an encoder is used. Defaults are multilingual-e5's: mean pooling, L2 norm, 512 tokens, `query: `/`passage: `. */
export type EmbeddingConfig = Readonly<z.output<typeof schema>> & { readonly name: string };

/** Reads `polydesk-embedding.json` from the model folder, or returns the multilingual-e5 defaults. */
export function loadEmbeddingConfig(modelDir: string): EmbeddingConfig {
  const file = path.join(modelDir, EMBEDDING_CONFIG_FILE);
  let raw: unknown = {};
  if (existsSync(file)) {
    try {
      raw = JSON.parse(readFileSync(file, 'utf8'));
    } catch (error) {
      throw new ModelLoadError(`${file} is not valid JSON`, { cause: error });
    }
  }
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`).join('; ');
    throw new ModelLoadError(
      `${file} is invalid (${issues}); expected {"pooling": "mean"|"cls", "normalize": true|false, ` +
        `"maxLength": 512, "queryPrefix": "query: ", "passagePrefix": "passage: "}, every key optional`,
    );
  }
  return { ...parsed.data, name: parsed.data.name ?? path.basename(path.resolve(modelDir)) };
}
