/**
 * The figures README.md and docs/*.md quote from the committed bench report, as named blocks:
 * `<!-- bench:NAME -->…<!-- /bench -->` in a document is rewritten from docs/benchmarks.md by
 * `node --import tsx bench/docs.ts`, and test/docs/bench-blocks.test.ts fails when a block differs
 * from what this module writes, so the docs cannot drift from the report. A block written on lines
 * of its own (a table) stays a block; one inside a sentence stays inline.
 */
import type { BenchFigures, FigureRow, FigureTable } from './bench-figures.js';

type Block = (figures: BenchFigures) => string;

const ADMIN = 'Admin UI';
const DENSE = 'Dense retrieval';
const REFRESH = 'Index refresh';
const GUARDRAILS = 'Guardrails';
const LEXICAL = 'Lexical retrieval';
const REPLICAS = 'Replicas';

/** Every block a document may hold, by name. */
export const BLOCKS: Readonly<Record<string, Block>> = {
  'admin-pages': (f) => {
    const pages = f.table(ADMIN, 'page');
    return [
      table(
        ['page', 'p50 ms', 'p99 ms'],
        pages.rows.map((r) => [r[0]!, r[pages.column('p50 ms')]!, r[pages.column('p99 ms')]!]),
      ),
      source(
        f,
        ADMIN,
        f.phrase(ADMIN, /(Load average at start: \d+(?:\.\d+)? \/ \d+(?:\.\d+)? \/ \d+(?:\.\d+)?)/),
      ),
    ].join('\n\n');
  },

  'models-embedding': (f) => {
    const encoder = f.table(DENSE, 'tokens per chunk');
    return [
      table(
        ['Tokens per chunk', 'Chunks/s', 'Tokens/s', 'Time for 100,000 chunks'],
        ['128', '256', '512'].map((tokens) => {
          const row = encoder.row({ 'tokens per chunk': tokens, batch: '8' });
          return [
            tokens,
            row.text('chunks/s'),
            row.text('tokens/s'),
            `${row.text('hours per 100k chunks')} h`,
          ];
        }),
      ),
      source(f, DENSE, 'batches of 8'),
    ].join('\n\n');
  },

  'models-vectors': (f) => {
    const hnsw = f.table(DENSE, 'vectors', 'setting').row({ vectors: '100,000', setting: 'default (ef 64)' });
    const [save, load] = hnsw.text('save / load s').split(' / ');
    return [
      table(
        ['Vectors', 'Build', 'Memory', 'Snapshot', 'Search p50', 'Recall@10'],
        [
          [
            '100,000',
            `${hnsw.text('build s')} s`,
            `${hnsw.text('memory B/vector')} B/vector`,
            `${hnsw.text('snapshot B/vector')} B/vector, saved in ${save} s, loaded in ${load} s`,
            `${hnsw.text('p50 ms')} ms (ef 64)`,
            hnsw.text('recall@10'),
          ],
        ],
      ),
      source(f, DENSE, 'default mode'),
    ].join('\n\n');
  },

  'models-acl': (f) => {
    const acl = f.table(DENSE, 'vectors', 'strategy');
    const at1 = (strategy: string) => acl.row({ vectors: '100,000', allowed: '1%', strategy }).text('p50 ms');
    return `${at1('exact scan')} ms for 1% of 100,000, where a graph walk skipping the others took ${at1('HNSW, filter inside')} ms`;
  },

  'quality-lexical': (f) => {
    const search = f.table(LEXICAL, 'chunks', 'serialised MB');
    const columns = ['chunks', 'engine', 'serialised MB', 'memory MB', 'p50 ms', 'p99 ms'].map((h) =>
      search.column(h),
    );
    return [
      table(
        ['chunks', 'engine', 'serialised MB', 'memory MB', 'search p50 ms', 'search p99 ms'],
        search.rows.map((r) => columns.map((at) => r[at]!)),
      ),
      source(f, LEXICAL, f.phrase(LEXICAL, /(Load average at start: [\d.]+ on \d cores)/)),
    ].join('\n\n');
  },

  'quality-lexical-build': (f) => {
    const build = lexicalBuild(f);
    const ours = build.row({ chunks: '10,000', 'engine (tokenisation included)': 'PolyDesk BM25' });
    const theirs = build.row({
      chunks: '10,000',
      'engine (tokenisation included)': 'MiniSearch (whitespace)',
    });
    return `${ours.text('chunks/s')} chunks/s (${ours.text('text MB/s')} MB of text/s) for PolyDesk and ${theirs.text('chunks/s')} for MiniSearch`;
  },

  'scaling-one-replica': (f) => {
    const one = f.table(REPLICAS, 'replicas').row('1');
    const search = f.table(LEXICAL, 'chunks', 'serialised MB');
    const bm25 = (chunks: string) => search.row({ chunks, engine: 'PolyDesk BM25' });
    const hnsw = f.table(DENSE, 'vectors', 'setting').row({ vectors: '100,000', setting: 'default (ef 64)' });
    const encoder = f.table(DENSE, 'tokens per chunk').row({ 'tokens per chunk': '128', batch: '8' });
    const build = lexicalBuild(f).row({
      chunks: '10,000',
      'engine (tokenisation included)': 'PolyDesk BM25',
    });
    const replicas = link(REPLICAS, f);
    return table(
      ['what', 'figure', 'measured in'],
      [
        [
          'sustained answers per second, Slack mentions, extractive generator, sample knowledge base, PostgreSQL',
          `${one.text('questions/s')} questions/s`,
          replicas,
        ],
        [
          'Slack acknowledgement under that burst (held until the question is recorded)',
          `p50 ${one.text('ack p50 ms')} ms, p99 ${one.text('ack p99 ms')} ms`,
          replicas,
        ],
        [
          `time to the finished answer under that burst (${one.text('questions')} mentions, 25 at a time)`,
          `p50 ${seconds(one.number('answer p50 ms'))}, p99 ${seconds(one.number('answer p99 ms'))}`,
          replicas,
        ],
        [
          '"busy" replies in that burst with the default `ANSWER_QUEUE_SIZE=200`',
          `${one.text('"busy" replies')} of ${one.text('questions')}`,
          replicas,
        ],
        ['resident memory of a replica after the bursts', replicaRss(f), replicas],
        [
          'BM25 search, 10,000 / 100,000 chunks',
          `p50 ${bm25('10,000').text('p50 ms')} / ${bm25('100,000').text('p50 ms')} ms, p99 ${bm25('10,000').text('p99 ms')} / ${bm25('100,000').text('p99 ms')} ms`,
          link(LEXICAL, f),
        ],
        [
          'HNSW search (384-d), 100,000 vectors, ef 64',
          `p50 ${hnsw.text('p50 ms')} ms, recall@10 ${hnsw.text('recall@10')}`,
          link(DENSE, f),
        ],
        ['BM25 index build from text, 10,000 chunks', `${build.text('chunks/s')} chunks/s`, link(LEXICAL, f)],
        [
          'embedding chunks with a multilingual-e5-small-shaped encoder on 2 CPU threads',
          `${encoder.text('chunks/s')} chunks/s at 128 tokens (${encoder.text('hours per 100k chunks')} h per 100,000 chunks)`,
          link(DENSE, f),
        ],
      ],
    );
  },

  'scaling-replica-rate': (f) => {
    const perSecond = f.table(REPLICAS, 'replicas').row('1').number('questions/s');
    return `${Math.round(perSecond)} questions per second is ${thousands(perSecond * 3600)} an hour`;
  },

  'scaling-plan-rate': (f) =>
    `≈ ${Math.round(f.table(REPLICAS, 'replicas').row('1').number('questions/s'))} questions/s per 2 cores`,

  'scaling-plan-takeover': (f) =>
    `≈ ${Math.round(f.table(REPLICAS, 'questions').row({}).number('last answer after kill s'))} s`,

  'scaling-plan-embedding': (f) => {
    const row = f.table(DENSE, 'tokens per chunk').row({ 'tokens per chunk': '128', batch: '8' });
    const hours = row.number('hours per 100k chunks');
    return `${row.text('hours per 100k chunks')} h per 100,000 chunks on 2 cores (measured), so ≈ ${Math.round(hours * 10)} h per million`;
  },

  'scaling-replica-rss': (f) => replicaRss(f),

  'scaling-bm25-memory': (f) => {
    const bm25 = f
      .table(LEXICAL, 'chunks', 'serialised MB')
      .row({ chunks: '100,000', engine: 'PolyDesk BM25' });
    const memory = bm25.number('memory MB');
    return (
      `≈ ${(memory / 100).toFixed(1)} GB (*extrapolated*: ${Math.round(memory)} MB measured at 100,000 chunks × 10; ` +
      'the vocabulary grows slower than the postings, so this is an upper bound)'
    );
  },

  'scaling-bm25-snapshot': (f) => {
    const bm25 = f
      .table(LEXICAL, 'chunks', 'serialised MB')
      .row({ chunks: '100,000', engine: 'PolyDesk BM25' });
    const mb = bm25.number('serialised MB');
    return `≈ ${Math.round(mb * 10)} MB (*extrapolated* from ${Math.round(mb)} MB at 100,000)`;
  },

  'scaling-two-replicas': (f) => {
    const two = f.table(REPLICAS, 'replicas').row('2');
    const kill = f.table(REPLICAS, 'questions').row({});
    const busy = two.text('"busy" replies');
    return table(
      ['what', 'figure', 'measured in'],
      [
        [
          `two replicas, same burst of ${two.text('questions')} mentions spread over both`,
          `${two.text('questions/s')} questions/s, answer p50 ${seconds(two.number('answer p50 ms'))}, p99 ${seconds(two.number('answer p99 ms'))}, ${busy === '0' ? 'no' : busy} "busy"`,
          link(REPLICAS, f),
        ],
        [
          'a replica SIGKILLed halfway through a burst: time until the last of its questions is answered by the other',
          `${kill.text('last answer after kill s')} s (with \`RECOVERY_AFTER_SECONDS=30\`), ${kill.text('answered twice')} answered twice`,
          link(REPLICAS, f),
        ],
      ],
    );
  },

  'scaling-refresh': (f) => {
    const refresh = f.table(REFRESH, 'what');
    const row = (start: string) => refresh.row({ what: rowStarting(refresh, start) });
    const change = row('one-document change');
    const guardShare = row('… of which the guard caches');
    const full = row('full rebuild from the database');
    const atOnce = row('guard caches rebuilt at once');
    const sliced = row('guard caches rebuilt in slices');
    const ms = (r: FigureRow, column: string) => `${Math.round(r.number(column))} ms`;
    return (
      `a one-document change (${change.text('chunks')} chunks) is searchable and protected ${ms(change, 'ms (median)')} ` +
      `after the replica looks (median; ${ms(change, 'ms (max)')} worst of 20), against ` +
      `${seconds(full.number('ms (median)'))} for the full index rebuild plus ${seconds(atOnce.number('ms (median)'))} ` +
      "for the guard caches' that every change used to cost each replica. The guard caches' share of a change is " +
      `${ms(guardShare, 'ms (median)')} (median; ${ms(guardShare, 'ms (max)')} worst), stalling the event loop at most ` +
      `${ms(guardShare, 'event-loop delay max ms')}; the search-index step stalled it up to ` +
      `${ms(change, 'event-loop delay max ms')} in the same run. Rebuilding the guard caches at once stalls the loop ` +
      `for the whole ${seconds(atOnce.number('event-loop delay max ms'))}; the sliced rebuild takes ` +
      `${seconds(sliced.number('ms (median)'))} with stalls of ${ms(sliced, 'event-loop delay p99 ms')} (p99) and ` +
      `${ms(sliced, 'event-loop delay max ms')} at worst (${link(REFRESH, f)})`
    );
  },

  'guardrails-latency': (f) => {
    const headline = f.table(GUARDRAILS, 'headline');
    const cell = (start: string) => headline.row({ headline: rowStarting(headline, start) }).text('value');
    return (
      `one 2,000-character answer, p50 / p99 **${cell('2,000-char answer, empty registry')} ms** with an empty ` +
      `registry and **${cell('2,000-char answer, registry of')} ms** with a registry of 100,000 documents × 2 values; ` +
      `at-rest scan ${cell('at-rest scan per')} ms per 10,000 characters (${link(GUARDRAILS, f)})`
    );
  },

  'guardrails-streaming': (f) => projection(f.table(GUARDRAILS, 'tokens/s')),

  'guardrails-stream-work': (f) => projection(f.table(GUARDRAILS, 'scan every N chars')),
};

