/**
 * Record-level quality of the output guardrail on a labelled corpus, with the same definitions for
 * the regression corpus (test/corpus/guardrails) and the independent one
 * (test/corpus/guardrails-independent):
 *
 * - a positive record is **held** when the verdict is not `allow`, and **located** when it is held
 *   and every labelled span is overlapped by at least one finding (of any type);
 * - a clean record is a **false positive** when the verdict is not `allow`; every finding on a
 *   clean record is a findings-level false positive.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Finding } from '../src/core/types.js';
import type { Guard, GuardContext } from '../src/guardrails/guard.js';
import { createGuardrail } from '../src/guardrails/guardrail.js';
import { createLeakageIndex, type LeakageChunk } from '../src/guardrails/leakage-index.js';
import { CORPUS_DIR, type CorpusRecord, readJsonl, readXquad, XQUAD_DIR } from './guardrails-eval.js';

export const INDEPENDENT_DIR = path.resolve(CORPUS_DIR, '../guardrails-independent');
/** The second independent corpus: new authors, a new description, frozen (see its README); tuned on since. */
export const INDEPENDENT_V2_DIR = path.resolve(CORPUS_DIR, '../guardrails-independent-v2');
/** The third: four new authors, a new description, frozen; the held-out measure (see its README). */
export const INDEPENDENT_V3_DIR = path.resolve(CORPUS_DIR, '../guardrails-independent-v3');

/** A corpus record; `category` is given by the independent corpus and derived for the regression one. */
export interface LabelledRecord extends CorpusRecord {
  readonly category: string;
}

export interface Corpus {
  readonly name: string;
  readonly positives: readonly LabelledRecord[];
  readonly clean: readonly LabelledRecord[];
  /** The guard the corpus is meant to be checked with. */
  readonly guard: Guard;
}

export interface PositiveTally {
  n: number;
  held: number;
  located: number;
}

export interface CleanTally {
  n: number;
  flagged: number;
  findings: number;
}

export interface Breakdown<T> {
  readonly byCategory: ReadonlyMap<string, T>;
  readonly byLanguage: ReadonlyMap<string, T>;
  readonly total: T;
}

export interface CorpusQuality {
  readonly positives: Breakdown<PositiveTally>;
  readonly clean: Breakdown<CleanTally>;
  /** Findings on positive records that overlap no labelled span (usernames, hosts: not always wrong). */
  readonly unlabelledFindingsOnPositives: number;
  /** `id category lang held|not held`, for the record only. */
  readonly missed: readonly string[];
  /** `id category lang finding types`, for the record only. */
  readonly falsePositives: readonly string[];
}

/**
 * The independent, frozen corpus, checked with the guardrail as configured by default: default
 * scanners, DEFAULT_POLICY, no canaries, leakage index or registry (the corpus needs none).
 */
export function loadIndependentCorpus(dir = INDEPENDENT_DIR): Corpus {
  return {
    name: 'independent',
    positives: readJsonl<LabelledRecord>(path.join(dir, 'positives.jsonl')),
    clean: readJsonl<LabelledRecord>(path.join(dir, 'clean.jsonl')),
    guard: createGuardrail(),
  };
}

/** A development set written from v3's brief by four more authors, for finding classes of failures (see its README). */
export const DEV_V4_DIR = path.resolve(CORPUS_DIR, '../guardrails-dev-v4');

export function loadDevV4Corpus(): Corpus | undefined {
  return loadIndependentV2Corpus(DEV_V4_DIR, 'development v4');
}

/** A development set of hard clean text (and a few positives), written from v3's brief by four more authors. */
export const DEV_V5_DIR = path.resolve(CORPUS_DIR, '../guardrails-dev-v5');

export function loadDevV5Corpus(): Corpus | undefined {
  return loadIndependentV2Corpus(DEV_V5_DIR, 'development v5');
}

/** A development set of positives in the weakest categories, written from v3's brief by four more authors. */
export const DEV_V6_DIR = path.resolve(CORPUS_DIR, '../guardrails-dev-v6');

