/**
 * Generation on a GPU host: a random-weight model of PolyLM-1.7B's shape (GPT-2 architecture,
 * 24 layers, hidden 2,048, 16 heads, vocabulary 256,000, context 2,048) or PolyLM-13B's (40 layers,
 * hidden 5,120, 40 heads), in fp16 or int4 (MatMulNBits, block 32, fp16 scales: what onnxruntime's
 * quantizer makes of an fp16 export), run by PolyDesk's decode loop on the CUDA and WebGPU execution
 * providers, reported against the memory-bandwidth limit (decode reads every MatMul weight once per
 * token: tokens/s ≤ bandwidth / weight bytes per token). Not yet run on a GPU (docs/benchmarks.md).
 *
 * On the GPU host, once:
 *   npm ci && ONNXRUNTIME_NODE_INSTALL=cuda12 node node_modules/onnxruntime-node/script/install.js
 *                                              # onnxruntime-node fetches its CUDA 12 provider libraries
 *                                              # (needs the CUDA 12 runtime and cuDNN 9 on the host)
 *   apt-get install libvulkan1                 # WebGPU (Dawn) needs the Vulkan loader + the NVIDIA ICD
 * Then:
 *   node --import tsx bench/gpu-generation.ts [--shape 1.7b|13b] [--devices cuda,webgpu]
 *        [--dtype float16|int4|float32] [--prompt 128] [--tokens 128] [--runs 3] [--dir /tmp/polylm-shape]
 *        [--bandwidth-gbs 4800]
 * e.g. the four runs of issue 15, on CUDA:
 *   for s in 1.7b 13b; do for d in float16 int4; do
 *     node --import tsx bench/gpu-generation.ts --shape $s --dtype $d --devices cuda; done; done
 *
 * The model is generated once into --dir and reused: 1.7B ≈ 3.5 GB in float16, 2.1 GB in int4 (≈ 9 GB
 * in float32); 13B ≈ 28 GB in float16 and 11 GB in int4 (minutes to tens of minutes to write; the
 * host needs that much disk, and about 2× the largest tensor, 5.2 GB for 13B, in free memory).
 * The report goes to stdout and bench/out/gpu-generation.md.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import type { LmDevice } from '../src/inference/onnx/ort-session.js';
import type { WriteOptions } from '../test/fixtures/gpt2-onnx.js';
import { BenchReport } from './report.js';
import {
  type Measurement,
  buildRandomExport,
  measureConcurrent,
  measurePolydesk,
  measureTransformersJs,
} from './generation-measure.js';

const POLYLM_17B = { nLayer: 24, nHead: 16, nEmbd: 2048, nPositions: 2048, vocabSize: 256_000 };
const POLYLM_13B = { nLayer: 40, nHead: 40, nEmbd: 5120, nPositions: 2048, vocabSize: 256_000 };
/** int4 as MatMulNBits stores it with fp16 scales: 4 bits + a 16-bit scale and a 4-bit zero point per 32. */
const INT4_BYTES = (4 + 16 / 32 + 4 / 32) / 8;

/** Peak memory bandwidth in GB/s of common data-centre and workstation GPUs. */
const BANDWIDTH_GBS: readonly [RegExp, number][] = [
  [/H200/, 4800],
  [/H100.*(SXM|HBM3)/, 3350],
  [/H100.*NVL/, 3900],
  [/H100/, 2000],
  [/A100.*80GB/, 2039],
  [/A100/, 1555],
  [/L40S|L40/, 864],
  [/L4\b/, 300],
  [/A10\b/, 600],
  [/RTX 4090/, 1008],
  [/V100/, 900],
  [/T4\b/, 320],
];

const { values } = parseArgs({
  options: {
    shape: { type: 'string', default: '1.7b' },
    devices: { type: 'string', default: 'cuda,webgpu' },
    dtype: { type: 'string', default: 'float16' },
    prompt: { type: 'string', default: '128' },
    tokens: { type: 'string', default: '128' },
    runs: { type: 'string', default: '3' },
    dir: { type: 'string' },
    'bandwidth-gbs': { type: 'string' },
    /** A small shape, to check the script itself on any machine (e.g. `--smoke --devices cpu`). */
    smoke: { type: 'boolean', default: false },
  },
});
if (!['1.7b', '13b'].includes(values.shape)) throw new Error('--shape is 1.7b or 13b');
if (!['float16', 'float32', 'int4'].includes(values.dtype))
  throw new Error('--dtype is float16, int4 or float32');
const SHAPE = values.smoke
  ? { nLayer: 2, nHead: 4, nEmbd: 256, nPositions: 512, vocabSize: 4096 }
  : values.shape === '13b'
    ? POLYLM_13B
    : POLYLM_17B;
const shapeName = values.smoke
  ? 'smoke-test shape'
  : `PolyLM-${values.shape === '13b' ? '13B' : '1.7B'} shape`;
const dtype = values.dtype as 'float32' | 'float16' | 'int4';
/** Bytes of the activations, KV cache, norms and biases: int4 keeps them in fp16. */
const bytes = dtype === 'float32' ? 4 : 2;
const writeOptions: WriteOptions =
  dtype === 'int4' ? { dtype: 'float16', quantize: 'int4' } : { dtype: dtype as 'float32' | 'float16' };
const dir =
  values.dir ??
  path.join(os.tmpdir(), `polydesk-${values.smoke ? 'smoke' : `polylm-${values.shape}`}-shape-${dtype}`);
