/**
 * Retrieval quality on XQuAD: each passage one document, each question a query; the right document
 * is the question's passage. Measures recall@1/5/10 and MRR@10 through the product's CLI
 * (`polydesk ingest` + `polydesk search` batch mode), side by side with a plain whitespace BM25
 * (MiniSearch defaults) in the same run.
 *
 *   node --import tsx bench/xquad-recall.ts [--langs en,zh,...] [--passages LANG] [--data DIR] [--direct | --ablation] [--json]
 *   node --import tsx bench/xquad-recall.ts --set heq|squad-it [--direct | --ablation] [--json]
 *
 * `--passages en` ingests the English passages and asks each `--langs` language's questions over them
 * (XQuAD is parallel): the cross-language setting. The CLI inherits the environment, so
 * `EMBEDDING_MODEL_DIR=... RETRIEVAL_MODE=hybrid` measures dense or hybrid retrieval.
 *
 * `--direct` runs PolyDesk's analyzer and BM25 index in-process instead of the CLI (for tuning);
 * `--ablation` compares analyzer variants in-process (recall@5).
 */
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import MiniSearch from 'minisearch';
import { Bm25Index } from '../src/rag/bm25-index.js';
import { type Analyzer, createAnalyzer } from '../src/rag/text-analyzer.js';
import { optionReader } from './options.js';

export const XQUAD_LANGUAGES = ['en', 'zh', 'es', 'vi', 'de', 'ru', 'ar'] as const;

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const DEFAULT_XQUAD_DIR = path.resolve(root, '..', 'shared', 'data', 'xquad');

export interface XquadSet {
  readonly language: string;
  readonly passages: readonly string[];
  /** Each question with the index of its passage. */
  readonly questions: readonly { readonly query: string; readonly passage: number }[];
}

interface SquadFile {
  data: { paragraphs: { context: string; qas: { question: string }[] }[] }[];
}

export function loadXquad(dir: string, language: string): XquadSet {
  return loadSquadPassages(path.join(dir, `xquad.${language}.json`), language);
}

/** The other development sets: HeQ (Hebrew) and SQuAD-it (Italian), SQuAD-shaped like XQuAD. */
const OTHER_SETS: Readonly<Record<string, { readonly file: string; readonly language: string }>> = {
  heq: { file: path.resolve(root, '..', 'shared', 'data', 'heq', 'heq-val.json'), language: 'he' },
  'squad-it': {
    file: path.resolve(root, '..', 'shared', 'data', 'squad-it', 'squad-it-dev.json'),
    language: 'it',
  },
};

/** Every passage of a SQuAD-shaped file with the questions asked about it. */
function loadSquadPassages(file: string, language: string): XquadSet {
  const json = JSON.parse(readFileSync(file, 'utf8')) as SquadFile;
  const passages: string[] = [];
  const questions: { query: string; passage: number }[] = [];
  for (const article of json.data) {
    for (const paragraph of article.paragraphs) {
      for (const qa of paragraph.qas) questions.push({ query: qa.question, passage: passages.length });
      passages.push(paragraph.context);
    }
  }
  return { language, passages, questions };
}

export interface Recall {
  readonly at1: number;
  readonly at5: number;
  readonly at10: number;
  readonly mrr10: number;
}

/** Recall from the rank (0-based, −1 = not in the top 10) of the right passage for each question. */
export function recallFromRanks(ranks: readonly number[]): Recall {
  const share = (hit: (rank: number) => boolean) => ranks.filter(hit).length / ranks.length;
  return {
    at1: share((r) => r === 0),
    at5: share((r) => r >= 0 && r < 5),
    at10: share((r) => r >= 0 && r < 10),
    mrr10: ranks.reduce((sum, r) => sum + (r >= 0 && r < 10 ? 1 / (r + 1) : 0), 0) / ranks.length,
  };
}

