import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GeneratorBusyError } from '../../src/core/errors.js';
import type { SearchHit } from '../../src/core/types.js';
import { createExtractiveGenerator } from '../../src/inference/extractive-generator.js';
import { runGenerateCommand } from '../../src/inference/generate-command.js';
import { detectLanguage } from '../../src/inference/language.js';
import { createLlmGenerator } from '../../src/inference/llm-generator.js';
import { OnnxCausalLm } from '../../src/inference/onnx/onnx-causal-lm.js';
import { createOnnxTextEngine } from '../../src/inference/onnx/onnx-text-engine.js';
import { fitAnswerPrompt } from '../../src/inference/prompt.js';
import { translate } from '../../src/inference/translate.js';
import { analyze } from '../../src/rag/text-analyzer.js';
import { CHAIN_TEXT, buildTinyGpt2 } from '../fixtures/tiny-gpt2.js';

const hit = (n: number, text: string, language = 'ja'): SearchHit => ({
  docId: `d${n}`,
  source: `kb/doc${n}.md`,
  title: `Doc ${n}`,
  chunkId: `c${n}`,
  score: 1 / n,
  text,
  language,
  headingPath: [],
  classification: 'internal',
  audience: ['all'],
});

let root: string;
let modelDir: string;
let lm: OnnxCausalLm;
const fallback = createExtractiveGenerator({ tokenize: analyze });

beforeAll(async () => {
  root = mkdtempSync(path.join(os.tmpdir(), 'polydesk-llm-'));
  modelDir = buildTinyGpt2(path.join(root, 'tiny'), { nPositions: 2048 }).dir;
  lm = await OnnxCausalLm.load({ modelDir, maxWaiting: 0, intraOpThreads: 1 });
});

afterAll(async () => {
  await lm?.release();
  rmSync(root, { recursive: true, force: true });
});

const generatorFor = (format: 'chat' | 'multialpaca', maxTokens = 17) =>
  createLlmGenerator({ engine: createOnnxTextEngine(lm, { format }), fallback, detectLanguage, maxTokens });

describe('LLM generator on the tiny ONNX model', () => {
  const ja = {
    question: '世界とは？',
    language: 'ja',
    sources: [hit(1, '世界は広い。こんにちは、世界。')],
    history: [],
  };

  it.each(['chat', 'multialpaca'] as const)(
    'writes a streamed answer with its citation (%s format)',
    async (format) => {
      const deltas: string[] = [];
      const result = await generatorFor(format).generate(ja, { onText: (d) => deltas.push(d) });
      expect(result).toMatchObject({ generator: 'onnx', extractive: false, cited: [1], notFound: false });
      expect(result.text).toBe(CHAIN_TEXT.trim());
      expect(deltas.join('').trim()).toBe(result.text);
    },
  );

  it('retries an answer in the wrong language once, then quotes the sources instead, showing nothing of it', async () => {
    const en = {
      question: 'What is the world?',
      language: 'en',
      sources: [hit(1, 'The world is large. Hello, world.', 'en')],
      history: [],
    };
    const deltas: string[] = [];
    const result = await generatorFor('chat', 40).generate(en, { onText: (d) => deltas.push(d) });
    expect(result).toMatchObject({ generator: 'extractive:fallback-language', extractive: true, cited: [1] });
    expect(deltas.join('')).toBe(result.text);
    expect(result.text).not.toContain('こんにちは');
  });

  it('drops the least relevant sources to fit the context window, never the question', () => {
    const engine = createOnnxTextEngine(lm, { format: 'chat' });
    const sources = [1, 2, 3, 4, 5].map((n) =>
      hit(n, `Source number ${n} says something rather long. `.repeat(14), 'en'),
    );
    const question = 'Which source says what, exactly?';
    const fitted = fitAnswerPrompt(
      { question, language: 'en', sources, history: [{ role: 'user', text: 'earlier question' }] },
      (m) => engine.countTokens(m),
      engine.contextTokens - 17,
    )!;
    expect(fitted.sourceCount).toBeGreaterThan(0);
    expect(fitted.sourceCount).toBeLessThan(5);
    expect(fitted.promptTokens).toBeLessThanOrEqual(engine.contextTokens - 17);
    const prompt = fitted.messages.at(-1)!.content;
    expect(prompt).toContain('<<<SOURCE 1: Doc 1>>>');
    expect(prompt).not.toContain(`<<<SOURCE ${fitted.sourceCount + 1}:`);
    expect(prompt.endsWith(`Question: ${question}`)).toBe(true);
  });

  it('quotes the sources when even the bare question does not fit', async () => {
    const result = await generatorFor('chat').generate({ ...ja, question: `${'長い質問'.repeat(200)}？` });
    expect(result).toMatchObject({ generator: 'extractive:fallback-too-long', extractive: true });
  });

  it('lets a full queue surface as GeneratorBusyError', async () => {
    const g = generatorFor('chat');
    const first = g.generate(ja);
    await expect(g.generate(ja)).rejects.toBeInstanceOf(GeneratorBusyError);
    expect((await first).generator).toBe('onnx');
  });

  it('translates through the same engine', async () => {
    const engine = createOnnxTextEngine(lm, { format: 'chat' });
    // The tiny model "translates" anything into its chain text; the point is the wiring and the stop.
    expect(await translate(engine, 'Hello world', 'ja', { maxTokens: 12 })).toBe('こんにちは、世界');
  });
});

describe('generate command', () => {
  it('prints the raw continuation as one JSON object with the generated ids only', async () => {
    const out = new PassThrough();
    let printed = '';
    out.on('data', (d: Buffer) => (printed += d.toString('utf8')));
    await runGenerateCommand({ modelDir, text: 'Tokyo\n', maxTokens: 5, json: true, threads: 1 }, out);
    const json = JSON.parse(printed.trim());
    expect(Object.keys(json).sort()).toEqual([
      'promptTokens',
      'text',
      'tokenIds',
      'tokensPerSecond',
      'ttftMs',
    ]);
    expect(json).toMatchObject({ text: 'こんにちは', promptTokens: 6 });
    expect(json.tokenIds).toHaveLength(5);
  });
});