const promptTokens = Number(values.prompt);
const newTokens = Number(values.tokens);
const runs = Number(values.runs);

function gpuName(): string | undefined {
  try {
    return execFileSync('nvidia-smi', ['--query-gpu=name,memory.total', '--format=csv,noheader'], {
      encoding: 'utf8',
    })
      .split('\n')[0]
      ?.trim();
  } catch {
    return undefined;
  }
}

const gpu = gpuName();
const bandwidth = values['bandwidth-gbs']
  ? Number(values['bandwidth-gbs'])
  : BANDWIDTH_GBS.find(([pattern]) => gpu && pattern.test(gpu))?.[1];

const { nLayer, nEmbd: e, vocabSize: v } = SHAPE;
/** MatMul weights (the layers' and the LM head), then norms and biases. */
const matmulParams = nLayer * 12 * e * e + e * v;
const otherParams = nLayer * 13 * e + 2 * e;
/** Read per decoded token: every layer, the final norm and the LM head; only one row of the embeddings. */
const weightBytesPerToken = matmulParams * (dtype === 'int4' ? INT4_BYTES : bytes) + otherParams * bytes;
const kvBytesPerPosition = 2 * nLayer * e * bytes;

const report = new BenchReport(
  `node --import tsx bench/gpu-generation.ts ${process.argv.slice(2).join(' ')}`.trim(),
);
report.section(
  `Generation on GPU: ${shapeName}, ${dtype === 'int4' ? 'int4 (MatMulNBits, block 32)' : dtype}`,
);
if (!existsSync(path.join(dir, 'onnx', 'model.onnx'))) {
  process.stderr.write(`[gpu-bench] generating the model into ${dir} (minutes)\n`);
  const started = performance.now();
  buildRandomExport(dir, SHAPE, writeOptions);
  report.note(`Model generated in ${((performance.now() - started) / 1000).toFixed(0)} s into ${dir}.`);
}

const rows: (string | number)[][] = [];
const boundTps = bandwidth ? (bandwidth * 1e9) / weightBytesPerToken : undefined;
const cell = (m: Measurement | string) =>
  typeof m === 'string'
    ? [m, '—', '—']
    : [
        m.ttftMs,
        m.tokensPerSecond,
        boundTps ? `${((100 * m.tokensPerSecond) / boundTps).toFixed(0)} %` : '—',
      ];
async function polydesk(
  device: LmDevice,
  keepKvOnDevice: boolean,
): Promise<(Measurement & { prompt: number[]; promptText: string }) | string> {
  try {
    return await measurePolydesk({ modelDir: dir, device, keepKvOnDevice }, promptTokens, newTokens, runs);
  } catch (error) {
    return `failed: ${(error as Error).message.split('\n')[0]}`;
  }
}

for (const device of values.devices.split(',').map((d) => d.trim()) as LmDevice[]) {
  process.stderr.write(`[gpu-bench] ${device}\n`);
  let ours = await polydesk(device, true);
  rows.push([`PolyDesk, ${device}`, ...cell(ours)]);
  if (device === 'webgpu') {
    // The same with the KV cache copied through host memory, as on CUDA.
    const viaHost = await polydesk(device, false);
    rows.push(['PolyDesk, webgpu, KV cache via host memory', ...cell(viaHost)]);
    if (typeof ours === 'string') ours = viaHost;
  }
  if (typeof ours !== 'string') {
    const batched = await measureConcurrent(
      { modelDir: dir, device, maxBatch: 4 },
      4,
      promptTokens,
      64,
    ).catch((error: Error) => error.message);
    rows.push([`PolyDesk, ${device}, 4 concurrent requests batched (total tokens/s)`, '—', batched, '—']);
    if (dtype === 'float32') {
      const tj = await measureTransformersJs(
        dir,
        { device, externalData: true },
        ours.promptText,
        newTokens,
        runs,
      );
      rows.push([`transformers.js, ${device}`, ...cell(tj)]);
    }
  }
}
report.table(['engine', 'TTFT ms', 'tokens/s', 'of the bandwidth limit'], rows);
report.note(
  [
    `GPU: ${gpu ?? 'unknown (nvidia-smi not found)'}; memory bandwidth ${bandwidth ? `${bandwidth} GB/s` : 'unknown: pass --bandwidth-gbs'}.`,
    `Weights read per decoded token: ${(weightBytesPerToken / 1e9).toFixed(2)} GB (${dtype === 'int4' ? 'int4 MatMuls at 4.625 bits, the rest fp16' : dtype}), so the limit is ` +
      `${boundTps ? `${boundTps.toFixed(0)} tokens/s` : 'bandwidth / that'}. The KV cache adds ${(kvBytesPerPosition / 1e6).toFixed(2)} MB per position of context.`,
    `Prompt ${promptTokens} tokens, ${newTokens} new tokens, greedy, median of ${runs} runs. On CUDA onnxruntime-node returns ` +
      'the present key/values to host memory every step and they go back as the next past (PCIe both ways); ' +
      'on WebGPU they stay on the GPU (preferredOutputLocation gpu-buffer).',
  ].join(' '),
);
const out = path.join(path.dirname(fileURLToPath(import.meta.url)), 'out');
mkdirSync(out, { recursive: true });
writeFileSync(path.join(out, 'gpu-generation.md'), report.toMarkdown());
process.stdout.write(`${report.toMarkdown()}\n`);
