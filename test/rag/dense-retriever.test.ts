import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ModelLoadError } from '../../src/core/errors.js';
import { silentLogger } from '../../src/core/log.js';
import type { ChunkWithDoc } from '../../src/core/types.js';
import { UNRESTRICTED } from '../../src/core/access.js';
import { createDenseRetriever } from '../../src/rag/dense-retriever.js';
import { type OnnxEmbedder, createOnnxEmbedder } from '../../src/rag/onnx-embedder.js';
import { VectorIndex } from '../../src/rag/vector-index.js';
import { loadVectorIndex, saveVectorIndex } from '../../src/rag/vector-snapshot.js';
import { writeTinyBertFolder } from '../fixtures/tiny-bert.js';

const root = mkdtempSync(path.join(os.tmpdir(), 'polydesk-dense-'));
const open: OnnxEmbedder[] = [];
afterAll(async () => {
  await Promise.all(open.map((e) => e.close()));
  rmSync(root, { recursive: true, force: true });
});

const TEXTS = [
  'How do I reset my password?',
  'Connect to the VPN before the intranet.',
  'Holiday leave is approved by your manager.',
  'Expense reports need receipts.',
  'The printer on the third floor.',
];
const chunks = new Map<string, ChunkWithDoc>(
  TEXTS.map((text, i) => [
    `c${i}`,
    {
      id: `c${i}`,
      docId: `d${i}`,
      ordinal: 0,
      text,
      headingPath: [],
      language: 'en',
      source: `kb/${i}.md`,
      title: `Doc ${i}`,
      audience: ['all'],
      classification: 'internal',
    },
  ]),
);
const getChunks = async (ids: readonly string[]) =>
  new Map(ids.flatMap((id) => (chunks.has(id) ? [[id, chunks.get(id)!] as const] : [])));

async function embedder(dir: string) {
  const e = await createOnnxEmbedder({ modelDir: dir, threads: 1, logger: silentLogger });
  open.push(e);
  return e;
}

describe('dense retrieval with a real ONNX encoder', () => {
  it('indexes passages, survives a snapshot round trip, and refuses a changed model', async () => {
    const modelDir = writeTinyBertFolder(path.join(root, 'model')).dir;
    const model = await embedder(modelDir);
    const vectors = await model.embed(TEXTS, 'passage');
    const index = VectorIndex.create({ modelId: model.modelId, dimension: model.dimension });
    index.add([...chunks.keys()], vectors);
    const dense = createDenseRetriever({ embedder: model, index, getChunks });
    const question = { text: TEXTS[1]!, readers: UNRESTRICTED, k: 3 };
    const before = await dense.retrieve(question);
    expect(before).toHaveLength(3);
    expect(before.map((h) => h.score)).toEqual([...before.map((h) => h.score)].sort((a, b) => b - a));

    const dataDir = path.join(root, 'data');
    await saveVectorIndex(index, dataDir);
    const reloaded = (await loadVectorIndex(dataDir, model))!;
    const again = createDenseRetriever({ embedder: model, index: reloaded, getChunks });
    expect(await again.retrieve(question)).toEqual(before);

    writeFileSync(
      path.join(modelDir, 'polydesk-embedding.json'),
      JSON.stringify({ pooling: 'cls', maxLength: 64 }),
    );
    const changed = await embedder(modelDir);
    await expect(loadVectorIndex(dataDir, changed)).rejects.toThrow(ModelLoadError);
    expect(() => createDenseRetriever({ embedder: changed, index: reloaded, getChunks })).toThrow(
      /re-embed the knowledge base/,
    );
  });
});
