/**
 * Lexical retrieval: PolyDesk's BM25 (Intl.Segmenter words, per-language stemming, typed-array
 * postings) side by side with a plain BM25 that splits on whitespace (MiniSearch defaults), on the
 * same synthetic multilingual chunks: build throughput, serialised size, memory, search latency;
 * plus recall@5 on XQuAD zh for both. About 1.5 minutes on 2 idle cores.
 */
import { existsSync } from 'node:fs';
import os from 'node:os';
import v8 from 'node:v8';
import vm from 'node:vm';
import MiniSearch from 'minisearch';
import { Bm25Index } from '../../src/rag/bm25-index.js';
import { analyze } from '../../src/rag/text-analyzer.js';
import { type BenchReport, percentile } from '../report.js';
import {
  DEFAULT_XQUAD_DIR,
  XQUAD_LANGUAGES,
  loadXquad,
  recallDirect,
  recallWhitespace,
} from '../xquad-recall.js';

const FULL_BUILD = 10_000;
const SIZES = [10_000, 100_000];
const MAX_QUERIES = 1000;
const QUERY_SECONDS = 8;

v8.setFlagsFromString('--expose-gc');
const gc = vm.runInNewContext('gc') as () => void;

interface Chunk {
  readonly language: string;
  /** Indices into the list of passage halves. */
  readonly halves: readonly [number, number];
}

/** Chunk = the first half of one passage and the second half of another of the same language. */
function synthesize(languages: readonly number[][], count: number): Chunk[] {
  let state = 20_260_101;
  const next = (n: number) => {
    state = (state * 1_103_515_245 + 12_345) >>> 0;
    return Math.floor((state / 2 ** 32) * n);
  };
  return Array.from({ length: count }, () => {
    const language = next(XQUAD_LANGUAGES.length);
    const passages = languages[language]!;
    const a = passages[next(passages.length)]!;
    const b = passages[next(passages.length)]!;
    return { language: XQUAD_LANGUAGES[language]!, halves: [2 * a, 2 * b + 1] };
  });
}

/** Heap plus typed-array memory held after a full collection. */
function memoryInUse(): number {
  gc();
  const usage = process.memoryUsage();
  return usage.heapUsed + usage.arrayBuffers;
}

interface Engine {
  readonly name: string;
  /** Builds from the chunks' text, or (`tokens` given) from each half's tokens computed once. */
  build(chunks: readonly Chunk[], text: (c: Chunk) => string, tokens?: (half: number) => string[]): unknown;
  serialisedBytes(index: unknown): number;
  search(index: unknown, query: string, language: string): unknown;
}

const minisearchTokenize = MiniSearch.getDefault('tokenize') as (text: string) => string[];

const ENGINES: readonly Engine[] = [
  {
    name: 'PolyDesk BM25',
    build: (chunks, text, tokens) => {
      const index = new Bm25Index();
      for (const [i, c] of chunks.entries()) {
        if (tokens) index.add(`c${i}`, tokens(c.halves[0]).concat(tokens(c.halves[1])));
        else index.addText(`c${i}`, text(c), c.language);
      }
      index.search(['warm'], 1); // folds the pending postings in, as the first real search would
      return index;
    },
    serialisedBytes: (index) => (index as Bm25Index).toBuffer().length,
    search: (index, query, language) => (index as Bm25Index).searchText(query, 10, language),
  },
  {
    name: 'MiniSearch (whitespace)',
    build: (chunks, text, tokens) => {
      let current: Chunk | undefined;
      const tokenize = tokens
        ? () => tokens(current!.halves[0]).concat(tokens(current!.halves[1]))
        : minisearchTokenize;
      const index = new MiniSearch<{ id: number; text: string }>({ fields: ['text'], tokenize });
      for (const [id, c] of chunks.entries()) {
        current = c;
        index.add({ id, text: tokens ? '' : text(c) });
      }
      return index;
    },
    serialisedBytes: (index) => Buffer.byteLength(JSON.stringify(index)),
    search: (index, query) =>
      (index as MiniSearch).search(query, { tokenize: minisearchTokenize }).slice(0, 10),
  },
];

