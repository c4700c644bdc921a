import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { GeneratorUnavailableError } from '../../src/core/errors.js';
import type { SearchHit } from '../../src/core/types.js';
import { createExtractiveGenerator } from '../../src/inference/extractive-generator.js';
import { detectLanguage } from '../../src/inference/language.js';
import { createOpenAiEngine, createOpenAiGenerator } from '../../src/inference/openai-generator.js';
import { analyze } from '../../src/rag/text-analyzer.js';
import { type FakeOpenAiServer, chunked, startFakeOpenAiServer } from '../fakes/openai-server.js';

const hit = (n: number, text: string): SearchHit => ({
  docId: `d${n}`,
  source: `kb/doc${n}.md`,
  title: `Doc ${n}`,
  chunkId: `c${n}`,
  score: 1 / n,
  text,
  language: 'en',
  headingPath: [],
  classification: 'internal',
  audience: ['all'],
});

const request = {
  question: 'How many days of paid leave do employees get?',
  language: 'en',
  sources: [
    hit(1, 'Employees get 25 days of paid leave per year. Unused days expire in March.'),
    hit(2, 'The office opens at 8 am.'),
  ],
  history: [],
};

let server: FakeOpenAiServer;
const fallback = createExtractiveGenerator({ tokenize: analyze });

beforeAll(async () => {
  server = await startFakeOpenAiServer();
});
afterAll(() => server.close());
afterEach(() => {
  server.requests.length = 0;
});

function generator(
  overrides: Parameters<typeof createOpenAiGenerator>[0] extends infer O ? Partial<O> : never = {},
) {
  return createOpenAiGenerator({
    baseURL: server.baseURL,
    apiKey: 'test-key',
    model: 'polylm-chat-13b',
    timeoutMs: 500,
    retryDelayMs: 10,
    fallback,
    detectLanguage,
    ...overrides,
  });
}