/**
 * PolyDesk's analyzer and BM25 index, in-process. Queries are analysed in their own language unless
 * `queryLanguage` says otherwise (undefined: unknown), to see how a wrong detection degrades.
 */
export function recallDirect(
  set: XquadSet,
  options: { readonly analyzer?: Analyzer; readonly queryLanguage?: string | null } = {},
): Recall {
  const index = new Bm25Index(options.analyzer ? { analyzer: options.analyzer } : {});
  for (const [i, text] of set.passages.entries()) index.addText(String(i), text, set.language);
  const queryLanguage =
    options.queryLanguage === undefined ? set.language : (options.queryLanguage ?? undefined);
  return recallFromRanks(
    set.questions.map((q) =>
      index
        .searchText(q.query, 10, queryLanguage)
        .map((hit) => Number(hit.id))
        .indexOf(q.passage),
    ),
  );
}

/** A plain BM25 that splits on whitespace and punctuation: MiniSearch with its defaults. */
export function recallWhitespace(set: XquadSet): Recall {
  const search = new MiniSearch<{ id: number; text: string }>({ fields: ['text'] });
  search.addAll(set.passages.map((text, id) => ({ id, text })));
  return recallFromRanks(
    set.questions.map((q) =>
      search
        .search(q.query)
        .slice(0, 10)
        .map((hit) => hit.id as number)
        .indexOf(q.passage),
    ),
  );
}

/** Ingests the passages as .txt files and asks every question through `polydesk search` batch mode. */
export async function recallThroughCli(set: XquadSet, k = 10): Promise<Recall> {
  const work = mkdtempSync(path.join(os.tmpdir(), `polydesk-xquad-${set.language}-`));
  try {
    const docs = path.join(work, 'docs');
    mkdirSync(docs);
    for (const [i, text] of set.passages.entries())
      writeFileSync(path.join(docs, passageFile(i)), text + '\n');
    const env = { ...process.env, DATA_DIR: path.join(work, 'data'), POLYDESK_SAMPLES: '0' };
    await runCli(['ingest', docs, '--json'], env, '');
    const input = set.questions.map((q, id) => JSON.stringify({ id, query: q.query })).join('\n') + '\n';
    const output = await runCli(['search', '--k', String(k), '--json'], env, input);
    const ranks = new Array<number>(set.questions.length).fill(-1);
    for (const line of output.split('\n')) {
      if (!line.trim()) continue;
      const result = JSON.parse(line) as { id: number; hits: { source: string }[] };
      const want = passageFile(set.questions[result.id]!.passage);
      ranks[result.id] = result.hits.findIndex((hit) => path.basename(hit.source) === want);
    }
    return recallFromRanks(ranks);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

/** The file name a passage is ingested under (its index, padded). */
export function passageFile(i: number): string {
  return `passage-${String(i).padStart(4, '0')}.txt`;
}

/** Runs `polydesk ARGS` with `input` on stdin; resolves with stdout, rejects with the exit code and stderr. */
export function runCli(args: readonly string[], env: NodeJS.ProcessEnv, input = ''): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(root, 'bin', 'polydesk.mjs'), ...args], {
      cwd: root,
      env,
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (data: string) => {
      stdout += data;
    });
    child.stderr.setEncoding('utf8').on('data', (data: string) => {
      stderr += data;
    });
    child.on('error', reject);
    child.on('close', (code) => {
      if (code === 0) resolve(stdout);
      else reject(new Error(`polydesk ${args[0]} exited ${code}: ${stderr.slice(-2000)}`));
    });
    child.stdin.end(input);
  });
}

