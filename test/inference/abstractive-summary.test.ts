import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { UnusableSummaryError, writeAbstractiveSummary } from '../../src/inference/abstractive-summary.js';
import type { SummarySection } from '../../src/inference/extractive-summary.js';
import { detectLanguage } from '../../src/inference/language.js';
import { OnnxCausalLm } from '../../src/inference/onnx/onnx-causal-lm.js';
import { createOnnxTextEngine } from '../../src/inference/onnx/onnx-text-engine.js';
import type { TextEngine } from '../../src/inference/text-engine.js';
import { findInstructions } from '../../src/wiring/generator.js';
import { buildTinyGpt2 } from '../fixtures/tiny-gpt2.js';

let root: string;
let lm: OnnxCausalLm;

beforeAll(async () => {
  root = mkdtempSync(path.join(os.tmpdir(), 'polydesk-summary-'));
  // A 1,024-token context: a few Japanese sections already need several parts.
  const modelDir = buildTinyGpt2(path.join(root, 'tiny'), { nPositions: 1024 }).dir;
  lm = await OnnxCausalLm.load({ modelDir, maxWaiting: 0, intraOpThreads: 1 });
});

afterAll(async () => {
  await lm?.release();
  rmSync(root, { recursive: true, force: true });
});

/** The engine, recording each prompt's size as the engine itself counts it (its own tokenizer). */
function measured(engine: TextEngine): { engine: TextEngine; prompts: number[] } {
  const prompts: number[] = [];
  return {
    prompts,
    engine: {
      ...engine,
      countTokens: (messages) => engine.countTokens(messages),
      complete: (messages, options) => {
        prompts.push(engine.countTokens(messages) + options.maxTokens);
        return engine.complete(messages, options);
      },
    },
  };
}

const sections: SummarySection[] = Array.from({ length: 8 }, (_, i) => ({
  headingPath: ['世界のオフィス', `第${i + 1}章`],
  text: `世界の各オフィスでは、第${i + 1}章の手続きに従って備品を申請します。申請は人事ポータルから行い、上長が二営業日以内に承認します。承認された備品は、総務部が五営業日以内に各オフィスへ届けます。`,
}));

describe('map-reduce summary on the tiny ONNX model', () => {
  it('splits the document into parts that fit the context, with progress, and writes a cited summary', async () => {
    const { engine, prompts } = measured(createOnnxTextEngine(lm, { format: 'chat' }));
    const parts: Array<[number, number]> = [];
    let streamed = '';
    const summary = await writeAbstractiveSummary(
      { engine, maxTokens: 24, untrusted: findInstructions, detectLanguage },
      {
        sections,
        language: 'ja',
        sentences: 3,
        onPart: (part, of) => parts.push([part, of]),
        onText: (delta) => {
          streamed += delta;
        },
      },
    );
    expect(parts.length).toBeGreaterThan(1);
    expect(parts).toEqual(parts.map((_, i) => [i + 1, parts.length]));
    // Map calls, then at least one reduce.
    expect(summary.calls).toBeGreaterThan(parts.length);
    for (const size of prompts) expect(size).toBeLessThanOrEqual(engine.contextTokens);
    expect(summary.cited).toContain(1);
    expect(summary.text).toContain('こんにちは、世界');
    expect(streamed.trim()).toBe(summary.text);
  });

  it('refuses a summary in another language than asked', async () => {
    const engine = createOnnxTextEngine(lm, { format: 'chat' });
    // The tiny model writes Japanese whatever it is asked.
    await expect(
      writeAbstractiveSummary(
        { engine, maxTokens: 24, detectLanguage },
        { sections: sections.slice(0, 1), language: 'en', sentences: 3 },
      ),
    ).rejects.toBeInstanceOf(UnusableSummaryError);
  });

  it('stops when cancelled', async () => {
    const engine = createOnnxTextEngine(lm, { format: 'chat' });
    const controller = new AbortController();
    controller.abort();
    await expect(
      writeAbstractiveSummary(
        { engine, maxTokens: 24, detectLanguage },
        { sections, language: 'ja', sentences: 3, signal: controller.signal },
      ),
    ).rejects.toThrow();
  });
});
