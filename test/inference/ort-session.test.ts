import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ModelLoadError } from '../../src/core/errors.js';
import { readModelFolder } from '../../src/inference/onnx/model-folder.js';
import { OnnxCausalLm } from '../../src/inference/onnx/onnx-causal-lm.js';
import { DecoderSession } from '../../src/inference/onnx/ort-session.js';
import type { StepOutput } from '../fixtures/decoder-steps.js';
import { type TinyGpt2, buildTinyGpt2 } from '../fixtures/tiny-gpt2.js';
import { runInWorker } from '../helpers/in-worker.js';

const STEPS = new URL('../fixtures/decoder-steps.ts', import.meta.url);

let root: string;
let tiny: TinyGpt2;

beforeAll(() => {
  root = mkdtempSync(path.join(os.tmpdir(), 'polydesk-ort-'));
  tiny = buildTinyGpt2(path.join(root, 'tiny'), { externalData: true });
});

afterAll(() => rmSync(root, { recursive: true, force: true }));

function maxDiff(a: Float32Array, b: Float64Array): number {
  let max = 0;
  for (let i = 0; i < b.length; i++) max = Math.max(max, Math.abs(a[i]! - b[i]!));
  return max;
}

describe('DecoderSession on the tiny GPT-2 (weights in external data)', () => {
  it('matches the TypeScript reference within 1e-4: prefill, chunked prefill and cached steps', async () => {
    const ids = [40, 101, 108, 108, 111, 44, 32, 267, 269, 228, 184, 150, 10, 70];
    const reference = tiny.referenceLogits(ids);
    const [whole] = await runInWorker<StepOutput[]>(STEPS, 'decoderSteps', tiny.dir, ids, [ids.length], {
      intraOpThreads: 1,
    });
    expect(maxDiff(whole!.logits, reference.at(-1)!)).toBeLessThan(1e-4);

    // Prefill 5 tokens, then 4, then one at a time with the cache.
    const bounds = [5, 9, 10, 11, 12, 13, 14];
    const steps = await runInWorker<StepOutput[]>(STEPS, 'decoderSteps', tiny.dir, ids, bounds, {
      intraOpThreads: 1,
    });
    steps.forEach((step, i) => {
      expect(step.cacheLength).toBe(bounds[i]);
      expect(maxDiff(step.logits, reference[bounds[i]! - 1]!)).toBeLessThan(1e-4);
    });
  });

  it('refuses to open on the main thread: forward passes run in worker threads only', async () => {
    const folder = readModelFolder(tiny.dir);
    await expect(DecoderSession.create(folder.modelPath, folder.config)).rejects.toThrow(
      /only in a worker thread/,
    );
  });
});

describe('model folder and device errors', () => {
  // Through OnnxCausalLm: the session opens in its worker, and its errors cross back with their class.
  const loadError = async (dir: string, options = {}) =>
    OnnxCausalLm.load({ modelDir: dir, intraOpThreads: 1, ...options }).then(
      async (lm) => {
        await lm.release();
        return undefined;
      },
      (error: unknown) => error,
    );

  it.each([
    ['model.onnx', /model\.onnx is missing/],
    ['config.json', /config\.json is missing/],
    ['tokenizer.json', /tokenizer\.json is missing.*convert/],
  ] as const)('names the missing %s and what was expected', (file, message) => {
    const dir = path.join(root, `no-${file}`);
    buildTinyGpt2(dir, { omit: [file] });
    expect(() => readModelFolder(dir)).toThrow(ModelLoadError);
    expect(() => readModelFolder(dir)).toThrow(message);
  });

  it('rejects a folder that does not exist, and a config without the GPT-2 sizes', async () => {
    expect(() => readModelFolder(path.join(root, 'nowhere'))).toThrow(/does not exist/);
    const { writeFileSync } = await import('node:fs');
    const dir = path.join(root, 'bad-config');
    buildTinyGpt2(dir);
    writeFileSync(path.join(dir, 'config.json'), JSON.stringify({ n_head: 4 }));
    expect(() => readModelFolder(dir)).toThrow(/n_layer/);
    writeFileSync(path.join(dir, 'config.json'), '{ not json');
    expect(() => readModelFolder(dir)).toThrow(/config\.json is not valid JSON/);
  });

  it('says when config.json and the model disagree on the number of layers', async () => {
    const dir = path.join(root, 'mismatch');
    buildTinyGpt2(dir);
    const { writeFileSync, readFileSync } = await import('node:fs');
    const config = JSON.parse(readFileSync(path.join(dir, 'config.json'), 'utf8'));
    writeFileSync(path.join(dir, 'config.json'), JSON.stringify({ ...config, n_layer: 3 }));
    expect(await loadError(dir)).toMatchObject({
      name: 'ModelLoadError',
      message: expect.stringMatching(/2 layers.*n_layer 3/),
    });
  });

  it('says which external data file is missing', async () => {
    const dir = path.join(root, 'no-data');
    buildTinyGpt2(dir, { externalData: true });
    rmSync(path.join(dir, 'model.onnx_data'));
    const error = await loadError(dir);
    expect(error).toBeInstanceOf(ModelLoadError);
    expect((error as Error).message).toMatch(/model\.onnx_data.*copy them along/);
  });

  const ortBin = path.dirname(createRequire(import.meta.url).resolve('onnxruntime-node/package.json'));
  const cudaInstalled = existsSync(
    path.join(ortBin, 'bin/napi-v6/linux/x64/libonnxruntime_providers_cuda.so'),
  );

  it.skipIf(cudaInstalled)('explains how to install the CUDA provider when it is missing', async () => {
    const error = await loadError(tiny.dir, { device: 'cuda' });
    expect(error).toBeInstanceOf(ModelLoadError);
    expect((error as Error).message).toContain(
      'ONNXRUNTIME_NODE_INSTALL=cuda12 node node_modules/onnxruntime-node/script/install.js',
    );
  });
});
