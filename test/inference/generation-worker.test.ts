/**
 * The embedded model in its worker thread, through the LLM generator: a deadline gives the labelled
 * extractive answer, a caller's abort stops the model within one decode step, and a worker that dies
 * gives the extractive answer and is replaced. Real tiny model, real threads; no timings asserted.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { isMainThread } from 'node:worker_threads';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import type { LogFields, Logger } from '../../src/core/log.js';
import type { SearchHit } from '../../src/core/types.js';
import { createExtractiveGenerator } from '../../src/inference/extractive-generator.js';
import { detectLanguage } from '../../src/inference/language.js';
import { createLlmGenerator } from '../../src/inference/llm-generator.js';
import { OnnxCausalLm } from '../../src/inference/onnx/onnx-causal-lm.js';
import { createOnnxTextEngine } from '../../src/inference/onnx/onnx-text-engine.js';
import { analyze } from '../../src/rag/text-analyzer.js';
import { createGeneratorParts } from '../../src/wiring/generator.js';
import { CHAIN_TEXT, buildTinyGpt2 } from '../fixtures/tiny-gpt2.js';

const hit: SearchHit = {
  docId: 'd1',
  source: 'kb/doc1.md',
  title: 'Doc 1',
  chunkId: 'c1',
  score: 1,
  text: '世界は広い。こんにちは、世界。',
  language: 'ja',
  headingPath: [],
  classification: 'internal',
  audience: ['all'],
};
const question = { question: '世界とは？', language: 'ja', sources: [hit], history: [] };

let root: string;
let modelDir: string;
let lm: OnnxCausalLm;
const events: { event: string; fields?: LogFields | undefined }[] = [];
const logger: Logger = (_level, event, fields) => events.push({ event, fields });
const fallback = createExtractiveGenerator({ tokenize: analyze });

beforeAll(async () => {
  root = mkdtempSync(path.join(os.tmpdir(), 'polydesk-lm-worker-'));
  // The tiny model repeats its chain until the token limit: about 1,400 tokens is a long answer.
  modelDir = buildTinyGpt2(path.join(root, 'tiny'), { nPositions: 2048 }).dir;
  lm = await OnnxCausalLm.load({ modelDir, intraOpThreads: 1, logger });
});

afterAll(async () => {
  await lm?.release();
  rmSync(root, { recursive: true, force: true });
});

const generator = (maxTokens: number, deadlineMs?: number) =>
  createLlmGenerator({
    engine: createOnnxTextEngine(lm, { format: 'chat' }),
    fallback,
    detectLanguage,
    maxTokens,
    deadlineMs,
    logger,
  });

/** Waits until the model's queue is empty again (the worker has finished or stopped the request). */
async function idle(): Promise<void> {
  while (lm.queueSize > 0) await new Promise((resolve) => setTimeout(resolve, 10));
}

describe('the embedded model runs off the main thread', () => {
  it('answers from its worker thread while this test runs on the main thread', async () => {
    expect(isMainThread).toBe(true);
    expect(lm.thread.worker?.threadId).toBeGreaterThan(0);
    const result = await generator(17).generate(question);
    expect(result).toMatchObject({ generator: 'onnx', extractive: false, text: CHAIN_TEXT.trim() });
  });
});

describe('short requests beside a long answer', () => {
  it('a translation runs alongside an answer that is being written, not after it', async () => {
    const alone = await lm.generate('Tokyo\n', { maxNewTokens: 8, short: true });
    const finished: string[] = [];
    let translation: Promise<string> | undefined;
    const answer = lm
      .generate('Tokyo\n', {
        maxNewTokens: 1400,
        onText: () => {
          translation ??= lm.generate('Tokyo\n', { maxNewTokens: 8, short: true }).then((r) => {
            finished.push('translation');
            return r.text;
          });
        },
      })
      .then(() => finished.push('answer'));
    await answer;
    expect(await translation).toBe(alone.text);
    expect(finished).toEqual(['translation', 'answer']);
  });
});

