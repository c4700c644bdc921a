/**
 * Calibrates the extractive reader's "not found" threshold on XQuAD: each language's passages are
 * ingested through the product's runtime (one article in six left out), every question is retrieved
 * with the runtime's retriever, and the reader explains what it would do (evidence, answer type,
 * whether the gold answer is in what it would quote). Prints, per threshold on the reader's confidence,
 * the share of unanswerable questions that would get "not found" and of answerable ones that would
 * wrongly get it. `--dump FILE` writes every question's features (JSON lines) for refitting the
 * confidence coefficients (a class-weighted logistic regression on them).
 *
 *   node --import tsx bench/calibrate-reader.ts [--langs en,zh,...] [--set xquad|squad-it|heq] [--dump FILE]
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadConfig } from '../src/config.js';
import { silentLogger } from '../src/core/log.js';
import { confidence, createExtractiveGenerator } from '../src/inference/extractive-generator.js';
import { analyze, analyzeWords } from '../src/rag/text-analyzer.js';
import { findInstructions } from '../src/wiring/generator.js';
import { createRuntime } from '../src/runtime.js';
import { syncPaths } from '../ingest/sync.js';
import { fold, loadAnswerSet } from './xquad-answers.js';
import { XQUAD_LANGUAGES } from './xquad-recall.js';

const args = process.argv.slice(2);
const option = (name: string) => {
  const at = args.indexOf(name);
  return at >= 0 ? args[at + 1] : undefined;
};
const setName = option('--set') ?? 'xquad';
const languages =
  setName === 'xquad'
    ? (option('--langs') ?? XQUAD_LANGUAGES.join(',')).split(',')
    : [setName === 'heq' ? 'he' : 'it'];
const leaveOut = 6;

interface Row {
  language: string;
  answerable: boolean;
  evidence: number;
  unknownShare: number;
  typeMatch: boolean | undefined;
  runnerUp: number;
  sourceEvidence: number;
  missingRarest: number;
  confidence: number;
  gold: boolean;
  chars: number;
  question: string;
}
const rows: Row[] = [];
for (const language of languages) {
  const set = loadAnswerSet(setName, language);
  const work = mkdtempSync(path.join(os.tmpdir(), 'polydesk-calibrate-'));
  const docs = path.join(work, 'docs');
  mkdirSync(docs);
  const leftOut = (article: number) => article % leaveOut === leaveOut - 1;
  set.passages.forEach((p, i) => {
    if (!leftOut(p.article)) writeFileSync(path.join(docs, `p${i}.txt`), p.text + '\n');
  });
  const runtime = await createRuntime(
    loadConfig({ DATA_DIR: path.join(work, 'data'), POLYDESK_SAMPLES: '0' }),
    silentLogger,
  );
  try {
    await syncPaths(runtime.ingestDeps, { paths: [docs], maxBytes: 1 << 20 });
    await runtime.index.persist();
    const reader = createExtractiveGenerator({
      tokenize: analyze,
      words: analyzeWords,
      corpus: () => runtime.index.lexical,
      untrusted: findInstructions,
      minConfidence: 0,
    });
    const asker = runtime.directory.resolve('cli@local');
    for (const q of set.questions) {
      const answerable = !leftOut(set.passages[q.passage]!.article) && !q.impossible;
      const sources = await runtime.retriever.retrieve({ text: q.text, readers: [asker], k: 5, language });
      const reading = reader.explain({ question: q.text, language, sources, history: [] });
      const quoted = fold(reading.quotes.map((u) => u.text).join(' '));
      const forced = reading.found ? quoted : '';
      rows.push({
        language,
        answerable,
        evidence: reading.evidence,
        unknownShare: reading.unknownShare,
        typeMatch: reading.typeMatch,
        runnerUp: reading.runnerUp,
        sourceEvidence: reading.sourceEvidence,
        missingRarest: reading.missingRarest,
        confidence: confidence(reading),
        gold: answerable && q.answers.some((g) => forced.includes(fold(g))),
        chars: reading.quotes.reduce((n, u) => n + u.text.length, 0),
        question: q.text,
      });
    }
  } finally {
    await runtime.close();
    rmSync(work, { recursive: true, force: true });
  }
  process.stderr.write(`[calibrate] ${language} done\n`);
}
const dump = option('--dump');
if (dump) writeFileSync(dump, rows.map((r) => JSON.stringify(r)).join('\n') + '\n');
for (const language of [...languages, 'all']) {
  const mine = rows.filter((r) => language === 'all' || r.language === language);
  const ans = mine.filter((r) => r.answerable);
  const un = mine.filter((r) => !r.answerable);
  const lines: string[] = [];
  for (const theta of [0, 0.1, 0.15, 0.2, 0.21, 0.25, 0.3, 0.35, 0.4, 0.5]) {
    const nf = (r: Row) => r.confidence < theta;
    const gold = ans.filter((r) => !nf(r) && r.gold).length / ans.length;
    lines.push(
      `θ=${theta.toFixed(2)} gold ${gold.toFixed(3)} answerable→nf ${(ans.filter(nf).length / ans.length).toFixed(3)} unanswerable→nf ${(un.filter(nf).length / un.length).toFixed(3)}`,
    );
  }
  const chars = ans.map((r) => r.chars).sort((a, b) => a - b);
  process.stdout.write(
    `${language}: median quoted chars ${chars[Math.floor(chars.length / 2)]}\n  ${lines.join('\n  ')}\n`,
  );
}
