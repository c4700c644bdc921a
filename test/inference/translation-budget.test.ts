import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Logger } from '../../src/core/log.js';
import { createMetrics } from '../../src/metrics.js';
import { OnnxCausalLm } from '../../src/inference/onnx/onnx-causal-lm.js';
import { createOnnxTextEngine } from '../../src/inference/onnx/onnx-text-engine.js';
import { createTranslationBudget } from '../../src/inference/translation-budget.js';
import { buildTinyGpt2 } from '../fixtures/tiny-gpt2.js';

let root: string;
let lm: OnnxCausalLm;

beforeAll(async () => {
  root = mkdtempSync(path.join(os.tmpdir(), 'polydesk-translation-'));
  const { dir } = buildTinyGpt2(path.join(root, 'tiny'), { nPositions: 2048 });
  lm = await OnnxCausalLm.load({ modelDir: dir, intraOpThreads: 1 });
});

afterAll(async () => {
  await lm?.release();
  rmSync(root, { recursive: true, force: true });
});

describe('translation budget', () => {
  it('translates within the budget and skips beyond it, logging and counting each skip', async () => {
    const metrics = createMetrics();
    const logged: string[] = [];
    const logger: Logger = (_level, event, fields) => logged.push(`${event} ${fields?.['reason'] ?? ''}`);
    const translate = createTranslationBudget({
      engine: createOnnxTextEngine(lm, { format: 'chat' }),
      maxInFlight: 2,
      maxTokens: 24,
      logger,
      onSkip: (reason) => metrics.translationsSkipped.inc({ reason }),
    });
    const signal = new AbortController().signal;
    const results = await Promise.all(
      ['ja', 'de', 'fr'].map((to) => translate('Where is the office?', to, signal)),
    );
    // The tiny model writes its chain whatever it is asked: two translations made, the third skipped.
    expect(results.filter((text) => text.length > 0)).toHaveLength(2);
    expect(results[2]).toBe('');
    expect(logged).toContain('translation.skipped budget');
    expect(await metrics.registry!.getSingleMetricAsString('polydesk_translations_skipped_total')).toContain(
      'polydesk_translations_skipped_total{reason="budget"} 1',
    );
    // The budget is given back: the next translation is made.
    expect(await translate('Where is the office?', 'ja', signal)).not.toBe('');
  });
});
