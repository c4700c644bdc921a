/**
 * Guardrails: scan throughput, latency of one 2,000-character answer with every scanner on, and
 * what the streaming hold-back costs before the first character is shown.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import type { GuardContext } from '../../src/guardrails/guard.js';
import { createGuardrail } from '../../src/guardrails/guardrail.js';
import { createLeakageIndex } from '../../src/guardrails/leakage-index.js';
import { createStreamGuard } from '../../src/guardrails/stream-guard.js';
import { CORPUS_DIR, type CorpusRecord, readJsonl, readXquad, XQUAD_DIR } from '../guardrails-eval.js';
import { type BenchReport, percentile } from '../report.js';

const ANSWER_CHARS = 2_000;

export async function run(report: BenchReport): Promise<void> {
  report.section('Guardrails');
  const passages = [
    ...readXquad(XQUAD_DIR),
    ...readJsonl<CorpusRecord>(path.join(CORPUS_DIR, 'clean.jsonl')),
  ].map((r) => r.text);
  const planted = readJsonl<CorpusRecord>(path.join(CORPUS_DIR, 'positives.jsonl')).map((r) => r.text);

  // Restricted passages for the leakage index: every other clean passage, so answers do overlap some.
  const chunks = passages
    .filter((_, i) => i % 2 === 0)
    .map((text, i) => ({
      docId: `doc-${i}`,
      text,
      audience: ['exec'],
      classification: 'restricted' as const,
    }));
  const buildStart = performance.now();
  const index = createLeakageIndex(chunks);
  const buildMs = performance.now() - buildStart;
  const canaries = JSON.parse(readFileSync(path.join(CORPUS_DIR, 'canaries.json'), 'utf8')) as string[];
  const manyCanaries = [...canaries, ...Array.from({ length: 93 }, (_, i) => `CANARY-${1000 + i}-MARKER`)];
  const guard = createGuardrail({ canaries: () => manyCanaries, leakage: () => index });
  const context: GuardContext = {
    readers: [{ email: 'bench@example.com', groups: ['all'] }],
    sources: [],
    language: 'en',
  };

  // 2,000-character answers: clean passages (every odd one, not indexed) with a planted finding in every fifth.
  const answers: string[] = [];
  let text = '';
  for (const [i, passage] of passages.entries()) {
    if (i % 2 === 0) continue;
    text += `${passage}\n\n`;
    if (answers.length % 5 === 0) text += `${planted[answers.length % planted.length]}\n\n`;
    if (text.length >= ANSWER_CHARS) {
      answers.push(text.slice(0, ANSWER_CHARS));
      text = '';
    }
  }

  for (const answer of answers) await guard.check(answer, context); // warm-up: let V8 compile the regexps
  const latencies: number[] = [];
  let bytes = 0;
  const started = performance.now();
  for (let pass = 0; pass < 3; pass++) {
    for (const answer of answers) {
      const t = performance.now();
      await guard.check(answer, context);
      latencies.push(performance.now() - t);
      bytes += Buffer.byteLength(answer, 'utf8');
    }
  }
  const seconds = (performance.now() - started) / 1000;
  report.table(
    ['measure', 'value'],
    [
      ['answers (2,000 chars each, 7 languages, 1 in 5 with a planted finding) × 3 passes', answers.length],
      ['throughput, MB/s (UTF-8 input)', bytes / 2 ** 20 / seconds],
      ['latency p50, ms', percentile(latencies, 50)],
      ['latency p99, ms', percentile(latencies, 99)],
      ['leakage index: restricted passages', index.size],
      ['leakage index build, ms', buildMs],
      ['canaries', manyCanaries.length],
    ],
  );

  report.note(
    'Streaming: a simulated generator emits 4-character tokens at a fixed rate; the guard scans before each ' +
      'visible update. "First visible" is the time from the first token to the first text shown.',
  );
  const rows: (string | number)[][] = [];
  const streamText = answers[1]!.replace(/\n/g, ' ');
  const configs = [
    [0, 1],
    [64, 1],
    [64, 16],
  ] as const;
  for (const tokensPerSecond of [20, 60]) {
    for (const [holdBackChars, checkEveryChars] of configs) {
      const firsts: number[] = [];
      for (let run = 0; run < 3; run++) {
        firsts.push(
          await firstVisibleMs(guard, context, streamText, tokensPerSecond, holdBackChars, checkEveryChars),
        );
      }
      rows.push([tokensPerSecond, holdBackChars, checkEveryChars, percentile(firsts, 50)]);
    }
  }
  report.table(
    ['tokens/s', 'hold-back chars', 'scan every N chars', 'first visible, ms (median of 3)'],
    rows,
  );

  // Scanning work while streaming: every scan reads the whole text so far.
  const work: (string | number)[][] = [];
  for (const checkEveryChars of [1, 16, 64]) {
    const t = performance.now();
    const sg = createStreamGuard(guard, context, { checkEveryChars });
    for (let i = 0; i < streamText.length; i += 4) await sg.push(streamText.slice(i, i + 4));
    await sg.finish();
    work.push([checkEveryChars, performance.now() - t]);
  }
  report.table(['scan every N chars', 'scan work for one streamed 2,000-char answer, ms'], work);
}

/** Milliseconds from the first token to the first visible text, for a stream at `tokensPerSecond`. */
async function firstVisibleMs(
  guard: ReturnType<typeof createGuardrail>,
  context: GuardContext,
  text: string,
  tokensPerSecond: number,
  holdBackChars: number,
  checkEveryChars: number,
): Promise<number> {
  let first = Number.NaN;
  const start = performance.now();
  const sg = createStreamGuard(guard, context, {
    holdBackChars,
    checkEveryChars,
    onVisible: () => {
      if (Number.isNaN(first)) first = performance.now() - start;
    },
  });
  for (let i = 0; i < text.length && Number.isNaN(first); i += 4) {
    void sg.push(text.slice(i, i + 4));
    await sleep(1000 / tokensPerSecond);
  }
  await sg.finish();
  return first;
}
