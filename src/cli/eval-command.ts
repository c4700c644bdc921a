import { createReadStream } from 'node:fs';
import { access, constants, readFile, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { resultForWaitingAsker } from '../answer/failed-result.js';
import { checkQuestion } from '../answer/question-input.js';
import { InputError } from '../core/errors.js';
import type { AnswerResult, Principal } from '../core/types.js';
import { comparisonReport, parseBaseline, withBaseline } from '../eval/baseline.js';
import { type GoldenCase, readGoldenSet } from '../eval/golden-set.js';
import { type BadLine, markdownReport } from '../eval/markdown-report.js';
import { type CaseResult, answerContains, evalReport, sourceMatches } from '../eval/scoring.js';
import type { Runtime } from '../runtime.js';
import { intOption, parseCommand } from './args.js';

const USAGE = 'polydesk eval FILE [--k N] [--json] [--out REPORT.json] [--baseline REPORT.json]';

/**
 * `polydesk eval FILE`: an admin's golden set (CSV or JSON lines) asked one question at a time
 * through the same pipeline as `polydesk ask` (guardrails, standard answers, the configured
 * generator), scored per question and in total. Markdown by default, the contract's JSON with
 * `--json`; `--baseline` sets this run beside an earlier `--json` report. Exit code 1 when a line of
 * the golden set could not be read (it is reported and skipped; the rest run).
 *
 * Like `ask`, each question is recorded as asked on the CLI, and an answer the guardrails hold waits
 * in the review queue.
 */
export async function evalCommand(runtime: Runtime, args: readonly string[]): Promise<number> {
  const { values, positionals } = parseCommand(
    args,
    {
      k: { type: 'string' },
      json: { type: 'boolean' },
      out: { type: 'string' },
      baseline: { type: 'string' },
    },
    USAGE,
  );
  if (positionals.length !== 1) throw new InputError(`name one golden set file\nusage: ${USAGE}`);
  const file = positionals[0]!;
  const k = intOption(values.k, '--k', 1, 1000, 5);
  const out = typeof values.out === 'string' ? values.out : undefined;
  const baselineFile = typeof values.baseline === 'string' ? values.baseline : undefined;
  // Everything that can be wrong with the arguments is found before the first question is asked.
  const fileStat = await stat(file).catch(() => undefined);
  if (!fileStat?.isFile()) throw new InputError(`${file}: no such file`);
  const baseline = baselineFile ? parseBaseline(await readText(baselineFile), baselineFile) : undefined;
  if (out) {
    await access(path.dirname(path.resolve(out)), constants.W_OK).catch(() => {
      throw new InputError(`--out ${out}: cannot write into ${path.dirname(path.resolve(out))}`);
    });
  }

  const results: CaseResult[] = [];
  const badLines: BadLine[] = [];
  for await (const entry of readGoldenSet(createReadStream(file))) {
    if (!entry.ok) {
      badLines.push({ line: entry.line, error: entry.error });
      process.stderr.write(`polydesk eval: ${file} line ${entry.line}: ${entry.error} (skipped)\n`);
      continue;
    }
    results.push(await evaluate(runtime, entry.value, k));
  }

  const report = evalReport(results, k);
  if (out) await writeFile(out, JSON.stringify(report) + '\n');
  if (values.json)
    process.stdout.write(JSON.stringify(baseline ? withBaseline(report, baseline) : report) + '\n');
  else if (baseline) process.stdout.write(comparisonReport(file, baselineFile!, baseline, report, badLines));
  else process.stdout.write(markdownReport(file, report.summary, results, badLines));
  return badLines.length > 0 ? 1 : 0;
}

async function readText(file: string): Promise<string> {
  try {
    return await readFile(file, 'utf8');
  } catch {
    throw new InputError(`--baseline ${file}: no such file`);
  }
}

/** Asks one golden question as `polydesk ask --user` would, and scores the answer. */
async function evaluate(runtime: Runtime, golden: GoldenCase, k: number): Promise<CaseResult> {
  const asker = runtime.directory.resolve(golden.user ?? 'cli@local');
  const started = performance.now();
  const result = resultForWaitingAsker(
    await runtime.answers.ask({
      text: golden.question,
      asker,
      place: { platform: 'cli', kind: 'local', readers: [asker] },
      history: [],
    }),
  );
  const ms = Math.round(performance.now() - started);
  const sources = golden.expectedSource ? await hitSources(runtime, golden, result, asker, k) : [];
  return {
    line: golden.line,
    question: golden.question,
    status: result.status,
    hit: golden.expectedSource ? sources.some((s) => sourceMatches(golden.expectedSource!, s)) : null,
    contains: golden.expectedAnswer ? answerContains(result.answer, golden.expectedAnswer) : null,
    language: result.language,
    expectedLanguage: golden.language,
    expectedSource: golden.expectedSource,
    expectedAnswer: golden.expectedAnswer,
    sources,
    standard: result.standard !== undefined,
    ms,
  };
}

/**
 * The sources of the first k hits, best first. They are the passages the answer was built from (the
 * pipeline's own retrieval, for this asker, in the language it detected), so hit@k measures what
 * answered. The pipeline reads its top 5: for a larger k, the ranks beyond its own come from the same
 * retrieval asked for k. An answer built from no passage (a standard answer, a question refused
 * before retrieval) has no hits.
 */
async function hitSources(
  runtime: Runtime,
  golden: GoldenCase,
  result: AnswerResult,
  asker: Principal,
  k: number,
): Promise<string[]> {
  const own = result.retrievedChunkIds.slice(0, k);
  const chunks = await runtime.store.documents.getChunks(own);
  const sources = own.flatMap((id) => {
    const chunk = chunks.get(id);
    return chunk ? [chunk.source] : [];
  });
  if (own.length === 0 || own.length >= k) return sources;
  const more = await runtime.retriever.retrieve({
    text: checkQuestion(golden.question, runtime.config.maxQuestionChars).text,
    readers: [asker],
    k,
    language: result.language,
  });
  const seen = new Set(own);
  for (const hit of more) {
    if (sources.length >= k) break;
    if (!seen.has(hit.chunkId)) sources.push(hit.source);
  }
  return sources;
}
