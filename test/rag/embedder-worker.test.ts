/**
 * The encoder in its worker thread: a question's embedding goes ahead of the rest of a bulk ingest,
 * a dead worker fails only what it had and is replaced, and the session refuses the main thread.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Logger } from '../../src/core/log.js';
import { openEncoder } from '../../src/rag/encoder-session.js';
import { type OnnxEmbedder, createOnnxEmbedder } from '../../src/rag/onnx-embedder.js';
import { writeTinyBertFolder } from '../fixtures/tiny-bert.js';

let root: string;
let modelDir: string;
let embedder: OnnxEmbedder;
const events: string[] = [];
const logger: Logger = (_level, event) => events.push(event);

beforeAll(async () => {
  root = mkdtempSync(path.join(os.tmpdir(), 'polydesk-encoder-worker-'));
  modelDir = writeTinyBertFolder(path.join(root, 'bert')).dir;
  embedder = await createOnnxEmbedder({ modelDir, threads: 1, batchSize: 2, logger });
});

afterAll(async () => {
  await embedder?.close();
  rmSync(root, { recursive: true, force: true });
});

const passages = Array.from({ length: 120 }, (_, i) => `passage number ${i} about the printer and the vpn`);

describe('the encoder runs off the main thread', () => {
  it('refuses to open its session on the main thread', async () => {
    await expect(openEncoder({ modelDir, threads: 1 })).rejects.toThrow(/only in a worker thread/);
  });

  it("embeds a question ahead of a bulk ingest's remaining batches", async () => {
    const finished: string[] = [];
    const ingest = embedder.embed(passages, 'passage').then((v) => {
      finished.push('ingest');
      return v;
    });
    const query = embedder.embed(['where is the printer?'], 'query').then((v) => {
      finished.push('query');
      return v;
    });
    const [ingested, [asked]] = await Promise.all([ingest, query]);
    // 60 ingest batches were waiting; the question waited for the one already running at most.
    expect(finished).toEqual(['query', 'ingest']);
    expect(ingested).toHaveLength(passages.length);
    expect(asked).toHaveLength(embedder.dimension);
    // Same vectors as when the texts are embedded on their own.
    const [alone] = await embedder.embed([passages[7]!], 'passage');
    let diff = 0;
    for (let i = 0; i < alone!.length; i++) diff = Math.max(diff, Math.abs(alone![i]! - ingested[7]![i]!));
    expect(diff).toBeLessThan(1e-4);
  });

  it('a dead worker fails the calls it had; a new worker embeds the next ones', async () => {
    const dying = embedder.thread.worker!;
    const ingest = embedder.embed(passages, 'passage');
    // A message the worker cannot read throws in its thread, uncaught, between two batches.
    dying.postMessage(null);
    await expect(ingest).rejects.toThrow(/encoder worker stopped/);
    // A crash, not a model that failed to load: publishers are not told to fix their model folder.
    await expect(ingest).rejects.toMatchObject({ code: 'EMBEDDER_UNAVAILABLE' });
    expect(events).toContain('worker.crashed');
    const [vector] = await embedder.embed(['where is the printer?'], 'query');
    expect(vector).toHaveLength(embedder.dimension);
    expect(embedder.thread.restartCount).toBe(1);
    expect(embedder.thread.worker).not.toBe(dying);
  });
});
