/**
 * Guardrail evaluation on the labelled corpus (test/corpus/guardrails) and on clean passages
 * (the project's own plus XQuAD when ../shared/data/xquad exists): recall, precision and F2 per
 * finding type, and the false-positive rate on clean passages.
 *
 *   node --import tsx bench/guardrails-eval.ts
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Finding } from '../src/core/types.js';
import type { GuardContext } from '../src/guardrails/guard.js';
import { createGuardrail } from '../src/guardrails/guardrail.js';
import { createLeakageIndex, type LeakageChunk } from '../src/guardrails/leakage-index.js';
import {
  FINDING_TYPES,
  SECRET_FINDING_TYPES,
  VALIDATED_ID_FINDING_TYPES,
} from '../src/guardrails/scanner.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const CORPUS_DIR = path.join(root, 'test/corpus/guardrails');
export const XQUAD_DIR = path.resolve(root, '../shared/data/xquad');

export const SECRET_TYPES: readonly string[] = SECRET_FINDING_TYPES;
export const VALIDATED_ID_TYPES: readonly string[] = VALIDATED_ID_FINDING_TYPES;

interface Span {
  readonly type: string;
  readonly start: number;
  readonly end: number;
  readonly value?: string;
}

export interface CorpusRecord {
  readonly id: string;
  readonly lang: string;
  readonly text: string;
  readonly spans: readonly Span[];
}

export interface TypeScore {
  readonly type: string;
  readonly tp: number;
  readonly fp: number;
  readonly fn: number;
  readonly recall: number;
  readonly precision: number;
  readonly f2: number;
}

export interface EvalResult {
  readonly perType: readonly TypeScore[];
  /** Planted credentials caught by any credential type (what holding the answer needs). */
  readonly secretRecall: number;
  /** Validated identifiers found with the right type. */
  readonly identifierRecall: number;
  readonly positives: number;
  readonly hardNegatives: {
    readonly total: number;
    readonly flagged: number;
    readonly flaggedIds: readonly string[];
  };
  readonly clean: {
    readonly total: number;
    readonly flagged: number;
    readonly rate: number;
    readonly byLanguage: Readonly<Record<string, { total: number; flagged: number }>>;
    readonly flaggedIds: readonly string[];
  };
  /** Random digit strings in common formats, no label: how often each is flagged (validators alone). */
  readonly lookAlikes: readonly {
    readonly format: string;
    readonly samples: number;
    readonly flagged: number;
  }[];
  readonly missed: readonly string[];
  /** Findings that match no labelled span: `id type "text"`. */
  readonly falsePositives: readonly string[];
  readonly xquad: boolean;
}

export function readJsonl<T>(file: string): T[] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as T);
}

/** XQuAD contexts as clean records, one per passage and language. */
export function readXquad(dir: string): CorpusRecord[] {
  if (!existsSync(dir)) return [];
  const records: CorpusRecord[] = [];
  for (const file of ['en', 'zh', 'es', 'de', 'ru', 'ar', 'vi'].map((l) => `xquad.${l}.json`)) {
    const full = path.join(dir, file);
    if (!existsSync(full)) continue;
    const lang = file.split('.')[1]!;
    const data = JSON.parse(readFileSync(full, 'utf8')) as { data: { paragraphs: { context: string }[] }[] };
    for (const [i, p] of data.data.flatMap((a) => a.paragraphs).entries()) {
      records.push({ id: `xquad-${lang}-${i}`, lang, text: p.context, spans: [] });
    }
  }
  return records;
}

const overlap = (a: { start: number; end: number }, b: { start: number; end: number }) =>
  a.start < b.end && b.start < a.end;