const MARKER = /<!-- bench:([\w-]+) -->([\s\S]*?)<!-- \/bench -->/g;

/** The document with every bench block rewritten from the report; `where` names it in errors. */
export function renderBlocks(doc: string, figures: BenchFigures, where: string): string {
  return doc.replace(MARKER, (_marker, name: string, old: string) => {
    const block = BLOCKS[name];
    if (!block) throw new Error(`${where}: unknown bench block "${name}" (bench/doc-blocks.ts lists them)`);
    let text: string;
    try {
      text = block(figures);
    } catch (error) {
      throw new Error(`${where}, block "${name}": ${(error as Error).message}`, { cause: error });
    }
    return old.startsWith('\n')
      ? `<!-- bench:${name} -->\n\n${text}\n\n<!-- /bench -->`
      : `<!-- bench:${name} -->${text}<!-- /bench -->`;
  });
}

/** Names of the blocks a document holds. */
export function blockNames(doc: string): string[] {
  return [...doc.matchAll(MARKER)].map((m) => m[1]!);
}

/** GitHub's anchor for a heading: lower case, punctuation dropped, spaces to hyphens. */
export function anchor(title: string): string {
  return title
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s_-]/gu, '')
    .replace(/\s/g, '-');
}

function link(title: string, f: BenchFigures): string {
  const heading = f.section(title).title;
  return `[benchmarks: ${title.toLowerCase()}](benchmarks.md#${anchor(heading)})`;
}

