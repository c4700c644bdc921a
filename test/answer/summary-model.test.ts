import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { StreamGuardFactory } from '../../src/answer/answer.js';
import type { SummaryProgress } from '../../src/answer/summary-ports.js';
import { createSummaryService } from '../../src/answer/summary.js';
import { silentLogger } from '../../src/core/log.js';
import type { Principal } from '../../src/core/types.js';
import { createGuardrail } from '../../src/guardrails/guardrail.js';
import { createStreamGuard } from '../../src/guardrails/stream-guard.js';
import { writeAbstractiveSummary } from '../../src/inference/abstractive-summary.js';
import { detectLanguage } from '../../src/inference/language.js';
import { createOpenAiEngine } from '../../src/inference/openai-generator.js';
import { analyze } from '../../src/rag/text-analyzer.js';
import type { Store } from '../../src/store/store.js';
import { findInstructions } from '../../src/wiring/generator.js';
import { storeSummaryDocuments, storeSummaryRecorder } from '../../src/wiring/summaries.js';
import {
  type FakeOpenAiServer,
  type RecordedRequest,
  type Scenario,
  chunked,
  startFakeOpenAiServer,
} from '../fakes/openai-server.js';
import { type TestDatabase, sqliteDatabase } from '../helpers/databases.js';
import { buildPipeline } from '../helpers/pipeline.js';

const TOPICS = [
  'laptops',
  'monitors',
  'keyboards',
  'printers',
  'phones',
  'headsets',
  'docking stations',
  'tablets',
  'webcams',
  'chargers',
  'backpacks',
  'mice',
];

/** Twelve sections of a few hundred characters: far more than one 600-token context holds. */
const HANDBOOK = `---
title: Hardware Handbook
---
# Hardware Handbook
${TOPICS.map(
  (topic, i) => `
## ${topic}
Employees who need new ${topic} ask the IT desk through the portal, which orders them from the framework supplier. Delivery to the office takes about ${i + 3} working days, and the IT desk sets the ${topic} up before handing them over. Broken ${topic} are swapped at the IT desk on the same day when one is in stock.
`,
).join('')}`;

/** The context of the fake server's model: small, so that the handbook needs many parts. */
const CONTEXT_TOKENS = 600;
const MAX_TOKENS = 100;

/** Prompt tokens as the OpenAI engine estimates them (one per 3 UTF-8 bytes, 4 per message). */
const promptTokens = (request: RecordedRequest) =>
  request.body.messages.reduce((sum, m) => sum + Math.ceil(Buffer.byteLength(m.content, 'utf8') / 3) + 4, 0);

/** A model that summarises what it is shown: a map cites its first section, a reduce keeps its parts' citations. */
function summarise(request: RecordedRequest): Scenario {
  const prompt = request.body.messages.at(-1)!.content;
  const parts = [...prompt.matchAll(/<<<PART \d+>>>\n([\s\S]*?)\n<<<END PART/gu)].map((m) => m[1]!);
  if (parts.length > 0)
    return {
      kind: 'stream',
      chunks: chunked(`All hardware is ordered through the IT desk. ${parts.join(' ')}`, 8),
    };
  const first = /<<<SOURCE (\d+): ([^>]*)>>>/u.exec(prompt);
  return {
    kind: 'stream',
    chunks: chunked(
      `New ${first?.[2]?.split(' › ').pop() ?? 'hardware'} come from the IT desk within days [${first?.[1] ?? 1}].`,
      8,
    ),
  };
}

/** How the fake model answers requests nothing was queued for (a test may change it). */
let reply: (request: RecordedRequest) => Scenario = summarise;

const employee: Principal = { email: 'ana@lumenworks.example', groups: ['all'], locale: 'en-US' };

