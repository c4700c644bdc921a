import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { ConfigError } from '../../src/core/errors.js';

describe('model capacity in the configuration', () => {
  it('defaults to the capacity PolyDesk had before it was configurable, and an OpenAI try timeout that fits the deadline thrice', () => {
    const config = loadConfig({});
    expect(config.llm).toMatchObject({
      queueSize: 8,
      batchSize: 4,
      deadlineMs: 60_000,
      timeoutMs: 15_000,
      contextTokens: 2048,
      maxNewTokens: 384,
    });
    expect(config.translation).toEqual({ concurrency: 8, maxTokens: 512 });
  });

  it('reads every capacity variable', () => {
    const config = loadConfig({
      LLM_QUEUE_SIZE: '20',
      LLM_BATCH_SIZE: '1',
      GENERATION_DEADLINE_MS: '15000',
      TRANSLATION_CONCURRENCY: '2',
      TRANSLATION_MAX_TOKENS: '128',
    });
    expect(config.llm).toMatchObject({ queueSize: 20, batchSize: 1, deadlineMs: 15_000 });
    expect(config.translation).toEqual({ concurrency: 2, maxTokens: 128 });
  });

  it.each([
    ['LLM_BATCH_SIZE', '0', /LLM_BATCH_SIZE.*decodes together/],
    ['GENERATION_DEADLINE_MS', 'soon', /GENERATION_DEADLINE_MS.*milliseconds one answer may take/],
    ['TRANSLATION_CONCURRENCY', '0', /TRANSLATION_CONCURRENCY.*translations for search/],
  ])('refuses %s=%s with a message that says how to fix it', (name, value, message) => {
    expect(() => loadConfig({ [name]: value })).toThrow(ConfigError);
    expect(() => loadConfig({ [name]: value })).toThrow(message);
  });
});
