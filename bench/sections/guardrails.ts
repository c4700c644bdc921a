/**
 * Guardrails: quality on the regression corpus and on the independent, frozen corpus (record-level
 * recall and false-positive rate by category and language); latency of one 2,000-character answer
 * with an empty sensitive-value registry and with one of 100,000 documents; the at-rest scan per
 * 10,000 characters; and what the streaming hold-back costs. The ids of missed positives and false
 * positives go to bench/out/guardrails-misses-latest.txt, for the record (never for tuning one by one).
 */
import { readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createGuardrail } from '../../src/guardrails/guardrail.js';
import { createLeakageScanner } from '../../src/guardrails/leakage-scanner.js';
import { normalizeForScan } from '../../src/guardrails/normalize.js';
import { EMPTY_REGISTRY } from '../../src/guardrails/sensitive-registry.js';
import { CORPUS_DIR, type CorpusRecord, readJsonl, readXquad, XQUAD_DIR } from '../guardrails-eval.js';
import { sourcedAnswers } from '../guardrails-leakage.js';
import { buildRegistry, mulberry32, plant, timeAtRestScan, timeGuards } from '../guardrails-latency.js';
import {
  CLEAN_HEADERS,
  type CorpusQuality,
  cleanRows,
  loadIndependentCorpus,
  loadIndependentV2Corpus,
  loadIndependentV3Corpus,
  loadRegressionCorpus,
  measureCorpus,
  POSITIVE_HEADERS,
  percent,
  positiveRows,
  ratio,
  writeMisses,
} from '../guardrails-quality.js';
import { firstVisibleRows, streamWorkRows } from '../guardrails-streaming.js';
import { type BenchReport, formatNumber, percentile } from '../report.js';

const ANSWER_CHARS = 2_000;
const MIN_CHECKS = 1_000;
const REGISTRY_DOCS = 100_000;
const VALUES_PER_DOC = 2;
const DOCUMENT_CHARS = 10_000;
const OUT_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../out');

