/**
 * Refresh at 100,000 chunks, as `serve` runs it (`runtime.refresh()`: the search indexes, then the
 * guard's caches): the time from a one-document change committed by another process to that
 * document being searchable (BM25 and HNSW) and protected (its secrets in the sensitive-value
 * registry, its confidential passages in the leakage index), and the event-loop delay while it runs
 * (perf_hooks.monitorEventLoopDelay), beside the full rebuilds from the database that every change
 * used to cost each replica. Every chunk holds a registered secret (100,000 values); a fifth of the
 * documents are confidential (20,000 passages in the leakage index). Synthetic text and
 * 384-dimension vectors (the size of multilingual-e5-small), built once. About 6 minutes on 2 idle
 * cores, most of it the fill and two full index builds (one to start, one timed).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { silentLogger } from '../../src/core/log.js';
import { AT_REST_SCAN_VERSION } from '../../src/guardrails/at-rest-scan.js';
import { type FingerprintSeed, fingerprintValue, seedFromKey } from '../../src/guardrails/fingerprint.js';
import { createLeakageIndex } from '../../src/guardrails/leakage-index.js';
import { normalizeForScan } from '../../src/guardrails/normalize.js';
import type { FindingType } from '../../src/guardrails/scanner.js';
import { SensitiveRegistry } from '../../src/guardrails/sensitive-registry.js';
import { buildIndexes } from '../../src/rag/index-build.js';
import { KnowledgeIndex } from '../../src/rag/knowledge-index.js';
import { Store } from '../../src/store/store.js';
import { createGuardParts } from '../../src/wiring/guardrails.js';
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

function chunkText(marker: string, secret: string): string {
  const words = [marker, `api_token = ${secret}`];
  // Zipf-like: low word numbers are common.
  for (let i = 0; i < WORDS_PER_CHUNK; i++)
    words.push(VOCABULARY[Math.floor(VOCABULARY.length * next() ** 3)]!);
  return words.join(' ');
}

function vector(): Float32Array {
  const centre = CENTRES[Math.floor(next() * CENTRES.length)]!;
  return Float32Array.from(centre, (c) => c + (next() - 0.5) * 0.3);
}

/** A random-looking 24-character token, the kind the at-rest scan registers. */
function secret(): string {
  const letters = 'abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789';
  return Array.from({ length: 24 }, () => letters[Math.floor(next() * letters.length)]).join('');
}

/** Every fifth document is confidential (finance only): its passages go to the leakage index. */
const confidential = (doc: number) => doc % 5 === 0;

