import {
  type CaseResult,
  type EvalSummary,
  type ShareKey,
  isMiss,
  languageMatches,
  shareValue,
} from './scoring.js';

/** A line of the golden set that was skipped, with why. */
export interface BadLine {
  readonly line: number;
  readonly error: string;
}

/** The measures both reports show, in order, with the summary field each reads. */
export function measures(k: number): readonly { readonly key: ShareKey | 'p50Ms'; readonly label: string }[] {
  return [
    { key: 'hitAtK', label: `hit@${k}: expected source in the first ${k}` },
    { key: 'answerContains', label: 'answer contains the expected text' },
    { key: 'languageMatch', label: 'language detected as expected' },
    { key: 'notFound', label: 'not found' },
    { key: 'p50Ms', label: 'median latency' },
  ];
}

/** A summary value as a Markdown cell: a share with three decimals, a latency in ms, "—" for none. */
export function formatValue(key: keyof EvalSummary, value: number | null): string {
  if (value === null) return '—';
  return key === 'p50Ms' ? `${value} ms` : value.toFixed(3);
}

/** Text for one cell of a Markdown table: one line, pipes escaped, long text shortened. */
export function cell(text: string, max = 120): string {
  const line = text.replace(/\s+/g, ' ').trim();
  const short = line.length > max ? `${line.slice(0, max - 1)}…` : line;
  return short.replace(/\\/g, '\\\\').replace(/\|/g, '\\|');
}

/** The questions a share counts, and how many of them count as yes. */
function counted(results: readonly CaseResult[], key: ShareKey): string {
  const values = results.map((r) => shareValue(r, key)).filter((v) => v !== null);
  return `${values.filter(Boolean).length} of ${values.length}`;
}

/** The report of one run: the summary table, the count of each status, skipped lines, every miss. */
export function markdownReport(
  file: string,
  summary: EvalSummary,
  results: readonly CaseResult[],
  badLines: readonly BadLine[],
): string {
  const lines = [
    `# polydesk eval: ${cell(file, 200)}`,
    '',
    '| measure | value | questions |',
    '| --- | --- | --- |',
  ];
  for (const { key, label } of measures(summary.k)) {
    const of = key === 'p50Ms' ? String(summary.questions) : counted(results, key);
    lines.push(`| ${label} | ${formatValue(key, summary[key])} | ${of} |`);
  }
  lines.push('', `${summary.questions} questions: ${statusCounts(results)}.`);
  lines.push(...skipped(badLines));
  const misses = results.filter(isMiss);
  lines.push('', `## Misses (${misses.length})`, '');
  if (misses.length === 0) lines.push('None.');
  else {
    lines.push('| line | question | status | what missed |', '| --- | --- | --- | --- |');
    for (const r of misses)
      lines.push(
        `| ${r.line} | ${cell(r.question)} | ${r.status} | ${cell(whatMissed(r, summary.k), 400)} |`,
      );
  }
  return lines.join('\n') + '\n';
}

/** The section listing the golden set's lines that were skipped (none: no section). */
export function skipped(badLines: readonly BadLine[]): string[] {
  if (badLines.length === 0) return [];
  const lines = ['', `## Lines skipped (${badLines.length})`, '', '| line | why |', '| --- | --- |'];
  for (const bad of badLines) lines.push(`| ${bad.line} | ${cell(bad.error)} |`);
  return lines;
}

function statusCounts(results: readonly CaseResult[]): string {
  const counts = new Map<string, number>();
  for (const r of results) counts.set(r.status, (counts.get(r.status) ?? 0) + 1);
  return [...counts].map(([status, n]) => `${n} ${status}`).join(', ') || 'none';
}

/** Why a question is among the misses, in words. */
function whatMissed(r: CaseResult, k: number): string {
  const parts: string[] = [];
  if (r.hit === false) {
    const got = r.standard
      ? 'a standard answer, no document'
      : r.sources.length === 0
        ? 'no document'
        : [...new Set(r.sources)].slice(0, 3).join(', ');
    parts.push(`${r.expectedSource} not in the first ${k} (got ${got})`);
  }
  if (r.contains === false) parts.push(`answer lacks "${r.expectedAnswer}"`);
  if (languageMatches(r) === false) parts.push(`language ${r.language}, expected ${r.expectedLanguage}`);
  if (parts.length === 0) parts.push(`no answer (${r.status})`);
  return parts.join('; ');
}
