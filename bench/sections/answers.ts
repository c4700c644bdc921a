/**
 * Reply latency of the extractive reader. The sample knowledge base in the product's runtime; the
 * questions are the employee set's (dev and test, every turn as a first question). Two figures:
 * - the reader alone, this reader against PolyDesk 0.1's (bench/baselines/extractive-0.1.ts) on the
 *   same retrieved sources, interleaved question by question, in this process;
 * - the whole reply (`answers.ask`: record, language, retrieval, reader, guardrails, outcome), now.
 */
import { createExtractiveGenerator as createBaseline } from '../baselines/extractive-0.1.js';
import { findInstructions } from '../../src/wiring/generator.js';
import { analyze } from '../../src/rag/text-analyzer.js';
import { loadEmployeeItems, openSampleRuntime } from '../../test/helpers/employee-questions.js';
import { type BenchReport, percentile } from '../report.js';

const ROUNDS = 5;

export async function run(report: BenchReport): Promise<void> {
  report.section('Extractive reader: reply latency (sample knowledge base, employee questions)');
  const items = [...loadEmployeeItems('dev'), ...loadEmployeeItems('test')];
  const questions = items.flatMap((item) =>
    item.turns.map((turn) => ({ text: turn.question, language: item.language, asker: item.asker })),
  );
  const { runtime, close } = await openSampleRuntime();
  try {
    const baseline = createBaseline({ tokenize: analyze, untrusted: findInstructions });
    const reader = runtime.generator;
    const requests = await Promise.all(
      questions.map(async (q) => {
        const asker = runtime.directory.resolve(q.asker, q.language);
        const sources = await runtime.retriever.retrieve({
          text: q.text,
          readers: [asker],
          k: 5,
          language: q.language,
        });
        return { question: q.text, language: q.language, sources, history: [] };
      }),
    );
    const readerMs: number[] = [];
    const baselineMs: number[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      for (const request of requests) {
        let started = performance.now();
        await baseline.generate(request);
        baselineMs.push(performance.now() - started);
        started = performance.now();
        await reader.generate(request);
        readerMs.push(performance.now() - started);
      }
    }
    const replyMs: number[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      for (const q of questions) {
        const asker = runtime.directory.resolve(q.asker, q.language);
        const started = performance.now();
        await runtime.answers.ask({
          text: q.text,
          asker,
          place: { platform: 'web', kind: 'local', readers: [asker] },
          history: [],
        });
        replyMs.push(performance.now() - started);
      }
    }
    const row = (name: string, ms: number[]) => [
      name,
      ms.length,
      percentile(ms, 50).toFixed(2),
      percentile(ms, 99).toFixed(2),
    ];
    report.table(
      ['what', 'calls', 'p50 ms', 'p99 ms'],
      [
        row('reader 0.1 (baseline), sources given', baselineMs),
        row('reader now, sources given', readerMs),
        row('whole reply now (answers.ask)', replyMs),
      ],
    );
    const p50 = percentile(readerMs, 50) - percentile(baselineMs, 50);
    report.note(
      `The reader now takes ${(percentile(readerMs, 50) / percentile(baselineMs, 50)).toFixed(2)}× the 0.1 reader's median time ` +
        `(${p50 >= 0 ? '+' : ''}${p50.toFixed(2)} ms); on the whole reply that is ` +
        `${(percentile(replyMs, 50) / (percentile(replyMs, 50) - p50)).toFixed(2)}× the time it would take with the 0.1 reader. ` +
        `Each of ${questions.length} questions ${ROUNDS} times; the reader timings interleave baseline and current question by question.`,
    );
  } finally {
    await close();
  }
}