describe('document summaries with a model (OpenAI-compatible server)', () => {
  let db: TestDatabase;
  let store: Store;
  let server: FakeOpenAiServer;

  beforeAll(async () => {
    db = sqliteDatabase();
    store = await db.open();
    await buildPipeline(store, db.dataDir, { 'it/hardware.md': HANDBOOK });
    server = await startFakeOpenAiServer((request) => reply(request));
  });
  afterEach(() => {
    server.requests.length = 0;
    reply = summarise;
  });
  afterAll(async () => {
    await server.close();
    await store.close();
    await db.dispose();
  });

  const guard = createGuardrail();
  const streamGuard: StreamGuardFactory = (context, onVisible, present) => {
    const stream = createStreamGuard(guard, context, { onVisible, present });
    return { push: (delta) => stream.push(delta), close: () => stream.close() };
  };
  interface Limits {
    readonly deadlineMs?: number;
    readonly totalDeadlineMs?: number;
    readonly maxCalls?: number;
    readonly condense?: boolean;
  }
  const service = ({ deadlineMs, totalDeadlineMs, maxCalls, condense }: Limits) => {
    const engine = createOpenAiEngine({
      baseURL: server.baseURL,
      model: 'polylm-chat-13b',
      contextTokens: CONTEXT_TOKENS,
      maxRetries: 0,
      timeoutMs: 5_000,
    });
    return createSummaryService({
      documents: storeSummaryDocuments(store),
      guard,
      streamGuard,
      recorder: storeSummaryRecorder(store),
      tokenize: analyze,
      untrusted: findInstructions,
      detectLanguage,
      logger: silentLogger,
      writer: {
        name: engine.name,
        write: (request) =>
          writeAbstractiveSummary(
            {
              engine,
              maxTokens: MAX_TOKENS,
              deadlineMs,
              totalDeadlineMs,
              maxCalls,
              tokenize: condense ? analyze : undefined,
              untrusted: findInstructions,
              detectLanguage,
            },
            request,
          ),
      },
    });
  };
  const summarize = (options: Limits & { signal?: AbortSignal } = {}) => {
    const progress: SummaryProgress[] = [];
    const result = service(options).summarizeDocument({
      document: 'it/hardware.md',
      requester: employee,
      readers: [employee],
      platform: 'web',
      signal: options.signal,
      onProgress: (p) => progress.push(p),
    });
    return { result, progress };
  };

  it('maps parts that each fit the context, reduces them into one cited summary, and reports progress', async () => {
    const { result, progress } = summarize();
    const summary = await result;
    expect(summary.status).toBe('answered');
    expect(summary.generator).toBe('openai');
    expect(summary.extractive).toBe(false);
    expect(summary.text).toContain('All hardware is ordered through the IT desk.');
    expect(summary.citations.length).toBeGreaterThan(3);
    expect(summary.citations.map((c) => c.title)).toContain('Hardware Handbook › laptops');

    const maps = server.requests.filter((r) => r.body.messages.at(-1)!.content.includes('<<<SOURCE'));
    const reduces = server.requests.filter((r) => r.body.messages.at(-1)!.content.includes('<<<PART'));
    expect(maps.length).toBeGreaterThan(2);
    expect(reduces.length).toBeGreaterThanOrEqual(1);
    for (const request of server.requests) {
      expect(promptTokens(request) + (request.body.max_tokens ?? 0)).toBeLessThanOrEqual(CONTEXT_TOKENS);
    }
    // Every section reached some map prompt.
    for (const topic of TOPICS)
      expect(maps.some((r) => r.body.messages.at(-1)!.content.includes(`new ${topic}`))).toBe(true);

    const reading = progress.filter((p) => p.type === 'reading');
    expect(reading.map((p) => p.type === 'reading' && p.part)).toEqual(maps.map((_, i) => i + 1));
    expect(reading.at(-1)).toMatchObject({
      parts: maps.length,
      status: `Reading section ${maps.length} of ${maps.length}…`,
    });
    const streamed = progress.filter((p) => p.type === 'text');
    expect(streamed.length).toBeGreaterThan(0);
    for (const p of streamed) if (p.type === 'text') expect(p.text).toMatch(/\[\d+\]/u);
  });

  it('gives the extractive summary, saying why, when the server fails', async () => {
    server.enqueue({ kind: 'status', status: 500 });
    const summary = await summarize().result;
    expect(summary.status).toBe('answered');
    expect(summary.extractive).toBe(true);
    expect(summary.generator).toBe('extractive:fallback');
    expect(summary.text).toContain("The AI model couldn't summarise this just now");
    expect(summary.text).toContain('Key sentences quoted from the document');
  });

  it('gives the extractive summary when a step misses the deadline', async () => {
    server.enqueue({ kind: 'hang' });
    const summary = await summarize({ deadlineMs: 300 }).result;
    expect(summary.status).toBe('answered');
    expect(summary.generator).toBe('extractive:fallback');
  });

  it('reads a long document as its central sentences, within the call budget', async () => {
    const summary = await summarize({ maxCalls: 4, condense: true }).result;
    expect(summary.status).toBe('answered');
    expect(summary.generator).toBe('openai');
    expect(server.requests.length).toBeGreaterThan(0);
    expect(server.requests.length).toBeLessThanOrEqual(4);
    const maps = server.requests.filter((r) => r.body.messages.at(-1)!.content.includes('<<<SOURCE'));
    expect(maps.length).toBeLessThanOrEqual(2);
    // Fewer sentences than the sections hold, from more than one section.
    const shown = maps.map((r) => r.body.messages.at(-1)!.content).join('\n');
    expect(shown.match(/ask the IT desk through the portal/gu)?.length ?? 0).toBeLessThan(TOPICS.length);
    expect(TOPICS.filter((topic) => shown.includes(`new ${topic}`)).length).toBeGreaterThan(1);
  });

  it('gives the extractive summary at once when the document needs more calls than allowed', async () => {
    const summary = await summarize({ maxCalls: 4, condense: false }).result;
    expect(summary.generator).toBe('extractive:fallback');
    expect(summary.text).toContain("The AI model couldn't summarise this just now");
    expect(server.requests).toEqual([]);
  });

  it('gives the extractive summary when the whole summary misses its total deadline', async () => {
    // Every step within its own deadline would take a minute; the summary may take 300 ms in all.
    reply = () => ({ kind: 'hang' });
    const summary = await summarize({ deadlineMs: 60_000, totalDeadlineMs: 300 }).result;
    expect(summary.status).toBe('answered');
    expect(summary.generator).toBe('extractive:fallback');
    expect(summary.text).toContain('Key sentences quoted from the document');
  });

  it('never shows a model summary that cites nothing', async () => {
    reply = () => ({ kind: 'stream', chunks: chunked('Hardware comes from the IT desk.') });
    const { result, progress } = summarize();
    const summary = await result;
    expect(summary.generator).toBe('extractive:fallback');
    expect(summary.text).not.toContain('Hardware comes from the IT desk.');
    expect(progress.filter((p) => p.type === 'text')).toEqual([]);
  });

  it('stops when the asker cancels', async () => {
    const controller = new AbortController();
    server.enqueue({ kind: 'hang' });
    const { result } = summarize({ signal: controller.signal });
    const deadline = Date.now() + 5_000;
    while (server.requests.length === 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 10));
    controller.abort();
    await expect(result).rejects.toThrow();
  });
});
