/**
 * Generation on CPU: time to first token (from the prompt text, tokenisation included, as the
 * product calls the model) and decode tokens/s of PolyDesk's decode loop (onnxruntime-node, KV
 * cache) next to transformers.js on the same ONNX files, for the tiny test
 * model and for a random-weight model of GPT-2 small's shape; and whether batching concurrent
 * requests pays. Models are generated into a temporary folder.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { BenchReport } from '../report.js';
import {
  type Measurement,
  buildRandomExport,
  buildTinyExport,
  measureConcurrent,
  measurePolydesk,
  measureTransformersJs,
} from '../generation-measure.js';

const THREADS = Math.min(2, os.cpus().length);
/** GPT-2 small (124M) with a 32,000-token vocabulary instead of 50,257: 110M parameters, 440 MB fp32. */
const SMALL = { nLayer: 12, nHead: 12, nEmbd: 768, nPositions: 1024, vocabSize: 32_000 };

export async function run(report: BenchReport): Promise<void> {
  report.section('Generation on CPU (onnxruntime-node)');
  const root = mkdtempSync(path.join(os.tmpdir(), 'polydesk-bench-gen-'));
  try {
    const rows: (string | number)[][] = [];
    const cases = [
      {
        name: 'tiny test model (2×64, vocab 277)',
        dir: path.join(root, 'tiny'),
        prompt: 64,
        tokens: 64,
        runs: 5,
        external: false,
      },
      {
        name: 'GPT-2 small shape (12×768, vocab 32,000)',
        dir: path.join(root, 'small'),
        prompt: 128,
        tokens: 64,
        runs: 3,
        external: true,
      },
    ];
    buildTinyExport(cases[0]!.dir);
    const built = performance.now();
    buildRandomExport(cases[1]!.dir, SMALL);
    const buildSeconds = (performance.now() - built) / 1000;
    for (const c of cases) {
      const ours = await measurePolydesk(
        { modelDir: c.dir, intraOpThreads: THREADS },
        c.prompt,
        c.tokens,
        c.runs,
      );
      const theirs = await measureTransformersJs(
        c.dir,
        { device: 'cpu', threads: THREADS, externalData: c.external },
        ours.promptText,
        c.tokens,
        c.runs,
      );
      const cells = (m: Measurement | string) =>
        typeof m === 'string' ? ['—', '—'] : [m.ttftMs, m.tokensPerSecond];
      rows.push([
        c.name,
        `${ours.promptTokens} → ${ours.newTokens}`,
        ...cells(ours),
        ...cells(theirs),
        typeof theirs === 'string'
          ? theirs
          : `${(ours.tokensPerSecond / theirs.tokensPerSecond).toFixed(2)}×`,
      ]);
    }
    report.table(
      [
        'model',
        'prompt → new tokens',
        'PolyDesk TTFT ms',
        'PolyDesk tokens/s',
        'transformers.js TTFT ms',
        'transformers.js tokens/s',
        'tokens/s ratio',
      ],
      rows,
    );
    report.note(
      `Greedy, ${THREADS} intra-op threads, fp32, median of the runs. Both engines are given the prompt as text, ` +
        "as PolyDesk's ONNX engine is given its rendered prompt: TTFT = wall time of a one-token generation from " +
        "that text (tokenising it with the export's tokenizer.json, prefill, first token); tokens/s = (new − 1) / " +
        '(full time − TTFT). transformers.js = @huggingface/transformers AutoTokenizer, then ' +
        'AutoModelForCausalLM.generate, on the same files. The GPT-2-small-shaped model was generated in ' +
        `${buildSeconds.toFixed(1)} s.`,
    );

    const concurrent: (string | number)[][] = [];
    for (const requests of [1, 2, 4]) {
      const off = await measureConcurrent(
        { modelDir: cases[1]!.dir, intraOpThreads: THREADS, maxBatch: 1 },
        requests,
        32,
        32,
      );
      const on = await measureConcurrent(
        { modelDir: cases[1]!.dir, intraOpThreads: THREADS, maxBatch: 4 },
        requests,
        32,
        32,
      );
      concurrent.push([requests, off, on, `${(on / off).toFixed(2)}×`]);
    }
    report.table(['concurrent requests', 'one at a time: tokens/s', 'batched: tokens/s', 'gain'], concurrent);
    report.note(
      'GPT-2-small shape, 32-token prompts, 32 new tokens each; tokens/s = all generated tokens / wall time. ' +
        'Batched = waiting requests decoded together (left-padded, one forward pass per step; `maxBatch` 4, the default).',
    );
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}