describe('OpenAI-compatible server', () => {
  it('streams an answer, maps its citations and drops those of sources not given', async () => {
    server.enqueue({
      kind: 'stream',
      chunks: chunked(
        'Employees get 25 days of paid leave each year [1]. Unused days expire in March [1][7].',
      ),
    });
    const deltas: string[] = [];
    const result = await generator().generate(request, { onText: (d) => deltas.push(d) });
    expect(result).toMatchObject({ generator: 'openai', extractive: false, notFound: false, cited: [1] });
    expect(result.text).toBe(
      'Employees get 25 days of paid leave each year [1]. Unused days expire in March [1].',
    );
    expect(deltas.join('')).toContain('Unused days expire in March [1][7].');
    const sent = server.requests[0]!;
    expect(sent.authorization).toBe('Bearer test-key');
    expect(sent.body).toMatchObject({ model: 'polylm-chat-13b', stream: true, max_tokens: 512 });
    const prompt = sent.body.messages.at(-1)!.content;
    expect(prompt).toContain('<<<SOURCE 1: Doc 1>>>\nEmployees get 25 days');
    expect(prompt).toContain('<<<END SOURCE 2>>>');
    expect(prompt).toMatch(/Question: How many days of paid leave/);
  });

  it('retries after a 429, waiting as Retry-After says, then answers', async () => {
    server.enqueue(
      { kind: 'status', status: 429, retryAfter: '0' },
      { kind: 'stream', chunks: chunked('25 days [1].') },
    );
    const result = await generator().generate(request);
    expect(result).toMatchObject({ text: '25 days [1].', generator: 'openai' });
    expect(server.requests).toHaveLength(2);
  });

  it('retries a stream that broke before any text, and a 500, within the retry budget', async () => {
    server.enqueue(
      { kind: 'break', chunks: [] },
      { kind: 'status', status: 500 },
      { kind: 'stream', chunks: ['Yes [2].'] },
    );
    const result = await generator().generate(request);
    expect(result.text).toBe('Yes [2].');
    expect(server.requests).toHaveLength(3);
  });

  it('falls back to the extractive answer, with an apology, when the server keeps failing', async () => {
    server.enqueue(
      { kind: 'status', status: 500 },
      { kind: 'status', status: 500 },
      { kind: 'status', status: 500 },
    );
    const deltas: string[] = [];
    const result = await generator().generate(request, { onText: (d) => deltas.push(d) });
    expect(server.requests).toHaveLength(3); // one try and two retries
    expect(result).toMatchObject({ generator: 'extractive:fallback-unavailable', extractive: true });
    expect(result.text).toMatch(/^The AI model isn't available right now/);
    expect(result.text).toContain('25 days of paid leave');
    expect(deltas.join('')).toBe(result.text);
  });

  it('does not retry a stream that broke after text arrived, and falls back without showing the broken text', async () => {
    server.enqueue({ kind: 'break', chunks: ['Employees', ' get'] });
    const deltas: string[] = [];
    const result = await generator().generate(request, { onText: (d) => deltas.push(d) });
    expect(server.requests).toHaveLength(1);
    expect(result.generator).toBe('extractive:fallback-unavailable');
    expect(deltas.join('')).toBe(result.text);
  });

  it('gives up on a server that hangs, before or in the middle of a stream', async () => {
    // A request that gets no response within the timeout is retried by the SDK (each try timing out).
    server.enqueue({ kind: 'hang' }, { kind: 'hang' }, { kind: 'hang' });
    expect(await generator({ timeoutMs: 200 }).generate(request)).toMatchObject({
      generator: 'extractive:fallback-unavailable',
    });
    expect(server.requests).toHaveLength(3);
    server.requests.length = 0;
    server.enqueue({ kind: 'hang', chunks: ['Employees get'] });
    const engine = createOpenAiEngine({ baseURL: server.baseURL, model: 'm', timeoutMs: 200 });
    await expect(engine.complete([{ role: 'user', content: 'hi' }], { maxTokens: 8 })).rejects.toThrow(
      /no data from the LLM server/,
    );
  });

  it('answers from the extractive generator when nothing listens, and opens the circuit', async () => {
    const down = await startFakeOpenAiServer();
    const baseURL = down.baseURL;
    await down.close();
    const g = createOpenAiGenerator({
      baseURL,
      model: 'm',
      maxRetries: 0,
      breakerThreshold: 2,
      breakerCooldownMs: 60_000,
      fallback,
      detectLanguage,
    });
    for (let i = 0; i < 3; i++) {
      const result = await g.generate(request);
      expect(result).toMatchObject({ generator: 'extractive:fallback-unavailable', extractive: true });
    }
    const engine = createOpenAiEngine({
      baseURL,
      model: 'm',
      maxRetries: 0,
      breakerThreshold: 1,
      breakerCooldownMs: 60_000,
    });
    await expect(engine.complete([{ role: 'user', content: 'hi' }], { maxTokens: 8 })).rejects.toThrow(
      /failed/,
    );
    await expect(engine.complete([{ role: 'user', content: 'hi' }], { maxTokens: 8 })).rejects.toThrow(
      /not calling it for another/,
    );
  });

  it('retries once with a firmer instruction when the answer is in the wrong language, then falls back', async () => {
    const ja = { ...request, question: '有給休暇は何日ありますか？', language: 'ja' };
    server.enqueue(
      {
        kind: 'stream',
        chunks: chunked('Employees get twenty-five days of paid leave every single year [1].'),
      },
      { kind: 'stream', chunks: chunked('有給休暇は年に25日です [1]。') },
    );
    const retried = await generator().generate(ja);
    expect(retried).toMatchObject({ text: '有給休暇は年に25日です [1]。', generator: 'openai', cited: [1] });
    expect(server.requests).toHaveLength(2);
    expect(server.requests[1]!.body.messages.at(-1)!.content).toContain('資料が他の言語で書かれていても');

    server.requests.length = 0;
    const english = {
      kind: 'stream',
      chunks: chunked('Employees get twenty-five days of paid leave every year [1].'),
    } as const;
    server.enqueue(english, english);
    const deltas: string[] = [];
    const fellBack = await generator().generate(ja, { onText: (d) => deltas.push(d) });
    expect(fellBack).toMatchObject({ generator: 'extractive:fallback-language', extractive: true });
    expect(deltas.join('')).not.toContain('Employees get twenty-five');
  });

  it('rejects with GeneratorUnavailableError from the bare engine, so callers such as translation can skip', async () => {
    server.enqueue({ kind: 'status', status: 503 });
    const engine = createOpenAiEngine({ baseURL: server.baseURL, model: 'm', maxRetries: 0 });
    await expect(engine.complete([{ role: 'user', content: 'hi' }], { maxTokens: 8 })).rejects.toBeInstanceOf(
      GeneratorUnavailableError,
    );
  });
});

describe('OpenAI-compatible server: total deadline', () => {
  it('falls back to the labelled extractive answer when a live but slow stream passes the deadline', async () => {
    // A chunk every 20 ms never trips the idle timeout (500 ms); only the total deadline ends it.
    server.enqueue({ kind: 'trickle', chunk: 'Employees get ', everyMs: 20 });
    const deltas: string[] = [];
    const result = await generator({ deadlineMs: 300 }).generate(request, { onText: (d) => deltas.push(d) });
    expect(result).toMatchObject({ generator: 'extractive:fallback-deadline', extractive: true, cited: [1] });
    expect(result.text).toMatch(/^The AI model took too long to answer/);
    expect(result.text).toContain('25 days of paid leave');
    expect(server.requests).toHaveLength(1);
  });

  it('counts a request the deadline cut against the server: a hanging server opens the circuit', async () => {
    const hung = createOpenAiGenerator({
      baseURL: server.baseURL,
      model: 'm',
      timeoutMs: 5_000,
      deadlineMs: 200,
      breakerThreshold: 2,
      breakerCooldownMs: 60_000,
      fallback,
      detectLanguage,
    });
    server.enqueue({ kind: 'hang' }, { kind: 'hang' });
    for (let i = 0; i < 2; i++) {
      expect(await hung.generate(request)).toMatchObject({ generator: 'extractive:fallback-deadline' });
    }
    expect(server.requests).toHaveLength(2);
    // The circuit is open: the third question is not sent, and falls back at once as unavailable.
    expect(await hung.generate(request)).toMatchObject({ generator: 'extractive:fallback-unavailable' });
    expect(server.requests).toHaveLength(2);
  });

  it("a caller's abort is not a deadline: it propagates and gives no fallback", async () => {
    server.enqueue({ kind: 'trickle', chunk: 'Employees get ', everyMs: 20 });
    const controller = new AbortController();
    const reason = new Error('the asker left');
    const pending = generator({ deadlineMs: 60_000 }).generate(request, {
      signal: controller.signal,
      onText: () => controller.abort(reason),
    });
    await expect(pending).rejects.toBe(reason);
  });
});
