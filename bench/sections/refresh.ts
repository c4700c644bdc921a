/**
 * Index refresh at 100,000 chunks: the time from a one-document change committed by another process
 * to that document being searchable (BM25 and HNSW) after `KnowledgeIndex.refresh()`, and the
 * event-loop delay while it runs (perf_hooks.monitorEventLoopDelay), beside the full rebuild from the
 * database that every change used to cost each replica. Synthetic text and 384-dimension vectors
 * (the size of multilingual-e5-small), built once. About 5 minutes on 2 idle cores, most of it two
 * full builds (one to start, one timed).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { silentLogger } from '../../src/core/log.js';
import { buildIndexes } from '../../src/rag/index-build.js';
import { KnowledgeIndex } from '../../src/rag/knowledge-index.js';
import { Store } from '../../src/store/store.js';
import { type BenchReport, percentile } from '../report.js';

const DOCUMENTS = 5_000;
const CHUNKS_PER_DOCUMENT = 20;
const DIMENSION = 384;
const WORDS_PER_CHUNK = 60;
const CHANGES = 20;
const MODEL = { modelId: 'bench-384', dimension: DIMENSION };

function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1_103_515_245) + 12_345) >>> 0;
    return state / 2 ** 32;
  };
}

const next = random(20_261_114);
const VOCABULARY = Array.from({ length: 20_000 }, (_, i) => `w${i.toString(36)}`);
/** Clustered vectors, as real embeddings are (uniform random ones make HNSW look worse than it is). */
const CENTRES = Array.from({ length: 64 }, () =>
  Float32Array.from({ length: DIMENSION }, () => next() - 0.5),
);

function chunkText(marker: string): string {
  const words = [marker];
  // Zipf-like: low word numbers are common.
  for (let i = 0; i < WORDS_PER_CHUNK; i++)
    words.push(VOCABULARY[Math.floor(VOCABULARY.length * next() ** 3)]!);
  return words.join(' ');
}

function vector(): Float32Array {
  const centre = CENTRES[Math.floor(next() * CENTRES.length)]!;
  return Float32Array.from(centre, (c) => c + (next() - 0.5) * 0.3);
}

async function upsertDocument(store: Store, doc: number, marker: string) {
  const vectors = Array.from({ length: CHUNKS_PER_DOCUMENT }, vector);
  const { chunks } = await store.documents.upsert(
    {
      source: `kb/doc-${doc}.md`,
      title: `Document ${doc}`,
      language: 'en',
      audience: ['all'],
      classification: 'internal',
      contentHash: marker,
      injectionFlag: false,
    },
    vectors.map((embedding) => ({ text: chunkText(marker), headingPath: [], language: 'en', embedding })),
    MODEL.modelId,
  );
  return { chunks, vectors };
}

/**
 * Runs `work` with the event-loop delay monitored at 1 ms resolution: its time, and the p99 and max
 * delay in ms. A stall is recorded by the timer tick after it, so the monitor runs a few ms past the end.
 */
async function withLoopDelay<T>(
  work: () => Promise<T>,
): Promise<{ value: T; ms: number; p99: number; max: number }> {
  const histogram = monitorEventLoopDelay({ resolution: 1 });
  histogram.enable();
  const started = performance.now();
  try {
    const value = await work();
    const ms = performance.now() - started;
    await new Promise((resolve) => setTimeout(resolve, 5));
    return { value, ms, p99: histogram.percentile(99) / 1e6, max: histogram.max / 1e6 };
  } finally {
    histogram.disable();
  }
}

export async function run(report: BenchReport): Promise<void> {
  report.section('Index refresh: one-document change to searchable at 100,000 chunks');
  const work = mkdtempSync(path.join(os.tmpdir(), 'polydesk-bench-refresh-'));
  const writer = await Store.open({ dataDir: work });
  const replica = await Store.open({ dataDir: work });
  try {
    const filling = performance.now();
    for (let doc = 0; doc < DOCUMENTS; doc++) await upsertDocument(writer, doc, `doc${doc}v0`);
    const fillSeconds = (performance.now() - filling) / 1000;

    const index = await KnowledgeIndex.open({
      dataDir: path.join(work, 'replica'),
      chunks: replica.documents,
      logger: silentLogger,
      embedder: MODEL,
    });
    // The full build from the database: what every change cost each replica before (and still costs
    // one whose snapshot is older than the change log). Built again here only to time it.
    const full = await withLoopDelay(() =>
      buildIndexes({ embedder: MODEL, logger: silentLogger }, replica.documents.allChunks(2000)),
    );

    const applyMs: number[] = [];
    const delays: { p99: number; max: number }[] = [];
    for (let change = 1; change <= CHANGES; change++) {
      const doc = Math.floor(next() * DOCUMENTS);
      const marker = `fresh${change}x${doc}`;
      const { chunks, vectors } = await upsertDocument(writer, doc, marker);
      const measured = await withLoopDelay(async () => {
        await index.refresh();
        const lexical = index.lexical.searchText(marker, CHUNKS_PER_DOCUMENT + 1, 'en');
        const dense = index.dense!.search(vectors[0]!, 1);
        return lexical.length === CHUNKS_PER_DOCUMENT && dense[0]?.id === chunks[0]!.id;
      });
      if (!measured.value) throw new Error(`change ${change} was not searchable after refresh`);
      applyMs.push(measured.ms);
      delays.push(measured);
    }
    report.table(
      ['what', 'chunks', 'ms (median)', 'ms (max)', 'event-loop delay p99 ms', 'event-loop delay max ms'],
      [
        [
          'full rebuild from the database (before: every change)',
          index.size,
          full.ms,
          full.ms,
          full.p99,
          full.max,
        ],
        [
          'one-document change → searchable (refresh, incremental)',
          CHUNKS_PER_DOCUMENT,
          percentile(applyMs, 50),
          Math.max(...applyMs),
          Math.max(...delays.map((d) => d.p99)),
          Math.max(...delays.map((d) => d.max)),
        ],
      ],
    );
    report.note(
      `${DOCUMENTS.toLocaleString('en-US')} documents × ${CHUNKS_PER_DOCUMENT} chunks of ${WORDS_PER_CHUNK} synthetic words, ` +
        `${DIMENSION}-d clustered vectors, SQLite (filled in ${fillSeconds.toFixed(0)} s). ${CHANGES} changes, each one ` +
        'document replaced by another connection (another replica), then `refresh()` on the replica until BM25 finds ' +
        'all its new chunks and HNSW its first new vector. Ratio incremental/full (median): ' +
        `${(percentile(applyMs, 50) / full.ms).toPrecision(2)}. ` +
        '`serve` calls refresh every 0.5 s, so a replica sees a change within that tick plus the time above. ' +
        'Event-loop delay: the largest p99 and max over the changes (1 ms resolution).',
    );
  } finally {
    await writer.close();
    await replica.close();
    rmSync(work, { recursive: true, force: true });
  }
}