export async function run(report: BenchReport): Promise<void> {
  report.section('Guardrails');
  const load = loadAverage();
  const independent = await measureCorpus(loadIndependentCorpus());
  const v2Corpus = loadIndependentV2Corpus();
  const v2 = v2Corpus && (await measureCorpus(v2Corpus));
  // v3 is the held-out measure: run only when asked, so that nobody tunes on its results by accident.
  const v3Corpus = process.env.GUARDRAILS_V3 === '1' ? loadIndependentV3Corpus() : undefined;
  const v3 = v3Corpus && (await measureCorpus(v3Corpus));
  const regression = await measureCorpus(loadRegressionCorpus());
  const missesFile = writeMisses(OUT_DIR, {
    independent,
    ...(v2 ? { 'independent v2': v2 } : {}),
    ...(v3 ? { 'independent v3': v3 } : {}),
    regression,
  });

  const passages = [
    ...readXquad(XQUAD_DIR),
    ...readJsonl<CorpusRecord>(path.join(CORPUS_DIR, 'clean.jsonl')),
  ].map((r) => r.text);
  const latency = await measureLatency(passages);
  const positives = readJsonl<CorpusRecord>(path.join(CORPUS_DIR, 'positives.jsonl')).map((r) => r.text);
  const atRest = await timeAtRestScan(passages, positives, DOCUMENT_CHARS);

  const [empty, withRegistry] = latency.guards.map((g) => g.latencies);
  report.table(
    ['headline', 'value'],
    [
      ...headline('independent corpus', independent),
      ...(v2 ? headline('independent corpus v2', v2) : []),
      ...headline('regression corpus', regression),
      ['2,000-char answer, empty registry: p50 / p99 ms', p50p99(empty!)],
      [
        `2,000-char answer, registry of ${formatNumber(REGISTRY_DOCS)} documents: p50 / p99 ms`,
        p50p99(withRegistry!),
      ],
      [`at-rest scan per ${formatNumber(DOCUMENT_CHARS)} characters: p50 / p99 ms`, p50p99(atRest.latencies)],
    ],
  );
  report.note(
    `Load average at start: ${load} (the machine is shared). Every record is checked by \`createGuardrail()\` with ` +
      "the default scanners and DEFAULT_POLICY, context `{readers: [{email: 'eval@example', groups: ['all']}], " +
      'sources: [], language: record.lang}`. A positive is **held** when the verdict is not `allow`, and ' +
      '**located** when it is held and a finding (of any type) overlaps every labelled span. A clean record is a ' +
      'false positive when the verdict is not `allow`; "findings" counts every finding on clean records. ' +
      `Missed and false-positive ids: \`${path.relative(process.cwd(), missesFile)}\` (for the record, not for tuning).`,
  );

  if (v3) {
    report.note(
      '### Independent corpus v3 (test/corpus/guardrails-independent-v3, frozen): the measure\n\n' +
        'Written by four new authors (separate sessions, 19 languages) from a new plain description, without ' +
        'reading the scanner code, the earlier corpora or the docs, and frozen before any scanner ran on it (see ' +
        'its README). Run with `GUARDRAILS_V3=1`. Findings on positives outside any labelled span: ' +
        `${v3.unlabelledFindingsOnPositives}.`,
    );
    qualityTables(report, v3);
  }
  report.note(
    '### Independent corpus v1 (test/corpus/guardrails-independent): a development set\n\n' +
      'Written by a separate session without reading the scanner code and frozen, then used for class-level ' +
      'tuning in later rounds: no longer a measure. Findings on positives outside any labelled span ' +
      `(usernames, hosts; not always wrong): ${independent.unlabelledFindingsOnPositives}.`,
  );
  qualityTables(report, independent);
  if (v2) {
    report.note(
      '### Independent corpus v2 (test/corpus/guardrails-independent-v2): a development set\n\n' +
        'Written by two new authors without reading the scanner code and frozen; measured twice untouched, then ' +
        'tuned on by classes of failures (never record by record) in the round that wrote v3. Findings on ' +
        `positives outside any labelled span: ${v2.unlabelledFindingsOnPositives}.`,
    );
    qualityTables(report, v2);
  }
  report.note(
    '### Regression corpus (test/corpus/guardrails)\n\n' +
      'Written together with the scanners and tuned on: a regression suite, not a quality measure. Checked with ' +
      "its canaries and leakage index, as bench/guardrails-eval.ts does; a positive's category is its span type " +
      '("several types" when it has more than one); clean = its help-desk answers, its hard negatives and the ' +
      `XQuAD passages${readXquad(XQUAD_DIR).length ? '' : ' (not found on this machine)'}. ` +
      `Findings on positives outside any labelled span: ${regression.unlabelledFindingsOnPositives}.`,
  );
  qualityTables(report, regression);

  report.note(
    '### Latency of one 2,000-character answer\n\n' +
      `${latency.answers.length} answers of clean passages (XQuAD en/zh/es/de/ru/ar/vi and the regression ` +
      "corpus's help-desk answers, mostly one language each); " +
      `${latency.withValue} of them (one in four) hold one registered value in place of a few words, and ` +
      `${latency.leakage.leaking.size} others (one in four) quote a restricted passage (leakage, below). Each answer is ` +
      'checked with its own context, as `answer()` checks a reply: the reader (groups all and hr) and the ' +
      'passages it was written from as its sources (search hits with their audience and classification). ' +
      `${latency.passes} passes after a warm-up (load average ${latency.load}); the guards take turns on each ` +
      'answer. Default scanners and policy; the ratios compare with the empty registry in the same process. ' +
      '"Best per answer" takes the fastest check of each answer over the passes (its own cost, without the ' +
      "shared machine's scheduling and garbage-collection pauses) and gives the p99 of those.",
  );
  const [base50, base99] = [percentile(empty!, 50), percentile(empty!, 99)];
  report.table(
    [
      'guard',
      'checks',
      'p50 ms',
      'p99 ms',
      'max ms',
      'p50 / empty',
      'p99 / empty',
      'p99 of best per answer, ms',
      'answers with a registry hit',
    ],
    latency.guards.map((g) => [
      g.name,
      g.latencies.length,
      percentile(g.latencies, 50),
      percentile(g.latencies, 99),
      Math.max(...g.latencies),
      `${(percentile(g.latencies, 50) / base50).toFixed(2)}×`,
      `${(percentile(g.latencies, 99) / base99).toFixed(2)}×`,
      percentile(g.bestPerAnswer, 99),
      `${g.answersWithRegistryHit} of ${latency.withValue}`,
    ]),
  );
  const built = latency.registry;
  report.table(
    ['registry', 'value'],
    [
      [
        'documents × values',
        `${formatNumber(REGISTRY_DOCS)} × ${VALUES_PER_DOC} = ${formatNumber(built.values)} (16–40 characters each)`,
      ],
      ['fingerprinting every value (done at ingest), ms', built.fingerprintMs],
      ['building the lookup tables (done on refresh), ms', built.buildMs],
      ['heapUsed growth after GC (fingerprints kept), MiB', built.heapBytes / 2 ** 20],
      ['arrayBuffers growth after GC (hash tables), MiB', built.arrayBufferBytes / 2 ** 20],
      ['lookup alone on a normalised answer (findReproduced), p50 / p99 ms', p50p99(latency.lookups)],
    ],
  );
  leakageTables(report, latency.leakage, latency.guards.at(-1)!.answersWithLeakage);

  report.note(
    `### At-rest scan (scanDocumentAtRest) per ${formatNumber(DOCUMENT_CHARS)} characters\n\n` +
      `${atRest.latencies.length} documents of ${formatNumber(DOCUMENT_CHARS)} characters: clean passages with a ` +
      'regression-corpus positive after every third passage. After one warm-up scan.',
  );
  report.table(
    ['documents', 'p50 ms', 'p99 ms', 'mean ms', 'findings per document (mean)'],
    [
      [
        atRest.latencies.length,
        percentile(atRest.latencies, 50),
        percentile(atRest.latencies, 99),
        atRest.latencies.reduce((a, b) => a + b, 0) / atRest.latencies.length,
        atRest.findings / atRest.latencies.length,
      ],
    ],
  );

  report.note(
    '### Streaming\n\nA simulated generator emits 4-character tokens at a fixed rate; the guard (registry, leakage ' +
      'index and canaries) scans before each visible update. "First visible" is the time from the first token to ' +
      'the first text shown.',
  );
  const streamText = latency.answers[1]!.replace(/\n/g, ' ');
  report.table(
    ['tokens/s', 'hold-back chars', 'scan every N chars', 'first visible, ms (median of 3)'],
    await firstVisibleRows(latency.full, latency.contexts[1]!, streamText),
  );
  report.table(
    ['scan every N chars', 'scan work for one streamed 2,000-char answer, ms'],
    await streamWorkRows(latency.full, latency.contexts[1]!, streamText),
  );
}

