/**
 * Reply latency of the extractive reader. The sample knowledge base in the product's runtime; the
 * questions are the employee set's (dev and test, every turn as a first question). Two figures:
 * - the reader alone, this reader against PolyDesk 0.1's (bench/baselines/extractive-0.1.ts) on the
 *   same retrieved sources, interleaved question by question, in this process;
 * - the whole reply (`answers.ask`: record, language, retrieval, reader, guardrails, outcome), now;
 * - the reader with a sentence encoder of multilingual-e5-small's shape (EMBEDDING_MODEL_DIR), the
 *   first round (every unit embedded) and the later ones (unit vectors cached).
 */
import { createExtractiveGenerator as createBaseline } from '../baselines/extractive-0.1.js';
import { createUnitEncoder } from '../../src/inference/unit-encoder.js';
import { createExtractive, findInstructions } from '../../src/wiring/generator.js';
import { DEFAULT_ENCODER_WEIGHT } from '../../src/wiring/reader-encoder.js';
import { withE5ShapeEmbedder } from '../dense/encoder-throughput.js';
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
    await withE5ShapeEmbedder(async (embedder) => {
      // No timeout: the figure is the encoder's whole cost, not where the reader would give up on it.
      const encoded = createExtractive(() => runtime.index.lexical, undefined, {
        encoder: createUnitEncoder({ embedder, timeoutMs: 600_000 }),
        weight: DEFAULT_ENCODER_WEIGHT,
      });
      const firstMs: number[] = [];
      const cachedMs: number[] = [];
      for (let round = 0; round < 3; round++) {
        for (const request of requests) {
          // Each round's question is a new text (trailing spaces: the same tokens), as every question
          // is; only the units' vectors are kept from round to round.
          const asked = { ...request, question: request.question + ' '.repeat(round) };
          const started = performance.now();
          await encoded.generate(asked);
          (round === 0 ? firstMs : cachedMs).push(performance.now() - started);
        }
      }
      report.table(
        ['what', 'calls', 'p50 ms', 'p99 ms'],
        [
          row(
            'reader with an e5-small-shaped encoder, first round (units embedded where the words answer)',
            firstMs,
          ),
          row('the same, later rounds (unit vectors cached, the question embedded)', cachedMs),
        ],
      );
      report.note(
        "The encoder has multilingual-e5-small's shape with random weights and the tests' tiny WordPiece " +
          "tokenizer, which spells most words letter by letter: several times the tokens that e5's own " +
          'tokenizer makes of the same sentence, so these are upper bounds. A question embeds itself and ' +
          'the units of its sources that are not cached yet (at most 64), and only when the words find an answer (no calibration): ' +
          'a question they leave unanswered costs what it costs without the encoder. The reader gives up on the encoder after 2 s.',
      );
    });
  } finally {
    await close();
  }
}
