/**
 * How a recovered question's answer reaches the asker: posted in the Slack thread (unless the dead
 * replica got as far as posting it), or as a card in the Teams conversation.
 */
import { webApi } from '@slack/bolt';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AnswerResult } from '../../src/core/types.js';
import { deliverActivity, teamsActivity } from '../fakes/bot-connector.js';
import { FAKE_BOT_ID, FAKE_BOT_TOKEN, FAKE_BOT_USER_ID } from '../fakes/slack-server.js';
import { ALICE, CHANNEL, type SlackHarness, startSlackHarness, visibleText } from '../bot/slack-harness.js';
import { HANA, type TeamsHarness, createPipeline, startTeams } from '../bot/teams-setup.js';
import { released } from '../../src/guardrails/checked-text.js';

function answered(questionId: string, answer: string): AnswerResult {
  return {
    questionId,
    status: 'answered',
    answer: released(answer),
    language: 'en',
    citations: [{ n: 1, title: 'VPN setup guide', source: 'it/vpn.md', docId: 'd1' }],
    verdict: { action: 'allow', findings: [], text: released(answer) },
    generator: 'extractive',
    extractive: true,
    retrievedChunkIds: ['c1'],
    latencyMs: 5,
  };
}

describe('recovered answers on Slack', () => {
  let h: SlackHarness;
  beforeAll(async () => {
    h = await startSlackHarness();
    await h.adapter.start();
  });
  afterAll(async () => {
    await h?.close();
  });

  it('posts into the question’s thread, but not when the thread already has this question’s answer', async () => {
    const asked = h.slack.addUserMessage({
      channel: CHANNEL,
      user: ALICE,
      text: `<@${FAKE_BOT_USER_ID}> VPN?`,
    });
    const target = {
      channelId: CHANNEL,
      threadId: asked.ts,
      delivery: { channel: CHANNEL, thread_ts: asked.ts, ts: asked.ts },
      asker: 'alice@corp.example',
    };
    const first = await h.adapter.delivery.deliverRecovered!({
      ...target,
      result: answered('q-1', 'Start the GlobalConnect client [1].'),
    });
    expect(first).toBe('delivered');
    const thread = () => h.slack.thread(CHANNEL, asked.ts).filter((m) => m.botId === FAKE_BOT_ID);
    expect(thread()).toHaveLength(1);
    expect(visibleText(thread()[0]!)).toContain('GlobalConnect');
    expect(visibleText(thread()[0]!)).toContain('VPN setup guide');

    // A second recovery of the same question finds the answer there.
    const again = await h.adapter.delivery.deliverRecovered!({
      ...target,
      result: answered('q-1', 'Start the GlobalConnect client [1].'),
    });
    expect(again).toBe('already_answered');
    expect(thread()).toHaveLength(1);
  });
});

describe('a recovered answer where the dead replica left a half-streamed reply', () => {
  let h: SlackHarness;
  beforeAll(async () => {
    h = await startSlackHarness();
    await h.adapter.start();
  });
  afterAll(async () => {
    await h?.close();
  });

  it('finishes that reply in place: the thread holds one answer, not a half one and a whole one', async () => {
    const asked = h.slack.addUserMessage({
      channel: CHANNEL,
      user: ALICE,
      text: `<@${FAKE_BOT_USER_ID}> VPN?`,
    });
    // What a worker killed mid-answer leaves: a stream started in the thread, never stopped.
    const api = new webApi.WebClient(FAKE_BOT_TOKEN, { slackApiUrl: h.slack.apiUrl });
    await api.chat.startStream({ channel: CHANNEL, thread_ts: asked.ts, markdown_text: 'Start the Global' });
    const thread = () => h.slack.thread(CHANNEL, asked.ts).filter((m) => m.botId === FAKE_BOT_ID);
    expect(thread().map((m) => m.streaming)).toEqual([true]);

    const outcome = await h.adapter.delivery.deliverRecovered!({
      channelId: CHANNEL,
      threadId: asked.ts,
      delivery: { channel: CHANNEL, thread_ts: asked.ts, ts: asked.ts },
      asker: 'alice@corp.example',
      result: answered('q-half', 'Start the GlobalConnect client [1].'),
    });
    expect(outcome).toBe('delivered');
    expect(thread()).toHaveLength(1);
    expect(thread()[0]!.streaming).toBe(false);
    expect(visibleText(thread()[0]!)).toContain('GlobalConnect client');
    expect(JSON.stringify(thread()[0]!.blocks)).toContain('q-half');
  });
});

describe('recovered answers on Teams', () => {
  let harness: TeamsHarness;
  let dispose: () => Promise<void>;
  let pipeline: Awaited<ReturnType<typeof createPipeline>>;
  beforeAll(async () => {
    pipeline = await createPipeline();
    dispose = pipeline.dispose;
    harness = await startTeams({
      answers: pipeline.answers,
      directory: pipeline.directory,
      claims: pipeline.store.events,
      feedback: pipeline.store.feedback,
    });
    harness.connector.addUsers([HANA]);
  });
  afterAll(async () => {
    await harness?.close();
    await dispose?.();
  });

  it('posts the answer as a card into the conversation where the question was asked', async () => {
    const activity = teamsActivity(harness.connector, {
      scope: 'personal',
      conversationId: 'a:1chat-recovered',
      from: HANA,
      text: 'How do I connect to the VPN?',
    });
    expect((await deliverActivity(harness.endpoint, activity)).status).toBe(200);
    const conversation = () => harness.connector.conversation('a:1chat-recovered');
    await harness.connector.waitFor(() => conversation().some((m) => m.attachments.length > 0));
    const [row] = await pipeline.store.db.selectFrom('questions').select(['id', 'delivery']).execute();
    const before = conversation().length;

    const outcome = await harness.teams.delivery.deliverRecovered!({
      result: answered(row!.id, 'Recovered: start the GlobalConnect client [1].'),
      delivery: JSON.parse(row!.delivery!),
      asker: 'hana@example.com',
    });
    expect(outcome).toBe('delivered');
    const posted = await harness.connector.waitFor(() => conversation()[before]);
    expect(JSON.stringify(posted.attachments)).toContain('Recovered: start the GlobalConnect client');
  });
});
