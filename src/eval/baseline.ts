import { InputError } from '../core/errors.js';
import { type BadLine, cell, formatValue, measures, skipped } from './markdown-report.js';
import type { EvalReport, EvalSummary } from './scoring.js';

type Result = EvalReport['results'][number];

const SUMMARY_FIELDS = ['questions', 'k', 'hitAtK', 'answerContains', 'languageMatch', 'notFound', 'p50Ms'];

/** Reads a report `polydesk eval --json` wrote; anything else is an InputError saying what is wrong. */
export function parseBaseline(text: string, file: string): EvalReport {
  const wrong = (what: string) =>
    new InputError(`--baseline ${file} is not a report of polydesk eval --json: ${what}`);
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw wrong('not JSON');
  }
  const report = value as { summary?: unknown; results?: unknown };
  if (typeof report !== 'object' || report === null) throw wrong('not a JSON object');
  const summary = report.summary as Record<string, unknown> | undefined;
  if (typeof summary !== 'object' || summary === null) throw wrong('no "summary"');
  for (const field of SUMMARY_FIELDS) {
    const v = summary[field];
    if (!(typeof v === 'number' || (v === null && field !== 'questions' && field !== 'k')))
      throw wrong(`summary.${field} is not a number`);
  }
  if (!Array.isArray(report.results)) throw wrong('no "results" list');
  for (const [i, r] of (report.results as Record<string, unknown>[]).entries()) {
    const ok =
      typeof r === 'object' &&
      r !== null &&
      typeof r.question === 'string' &&
      typeof r.status === 'string' &&
      typeof r.language === 'string' &&
      typeof r.ms === 'number' &&
      (r.hit === null || typeof r.hit === 'boolean') &&
      (r.contains === null || typeof r.contains === 'boolean');
    if (!ok) throw wrong(`results[${i}] lacks question, status, hit, contains, language or ms`);
  }
  return value as EvalReport;
}

/**
 * The `--json` report of this run with the baseline beside it (`--json --baseline`): the baseline's
 * summary, and each measure's change (this run minus the baseline; null where either is null).
 */
export function withBaseline(
  now: EvalReport,
  baseline: EvalReport,
): EvalReport & {
  readonly baseline: { readonly summary: EvalSummary; readonly change: Record<string, number | null> };
} {
  const change: Record<string, number | null> = {};
  for (const key of ['hitAtK', 'answerContains', 'languageMatch', 'notFound', 'p50Ms'] as const) {
    const a = baseline.summary[key];
    const b = now.summary[key];
    change[key] = a === null || b === null ? null : b - a;
  }
  return { ...now, baseline: { summary: baseline.summary, change } };
}

/** Results keyed by question, a repeated question by its occurrence (`question`, then `question#2`). */
function byQuestion(results: readonly Result[]): Map<string, Result> {
  const out = new Map<string, Result>();
  const seen = new Map<string, number>();
  for (const r of results) {
    const n = (seen.get(r.question) ?? 0) + 1;
    seen.set(r.question, n);
    out.set(n === 1 ? r.question : `${r.question}\u0000${n}`, r);
  }
  return out;
}

/** One question's change between the runs, in words. */
interface Change {
  readonly question: string;
  readonly what: string;
  readonly status: string;
}

/**
 * Two runs side by side: each measure in the baseline and now with the change, then the questions
 * newly hit (the expected source, or the expected text, found now and not before), newly missed,
 * and those whose status or detected language changed.
 */
export function comparisonReport(
  file: string,
  baselineFile: string,
  baseline: EvalReport,
  now: EvalReport,
  badLines: readonly BadLine[],
): string {
  const k = now.summary.k;
  const lines = [
    `# polydesk eval: ${cell(file, 200)} against ${cell(baselineFile, 200)}`,
    '',
    '| measure | baseline | this run | change |',
    '| --- | --- | --- | --- |',
    `| questions | ${baseline.summary.questions} | ${now.summary.questions} | |`,
  ];
  for (const { key, label } of measures(k)) {
    lines.push(
      `| ${label} | ${formatValue(key, baseline.summary[key])} | ${formatValue(key, now.summary[key])} | ${delta(key, baseline.summary, now.summary)} |`,
    );
  }
  if (baseline.summary.k !== k)
    lines.push(
      '',
      `The baseline counted hits in the first ${baseline.summary.k}, this run in the first ${k}.`,
    );

  const before = byQuestion(baseline.results);
  const after = byQuestion(now.results);
  const hit: Change[] = [];
  const missed: Change[] = [];
  const other: Change[] = [];
  for (const [key, r] of after) {
    const b = before.get(key);
    if (!b) continue;
    const status = b.status === r.status ? r.status : `${b.status} → ${r.status}`;
    const change = (what: string) => ({ question: r.question, what, status });
    const gained: string[] = [];
    const lost: string[] = [];
    if (b.hit === false && r.hit === true) gained.push(`expected source now in the first ${k}`);
    if (b.hit === true && r.hit === false) lost.push(`expected source no longer in the first ${k}`);
    if (b.contains === false && r.contains === true) gained.push('answer now contains the expected text');
    if (b.contains === true && r.contains === false) lost.push('answer no longer contains the expected text');
    if (gained.length > 0) hit.push(change(gained.join('; ')));
    if (lost.length > 0) missed.push(change(lost.join('; ')));
    if (gained.length === 0 && lost.length === 0 && (b.status !== r.status || b.language !== r.language)) {
      const language = b.language === r.language ? '' : `language ${b.language} → ${r.language}`;
      other.push(change(language || 'status changed'));
    }
  }
  lines.push(...changes('Newly hit', hit), ...changes('Newly missed', missed));
  lines.push(...changes('Status or language changed', other));
  const onlyNow = [...after.keys()].filter((key) => !before.has(key)).length;
  const onlyBefore = [...before.keys()].filter((key) => !after.has(key)).length;
  if (onlyNow + onlyBefore > 0)
    lines.push(
      '',
      `Not compared: ${onlyNow} questions only in this run, ${onlyBefore} only in the baseline.`,
    );
  lines.push(...skipped(badLines));
  return lines.join('\n') + '\n';
}

function delta(key: keyof EvalSummary, before: EvalSummary, after: EvalSummary): string {
  const b = before[key];
  const a = after[key];
  if (a === null || b === null) return '—';
  const d = a - b;
  const sign = d > 0 ? '+' : d < 0 ? '−' : '±';
  return key === 'p50Ms' ? `${sign}${Math.abs(d)} ms` : `${sign}${Math.abs(d).toFixed(3)}`;
}

function changes(title: string, list: readonly Change[]): string[] {
  const lines = ['', `## ${title} (${list.length})`, ''];
  if (list.length === 0) return [...lines, 'None.'];
  lines.push('| question | what changed | status |', '| --- | --- | --- |');
  for (const c of list) lines.push(`| ${cell(c.question)} | ${c.what} | ${c.status} |`);
  return lines;
}
