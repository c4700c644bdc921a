import type { Citation, Verdict } from '../core/types.js';
import type { Runtime } from '../runtime.js';

/** What `ask` and `summarize` share: who asks, and how citations, verdicts and reviews are printed. */

/** The `--user` given (resolved in the directory), else the local CLI user. */
export function cliUser(runtime: Runtime, user: unknown) {
  return runtime.directory.resolve(typeof user === 'string' ? user : 'cli@local');
}

/** Citations as the contract's JSON has them: title, source and the link when there is one. */
export function citationsJson(citations: readonly Citation[]) {
  return citations.map((c) => ({ title: c.title, source: c.source, ...(c.url ? { url: c.url } : {}) }));
}

/** The verdict as the contract's JSON has it: the action and the findings' types and offsets. */
export function verdictJson(verdict: Verdict) {
  return {
    action: verdict.action,
    findings: verdict.findings.map((f) => ({ type: f.type, start: f.start, end: f.end })),
  };
}

/** The lines after a text: its numbered sources, then the review it waits for. */
export function writeSources(citations: readonly Citation[], reviewId: string | undefined): void {
  if (citations.length > 0) {
    process.stdout.write('\n');
    for (const c of citations) process.stdout.write(`[${c.n}] ${c.title} — ${c.url ?? c.source}\n`);
  }
  if (reviewId) process.stdout.write(`\n(review ${reviewId})\n`);
}
