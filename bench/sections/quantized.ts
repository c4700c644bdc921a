/**
 * Quantized exports on CPU, side by side: a random-weight model of GPT-2 medium's shape (24 layers
 * × 1,024, vocabulary 32,000: 368M parameters) written as fp32, int8 (quantize_dynamic's layout) and
 * int4 (MatMulNBits, block 32, at accuracy levels 0 and 4) from the same weights, each measured by
 * `polydesk generate --check --json` in a process of its own: decode tokens/s of a timed greedy run,
 * the weights' bytes as the graph stores them, and the growth of the process's resident memory.
 * The models are built once (minutes) and kept under bench/out/quantized-models/ (git-ignored).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ModelCheckResult } from '../../src/inference/model-check.js';
import type { Gpt2Shape, WriteOptions } from '../../test/fixtures/gpt2-onnx.js';
import { buildRandomGpt2 } from '../../test/fixtures/tiny-gpt2.js';
import type { BenchReport } from '../report.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const ROOT = path.resolve(here, '..', '..');
const MEDIUM: Gpt2Shape = { nLayer: 24, nHead: 16, nEmbd: 1024, nPositions: 1024, vocabSize: 32_000 };
const RUNS = 3;
const NEW_TOKENS = 32;

const VARIANTS: readonly { name: string; label: string; options: WriteOptions }[] = [
  { name: 'fp32', label: 'fp32', options: {} },
  { name: 'int8', label: 'int8 (DynamicQuantizeLinear + MatMulInteger)', options: { quantize: 'int8' } },
  {
    name: 'int4-acc0',
    label: 'int4 (MatMulNBits, block 32, accuracy_level 0)',
    options: { quantize: 'int4', int4AccuracyLevel: 0 },
  },
  {
    name: 'int4-acc4',
    label: 'int4 (MatMulNBits, block 32, accuracy_level 4: int8 activations)',
    options: { quantize: 'int4', int4AccuracyLevel: 4 },
  },
];

/** The model folder of a variant, built (into a temporary name, then renamed) unless it exists. */
function modelDir(name: string, options: WriteOptions): { dir: string; builtSeconds?: number } {
  const dir = path.join(here, '..', 'out', 'quantized-models', `gpt2-medium-v32000-${name}`);
  if (existsSync(path.join(dir, 'config.json'))) return { dir };
  const partial = `${dir}.partial`;
  rmSync(partial, { recursive: true, force: true });
  mkdirSync(partial, { recursive: true });
  const started = performance.now();
  // The same seed for every variant: one network, stored four ways.
  buildRandomGpt2(partial, MEDIUM, { ...options, externalData: true, seed: 1 });
  renameSync(partial, dir);
  return { dir, builtSeconds: (performance.now() - started) / 1000 };
}

function check(dir: string): ModelCheckResult {
  const run = spawnSync(
    process.execPath,
    [
      '--no-regexp-tier-up',
      path.join(ROOT, 'bin', 'polydesk.mjs'),
      'generate',
      '--check',
      '--json',
      '--max-tokens',
      String(NEW_TOKENS),
    ],
    {
      cwd: ROOT,
      encoding: 'utf8',
      env: { PATH: process.env.PATH, HOME: process.env.HOME, GENERATOR: 'onnx', LLM_MODEL_DIR: dir },
      maxBuffer: 1 << 24,
    },
  );
  if (run.status !== 0)
    throw new Error(`generate --check failed on ${dir}: ${run.stderr.trim().split('\n').at(-1)}`);
  return JSON.parse(run.stdout) as ModelCheckResult;
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const mb = (bytes: number) => Math.round(bytes / 1e6).toLocaleString('en-US');

export async function run(report: BenchReport): Promise<void> {
  report.section('Quantized models on CPU: fp32, int8, int4 at GPT-2 medium’s shape');
  const load = os.loadavg().map((l) => l.toFixed(1));
  const rows: (string | number)[][] = [];
  const built: string[] = [];
  let fp32Speed: number | undefined;
  for (const variant of VARIANTS) {
    process.stderr.write(`[bench] quantized: ${variant.name}\n`);
    const { dir, builtSeconds } = modelDir(variant.name, variant.options);
    if (builtSeconds !== undefined) built.push(`${variant.name} ${builtSeconds.toFixed(0)} s`);
    const checks = Array.from({ length: RUNS }, () => check(dir));
    const speed = median(checks.map((c) => c.speed.tokensPerSecond));
    fp32Speed ??= speed;
    const first = checks[0]!;
    rows.push([
      variant.label,
      (first.model.parameters / 1e6).toFixed(0),
      mb(first.weights.bytes),
      mb(median(checks.map((c) => c.memory.measuredRssBytes))),
      median(checks.map((c) => c.speed.ttftMs)).toFixed(0),
      speed.toFixed(1),
      `${(speed / fp32Speed).toFixed(2)}×`,
    ]);
  }
  report.table(
    [
      'weights',
      'parameters (M)',
      'weights in the file (MB)',
      'resident memory growth (MB)',
      'TTFT ms',
      'tokens/s',
      'vs fp32',
    ],
    rows,
  );
  report.note(
    [
      `Shape 24 layers × 1,024 (16 heads), context 1,024, vocabulary 32,000, random weights (seed 1, the same network in every row); embeddings stay fp32 as the quantizers leave them, the LM head is quantized with the other MatMuls.`,
      `Each row: \`polydesk generate --check --json --max-tokens ${NEW_TOKENS}\` run ${RUNS} times in a fresh process, medians; a 24-token prompt then ${NEW_TOKENS} greedy tokens, onnxruntime's default threads (${os.cpus().length} cores).`,
      'tokens/s = (generated − 1) / decode time after the first token; TTFT = prefill + first token.',
      '“Weights in the file” = bytes of the initializers as the graph stores them (int4: half a byte per weight plus an fp32 scale and a 4-bit zero point per 32); “resident memory growth” = the process’s RSS at the end of the timed run, model loaded, minus before loading (worker thread, onnxruntime’s arenas and pre-packed weights included).',
      `Load average at start: ${load.join(' / ')}.${built.length ? ` Models built this run: ${built.join(', ')}.` : ' Models reused from bench/out/quantized-models/.'}`,
    ].join(' '),
  );
}
