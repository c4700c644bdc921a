import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GeneratorBusyError } from '../../src/core/errors.js';
import { OnnxCausalLm } from '../../src/inference/onnx/onnx-causal-lm.js';
import { CHAIN_TEXT, type TinyGpt2, buildTinyGpt2 } from '../fixtures/tiny-gpt2.js';

let root: string;
let tiny: TinyGpt2;
let lm: OnnxCausalLm;

beforeAll(async () => {
  root = mkdtempSync(path.join(os.tmpdir(), 'polydesk-lm-'));
  tiny = buildTinyGpt2(path.join(root, 'tiny'));
  lm = await OnnxCausalLm.load({ modelDir: tiny.dir, maxWaiting: 1, prefillChunk: 4, intraOpThreads: 1 });
});

afterAll(async () => {
  await lm?.release();
  rmSync(root, { recursive: true, force: true });
});

describe('OnnxCausalLm decoding', () => {
  it('greedy decoding with the KV cache equals full recomputation token for token', async () => {
    const prompt = lm.encode('Where is the office?');
    const out = await lm.generate(prompt, { maxNewTokens: 24 });
    expect(out.tokenIds).toEqual(tiny.referenceGreedy(prompt, 24));
    expect(out.promptTokens).toBe(prompt.length);
    // The first tokens are the random part of the model, not the scripted chain.
    expect(out.text.startsWith('こんにちは')).toBe(false);
  });

  it('streams Japanese without broken characters, and the pieces add up to the final text', async () => {
    const deltas: string[] = [];
    const out = await lm.generate('Tokyo\n', { maxNewTokens: 34, onText: (d) => deltas.push(d) });
    expect(out.text).toBe(CHAIN_TEXT + CHAIN_TEXT);
    expect(deltas.join('')).toBe(out.text);
    for (const d of deltas) expect(d).not.toMatch(/\uFFFD/);
    // 世 and 界 take three tokens each, so some tokens release nothing.
    expect(deltas.length).toBeLessThan(out.tokenIds.length);
  });

  it('ends exactly before a stop string, even one spread over several tokens', async () => {
    const deltas: string[] = [];
    const out = await lm.generate('Tokyo\n', {
      maxNewTokens: 30,
      stop: ['世界'],
      onText: (d) => deltas.push(d),
    });
    expect(out).toMatchObject({ text: 'こんにちは、', finishReason: 'stop' });
    expect(deltas.join('')).toBe('こんにちは、');
    const bracket = await lm.generate('Tokyo\n', { maxNewTokens: 30, stop: ['[1]', '。'] });
    expect(bracket.text).toBe('こんにちは、世界');
  });

  it('stops after exactly max new tokens and never ends on half a character', async () => {
    const five = await lm.generate('Tokyo\n', { maxNewTokens: 5 });
    expect(five).toMatchObject({ text: 'こんにちは', finishReason: 'length' });
    expect(five.tokenIds).toHaveLength(5);
    const eight = await lm.generate('Tokyo\n', { maxNewTokens: 8 }); // ends with two of 世's three bytes
    expect(eight.tokenIds).toHaveLength(8);
    expect(eight.text).toBe('こんにちは、');
  });

  it('stops at the end-of-text token without including it', async () => {
    const out = await lm.generate('HELLO', { maxNewTokens: 10 });
    expect(out).toMatchObject({ text: 'K.', finishReason: 'eos' });
    expect(out.tokenIds).not.toContain(tiny.eosId);
  });

  it('stops within one step of an abort', async () => {
    const controller = new AbortController();
    let afterAbort = 0;
    const run = lm.generate('Tokyo\n', {
      maxNewTokens: 40,
      signal: controller.signal,
      onText: (d) => {
        if (controller.signal.aborted) afterAbort++;
        if (d === 'に') controller.abort();
      },
    });
    await expect(run).rejects.toThrow(/abort/i);
    expect(afterAbort).toBe(0);
  });

  it('samples reproducibly from a seed', async () => {
    const sampling = { temperature: 1.5, topK: 50, topP: 0.95, seed: 42 };
    const a = await lm.generate('abc', { maxNewTokens: 12, sampling });
    const b = await lm.generate('abc', { maxNewTokens: 12, sampling });
    expect(a.tokenIds).toEqual(b.tokenIds);
  });

  it('refuses at once when the queue is full, and serves the ones it accepted', async () => {
    const first = lm.generate('Tokyo\n', { maxNewTokens: 20 });
    const second = lm.generate('Tokyo\n', { maxNewTokens: 5 });
    await expect(lm.generate('Tokyo\n', { maxNewTokens: 5 })).rejects.toBeInstanceOf(GeneratorBusyError);
    expect((await first).tokenIds).toHaveLength(20);
    expect((await second).text).toBe('こんにちは');
  });
});

describe('OnnxCausalLm batching', () => {
  it('decodes concurrent prompts of different lengths together with the same tokens as one by one', async () => {
    const sizes: unknown[] = [];
    const logger = (_level: string, event: string, fields?: Record<string, unknown>) => {
      if (event === 'llm.batch') sizes.push(fields?.['size']);
    };
    const batched = await OnnxCausalLm.load({
      modelDir: tiny.dir,
      maxWaiting: 4,
      maxBatch: 4,
      prefillChunk: 3,
      logger,
    });
    try {
      const prompts = ['Where is the office?', 'abc', 'x', 'HELLO'].map((p) => batched.encode(p));
      const blocker = batched.generate(prompts[0]!, { maxNewTokens: 2 }); // runs alone; the rest wait and batch
      const together = await Promise.all(
        prompts.slice(1).map((p) => batched.generate(p, { maxNewTokens: 20 })),
      );
      await blocker;
      const withoutEos = (ids: number[]) => ids.filter((id) => id !== tiny.eosId);
      for (const [i, out] of together.entries()) {
        expect(out.tokenIds).toEqual(withoutEos(tiny.referenceGreedy(prompts[i + 1]!, 20)));
      }
      expect(sizes).toEqual([1, 3]);
      expect(together[2]).toMatchObject({ text: 'K.', finishReason: 'eos' });
    } finally {
      await batched.release();
    }
  });
});

describe('OnnxCausalLm with a float16 export', () => {
  it('keeps the KV cache and logits in half precision and decodes the same greedy tokens', async () => {
    const half = buildTinyGpt2(path.join(root, 'tiny16'), { dtype: 'float16' });
    const lm16 = await OnnxCausalLm.load({ modelDir: half.dir, intraOpThreads: 1 });
    try {
      const prompt = lm16.encode('Where is the office?');
      expect((await lm16.generate(prompt, { maxNewTokens: 12 })).tokenIds).toEqual(
        half.referenceGreedy(prompt, 12),
      );
      expect((await lm16.generate('Tokyo\n', { maxNewTokens: 5 })).text).toBe('こんにちは');
    } finally {
      await lm16.release();
    }
  });
});
