import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { promptFormatProblem, recognizeModel } from '../../src/inference/known-models.js';
import { type ModelCheckResult, runModelCheck } from '../../src/inference/model-check.js';
import type { LmConfig } from '../../src/inference/onnx/model-folder.js';
import { buildTinyGpt2 } from '../fixtures/tiny-gpt2.js';
import { runCli } from '../helpers/cli.js';

let root: string;
const dirs: Record<'fp32' | 'int8' | 'int4' | 'fp16', string> = { fp32: '', int8: '', int4: '', fp16: '' };

beforeAll(() => {
  root = mkdtempSync(path.join(os.tmpdir(), 'polydesk-check-'));
  for (const variant of ['fp32', 'int8', 'int4', 'fp16'] as const) {
    dirs[variant] = path.join(root, variant);
    buildTinyGpt2(dirs[variant], {
      quantize: variant === 'int8' || variant === 'int4' ? variant : undefined,
      dtype: variant === 'fp16' ? 'float16' : 'float32',
      externalData: variant === 'int4',
    });
  }
});

afterAll(() => rmSync(root, { recursive: true, force: true }));

function sink(): Writable & { text: () => string } {
  let text = '';
  const out = new Writable({
    write(chunk, _encoding, done) {
      text += String(chunk);
      done();
    },
  });
  return Object.assign(out, { text: () => text });
}

async function check(dir: string): Promise<ModelCheckResult> {
  const out = sink();
  const result = await runModelCheck({ modelDir: dir, json: true, threads: 1, maxTokens: 16 }, out);
  expect(JSON.parse(out.text())).toEqual(JSON.parse(JSON.stringify(result)));
  return result;
}

describe('polydesk generate --check', () => {
  it('tells fp32, fp16, int8 and int4 exports of the same network apart by their graphs', async () => {
    const results = {
      fp32: await check(dirs.fp32),
      int8: await check(dirs.int8),
      int4: await check(dirs.int4),
      fp16: await check(dirs.fp16),
    };
    for (const [variant, r] of Object.entries(results)) {
      expect(r.weights.type).toBe(variant);
      expect(r.model).toMatchObject({ layers: 2, heads: 4, hidden: 64, vocab: 277, contextTokens: 512 });
      // 2 layers × (12·64² + 13·64) + embeddings 277·64 + 512·64 + final norm 2·64 + LM head 64·277.
      expect(r.model.parameters).toBe(2 * (12 * 64 * 64 + 13 * 64) + 277 * 64 + 512 * 64 + 128 + 64 * 277);
      expect(r.executionProvider).toBe('cpu');
      expect(r.speed.newTokens).toBeGreaterThan(1);
      expect(r.speed.tokensPerSecond).toBeGreaterThan(0);
      expect(r.memory.expectedBytes).toBe(r.memory.weightsBytes + r.memory.kvCacheBytes);
    }
    // MatMul weights: 4 bytes, 2 bytes, 1 byte (+ one scale per tensor), half a byte (+ a scale and a
    // zero point per block of 32: 4.5 bits in all).
    const matmulParams = 2 * 12 * 64 * 64 + 64 * 277;
    const bytesOf = (r: ModelCheckResult, type: string) =>
      r.weights.byType.find((g) => g.type === type)?.bytes;
    expect(bytesOf(results.int8, 'int8')).toBe(matmulParams + 9); // 9 int8 zero points
    expect(bytesOf(results.int4, 'int4')).toBeGreaterThan(matmulParams / 2);
    expect(bytesOf(results.int4, 'int4')).toBeLessThan(matmulParams * 0.7);
    expect(results.fp32.memory.kvCacheBytes).toBe(2 * 2 * 64 * 512 * 4);
    expect(results.fp16.memory.kvCacheBytes).toBe(2 * 2 * 64 * 512 * 2);
    expect(results.int4.weights.bytes).toBeLessThan(results.int8.weights.bytes);
    expect(results.int8.weights.bytes).toBeLessThan(results.fp16.weights.bytes);
    expect(results.fp16.weights.bytes).toBeLessThan(results.fp32.weights.bytes);
  });

  it('runs from the CLI with the configured model and device, in words or as JSON', async () => {
    const env = { GENERATOR: 'onnx', LLM_MODEL_DIR: dirs.int4, DATA_DIR: path.join(root, 'data') };
    const json = await runCli(['generate', '--check', '--json', '--max-tokens', '8'], { env });
    expect(json.code).toBe(0);
    const result = JSON.parse(json.stdout) as ModelCheckResult;
    expect(result).toMatchObject({ executionProvider: 'cpu', weights: { type: 'int4' } });
    expect(Object.keys(result)).toEqual([
      'model',
      'weights',
      'executionProvider',
      'memory',
      'speed',
      'hints',
    ]);
    const words = await runCli(['generate', '--check'], { env });
    expect(words.code).toBe(0);
    expect(words.stdout).toMatch(/shape +2 layers, 4 heads, hidden 64, vocabulary 277/);
    expect(words.stdout).toMatch(/weights +int4 MatMuls/);
    expect(words.stdout).toMatch(/speed +[\d.]+ tokens\/s/);
  });
});

