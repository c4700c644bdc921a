/**
 * Shared by bench/sections/generation.ts (CPU) and bench/gpu-generation.ts (GPU hosts): builds
 * random-weight GPT-2-shaped exports and measures time to first token and decode tokens/s of
 * PolyDesk's decode loop and of transformers.js on the same files.
 */
import { mkdirSync, renameSync } from 'node:fs';
import path from 'node:path';
import { OnnxCausalLm, type OnnxCausalLmOptions } from '../src/inference/onnx/onnx-causal-lm.js';
import type { Gpt2Shape, WriteOptions } from '../test/fixtures/gpt2-onnx.js';
import { buildRandomGpt2, buildTinyGpt2 } from '../test/fixtures/tiny-gpt2.js';

export interface Measurement {
  readonly promptTokens: number;
  readonly newTokens: number;
  /** Median wall time of a 1-token generation (prefill + first token). */
  readonly ttftMs: number;
  /** (newTokens − 1) / (median wall time of the full generation − ttft). */
  readonly tokensPerSecond: number;
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

/** Moves model.onnx (+ data) under onnx/, the layout transformers.js expects; PolyDesk reads both. */
function toTransformersLayout(dir: string): void {
  mkdirSync(path.join(dir, 'onnx'), { recursive: true });
  for (const file of ['model.onnx', 'model.onnx_data']) {
    try {
      renameSync(path.join(dir, file), path.join(dir, 'onnx', file));
    } catch {
      // model.onnx_data exists only with external data
    }
  }
}

export function buildTinyExport(dir: string): void {
  buildTinyGpt2(dir);
  toTransformersLayout(dir);
}

export function buildRandomExport(dir: string, shape: Gpt2Shape, options: WriteOptions = {}): void {
  buildRandomGpt2(dir, shape, options);
  toTransformersLayout(dir);
}

/** Prompt ids of `n` tokens that avoid end-of-text: plain letters through the model's own tokenizer. */
export function promptOf(lm: OnnxCausalLm, n: number): number[] {
  let text = '';
  let i = 0;
  while (lm.encode(text).length < n)
    text += `${'abcdefghijklmnopqrstuvwxyz'[(i * 7) % 26]}${i++ % 5 === 4 ? ' ' : ''}`;
  return lm.encode(text).slice(0, n);
}

async function timed(run: () => Promise<number>): Promise<{ ms: number; tokens: number }> {
  const start = performance.now();
  const tokens = await run();
  return { ms: performance.now() - start, tokens };
}

async function measure(
  generate: (ids: number[], n: number) => Promise<number>,
  prompt: number[],
  newTokens: number,
  runs: number,
) {
  await generate(prompt, 4); // warm-up
  const first: number[] = [];
  const full: number[] = [];
  let produced = newTokens;
  for (let r = 0; r < runs; r++) {
    first.push((await timed(() => generate(prompt, 1))).ms);
    const all = await timed(() => generate(prompt, newTokens));
    full.push(all.ms);
    produced = all.tokens;
  }
  const ttftMs = median(first);
  return {
    promptTokens: prompt.length,
    newTokens: produced,
    ttftMs,
    tokensPerSecond: (produced - 1) / ((median(full) - ttftMs) / 1000),
  };
}

/** PolyDesk's OnnxCausalLm, greedy. */
export async function measurePolydesk(
  options: OnnxCausalLmOptions,
  promptTokens: number,
  newTokens: number,
  runs: number,
): Promise<Measurement & { prompt: number[] }> {
  const lm = await OnnxCausalLm.load(options);
  try {
    const prompt = promptOf(lm, promptTokens);
    const measured = await measure(
      async (ids, n) => (await lm.generate(ids, { maxNewTokens: n })).tokenIds.length,
      prompt,
      newTokens,
      runs,
    );
    return { ...measured, prompt };
  } finally {
    await lm.release();
  }
}

/** Concurrent requests: total generated tokens per second with batching on (maxBatch) or off (1). */
export async function measureConcurrent(
  options: OnnxCausalLmOptions,
  requests: number,
  promptTokens: number,
  newTokens: number,
): Promise<number> {
  const lm = await OnnxCausalLm.load({ ...options, maxWaiting: requests });
  try {
    const prompt = promptOf(lm, promptTokens);
    await lm.generate(prompt, { maxNewTokens: 2 });
    const start = performance.now();
    const outs = await Promise.all(
      Array.from({ length: requests }, () => lm.generate(prompt, { maxNewTokens: newTokens })),
    );
    const tokens = outs.reduce((sum, o) => sum + o.tokenIds.length, 0);
    return tokens / ((performance.now() - start) / 1000);
  } finally {
    await lm.release();
  }
}

/**
 * transformers.js (`@huggingface/transformers`) on the same folder, greedy, or the reason it could
 * not run (not installed, or it failed to load the files).
 */
export async function measureTransformersJs(
  dir: string,
  options: { device: 'cpu' | 'cuda' | 'webgpu'; threads?: number; externalData: boolean },
  prompt: number[],
  newTokens: number,
  runs: number,
): Promise<Measurement | string> {
  let tj: typeof import('@huggingface/transformers');
  try {
    tj = await import('@huggingface/transformers');
  } catch (error) {
    return `@huggingface/transformers is not installed (${(error as Error).message.split('\n')[0]})`;
  }
  try {
    tj.env.allowRemoteModels = false;
    tj.env.localModelPath = path.dirname(dir);
    const model = await tj.AutoModelForCausalLM.from_pretrained(path.basename(dir), {
      dtype: 'fp32',
      device: options.device,
      use_external_data_format: options.externalData,
      session_options: options.threads ? { intraOpNumThreads: options.threads } : {},
    });
    try {
      return await measure(
        async (ids, n) => {
          const input_ids = new tj.Tensor('int64', BigInt64Array.from(ids.map(BigInt)), [1, ids.length]);
          const attention_mask = new tj.Tensor('int64', new BigInt64Array(ids.length).fill(1n), [
            1,
            ids.length,
          ]);
          const out = (await model.generate({
            input_ids,
            attention_mask,
            max_new_tokens: n,
            do_sample: false,
          })) as {
            dims: number[];
          };
          return (out.dims[1] ?? ids.length) - ids.length;
        },
        prompt,
        newTokens,
        runs,
      );
    } finally {
      await model.dispose();
    }
  } catch (error) {
    return `transformers.js failed: ${(error as Error).message.split('\n')[0]}`;
  }
}