/** Analyzer variants measured in-process (recall@5), to justify the defaults. */
const ABLATION: readonly { name: string; analyzer: Analyzer; queryLanguage?: string | null }[] = [
  { name: 'words, no stemming', analyzer: createAnalyzer({ stemming: 'off' }) },
  { name: 'stem only', analyzer: createAnalyzer({ stemming: 'replace' }) },
  {
    name: 'stem only, query language unknown',
    analyzer: createAnalyzer({ stemming: 'replace' }),
    queryLanguage: null,
  },
  { name: 'word + stem (default)', analyzer: createAnalyzer() },
  { name: 'word + stem, query language unknown', analyzer: createAnalyzer(), queryLanguage: null },
  { name: 'word + stem, query taken for Portuguese', analyzer: createAnalyzer(), queryLanguage: 'pt' },
  { name: 'word + stem + Han/Kana bigrams', analyzer: createAnalyzer({ bigrams: 'cjk' }) },
];

function ablation(sets: readonly XquadSet[]): string {
  const languages = sets.map((set) => set.language);
  const lines = [
    `| recall@5, in-process | ${languages.join(' | ')} |`,
    `| --- | ${languages.map(() => '---').join(' | ')} |`,
    `| whitespace BM25 (MiniSearch) | ${sets.map((set) => recallWhitespace(set).at5.toFixed(3)).join(' | ')} |`,
  ];
  for (const variant of ABLATION) {
    const cells = sets.map((set) => recallDirect(set, variant).at5.toFixed(3));
    lines.push(`| ${variant.name} | ${cells.join(' | ')} |`);
  }
  return lines.join('\n') + '\n';
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const option = optionReader(args);
  const direct = args.includes('--direct');
  const dir = option('--data') ?? DEFAULT_XQUAD_DIR;
  const other = option('--set');
  if (other && !OTHER_SETS[other]) throw new Error(`unknown set ${other} (heq, squad-it)`);
  const otherSet = other ? OTHER_SETS[other] : undefined;
  const languages = otherSet
    ? [otherSet.language]
    : (option('--langs') ?? XQUAD_LANGUAGES.join(',')).split(',');
  const load = (language: string) =>
    otherSet ? loadSquadPassages(otherSet.file, language) : loadXquad(dir, language);
  const passagesFrom = option('--passages');
  if (args.includes('--ablation')) {
    process.stdout.write(ablation(languages.map(load)));
    return;
  }
  const mode = direct ? 'PolyDesk analyzer + BM25 in-process' : 'polydesk ingest + search (CLI)';
  const rows: Record<string, unknown>[] = [];
  for (const language of languages) {
    const asked = load(language);
    const set = passagesFrom
      ? {
          language: `${language}→${passagesFrom}`,
          passages: loadXquad(dir, passagesFrom).passages,
          questions: asked.questions,
        }
      : asked;
    const started = performance.now();
    const ours = direct ? recallDirect(set) : await recallThroughCli(set);
    const seconds = (performance.now() - started) / 1000;
    const plain = recallWhitespace(set);
    rows.push({ language, questions: set.questions.length, ours, whitespace: plain, seconds });
    process.stderr.write(
      `[xquad] ${language}: recall@5 ${ours.at5.toFixed(3)} (whitespace ${plain.at5.toFixed(3)})\n`,
    );
  }
  if (args.includes('--json')) {
    process.stdout.write(JSON.stringify({ mode, rows }) + '\n');
    return;
  }
  const f = (v: number) => v.toFixed(3);
  const lines = [
    `PolyDesk: ${mode}; baseline: MiniSearch defaults (whitespace/punctuation split, no stemming).`,
    '',
    '| language | questions | R@1 | R@5 | R@10 | MRR@10 | whitespace R@1 | whitespace R@5 | whitespace R@10 |',
    '| --- | --- | --- | --- | --- | --- | --- | --- | --- |',
  ];
  for (const row of rows) {
    const ours = row.ours as Recall;
    const plain = row.whitespace as Recall;
    lines.push(
      `| ${row.language} | ${row.questions} | ${f(ours.at1)} | ${f(ours.at5)} | ${f(ours.at10)} | ${f(ours.mrr10)} | ${f(plain.at1)} | ${f(plain.at5)} | ${f(plain.at10)} |`,
    );
  }
  process.stdout.write(lines.join('\n') + '\n');
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  await main();
}