async function upsertDocument(store: Store, seed: FingerprintSeed, doc: number, marker: string) {
  const vectors = Array.from({ length: CHUNKS_PER_DOCUMENT }, vector);
  const secrets = vectors.map(secret);
  const texts = secrets.map((s) => chunkText(marker, s));
  const { document, chunks } = await store.documents.upsert(
    {
      source: `kb/doc-${doc}.md`,
      title: `Document ${doc}`,
      language: 'en',
      audience: confidential(doc) ? ['finance'] : ['all'],
      classification: confidential(doc) ? 'confidential' : 'internal',
      contentHash: marker,
      injectionFlag: false,
    },
    vectors.map((embedding, i) => ({ text: texts[i]!, headingPath: [], language: 'en', embedding })),
    MODEL.modelId,
    {
      version: AT_REST_SCAN_VERSION,
      records: secrets.map((s) => ({
        type: 'secret' as const,
        fingerprint: fingerprintValue(seed, s)!,
        excerpt: 'api_token = ***',
      })),
    },
  );
  return { docId: document.id, chunks, vectors, secrets, texts };
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
  // The monitor records a delay from its second tick on: without a tick before the work, a stall
  // at the very start of the work (before its first real yield) would go unrecorded.
  await new Promise((resolve) => setTimeout(resolve, 5));
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
    const seed = seedFromKey(await writer.sensitive.key());
    for (let doc = 0; doc < DOCUMENTS; doc++) await upsertDocument(writer, seed, doc, `doc${doc}v0`);
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

    // The guard caches as serve builds them, and what each change used to cost: both rebuilt from
    // the database at once, on the main thread.
    const guard = await createGuardParts({
      store: replica,
      config: { guardrailPolicyFile: undefined },
      logger: silentLogger,
    });
    const blocking = await withLoopDelay(async () => {
      const values = (await replica.sensitive.all()).map((v) => ({ ...v, type: v.type as FindingType }));
      const registry = new SensitiveRegistry(seed, values);
      const leakage = createLeakageIndex(
        (await replica.documents.restrictedChunks()).map((c) => ({
          docId: c.docId,
          text: c.text,
          audience: c.audience,
          classification: c.classification,
        })),
      );
      return { values: registry.size, passages: leakage.size };
    });
    // The sliced rebuild the caches now run now and then, in the background.
    const sliced = await withLoopDelay(() => guard.caches.rebuild());

    /** Searchable (BM25, HNSW) and protected (registry names the document; leakage index, if confidential). */
    const ready = (doc: number, changed: Awaited<ReturnType<typeof upsertDocument>>, marker: string) => {
      const lexical = index.lexical.searchText(marker, CHUNKS_PER_DOCUMENT + 1, 'en');
      const dense = index.dense!.search(changed.vectors[0]!, 1);
      const answer = normalizeForScan(`Use the token ${changed.secrets[3]} and retry.`).text;
      const named = guard.caches.registry.findReproduced(answer).map((f) => f.docId);
      const leaked =
        !confidential(doc) ||
        guard.caches.leakage
          .findLeaks(
            normalizeForScan(changed.texts[5]!).text,
            [{ email: 'x@corp.example', groups: ['all'] }],
            [],
          )
          .some((l) => l.docId === changed.docId);
      return (
        lexical.length === CHUNKS_PER_DOCUMENT &&
        dense[0]?.id === changed.chunks[0]!.id &&
        named.length === 1 &&
        named[0] === changed.docId &&
        leaked
      );
    };

    const applyMs: number[] = [];
    const delays: { p99: number; max: number }[] = [];
    const guardMs: number[] = [];
    const guardDelays: { p99: number; max: number }[] = [];
    for (let change = 1; change <= CHANGES; change++) {
      // Every other change hits a confidential document.
      const doc = Math.floor(next() * (DOCUMENTS / 5)) * 5 + (change % 2 === 0 ? 0 : 1);
      const marker = `fresh${change}x${doc}`;
      const changed = await upsertDocument(writer, seed, doc, marker);
      // What runtime.refresh() does on serve's tick, its two steps monitored apart.
      const searchable = await withLoopDelay(() => index.refresh());
      const protectedToo = await withLoopDelay(async () => {
        await guard.refresh(index.contentVersion);
        return ready(doc, changed, marker);
      });
      if (!protectedToo.value)
        throw new Error(`change ${change} was not searchable and protected after refresh`);
      applyMs.push(searchable.ms + protectedToo.ms);
      delays.push({
        p99: Math.max(searchable.p99, protectedToo.p99),
        max: Math.max(searchable.max, protectedToo.max),
      });
      guardMs.push(protectedToo.ms);
      guardDelays.push(protectedToo);
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
          `guard caches rebuilt at once (before: every change; ${blocking.value.values.toLocaleString('en-US')} values, ${blocking.value.passages.toLocaleString('en-US')} passages)`,
          index.size,
          blocking.ms,
          blocking.ms,
          blocking.p99,
          blocking.max,
        ],
        [
          'guard caches rebuilt in slices (now: a large overlay, a log gap; in the background)',
          index.size,
          sliced.ms,
          sliced.ms,
          sliced.p99,
          sliced.max,
        ],
        [
          'one-document change → searchable and protected (runtime.refresh: index, then guard caches)',
          CHUNKS_PER_DOCUMENT,
          percentile(applyMs, 50),
          Math.max(...applyMs),
          Math.max(...delays.map((d) => d.p99)),
          Math.max(...delays.map((d) => d.max)),
        ],
        [
          '… of which the guard caches (GuardParts.refresh: overlay, leakage index in place)',
          CHUNKS_PER_DOCUMENT,
          percentile(guardMs, 50),
          Math.max(...guardMs),
          Math.max(...guardDelays.map((d) => d.p99)),
          Math.max(...guardDelays.map((d) => d.max)),
        ],
      ],
    );
    report.note(
      `${DOCUMENTS.toLocaleString('en-US')} documents × ${CHUNKS_PER_DOCUMENT} chunks of ${WORDS_PER_CHUNK} synthetic words, ` +
        `${DIMENSION}-d clustered vectors, SQLite (filled in ${fillSeconds.toFixed(0)} s). ${CHANGES} changes, each one ` +
        'document replaced by another connection (another replica), then `refresh()` on the replica until BM25 finds ' +
        "all its new chunks and HNSW its first new vector, and the guard's registry names the document for one of its " +
        'new secrets and (every other change, a confidential document) its leakage index finds one of its passages. ' +
        'Ratio incremental/full index build (median): ' +
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