describe('recognising PolyLM models', () => {
  const shape = (nLayer: number, nEmbd: number, nHead: number): LmConfig => ({
    nLayer,
    nEmbd,
    nHead,
    nPositions: 2048,
    vocabSize: 256_000,
    eosIds: [255_999],
  });

  it('knows the 1.7B base model by its shape and the 13B variants by their names', () => {
    expect(recognizeModel(shape(24, 2048, 16), '/srv/models/x')).toEqual({
      name: 'PolyLM-1.7B',
      base: true,
      promptFormat: 'fewshot',
    });
    expect(recognizeModel(shape(40, 5120, 40), '/srv/models/polylm-chat-13b-int4')).toMatchObject({
      name: 'PolyLM-Chat-13B',
      promptFormat: 'chat',
    });
    const dir = path.join(root, 'named');
    rmSync(dir, { recursive: true, force: true });
    buildTinyGpt2(dir, { omit: ['model.onnx'] });
    writeFileSync(
      path.join(dir, 'config.json'),
      JSON.stringify({ _name_or_path: 'DAMO-NLP-MT/polylm-multialpaca-13b' }),
    );
    expect(recognizeModel(shape(40, 5120, 40), dir)).toMatchObject({ promptFormat: 'multialpaca' });
    expect(recognizeModel(shape(40, 5120, 40), '/srv/models/thirteen')?.promptFormat).toBeUndefined();
    expect(recognizeModel({ ...shape(24, 2048, 16), vocabSize: 50_257 }, '/x')).toBeUndefined();
  });

  it('says when the configured prompt format does not fit the model (logged at start, printed by --check)', () => {
    const base = recognizeModel(shape(24, 2048, 16), '/srv/models/x');
    expect(promptFormatProblem(base, 'chat')).toMatch(
      /PolyLM-1\.7B is a base model.*LLM_PROMPT_FORMAT=fewshot/,
    );
    expect(promptFormatProblem(base, 'fewshot')).toBeUndefined();
    const chat = recognizeModel(shape(40, 5120, 40), '/srv/polylm-chat-13b');
    expect(promptFormatProblem(chat, 'multialpaca')).toBe(
      'PolyLM-Chat-13B expects LLM_PROMPT_FORMAT=chat (configured: multialpaca)',
    );
    expect(promptFormatProblem(chat, 'chat')).toBeUndefined();
    // The 13B shape without a name: nothing to say rather than a guess.
    expect(promptFormatProblem(recognizeModel(shape(40, 5120, 40), '/srv/m'), 'fewshot')).toBeUndefined();
    expect(promptFormatProblem(undefined, 'chat')).toBeUndefined();
  });
});
