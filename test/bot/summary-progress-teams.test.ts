/**
 * A model's document summary in Teams shows its progress (issue 18, items 4 and 6): typing, a
 * "Summarising…" placeholder edited (PUT …/activities/{id}) to "Reading section n of m…" while the
 * model reads a long document part by part, then replaced by the summary. Over real HTTP between
 * PolyDesk's /api/messages, the fake Bot Connector and the fake OpenAI-compatible server.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type FakeMember,
  type FakeTeamsMessage,
  deliverActivity,
  teamsActivity,
} from '../fakes/bot-connector.js';
import { type FakeOpenAiServer, chunked, startFakeOpenAiServer } from '../fakes/openai-server.js';
import { type HandOffServer, startHandOffServer } from './hand-off-harness.js';
import { HANDBOOK, MODEL_TEXT } from '../fixtures/summary-handbook.js';

const HANA: FakeMember = { id: 'hana@example.com', name: 'Hana Sato', aadObjectId: 'aad-hana' };

const textOf = (message: { text?: string; attachments?: Record<string, unknown>[] } | undefined) =>
  [
    message?.text ?? '',
    ...(message?.attachments ?? []).flatMap((a) =>
      ((a['content'] as { body?: { text?: string }[] } | undefined)?.body ?? []).map((b) => b.text ?? ''),
    ),
  ].join('\n');

describe('summary progress in Teams', () => {
  let llm: FakeOpenAiServer;
  let h: HandOffServer;

  beforeAll(async () => {
    llm = await startFakeOpenAiServer(() => ({ kind: 'stream', chunks: chunked(MODEL_TEXT, 8) }));
    h = await startHandOffServer({
      routes: [],
      directory: {},
      users: {},
      channels: {},
      documents: { 'handbook/office.md': HANDBOOK },
      env: {
        GENERATOR: 'openai',
        LLM_BASE_URL: llm.baseURL,
        LLM_MODEL: 'polylm-chat-13b',
        LLM_CONTEXT_TOKENS: '512',
        LLM_MAX_NEW_TOKENS: '64',
      },
    });
  }, 60_000);
  afterAll(async () => {
    await h?.close();
    await llm?.close();
  });

  it('edits the placeholder to "Reading section n of m…", then puts the summary in its place', async () => {
    const chat = `a:1personal-${HANA.id}`;
    const response = await deliverActivity(
      h.messagesUrl,
      teamsActivity(h.connector, { scope: 'personal', from: HANA, text: 'summarise Office Handbook' }),
    );
    expect(response.status).toBe(200);
    const summary: FakeTeamsMessage = await h.connector.waitFor(() =>
      h.connector.conversation(chat).find((m) => textOf(m).includes('Summary of')),
    );
    expect(textOf(summary)).toContain('Summary of “Office Handbook”');
    expect(textOf(summary)).toContain('delivered within five working days');
    expect(llm.requests.length).toBeGreaterThan(2);

    const edits = h.connector.updated.filter((u) => u.replyToId === summary.id);
    const reading = edits.findIndex((u) => /Reading section \d+ of \d+…/.test(textOf(u.activity)));
    expect(reading, 'a progress edit reached the Bot Connector').toBeGreaterThanOrEqual(0);
    const [, part, parts] = /Reading section (\d+) of (\d+)…/.exec(textOf(edits[reading]!.activity))!;
    expect(Number(parts)).toBeGreaterThan(1);
    expect(Number(part)).toBeLessThanOrEqual(Number(parts));
    // The summary is the last edit: no progress shows over it.
    expect(textOf(edits[edits.length - 1]!.activity)).toContain('Summary of');
    expect(h.connector.protocolErrors).toEqual([]);
  });
});
