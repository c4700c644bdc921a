import type { AnswerStatus } from '../core/types.js';

/** How one golden question fared: the contract's result fields plus what the Markdown report shows. */
export interface CaseResult {
  readonly line: number;
  readonly question: string;
  readonly status: AnswerStatus;
  /** Whether the expected source was among the first k hits; null when none was expected. */
  readonly hit: boolean | null;
  /** Whether the answer contains the expected text; null when none was given. */
  readonly contains: boolean | null;
  /** The language detected. */
  readonly language: string;
  readonly expectedLanguage?: string | undefined;
  readonly expectedSource?: string | undefined;
  readonly expectedAnswer?: string | undefined;
  /** The sources of the hits counted, best first (only looked up when a source was expected). */
  readonly sources: readonly string[];
  /** Answered by a standard answer: no document was read. */
  readonly standard: boolean;
  readonly ms: number;
}

/** The `summary` of `polydesk eval --json`: shares from 0 to 1, null over zero applicable questions. */
export interface EvalSummary {
  readonly questions: number;
  readonly k: number;
  readonly hitAtK: number | null;
  readonly answerContains: number | null;
  readonly languageMatch: number | null;
  readonly notFound: number | null;
  readonly p50Ms: number | null;
}

/** The contract's `polydesk eval --json` report, exactly. */
export interface EvalReport {
  readonly summary: EvalSummary;
  readonly results: readonly {
    readonly question: string;
    readonly status: string;
    readonly hit: boolean | null;
    readonly contains: boolean | null;
    readonly language: string;
    readonly ms: number;
  }[];
}

/**
 * Text as compared for "the answer contains the expected text": Unicode compatibility forms
 * (full-width digits, ligatures) folded by NFKC, lower case, every run of white space one space.
 */
export function foldText(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(/\s+/gu, ' ').trim();
}

export function answerContains(answer: string, expected: string): boolean {
  return foldText(answer).includes(foldText(expected));
}

/**
 * Whether a hit's `source` (a path or URL, as `polydesk search --json` prints it) is the expected
 * one: the same, or for a path its last segments (`hr/leave.md` matches `/srv/docs/hr/leave.md`,
 * `leave.md` too, `ave.md` not).
 */
export function sourceMatches(expected: string, source: string): boolean {
  const want = expected.replace(/\\/g, '/').replace(/^\.\//, '');
  if (source === expected || source === want) return true;
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(source)) return false;
  return source.replace(/\\/g, '/').endsWith(`/${want}`);
}

/** Whether the detected language is the expected one; null when the question gave none. */
export function languageMatches(result: Pick<CaseResult, 'language' | 'expectedLanguage'>): boolean | null {
  return result.expectedLanguage === undefined ? null : result.language === result.expectedLanguage;
}

/** Whether a question belongs in the report's misses: a measure failed, or it got no answer. */
export function isMiss(result: CaseResult): boolean {
  return (
    result.hit === false ||
    result.contains === false ||
    languageMatches(result) === false ||
    result.status !== 'answered'
  );
}

/** The summary's shares. */
export type ShareKey = 'hitAtK' | 'answerContains' | 'languageMatch' | 'notFound';

/** What a question counts toward a share: yes, no, or nothing (null: not applicable). */
export function shareValue(r: CaseResult, key: ShareKey): boolean | null {
  switch (key) {
    case 'hitAtK':
      return r.hit;
    case 'answerContains':
      return r.contains;
    case 'languageMatch':
      return languageMatches(r);
    case 'notFound':
      return r.status === 'not_found';
  }
}

export function summarize(results: readonly CaseResult[], k: number): EvalSummary {
  const share = (key: ShareKey): number | null => {
    const applicable = results.map((r) => shareValue(r, key)).filter((v) => v !== null);
    return applicable.length === 0 ? null : applicable.filter(Boolean).length / applicable.length;
  };
  return {
    questions: results.length,
    k,
    hitAtK: share('hitAtK'),
    answerContains: share('answerContains'),
    languageMatch: share('languageMatch'),
    notFound: share('notFound'),
    p50Ms: median(results.map((r) => r.ms)),
  };
}

export function evalReport(results: readonly CaseResult[], k: number): EvalReport {
  return {
    summary: summarize(results, k),
    results: results.map((r) => ({
      question: r.question,
      status: r.status,
      hit: r.hit,
      contains: r.contains,
      language: r.language,
      ms: r.ms,
    })),
  };
}

function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : Math.round((sorted[mid - 1]! + sorted[mid]!) / 2);
}
