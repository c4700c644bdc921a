import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Tokenizer } from '@huggingface/tokenizers';
import { afterAll, describe, expect, it } from 'vitest';
import { ConfigError, ModelLoadError } from '../../src/core/errors.js';
import { silentLogger } from '../../src/core/log.js';
import { type OnnxEmbedder, createOnnxEmbedder } from '../../src/rag/onnx-embedder.js';
import { type TinyBertFolderOptions, writeTinyBertFolder } from '../fixtures/tiny-bert.js';
import { referenceEmbedding } from '../fixtures/tiny-bert-reference.js';
import { tinyUnigramTokenizer, tinyWordPieceTokenizer } from '../fixtures/tiny-tokenizer.js';

const root = mkdtempSync(path.join(os.tmpdir(), 'polydesk-embedder-'));
const open: OnnxEmbedder[] = [];
let counter = 0;

afterAll(async () => {
  await Promise.all(open.map((e) => e.close()));
  rmSync(root, { recursive: true, force: true });
});

function folder(options: TinyBertFolderOptions = {}) {
  return writeTinyBertFolder(path.join(root, `m${counter++}`), options);
}

async function load(dir: string, batchSize?: number) {
  const embedder = await createOnnxEmbedder({ modelDir: dir, threads: 1, batchSize, logger: silentLogger });
  open.push(embedder);
  return embedder;
}

function maxDiff(a: ArrayLike<number>, b: ArrayLike<number>): number {
  expect(a.length).toBe(b.length);
  let max = 0;
  for (let i = 0; i < a.length; i++) max = Math.max(max, Math.abs(a[i]! - b[i]!));
  return max;
}

const TEXTS = [
  'How do I reset my password?',
  'vpn',
  'Where is the printer on the third floor, and can you connect my laptop to the wifi?',
  '密码重置',
  '',
];

describe('ONNX embedder on a generated tiny BERT', () => {
  it('matches a plain TypeScript computation of the same network within 1e-4', async () => {
    const model = folder();
    const embedder = await load(model.dir);
    const tokenizer = new Tokenizer(tinyWordPieceTokenizer(), {});
    const vectors = await embedder.embed(TEXTS, 'query');
    TEXTS.forEach((text, i) => {
      const ids = tokenizer.encode(`query: ${text}`).ids;
      const expected = referenceEmbedding(model.shape, model.weights, ids, {
        pooling: 'mean',
        normalize: true,
      });
      expect(maxDiff(vectors[i]!, expected)).toBeLessThan(1e-4);
    });
    expect(embedder.dimension).toBe(32);
  });

  it('gives the same vectors batched, one by one, and whatever padding a batch needs', async () => {
    const embedder = await load(folder().dir, 3);
    const batched = await embedder.embed(TEXTS, 'passage');
    for (const [i, text] of TEXTS.entries()) {
      const [alone] = await embedder.embed([text], 'passage');
      expect(maxDiff(batched[i]!, alone!)).toBeLessThan(1e-5);
    }
    const longest = TEXTS[2]!;
    const [padded] = await embedder.embed(['vpn', longest], 'passage');
    const [unpadded] = await embedder.embed(['vpn'], 'passage');
    expect(maxDiff(padded!, unpadded!)).toBeLessThan(1e-5);
  });

  it('returns unit vectors, and different ones for queries and passages', async () => {
    const embedder = await load(folder().dir);
    const [query] = await embedder.embed(['vpn'], 'query');
    const [passage] = await embedder.embed(['vpn'], 'passage');
    for (const v of [query!, passage!]) expect(Math.hypot(...v)).toBeCloseTo(1, 5);
    expect(maxDiff(query!, passage!)).toBeGreaterThan(1e-3);
    expect(await embedder.embed([], 'query')).toEqual([]);
  });

  it('reads pooling, prefixes and maxLength from polydesk-embedding.json and truncates long texts', async () => {
    const config = {
      name: 'tiny',
      pooling: 'cls',
      normalize: false,
      maxLength: 12,
      queryPrefix: '',
      passagePrefix: '',
    };
    const model = folder({ config });
    const embedder = await load(model.dir);
    const tokenizer = new Tokenizer(tinyWordPieceTokenizer(), {});
    const long = TEXTS[2]!;
    const all = tokenizer.encode(long).ids;
    const truncated = [...all.slice(0, 11), all[all.length - 1]!];
    const [vector] = await embedder.embed([long], 'passage');
    const expected = referenceEmbedding(model.shape, model.weights, truncated, {
      pooling: 'cls',
      normalize: false,
    });
    expect(maxDiff(vector!, expected)).toBeLessThan(1e-4);
    expect(embedder.modelId).toMatch(/^tiny:[0-9a-f]{12}$/);
  });

  it('loads an XLM-R-style export: onnx/model.onnx, Unigram tokenizer, no token_type_ids', async () => {
    const model = folder({ nested: true, tokenTypeIds: false, tokenizer: tinyUnigramTokenizer() });
    const embedder = await load(model.dir);
    const tokenizer = new Tokenizer(tinyUnigramTokenizer(), {});
    const [vector] = await embedder.embed(['How do I reset my password?'], 'query');
    const ids = tokenizer.encode('query: How do I reset my password?').ids;
    const expected = referenceEmbedding(model.shape, model.weights, ids, {
      pooling: 'mean',
      normalize: true,
    });
    expect(maxDiff(vector!, expected)).toBeLessThan(1e-4);
  });

  it('uses an already pooled sentence_embedding output as is', async () => {
    const pooled = await load(folder({ output: 'sentence_embedding' }).dir);
    const tokens = await load(folder({ config: { pooling: 'cls' } }).dir);
    const [a] = await pooled.embed(['wifi'], 'query');
    const [b] = await tokens.embed(['wifi'], 'query');
    expect(maxDiff(a!, b!)).toBeLessThan(1e-5);
  });

  it('keeps the same modelId for the same folder and changes it when the config changes', async () => {
    const model = folder();
    const first = await load(model.dir);
    const second = await load(model.dir);
    expect(second.modelId).toBe(first.modelId);
    writeFileSync(
      path.join(model.dir, 'polydesk-embedding.json'),
      JSON.stringify({ pooling: 'cls', maxLength: model.shape.maxPositions }),
    );
    const third = await load(model.dir);
    expect(third.modelId).not.toBe(first.modelId);
  });
});

