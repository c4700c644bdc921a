/**
 * Shared by bench/sections/generation.ts (CPU) and bench/gpu-generation.ts (GPU hosts): builds
 * random-weight GPT-2-shaped exports and measures time to first token and decode tokens/s of
 * PolyDesk's decode loop and of transformers.js on the same files.
 */
import { mkdirSync, renameSync } from 'node:fs';
import path from 'node:path';
import type { Tensor as TjTensor } from '@huggingface/transformers';
import { OnnxCausalLm, type OnnxCausalLmOptions } from '../src/inference/onnx/onnx-causal-lm.js';
import type { Gpt2Shape, WriteOptions } from '../test/fixtures/gpt2-onnx.js';
import { buildRandomGpt2, buildTinyGpt2 } from '../test/fixtures/tiny-gpt2.js';

export interface Measurement {
  readonly promptTokens: number;
  readonly newTokens: number;
  /**
   * Median wall time of a 1-token generation: tokenising the prompt text when the engine is given
   * text (as the product gives it), prefill and the first token.
   */
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

/** The text of {@link promptOf}'s `n` ids: what the product would hand the model, to be tokenised. */
export function promptTextOf(lm: OnnxCausalLm, n: number): string {
  const ids = promptOf(lm, n);
  const text = lm.decode(ids);
  const again = lm.encode(text);
  if (again.length !== ids.length || again.some((id, i) => id !== ids[i]))
    throw new Error(`the prompt text does not encode back to the same ${n} tokens`);
  return text;
}

async function timed(run: () => Promise<number>): Promise<{ ms: number; tokens: number }> {
  const start = performance.now();
  const tokens = await run();
  return { ms: performance.now() - start, tokens };
}

/** `generate(n)` generates n new tokens from the prompt (of `promptTokens` tokens) and says how many it made. */
async function measure(
  generate: (n: number) => Promise<number>,
  promptTokens: number,
  newTokens: number,
  runs: number,
) {
  await generate(4); // warm-up
  const first: number[] = [];
  const full: number[] = [];
  let produced = newTokens;
  for (let r = 0; r < runs; r++) {
    first.push((await timed(() => generate(1))).ms);
    const all = await timed(() => generate(newTokens));
    full.push(all.ms);
    produced = all.tokens;
  }
  const ttftMs = median(first);
  return {
    promptTokens,
    newTokens: produced,
    ttftMs,
    tokensPerSecond: (produced - 1) / ((median(full) - ttftMs) / 1000),
  };
}

/**
 * PolyDesk's OnnxCausalLm, greedy, given the prompt as text as the product gives it (the ONNX
 * text engine renders the prompt and passes the string), so its tokenisation is timed too.
 */
export async function measurePolydesk(
  options: OnnxCausalLmOptions,
  promptTokens: number,
  newTokens: number,
  runs: number,
): Promise<Measurement & { prompt: number[]; promptText: string }> {
  const lm = await OnnxCausalLm.load(options);
  try {
    const promptText = promptTextOf(lm, promptTokens);
    const prompt = lm.encode(promptText);
    const measured = await measure(
      async (n) => (await lm.generate(promptText, { maxNewTokens: n })).tokenIds.length,
      prompt.length,
      newTokens,
      runs,
    );
    return { ...measured, prompt, promptText };
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
 * not run (not installed, or it failed to load the files). Given text, its tokenizer (the folder's
 * tokenizer.json) encodes it inside the timed part, as PolyDesk's is; given ids, it starts from them.
 */
export async function measureTransformersJs(
  dir: string,
  options: { device: 'cpu' | 'cuda' | 'webgpu'; threads?: number; externalData: boolean },
  prompt: readonly number[] | string,
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
      const tokenizer =
        typeof prompt === 'string' ? await tj.AutoTokenizer.from_pretrained(path.basename(dir)) : undefined;
      const inputs = () => {
        if (tokenizer) {
          const encoded = tokenizer(prompt as string) as { input_ids: TjTensor; attention_mask: TjTensor };
          return { input_ids: encoded.input_ids, attention_mask: encoded.attention_mask };
        }
        const ids = prompt as readonly number[];
        return {
          input_ids: new tj.Tensor('int64', BigInt64Array.from(ids.map(BigInt)), [1, ids.length]),
          attention_mask: new tj.Tensor('int64', new BigInt64Array(ids.length).fill(1n), [1, ids.length]),
        };
      };
      const promptTokens = inputs().input_ids.dims[1]!;
      return await measure(
        async (n) => {
          const { input_ids, attention_mask } = inputs();
          const out = (await model.generate({
            input_ids,
            attention_mask,
            max_new_tokens: n,
            do_sample: false,
          })) as {
            dims: number[];
          };
          const given = input_ids.dims[1]!;
          return (out.dims[1] ?? given) - given;
        },
        promptTokens,
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
