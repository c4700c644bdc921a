/**
 * A model's document summary in Slack shows its progress (issue 18, items 4 and 6): the
 * "Summarising…" status message is edited (chat.update) to "Reading section n of m…" while the
 * model reads a long document part by part, then replaced by the summary. Over real HTTP between
 * PolyDesk, the fake Slack Web API and the fake OpenAI-compatible server, with a context small
 * enough that the document takes several parts.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type FakeOpenAiServer, chunked, startFakeOpenAiServer } from '../fakes/openai-server.js';
import { FAKE_BOT_ID } from '../fakes/slack-server.js';
import { POST_SUMMARY_ACTION, SUMMARIZE_THREAD_SHORTCUT } from '../../src/bot/slack/thread-summary.js';
import { blockAction } from '../fakes/slack-events.js';
import { type HandOffServer, findAction, messageShortcut, startHandOffServer } from './hand-off-harness.js';
import { visibleText } from './slack-harness.js';
import { HANDBOOK, MODEL_TEXT } from '../fixtures/summary-handbook.js';

const ALICE = 'UALICE';
const ALICE_DM = 'D0ALICE';
const OPS = 'C0OPS';

describe('summary progress in Slack', () => {
  let llm: FakeOpenAiServer;
  let h: HandOffServer;

  beforeAll(async () => {
    llm = await startFakeOpenAiServer(() => ({ kind: 'stream', chunks: chunked(MODEL_TEXT, 8) }));
    h = await startHandOffServer({
      routes: { routes: [] },
      directory: {},
      users: { [ALICE]: { email: 'alice@corp.example', locale: 'en-US' } },
      channels: { [ALICE_DM]: [ALICE], [OPS]: [ALICE] },
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

  it('edits the status message to "Reading section n of m…" before it becomes the summary', async () => {
    await h.message({ channel: ALICE_DM, user: ALICE, text: 'summarise Office Handbook', dm: true });
    const reply = await h.slack.waitFor(
      () =>
        h.slack.messages.find(
          (m) => m.channel === ALICE_DM && m.botId === FAKE_BOT_ID && visibleText(m).includes('Summary of'),
        ),
      30_000,
    );
    const shown = visibleText(reply);
    expect(shown).toContain('Summary of “Office Handbook”');
    expect(shown).toContain('delivered within five working days');
    // Several parts were read by the model (map calls, then at least one combining call).
    expect(llm.requests.length).toBeGreaterThan(2);

    const edits = h.slack.callsTo('chat.update').filter((c) => c.args['ts'] === reply.ts);
    const reading = edits.findIndex((c) => /Reading section \d+ of \d+…/.test(String(c.args['text'])));
    expect(reading, 'a progress edit reached Slack').toBeGreaterThanOrEqual(0);
    const [, part, parts] = /Reading section (\d+) of (\d+)…/.exec(String(edits[reading]!.args['text']))!;
    expect(Number(parts)).toBeGreaterThan(1);
    expect(Number(part)).toBeLessThanOrEqual(Number(parts));
    // The summary is the last edit: no progress shows over it.
    const last = edits[edits.length - 1]!;
    expect(String(last.args['text'])).toContain('Summary of');
    expect(edits.findIndex((c) => String(c.args['text']).includes('Summary of'))).toBeGreaterThan(reading);
  });

  it('a long thread: "Post to thread" shows "Reading section n of m…" in the private summary\'s place; the shortcut shows its status alone', async () => {
    const sentence = (i: number) =>
      `Laptop order ${i + 1} for the new hires in Osaka is still waiting for the manager's approval in the HR portal, ` +
      'and the facilities team cannot deliver before the approval arrives, so the start date may move by a week. ' +
      'The supplier confirmed the stock, the price and the delivery slot for the end of the month.';
    const parent = h.slack.addUserMessage({ channel: OPS, user: ALICE, text: sentence(0) });
    for (let i = 1; i < 8; i += 1)
      h.slack.addUserMessage({ channel: OPS, user: ALICE, text: sentence(i), threadTs: parent.ts });
    const responseUrl = h.slack.responseUrl(OPS, ALICE);
    const id = responseUrl.split('/').pop();
    await h.send(
      messageShortcut({
        callbackId: SUMMARIZE_THREAD_SHORTCUT,
        user: ALICE,
        channel: OPS,
        message: { ts: parent.ts, text: parent.text, user: ALICE },
        responseUrl,
      }),
    );
    const summary = await h.slack.waitFor(
      () =>
        h.slack.ephemerals.find(
          (e) =>
            e.user === ALICE &&
            !e.deleted &&
            visibleText(e).includes('delivered within five') &&
            findAction(e.blocks, POST_SUMMARY_ACTION) !== undefined,
        ),
      30_000,
    );
    // A shortcut's response_url has no message of its own to replace: no progress through it.
    const shortcutCalls = h.slack.callsTo('response_url').filter((c) => c.args['response_url_id'] === id);
    expect(shortcutCalls.some((c) => /Reading section/.test(String(c.args['text'])))).toBe(false);

    const before = llm.requests.length;
    const postUrl = h.slack.responseUrl(OPS, ALICE);
    const postId = postUrl.split('/').pop();
    await h.send(
      blockAction({
        user: ALICE,
        channel: OPS,
        action: findAction(summary.blocks, POST_SUMMARY_ACTION)!,
        ephemeral: true,
        responseUrl: postUrl,
        messageTs: '1764900000.000200',
      }),
    );
    await h.slack.waitFor(
      () =>
        h.slack
          .thread(OPS, parent.ts)
          .find((m) => m.botId === FAKE_BOT_ID && visibleText(m).includes('delivered within five')),
      30_000,
    );
    expect(llm.requests.length - before).toBeGreaterThan(2);
    const calls = h.slack.callsTo('response_url').filter((c) => c.args['response_url_id'] === postId);
    const reading = calls.findIndex((c) => /Reading section \d+ of \d+…/.test(String(c.args['text'])));
    expect(reading, 'a progress message reached Slack').toBeGreaterThanOrEqual(0);
    // Each use replaces the message the button was on (the private summary); at most five uses.
    expect(
      calls.every((c) => c.args['replace_original'] === true || c.args['delete_original'] === true),
    ).toBe(true);
    expect(calls.length).toBeLessThanOrEqual(5);
  });
});