export async function evaluateGuardrails(
  options: { corpusDir?: string; xquadDir?: string | null } = {},
): Promise<EvalResult> {
  const dir = options.corpusDir ?? CORPUS_DIR;
  const positives = readJsonl<CorpusRecord>(path.join(dir, 'positives.jsonl'));
  const negatives = readJsonl<CorpusRecord>(path.join(dir, 'hard-negatives.jsonl'));
  const ownClean = readJsonl<CorpusRecord>(path.join(dir, 'clean.jsonl'));
  const xquad = options.xquadDir === null ? [] : readXquad(options.xquadDir ?? XQUAD_DIR);
  const canaries = JSON.parse(readFileSync(path.join(dir, 'canaries.json'), 'utf8')) as string[];
  const index = createLeakageIndex(readJsonl<LeakageChunk>(path.join(dir, 'leakage-docs.jsonl')));
  const guard = createGuardrail({ canaries: () => canaries, leakage: () => index });
  const check = async (record: CorpusRecord): Promise<readonly Finding[]> => {
    const context: GuardContext = {
      readers: [{ email: 'eval@example.com', groups: ['all'] }],
      sources: [],
      language: record.lang,
    };
    return (await guard.check(record.text, context)).findings;
  };

  const counts = new Map<string, { tp: number; fp: number; fn: number }>();
  const count = (type: string) => {
    const c = counts.get(type) ?? { tp: 0, fp: 0, fn: 0 };
    counts.set(type, c);
    return c;
  };
  let secretsTotal = 0;
  let secretsCaught = 0;
  let idsTotal = 0;
  let idsFound = 0;
  const missed: string[] = [];
  const falsePositives: string[] = [];

  for (const record of [...positives, ...negatives]) {
    for (const span of record.spans) {
      if (span.value !== undefined && record.text.slice(span.start, span.end) !== span.value) {
        throw new Error(`corpus record ${record.id}: span ${span.start}-${span.end} does not hold its value`);
      }
    }
    const found = await check(record);
    for (const gold of record.spans) {
      const hit = found.some((f) => f.type === gold.type && overlap(f, gold));
      if (hit) count(gold.type).tp++;
      else {
        count(gold.type).fn++;
        missed.push(`${record.id} ${gold.type}`);
      }
      if (SECRET_TYPES.includes(gold.type)) {
        secretsTotal++;
        if (found.some((f) => SECRET_TYPES.includes(f.type) && overlap(f, gold))) secretsCaught++;
      }
      if (VALIDATED_ID_TYPES.includes(gold.type)) {
        idsTotal++;
        if (hit) idsFound++;
      }
    }
    for (const f of found) {
      if (!record.spans.some((g) => g.type === f.type && overlap(f, g))) {
        count(f.type).fp++;
        falsePositives.push(`${record.id} ${f.type} ${JSON.stringify(record.text.slice(f.start, f.end))}`);
      }
    }
  }
  const negFlagged: string[] = [];
  for (const record of negatives) if ((await check(record)).length > 0) negFlagged.push(record.id);

  const byLanguage: Record<string, { total: number; flagged: number }> = {};
  const cleanFlagged: string[] = [];
  for (const record of [...ownClean, ...xquad]) {
    const stats = byLanguage[record.lang] ?? { total: 0, flagged: 0 };
    byLanguage[record.lang] = stats;
    stats.total++;
    const found = await check(record);
    if (found.length > 0) {
      stats.flagged++;
      cleanFlagged.push(`${record.id} ${found.map((f) => f.type).join(',')}`);
    }
  }
  const cleanTotal = ownClean.length + xquad.length;

  const random = mulberry32(4);
  const digits = (n: number) => Array.from({ length: n }, () => Math.floor(random() * 10)).join('');
  const formats: [string, () => string][] = [
    ['16 digits', () => digits(16)],
    ['4-4-4-4 digits', () => [4, 4, 4, 4].map(digits).join('-')],
    ['12 digits', () => digits(12)],
    ['13 digits', () => digits(13)],
    ['18 digits', () => digits(18)],
    ['6-7 digits', () => `${digits(6)}-${digits(7)}`],
    ['3-2-4 digits', () => `${digits(3)}-${digits(2)}-${digits(4)}`],
    ['0XX-XXXX-XXXX', () => `0${digits(2)}-${digits(4)}-${digits(4)}`],
  ];
  const lookAlikes = [];
  for (const [format, make] of formats) {
    let flagged = 0;
    for (let i = 0; i < 1000; i++) {
      if (
        (await check({ id: 'random', lang: 'en', text: `Reference ${make()} was updated.`, spans: [] }))
          .length
      )
        flagged++;
    }
    lookAlikes.push({ format, samples: 1000, flagged });
  }

  const perType = FINDING_TYPES.map((type): TypeScore => {
    const { tp, fp, fn } = counts.get(type) ?? { tp: 0, fp: 0, fn: 0 };
    const recall = tp + fn === 0 ? Number.NaN : tp / (tp + fn);
    const precision = tp + fp === 0 ? Number.NaN : tp / (tp + fp);
    const f2 = recall + precision > 0 ? (5 * precision * recall) / (4 * precision + recall) : 0;
    return { type, tp, fp, fn, recall, precision, f2 };
  });
  return {
    perType,
    secretRecall: secretsCaught / secretsTotal,
    identifierRecall: idsFound / idsTotal,
    positives: positives.length,
    hardNegatives: { total: negatives.length, flagged: negFlagged.length, flaggedIds: negFlagged },
    clean: {
      total: cleanTotal,
      flagged: cleanFlagged.length,
      rate: cleanFlagged.length / cleanTotal,
      byLanguage,
      flaggedIds: cleanFlagged,
    },
    lookAlikes,
    missed,
    falsePositives,
    xquad: xquad.length > 0,
  };
}