export async function run(report: BenchReport): Promise<void> {
  report.section('Lexical retrieval: BM25 with Intl.Segmenter + stemming vs whitespace BM25');
  if (!existsSync(DEFAULT_XQUAD_DIR)) {
    report.note(`skipped: XQuAD not found at ${DEFAULT_XQUAD_DIR}`);
    return;
  }
  const sets = XQUAD_LANGUAGES.map((language) => loadXquad(DEFAULT_XQUAD_DIR, language));
  const halves: { text: string; language: string }[] = [];
  const byLanguage = sets.map((set) =>
    set.passages.map((text) => {
      const cut = text.length >> 1;
      halves.push(
        { text: text.slice(0, cut), language: set.language },
        { text: text.slice(cut), language: set.language },
      );
      return halves.length / 2 - 1;
    }),
  );
  const text = (c: Chunk) => `${halves[c.halves[0]]!.text} ${halves[c.halves[1]]!.text}`;
  const questions = sets.flatMap((set) =>
    set.questions.map((q) => ({ language: set.language, text: q.query })),
  );
  const step = Math.max(1, Math.floor(questions.length / MAX_QUERIES));
  const queries = questions.filter((_, i) => i % step === 0).slice(0, MAX_QUERIES);
  report.note(
    `Chunks: two halves of XQuAD passages of one language (${XQUAD_LANGUAGES.join(', ')}, mixed), about ` +
      `${Math.round(halves.reduce((s, h) => s + h.text.length, 0) / (halves.length / 2))} characters each. Queries: ` +
      `XQuAD questions of all languages, top 10, up to ${MAX_QUERIES} or ${QUERY_SECONDS} s per engine. ` +
      `Memory = heap + typed arrays after GC. Load average at start: ${os.loadavg()[0]!.toFixed(1)} on ` +
      `${os.cpus().length} cores (other processes slow every figure here).`,
  );

  const buildRows: (string | number)[][] = [];
  const sizeRows: (string | number)[][] = [];
  for (const size of SIZES) {
    const chunks = synthesize(byLanguage, size);
    const megabytes = chunks.reduce((sum, c) => sum + Buffer.byteLength(text(c)), 0) / 1e6;
    for (const [e, engine] of ENGINES.entries()) {
      const full = size <= FULL_BUILD;
      const tokenize = (half: number) => {
        const h = halves[half]!;
        return e === 0 ? analyze(h.text, h.language) : minisearchTokenize(h.text);
      };
      const before = memoryInUse();
      let cache: string[][] | undefined = full ? undefined : halves.map((_, half) => tokenize(half));
      const started = performance.now();
      let index: unknown = engine.build(chunks, text, cache ? (half) => cache![half]! : undefined);
      const seconds = (performance.now() - started) / 1000;
      cache = undefined;
      const memory = memoryInUse() - before;
      if (full) buildRows.push([size, engine.name, seconds, size / seconds, megabytes / seconds]);
      for (const q of queries.slice(0, 20)) engine.search(index, q.text, q.language);
      const latencies: number[] = [];
      const deadline = performance.now() + QUERY_SECONDS * 1000;
      for (const q of queries) {
        const t = performance.now();
        engine.search(index, q.text, q.language);
        latencies.push(performance.now() - t);
        if (t > deadline) break;
      }
      const bytes = engine.serialisedBytes(index);
      index = undefined;
      sizeRows.push([
        size,
        engine.name,
        full ? 'text' : 'tokens',
        seconds,
        bytes / 1e6,
        memory / 1e6,
        latencies.length,
        percentile(latencies, 50),
        percentile(latencies, 99),
      ]);
    }
  }
  report.table(['chunks', 'engine (tokenisation included)', 'build s', 'chunks/s', 'text MB/s'], buildRows);
  report.table(
    [
      'chunks',
      'engine',
      'built from',
      'build s',
      'serialised MB',
      'memory MB',
      'queries',
      'p50 ms',
      'p99 ms',
    ],
    sizeRows,
  );
  report.note(
    'At 100,000 chunks both indexes are built from each passage half tokenised once by the engine’s own ' +
      'tokeniser (the same terms as tokenising the chunk text, without paying tokenisation 100,000 times); ' +
      'search latency always includes tokenising the query. MiniSearch returns every match, sorted.',
  );

  const zh = sets.find((set) => set.language === 'zh')!;
  report.table(
    ['XQuAD zh (240 passages, 1,190 questions)', 'recall@5'],
    [
      ['PolyDesk BM25', recallDirect(zh).at5],
      ['MiniSearch (whitespace)', recallWhitespace(zh).at5],
    ],
  );
  report.note('All languages, through the CLI: `node --import tsx bench/xquad-recall.ts` (docs/quality.md).');
}
