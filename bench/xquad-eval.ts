/**
 * `polydesk eval` on XQuAD, beside `polydesk search`: each passage one `.txt` document, each question a
 * golden-set line with its passage's file as `expected_source`, its gold answer as `expected_answer`
 * and the set's language. Prints eval's summary and the hit@k that `polydesk search --k K` gives on
 * the same questions (they must be equal: eval counts the passages the answer was built from, which
 * the pipeline retrieves as search does), with the number of questions where the two disagree.
 *
 *   node --import tsx bench/xquad-eval.ts [--langs en,zh,...] [--k 5] [--keep DIR]
 *
 * The CLI inherits the environment (`GENERATOR`, `EMBEDDING_MODEL_DIR`, `RETRIEVAL_MODE`, …), so two
 * runs with `--keep` give two reports to compare with `polydesk eval FILE --baseline REPORT`.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { optionReader } from './options.js';
import { loadAnswerSet } from './xquad-answers.js';
import { XQUAD_LANGUAGES, passageFile, runCli } from './xquad-recall.js';

interface EvalJson {
  summary: Record<string, number | null>;
  results: { hit: boolean | null }[];
}

async function measure(language: string, k: number, keep: string | undefined): Promise<string> {
  const set = loadAnswerSet('xquad', language);
  const work = keep ? path.resolve(keep, language) : mkdtempSync(path.join(os.tmpdir(), 'polydesk-eval-'));
  try {
    const docs = path.join(work, 'docs');
    mkdirSync(docs, { recursive: true });
    for (const [i, passage] of set.passages.entries())
      writeFileSync(path.join(docs, passageFile(i)), passage.text + '\n');
    const golden = path.join(work, 'golden.jsonl');
    const lines = set.questions.map((q) =>
      JSON.stringify({
        question: q.text,
        expected_source: passageFile(q.passage),
        expected_answer: q.answers[0],
        language,
      }),
    );
    writeFileSync(golden, lines.join('\n') + '\n');
    const env = { ...process.env, DATA_DIR: path.join(work, 'data'), POLYDESK_SAMPLES: '0' };
    await runCli(['ingest', docs, '--json'], env);
    const started = performance.now();
    const report = JSON.parse(
      await runCli(['eval', golden, '--k', String(k), '--json', '--out', path.join(work, 'eval.json')], env),
    ) as EvalJson;
    const seconds = (performance.now() - started) / 1000;
    const queries = set.questions.map((q, id) => JSON.stringify({ id, query: q.text })).join('\n');
    const search = new Array<boolean>(set.questions.length).fill(false);
    for (const line of (await runCli(['search', '--k', String(k), '--json'], env, queries + '\n')).split(
      '\n',
    )) {
      if (!line.trim()) continue;
      const { id, hits } = JSON.parse(line) as { id: number; hits: { source: string }[] };
      const want = passageFile(set.questions[id]!.passage);
      search[id] = hits.some((hit) => path.basename(hit.source) === want);
    }
    const disagree = report.results.filter((r, i) => r.hit !== search[i]).length;
    const s = report.summary;
    const f = (v: number | null | undefined) => (v === null || v === undefined ? '—' : v.toFixed(3));
    const searchHit = search.filter(Boolean).length / search.length;
    return `| ${language} | ${s.questions} | ${f(s.hitAtK)} | ${f(searchHit)} | ${disagree} | ${f(s.answerContains)} | ${f(s.languageMatch)} | ${f(s.notFound)} | ${s.p50Ms} ms | ${seconds.toFixed(1)} s |`;
  } finally {
    if (!keep) rmSync(work, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  const option = optionReader(process.argv.slice(2));
  const k = Number(option('--k') ?? 5);
  const languages = (option('--langs') ?? XQUAD_LANGUAGES.join(',')).split(',');
  const rows = [
    `| language | questions | eval hit@${k} | search hit@${k} | questions where they differ | answer contains the gold answer | language as expected | not found | median latency | eval run |`,
    '| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |',
  ];
  for (const language of languages) {
    rows.push(await measure(language, k, option('--keep')));
    process.stderr.write(`[xquad-eval] ${rows.at(-1)}\n`);
  }
  process.stdout.write(rows.join('\n') + '\n');
}

await main();