/** A small seeded PRNG, so that the random look-alikes are the same on every run. */
function mulberry32(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const fmt = (v: number) => (Number.isNaN(v) ? '–' : v.toFixed(3));

/** The evaluation as Markdown tables. */
export function formatEvaluation(result: EvalResult): string {
  const lines = [
    '| type | TP | FP | FN | recall | precision | F2 |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: |',
    ...result.perType.map(
      (s) =>
        `| ${s.type} | ${s.tp} | ${s.fp} | ${s.fn} | ${fmt(s.recall)} | ${fmt(s.precision)} | ${fmt(s.f2)} |`,
    ),
    '',
    `- planted credentials caught (any credential type): ${fmt(result.secretRecall)}`,
    `- validated identifiers found with the right type: ${fmt(result.identifierRecall)}`,
    `- hard negatives flagged: ${result.hardNegatives.flagged} / ${result.hardNegatives.total}`,
    `- clean passages flagged: ${result.clean.flagged} / ${result.clean.total} = ${(100 * result.clean.rate).toFixed(2)}%` +
      (result.xquad ? ' (own + XQuAD)' : ' (own only; XQuAD not found)'),
    '',
    '| clean set | passages | flagged |',
    '| --- | ---: | ---: |',
    ...Object.entries(result.clean.byLanguage).map(([lang, s]) => `| ${lang} | ${s.total} | ${s.flagged} |`),
    '',
    '| random number, no label ("Reference … was updated.") | samples | flagged |',
    '| --- | ---: | ---: |',
    ...result.lookAlikes.map((l) => `| ${l.format} | ${l.samples} | ${l.flagged} |`),
  ];
  return lines.join('\n');
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const result = await evaluateGuardrails();
  process.stdout.write(`${formatEvaluation(result)}\n`);
  if (process.argv.includes('--verbose')) {
    process.stdout.write(`\nmissed:\n${result.missed.join('\n')}\n`);
    process.stdout.write(`\nfalse positives:\n${result.falsePositives.join('\n')}\n`);
    process.stdout.write(`\nhard negatives flagged:\n${result.hardNegatives.flaggedIds.join('\n')}\n`);
    process.stdout.write(`\nclean flagged:\n${result.clean.flaggedIds.join('\n')}\n`);
  }
}