describe('deadline and abort', () => {
  it('a deadline that passes gives the extractive answer, labelled as a fallback, and stops the model', async () => {
    const deltas: string[] = [];
    const result = await generator(1400, 150).generate(question, { onText: (d) => deltas.push(d) });
    expect(result).toMatchObject({ generator: 'extractive:fallback-deadline', extractive: true });
    expect(result.text).toContain('AIモデルの応答に時間がかかりすぎたため');
    expect(result.text).toContain('こんにちは、世界。');
    expect(deltas.join('')).toContain('AIモデルの応答に時間がかかりすぎたため');
    expect(events.some((e) => e.event === 'generator.deadline')).toBe(true);
    await idle();
    // The model is free again for the next question.
    expect((await generator(17).generate(question)).generator).toBe('onnx');
  });

  it("a caller's abort rejects with its own reason, no fallback, and the worker stops within one step", async () => {
    events.length = 0;
    const controller = new AbortController();
    const reason = new Error('the asker deleted the question');
    const pending = generator(1400, 60_000).generate(question, {
      signal: controller.signal,
      onText: () => controller.abort(reason),
    });
    await expect(pending).rejects.toBe(reason);
    await idle();
    const stopped = events.find((e) => e.event === 'llm.stopped');
    expect(stopped?.fields?.['piecesAfterAbort']).toBeLessThanOrEqual(1);
    expect(events.some((e) => e.event === 'generator.fallback')).toBe(false);
  });
});

describe('a worker that dies', () => {
  it('fails over to the extractive answer, and a new worker answers the next question', async () => {
    events.length = 0;
    const dying = lm.thread.worker!;
    // A message the worker cannot read throws in its thread, uncaught: the thread dies between two
    // decode steps. (Worker.terminate() during a forward pass would abort the whole process:
    // onnxruntime-node's native call then throws where nothing catches it.)
    let crashed = false;
    const result = await generator(1400, 60_000).generate(question, {
      onText: () => {
        if (!crashed) dying.postMessage(null);
        crashed = true;
      },
    });
    expect(result).toMatchObject({ generator: 'extractive:fallback-unavailable', extractive: true });
    expect(result.text).toContain('現在AIモデルを利用できないため');
    expect(events.some((e) => e.event === 'worker.crashed')).toBe(true);
    expect(lm.thread.restartCount).toBe(1);

    const next = await generator(17).generate(question);
    expect(next).toMatchObject({ generator: 'onnx', text: CHAIN_TEXT.trim() });
    expect(lm.thread.worker).not.toBe(dying);
  });
});

describe('shutting down', () => {
  it('while the model generates: the request fails, the thread stops at its next step and exits cleanly', async () => {
    const other = await OnnxCausalLm.load({ modelDir, intraOpThreads: 1 });
    const thread = other.thread.worker!;
    const exited = new Promise<number>((resolve) => thread.once('exit', resolve));
    let closing: Promise<void> | undefined;
    const pending = other.generate('Tokyo\n', {
      maxNewTokens: 1400,
      onText: () => {
        closing ??= other.release();
      },
    });
    await expect(pending).rejects.toThrow(/shut down/);
    await closing;
    expect(await exited).toBe(0);
  });
});

describe('wired from the configuration', () => {
  it('GENERATOR=onnx with GENERATION_DEADLINE_MS gives the labelled fallback when the answer is too slow', async () => {
    const config = loadConfig({
      GENERATOR: 'onnx',
      LLM_MODEL_DIR: modelDir,
      LLM_PROMPT_FORMAT: 'chat',
      LLM_MAX_NEW_TOKENS: '1400',
      GENERATION_DEADLINE_MS: '150',
      LLM_QUEUE_SIZE: '2',
      LLM_BATCH_SIZE: '1',
    });
    const parts = await createGeneratorParts(config, logger);
    try {
      const result = await parts.generator.generate(question);
      expect(result).toMatchObject({ generator: 'extractive:fallback-deadline', extractive: true });
      expect(result.text).toContain('AIモデルの応答に時間がかかりすぎたため');
    } finally {
      await parts.close();
    }
  });
});