export function loadDevV6Corpus(): Corpus | undefined {
  return loadIndependentV2Corpus(DEV_V6_DIR, 'development v6');
}

/** The v3 independent corpus, read like v2 (one pair of files per author). */
export function loadIndependentV3Corpus(): Corpus | undefined {
  return loadIndependentV2Corpus(INDEPENDENT_V3_DIR, 'independent v3');
}

/**
 * The v2 independent corpus: every author's `<author>-positives.jsonl` and `<author>-clean.jsonl`
 * in the folder, checked like v1. Undefined when the folder holds none.
 */
export function loadIndependentV2Corpus(
  dir = INDEPENDENT_V2_DIR,
  name = 'independent v2',
): Corpus | undefined {
  if (!existsSync(dir)) return undefined;
  const files = readdirSync(dir).sort();
  const read = (suffix: string) =>
    files.filter((f) => f.endsWith(suffix)).flatMap((f) => readJsonl<LabelledRecord>(path.join(dir, f)));
  const positives = read('-positives.jsonl');
  if (positives.length === 0) return undefined;
  return { name, positives, clean: read('-clean.jsonl'), guard: createGuardrail() };
}

/**
 * The regression corpus, checked as bench/guardrails-eval.ts checks it (with its canaries and
 * leakage index). A positive's category is its span type, or "several types"; clean records are
 * the corpus's own help-desk answers, its hard negatives and the XQuAD passages when present.
 */
export function loadRegressionCorpus(dir = CORPUS_DIR, xquadDir = XQUAD_DIR): Corpus {
  const positives = readJsonl<CorpusRecord>(path.join(dir, 'positives.jsonl')).map((r) => {
    const types = [...new Set(r.spans.map((s) => s.type))];
    return { ...r, category: types.length === 1 ? types[0]! : 'several types' };
  });
  const tag = (category: string) => (r: CorpusRecord) => ({ ...r, category });
  const clean = [
    ...readJsonl<CorpusRecord>(path.join(dir, 'clean.jsonl')).map(tag('helpdesk')),
    ...readJsonl<CorpusRecord>(path.join(dir, 'hard-negatives.jsonl')).map(tag('hard negative')),
    ...readXquad(xquadDir).map(tag('wiki (XQuAD)')),
  ];
  const canaries = JSON.parse(readFileSync(path.join(dir, 'canaries.json'), 'utf8')) as string[];
  const index = createLeakageIndex(readJsonl<LeakageChunk>(path.join(dir, 'leakage-docs.jsonl')));
  return {
    name: 'regression',
    positives,
    clean,
    guard: createGuardrail({ canaries: () => canaries, leakage: () => index }),
  };
}

/** Every corpus but the frozen v3: the regression corpus and the development sets, those present. */
export function loadDevelopmentCorpora(): Corpus[] {
  return [
    loadRegressionCorpus(),
    loadIndependentCorpus(),
    loadIndependentV2Corpus(),
    loadDevV4Corpus(),
    loadDevV5Corpus(),
    loadDevV6Corpus(),
  ].filter((c): c is Corpus => c !== undefined);
}

const overlaps = (f: Finding, s: { start: number; end: number }) => f.start < s.end && s.start < f.end;