/**
 * Times three guards on the same answers, each checked with its own sources and reader as
 * `answer()` checks a reply: empty registry, a registry of REGISTRY_DOCS documents, and that
 * registry with the leakage index and canaries (as a deployment runs it). Answers come from every
 * other passage; the other half are restricted documents, some quoting a passage answers are
 * written from, and one answer in four quotes a restricted passage (bench/guardrails-leakage.ts).
 */
async function measureLatency(passages: readonly string[]) {
  const random = mulberry32(12);
  const registry = buildRegistry(REGISTRY_DOCS, VALUES_PER_DOC, 1_000, random);
  let started = performance.now();
  const sourced = sourcedAnswers(passages, ANSWER_CHARS, 'en', random);
  const indexMs = performance.now() - started;
  const { index, contexts } = sourced;
  const canaries = JSON.parse(readFileSync(path.join(CORPUS_DIR, 'canaries.json'), 'utf8')) as string[];
  const manyCanaries = [...canaries, ...Array.from({ length: 93 }, (_, i) => `CANARY-${1000 + i}-MARKER`)];
  const answers = sourced.answers.map((a, i) =>
    i % 4 === 0 ? plant(a, registry.sample[(i / 4) % registry.sample.length]!, random) : a,
  );
  const full = createGuardrail({
    registry: () => registry.registry,
    leakage: () => index,
    canaries: () => manyCanaries,
  });
  const guards = [
    { name: 'empty registry', guard: createGuardrail({ registry: () => EMPTY_REGISTRY }) },
    {
      name: `registry of ${formatNumber(REGISTRY_DOCS)} documents`,
      guard: createGuardrail({ registry: () => registry.registry }),
    },
    {
      name: `registry + leakage index (${index.size} passages) + ${manyCanaries.length} canaries`,
      guard: full,
    },
  ];
  const passes = Math.max(2, Math.ceil(MIN_CHECKS / answers.length));
  const load = loadAverage();
  const timed = await timeGuards(guards, answers, contexts, passes);

  // The two look-ups alone, on the normalised text as the guard hands it to them.
  const lookups: number[] = [];
  const leakChecks: number[][] = answers.map(() => []);
  const scanner = createLeakageScanner(() => index);
  const normalized = answers.map((a) => normalizeForScan(a).text);
  for (let pass = 0; pass < passes; pass++) {
    for (const [i, text] of normalized.entries()) {
      started = performance.now();
      registry.registry.findReproduced(text);
      lookups.push(performance.now() - started);
      started = performance.now();
      await scanner.scan(text, contexts[i]!);
      leakChecks[i]!.push(performance.now() - started);
    }
  }
  return {
    answers,
    contexts,
    withValue: answers.filter((_, i) => i % 4 === 0).length,
    passes,
    load,
    registry,
    full,
    lookups,
    leakage: { ...sourced, indexMs, leakChecks },
    guards: guards.map((g) => ({ name: g.name, ...timed.get(g.name)! })),
  };
}

