/**
 * Encoder throughput through PolyDesk's own embedder (tokenise, batch, run, pool) on an encoder of
 * multilingual-e5-small's real shape with random weights, generated with onnx-proto: enough to predict
 * how long embedding a knowledge base takes on this machine, whatever the weights.
 */
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { silentLogger } from '../../src/core/log.js';
import type { Embedder } from '../../src/rag/embedder.js';
import { createOnnxEmbedder } from '../../src/rag/onnx-embedder.js';
import { E5_SMALL_SHAPE, writeTinyBertFolder } from '../../test/fixtures/tiny-bert.js';

export interface ThroughputRow {
  readonly tokens: number;
  readonly batchSize: number;
  readonly chunks: number;
  readonly seconds: number;
}

export interface ThroughputResult {
  readonly modelBytes: number;
  readonly loadSeconds: number;
  readonly threads: number;
  readonly rows: readonly ThroughputRow[];
}

export async function measureEncoderThroughput(
  plan: readonly { tokens: number; batchSize: number; chunks: number }[],
) {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'polydesk-e5-shape-'));
  const threads = os.availableParallelism();
  try {
    writeTinyBertFolder(dir, {
      shape: E5_SMALL_SHAPE,
      tokenTypeIds: false,
      seed: 3,
      config: { name: 'e5-small-shape', queryPrefix: '', passagePrefix: '', maxLength: 512 },
    });
    const modelBytes = statSync(path.join(dir, 'model.onnx')).size;
    const rows: ThroughputRow[] = [];
    let loadSeconds = 0;
    for (const batchSize of new Set(plan.map((p) => p.batchSize))) {
      const started = performance.now();
      const embedder = await createOnnxEmbedder({ modelDir: dir, threads, batchSize, logger: silentLogger });
      loadSeconds = Math.max(loadSeconds, (performance.now() - started) / 1000);
      try {
        for (const step of plan.filter((p) => p.batchSize === batchSize)) {
          // Each word is one WordPiece token: [CLS] + (tokens − 2) words + [SEP] = exactly `tokens` tokens.
          const texts = (count: number) => Array.from({ length: count }, () => words(step.tokens - 2));
          await embedder.embed(texts(Math.min(batchSize, step.chunks)), 'passage'); // warm-up at this shape
          const batch = texts(step.chunks);
          const t0 = performance.now();
          await embedder.embed(batch, 'passage');
          rows.push({ ...step, seconds: (performance.now() - t0) / 1000 });
        }
      } finally {
        await embedder.close();
      }
    }
    return { modelBytes, loadSeconds, threads, rows } satisfies ThroughputResult;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * Runs `use` with an embedder of multilingual-e5-small's shape (random weights, PolyDesk's tiny
 * WordPiece tokenizer, which splits unknown words into letters: more tokens per sentence than e5's
 * own tokenizer makes, so its timings are an upper bound for the same texts).
 */
export async function withE5ShapeEmbedder<T>(use: (embedder: Embedder) => Promise<T>): Promise<T> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'polydesk-e5-shape-'));
  try {
    writeTinyBertFolder(dir, {
      shape: E5_SMALL_SHAPE,
      tokenTypeIds: false,
      seed: 3,
      config: { name: 'e5-small-shape', maxLength: 512 },
    });
    const embedder = await createOnnxEmbedder({
      modelDir: dir,
      threads: os.availableParallelism(),
      logger: silentLogger,
    });
    try {
      return await use(embedder);
    } finally {
      await embedder.close();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const VOCABULARY = [
  'vpn',
  'password',
  'reset',
  'laptop',
  'printer',
  'holiday',
  'leave',
  'email',
  'account',
  'wifi',
];
let seed = 7;

function words(count: number): string {
  return Array.from({ length: count }, () => {
    seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
    return VOCABULARY[seed % VOCABULARY.length];
  }).join(' ');
}