/** Checks every record of a corpus once and tallies it by category, by language and in total. */
export async function measureCorpus(corpus: Corpus): Promise<CorpusQuality> {
  const check = async (record: LabelledRecord) => {
    const context: GuardContext = {
      readers: [{ email: 'eval@example', groups: ['all'] }],
      sources: [],
      language: record.lang,
    };
    return corpus.guard.check(record.text, context);
  };

  const positives = tallies<PositiveTally>(() => ({ n: 0, held: 0, located: 0 }));
  const missed: string[] = [];
  let unlabelled = 0;
  for (const record of corpus.positives) {
    const verdict = await check(record);
    const held = verdict.action !== 'allow';
    const located = held && record.spans.every((s) => verdict.findings.some((f) => overlaps(f, s)));
    unlabelled += verdict.findings.filter((f) => !record.spans.some((s) => overlaps(f, s))).length;
    for (const t of positives.of(record)) {
      t.n += 1;
      if (held) t.held += 1;
      if (located) t.located += 1;
    }
    if (!located) {
      missed.push(
        `${record.id} ${record.category} ${record.lang} ${held ? 'held, span missed' : 'not held'}`,
      );
    }
  }

  const clean = tallies<CleanTally>(() => ({ n: 0, flagged: 0, findings: 0 }));
  const falsePositives: string[] = [];
  for (const record of corpus.clean) {
    const verdict = await check(record);
    const flagged = verdict.action !== 'allow';
    for (const t of clean.of(record)) {
      t.n += 1;
      if (flagged) t.flagged += 1;
      t.findings += verdict.findings.length;
    }
    if (flagged) {
      const types = verdict.findings.map((f) => f.type).join(',');
      falsePositives.push(`${record.id} ${record.category} ${record.lang} ${verdict.action} ${types}`);
    }
  }

  return {
    positives: positives.result(),
    clean: clean.result(),
    unlabelledFindingsOnPositives: unlabelled,
    missed,
    falsePositives,
  };
}

/** One tally per category, per language and in total; `of(record)` gives the three a record adds to. */
function tallies<T>(empty: () => T) {
  const byCategory = new Map<string, T>();
  const byLanguage = new Map<string, T>();
  const total = empty();
  const get = (map: Map<string, T>, key: string) => {
    const t = map.get(key) ?? empty();
    map.set(key, t);
    return t;
  };
  return {
    of: (r: LabelledRecord): T[] => [get(byCategory, r.category), get(byLanguage, r.lang), total],
    result: (): Breakdown<T> => ({ byCategory, byLanguage, total }),
  };
}

export const ratio = (part: number, whole: number) => (whole === 0 ? '–' : (part / whole).toFixed(3));
export const percent = (part: number, whole: number) =>
  whole === 0 ? '–' : `${((100 * part) / whole).toFixed(2)} %`;

export const POSITIVE_HEADERS = ['records', 'held', 'recall (held)', 'located', 'recall (located)'] as const;
export const CLEAN_HEADERS = ['records', 'flagged', 'FP rate', 'findings'] as const;

/** Table rows for positives: each group, then the total. */
export function positiveRows(tallies: ReadonlyMap<string, PositiveTally>, total: PositiveTally): string[][] {
  const row = (name: string, t: PositiveTally) => [
    name,
    String(t.n),
    String(t.held),
    ratio(t.held, t.n),
    String(t.located),
    ratio(t.located, t.n),
  ];
  return [...[...tallies].map(([name, t]) => row(name, t)), row('**total**', total)];
}

/** Table rows for clean records: each group, then the total. */
export function cleanRows(tallies: ReadonlyMap<string, CleanTally>, total: CleanTally): string[][] {
  const row = (name: string, t: CleanTally) => [
    name,
    String(t.n),
    String(t.flagged),
    percent(t.flagged, t.n),
    String(t.findings),
  ];
  return [...[...tallies].map(([name, t]) => row(name, t)), row('**total**', total)];
}

/**
 * Writes the missed and false-positive ids of each corpus to `dir` (a timestamped file and
 * guardrails-misses-latest.txt) and returns the latter: for the record, never for tuning one by one.
 */
export function writeMisses(dir: string, corpora: Readonly<Record<string, CorpusQuality>>): string {
  const lines = [
    '# Guardrail misses and false positives (for the record; fix classes, never single records)',
    `# ${new Date().toISOString()}`,
  ];
  for (const [name, q] of Object.entries(corpora)) {
    lines.push('', `## ${name}: missed positives (${q.missed.length})`, ...q.missed);
    lines.push('', `## ${name}: false positives (${q.falsePositives.length})`, ...q.falsePositives);
  }
  const text = `${lines.join('\n')}\n`;
  mkdirSync(dir, { recursive: true });
  writeFileSync(
    path.join(dir, `guardrails-misses-${new Date().toISOString().replace(/[:.]/g, '-')}.txt`),
    text,
  );
  const latest = path.join(dir, 'guardrails-misses-latest.txt');
  writeFileSync(latest, text);
  return latest;
}