/** The line under a generated table: where it comes from, and what the report says of the run. */
function source(f: BenchFigures, title: string, detail: string): string {
  return `From the committed bench report, ${link(title, f)} (${detail.charAt(0).toLowerCase()}${detail.slice(1)}).`;
}

function table(headers: readonly string[], rows: readonly (readonly string[])[]): string {
  return [
    `| ${headers.join(' | ')} |`,
    `| ${headers.map(() => '---').join(' | ')} |`,
    ...rows.map((r) => `| ${r.join(' | ')} |`),
  ].join('\n');
}

/** A table of the report as it is. */
function projection(t: FigureTable): string {
  return table(t.headers, t.rows);
}

function lexicalBuild(f: BenchFigures): FigureTable {
  return f.table(LEXICAL, 'chunks', 'chunks/s');
}

function replicaRss(f: BenchFigures): string {
  return f.phrase(REPLICAS, /Replica RSS after the bursts: ([\d,.]+ MB)/);
}

function rowStarting(t: FigureTable, start: string): string {
  const row = t.rows.find((r) => r[0]!.startsWith(start));
  if (!row) throw new Error(`${t.section}: no row starting "${start}"`);
  return row[0]!;
}

function seconds(ms: number): string {
  return ms >= 10_000 ? `${Math.round(ms / 1000)} s` : `${(ms / 1000).toFixed(1)} s`;
}

function thousands(n: number): string {
  return (Math.round(n / 1000) * 1000).toLocaleString('en-US');
}
