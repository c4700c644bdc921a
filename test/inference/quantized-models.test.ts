import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ModelLoadError } from '../../src/core/errors.js';
import { OnnxCausalLm } from '../../src/inference/onnx/onnx-causal-lm.js';
import { gpt2WeightSpecs, isMatMulWeight } from '../fixtures/gpt2-onnx.js';
import { dequantizeInt4, dequantizeInt8, quantizeInt4, quantizeInt8 } from '../fixtures/gpt2-quantize.js';
import { referenceLogits } from '../fixtures/gpt2-reference.js';
import { argmax } from '../fixtures/recompute.js';
import { type TinyGpt2, buildTinyGpt2 } from '../fixtures/tiny-gpt2.js';
import { runInWorker } from '../helpers/in-worker.js';

const RECOMPUTE = new URL('../fixtures/recompute.ts', import.meta.url);
type Steps = { generated: number[]; steps: Float32Array[] };
const recomputedGreedy = (
  dir: string,
  prompt: number[],
  n: number,
  eos: number,
  forced?: readonly number[],
) => runInWorker<Steps>(RECOMPUTE, 'recomputedGreedy', dir, prompt, n, eos, forced);
const recomputedLogits = (dir: string, sequences: number[][]) =>
  runInWorker<Float32Array[]>(RECOMPUTE, 'recomputedLogits', dir, sequences);

const VARIANTS = ['fp32', 'int8', 'int4'] as const;
type Variant = (typeof VARIANTS)[number] | 'int4-acc4';

let root: string;
const models = new Map<Variant, TinyGpt2>();

beforeAll(() => {
  root = mkdtempSync(path.join(os.tmpdir(), 'polydesk-quant-'));
  for (const variant of VARIANTS) {
    // Hidden size 64: MatMuls have K of 64 or 256, two to eight int4 blocks per output column.
    const quantize = variant === 'fp32' ? undefined : variant;
    models.set(variant, buildTinyGpt2(path.join(root, variant), { quantize }));
  }
  // int4 as the onnxruntime-genai builder writes it for CPU: activations quantized to int8 per block inside the kernel.
  models.set(
    'int4-acc4',
    buildTinyGpt2(path.join(root, 'int4-acc4'), { quantize: 'int4', int4AccuracyLevel: 4 }),
  );
});

afterAll(() => rmSync(root, { recursive: true, force: true }));

/** Root-mean-square of a − b over the root-mean-square spread of b around its mean. */
function relativeRms(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let mean = 0;
  for (let i = 0; i < b.length; i++) mean += b[i]!;
  mean /= b.length;
  let err = 0;
  let spread = 0;
  for (let i = 0; i < b.length; i++) {
    err += (a[i]! - b[i]!) ** 2;
    spread += (b[i]! - mean) ** 2;
  }
  return Math.sqrt(err / spread);
}

const PROMPTS = ['Where is the office?', 'abc', 'Tokyo\n', 'x'];

describe.each(['fp32', 'int4', 'int4-acc4'] as const)(
  'the %s tiny model through the product loader',
  (variant) => {
    it('decodes with the KV cache the same greedy tokens as full recomputation on the same file', async () => {
      const model = models.get(variant)!;
      const lm = await OnnxCausalLm.load({ modelDir: model.dir, prefillChunk: 3, intraOpThreads: 1 });
      try {
        for (const text of PROMPTS) {
          const prompt = lm.encode(text);
          const cached = await lm.generate(prompt, { maxNewTokens: 20 });
          const recomputed = await recomputedGreedy(model.dir, prompt, 20, model.eosId);
          expect(cached.tokenIds).toEqual(recomputed.generated);
        }
        // The scripted chain survives quantization: it is the same network.
        expect((await lm.generate('Tokyo\n', { maxNewTokens: 5 })).text).toBe('こんにちは');
      } finally {
        await lm.release();
      }
    });
  },
);