/** What the leakage index holds, what it found, and what checking one answer against it costs. */
function leakageTables(
  report: BenchReport,
  leakage: Awaited<ReturnType<typeof measureLatency>>['leakage'],
  held: readonly number[],
): void {
  const found = held.filter((i) => leakage.leaking.has(i)).length;
  const sharing = leakage.leakChecks.filter((_, i) => leakage.leaking.has(i) || leakage.overlapping.has(i));
  const p99OfMedians = (checks: readonly number[][]) =>
    percentile(
      checks.map((c) => percentile(c, 50)),
      99,
    );
  report.note(
    '### Leakage\n\n' +
      `The index holds ${leakage.restricted} restricted passages (audience exec; the other half of the passages, ` +
      'one in four ending with a 200-character quote of a passage that answers are written from, as a policy ' +
      `quotes the handbook) and ${leakage.confidential} confidential passages of the answers' own sources ` +
      '(audience hr, which the reader is in). So an answer shares text with the index in three ways: a quote of ' +
      'a restricted passage the reader may not see (a leak: held), a confidential source the reader may see ' +
      '(skipped), a public source that a restricted document quotes (excused because a visible source holds the ' +
      'run). The leakage scanner is timed alone on the normalised answer with its context, as the guard calls it.',
  );
  report.table(
    ['leakage', 'value'],
    [
      ['indexed passages (restricted + confidential)', `${leakage.restricted} + ${leakage.confidential}`],
      ['index build, ms', leakage.indexMs],
      [
        'answers quoting 200 characters of a restricted passage: held for leakage',
        `${found} of ${leakage.leaking.size}`,
      ],
      ['other answers with a leakage finding (false positives)', held.length - found],
      [
        'answers sharing text with a passage they may see or a source that holds it (allowed)',
        leakage.overlapping.size,
      ],
      ['leakage scanner alone, every answer: p50 / p99 ms', p50p99(leakage.leakChecks.flat())],
      [
        `leakage scanner alone, the ${sharing.length} answers sharing text with the index: p50 / p99 ms`,
        p50p99(sharing.flat()),
      ],
      ['leakage scanner alone, p99 over answers of their median, ms', p99OfMedians(leakage.leakChecks)],
    ],
  );
}

/** The two headline rows of a corpus: recall and false-positive rate. */
function headline(name: string, q: CorpusQuality): string[][] {
  const p = q.positives.total;
  const c = q.clean.total;
  return [
    [
      `${name}: recall (held / located)`,
      `${ratio(p.held, p.n)} / ${ratio(p.located, p.n)} of ${p.n} positives`,
    ],
    [`${name}: false-positive rate`, `${percent(c.flagged, c.n)} of ${c.n} clean`],
  ];
}

/** By category and by language, positives then clean records. */
function qualityTables(report: BenchReport, q: CorpusQuality): void {
  report.table(
    ['positives by category', ...POSITIVE_HEADERS],
    positiveRows(q.positives.byCategory, q.positives.total),
  );
  report.table(
    ['positives by language', ...POSITIVE_HEADERS],
    positiveRows(q.positives.byLanguage, q.positives.total),
  );
  report.table(['clean by category', ...CLEAN_HEADERS], cleanRows(q.clean.byCategory, q.clean.total));
  report.table(['clean by language', ...CLEAN_HEADERS], cleanRows(q.clean.byLanguage, q.clean.total));
}

function p50p99(values: readonly number[]): string {
  return `${formatNumber(percentile(values, 50))} / ${formatNumber(percentile(values, 99))}`;
}

function loadAverage(): string {
  return os
    .loadavg()
    .map((l) => l.toFixed(1))
    .join(' / ');
}