describe('bad model folders fail at start with a clear error', () => {
  async function failure(dir: string): Promise<ModelLoadError> {
    const error = await createOnnxEmbedder({ modelDir: dir, logger: silentLogger }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ModelLoadError);
    return error as ModelLoadError;
  }

  it('names a missing folder, model file or tokenizer', async () => {
    expect((await failure(path.join(root, 'nowhere'))).message).toMatch(/nowhere does not exist/);
    const empty = path.join(root, 'empty');
    mkdirSync(empty);
    expect((await failure(empty)).message).toMatch(/no model\.onnx .*onnx\/model\.onnx/);
    const model = folder();
    rmSync(path.join(model.dir, 'tokenizer.json'));
    expect((await failure(model.dir)).message).toContain(path.join(model.dir, 'tokenizer.json'));
  });

  it('says when model.onnx is not an ONNX model', async () => {
    const model = folder();
    writeFileSync(path.join(model.dir, 'model.onnx'), 'version https://git-lfs.github.com/spec/v1\n');
    const message = (await failure(model.dir)).message;
    expect(message).toContain(path.join(model.dir, 'model.onnx'));
    expect(message).toMatch(/not a loadable ONNX model/);
  });

  it('names the expected and the found inputs when they do not match', async () => {
    const model = folder({ inputIdsName: 'ids' });
    const message = (await failure(model.dir)).message;
    expect(message).toMatch(/expected inputs input_ids, attention_mask/);
    expect(message).toMatch(/found ids, attention_mask/);
  });

  it('rejects a batch size or thread count that cannot work', async () => {
    const dir = folder().dir;
    for (const options of [{ batchSize: 0 }, { threads: 1.5 }]) {
      await expect(createOnnxEmbedder({ modelDir: dir, logger: silentLogger, ...options })).rejects.toThrow(
        ConfigError,
      );
    }
  });

  it('refuses at start a maxLength longer than the model can take, saying where to set it', async () => {
    const model = folder({ config: { maxLength: 512 } });
    const message = (await failure(model.dir)).message;
    expect(message).toMatch(/cannot embed 512 tokens/);
    expect(message).toContain('polydesk-embedding.json');
  });

  it('rejects an invalid polydesk-embedding.json naming the key', async () => {
    const model = folder({ config: { pooling: 'max' } });
    const message = (await failure(model.dir)).message;
    expect(message).toContain('polydesk-embedding.json');
    expect(message).toMatch(/pooling/);
  });
});