describe('the int8 tiny model through the product loader', () => {
  /**
   * Dynamic quantization scales activations per tensor: one row alone (a cached decode step) and the
   * same row inside the whole sequence (recomputation, a prefill chunk, a batch) are rounded with
   * different steps, so their logits differ a little (measured: at most 0.13 on logits spanning 30).
   * Where recomputation's best token leads by more than that noise the loop must choose it; within
   * it, either token is a faithful greedy choice.
   */
  const NOISE = 0.5;

  it('decodes with the KV cache the greedy tokens of full recomputation, up to activation rounding', async () => {
    const model = models.get('int8')!;
    const lm = await OnnxCausalLm.load({ modelDir: model.dir, prefillChunk: 3, intraOpThreads: 1 });
    try {
      let exact = 0;
      for (const text of PROMPTS) {
        const prompt = lm.encode(text);
        const cached = await lm.generate(prompt, { maxNewTokens: 20 });
        const chosen = cached.finishReason === 'eos' ? [...cached.tokenIds, model.eosId] : cached.tokenIds;
        const { steps } = await recomputedGreedy(model.dir, prompt, chosen.length, model.eosId, chosen);
        for (const [i, logits] of steps.entries()) {
          const best = argmax(logits);
          expect(logits[best]! - logits[chosen[i]!]!).toBeLessThan(NOISE);
        }
        const free = await recomputedGreedy(model.dir, prompt, 20, model.eosId);
        if (free.generated.join() === cached.tokenIds.join()) exact++;
      }
      // On this model all four prompts came out identical; rounding may flip a near tie on another CPU.
      expect(exact).toBeGreaterThan(0);
      expect((await lm.generate('Tokyo\n', { maxNewTokens: 5 })).text).toBe('こんにちは');
    } finally {
      await lm.release();
    }
  });
});

describe('quantized weights', () => {
  it('int4 MatMulNBits computes exactly the network with the block-dequantized weights (layout check)', async () => {
    const int4 = models.get('int4')!;
    const dequantized = new Map<string, Float32Array>();
    for (const { name, dims } of gpt2WeightSpecs(int4.shape)) {
      const values = int4.weights.get(name)!;
      const [k, n] = dims as [number, number];
      dequantized.set(name, isMatMulWeight(name) ? dequantizeInt4(quantizeInt4(values, k, n)) : values);
    }
    const ids = [40, 101, 108, 108, 111, 44, 32, 267, 269, 228, 184, 150, 10, 70];
    const reference = referenceLogits(int4.shape, dequantized, ids).at(-1)!;
    const [logits] = await recomputedLogits(int4.dir, [ids]);
    // Float32 accumulation against the float64 reference (the fp32 model meets 1e-4 on the same check);
    // a misplaced nibble, block or zero point moves logits by whole units.
    let max = 0;
    for (let i = 0; i < reference.length; i++) max = Math.max(max, Math.abs(logits![i]! - reference[i]!));
    expect(max).toBeLessThan(1e-3);
  });

  it('quantized logits stay close to fp32 on the same prompts', async () => {
    const lm = await OnnxCausalLm.load({ modelDir: models.get('fp32')!.dir, intraOpThreads: 1 });
    const prompts = PROMPTS.map((text) => lm.encode(text));
    await lm.release();
    const [fp32s, int8s, int4s] = await Promise.all(
      VARIANTS.map((v) => recomputedLogits(models.get(v)!.dir, prompts)),
    );
    for (const [i, fp32] of fp32s!.entries()) {
      const int8 = int8s![i];
      const int4 = int4s![i];
      // Bounds from the step sizes: int8 per tensor has a step of max|w|/127 (≈ 1 % of a weight's
      // spread as rounding noise) plus 8-bit activations; int4 in blocks of 32 a step of about a
      // quarter of the block's spread (≈ 8 % noise per weight). Five MatMuls deep those add up to
      // a few percent and about 15–20 % of the logits' spread (measured: 0.012–0.017 and 0.086–0.126).
      expect(relativeRms(int8!, fp32!)).toBeLessThan(0.05);
      expect(relativeRms(int4!, fp32!)).toBeLessThan(0.25);
    }
  });

  it('int8 dequantizes to within half a step of the float weight', () => {
    const w = Float32Array.from({ length: 4096 }, (_, i) => Math.sin(i * 0.37) * 0.2);
    const q = quantizeInt8(w);
    const back = dequantizeInt8(q);
    for (let i = 0; i < w.length; i++)
      expect(Math.abs(back[i]! - w[i]!)).toBeLessThanOrEqual(q.scale / 2 + 1e-7);
  });

  const ortBin = path.dirname(createRequire(import.meta.url).resolve('onnxruntime-node/package.json'));
  const cudaInstalled = existsSync(
    path.join(ortBin, 'bin/napi-v6/linux/x64/libonnxruntime_providers_cuda.so'),
  );

  it.skipIf(cudaInstalled)('selects the CUDA provider for a quantized file as for fp32', async () => {
    for (const variant of ['int4', 'int8'] as const) {
      const error = await OnnxCausalLm.load({ modelDir: models.get(variant)!.dir, device: 'cuda' }).catch(
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(ModelLoadError);
      expect((error as Error).message).toContain(
        'ONNXRUNTIME_NODE_INSTALL=cuda12 node node_modules/onnxruntime-node/script/install.js',
      );
    }
  });
});
