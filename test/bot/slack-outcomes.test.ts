import { afterEach, describe, expect, it } from 'vitest';
import type { AnswerService } from '../../src/answer/ports.js';
import type { AnswerResult } from '../../src/core/types.js';
import type { SlackDelivery } from '../../src/bot/slack/answer-message.js';
import { ConfigError } from '../../src/core/errors.js';
import { type FakeAnswers, FAKE_CITATIONS } from '../fakes/fake-answers.js';
import { eventCallback } from '../fakes/slack-events.js';
import { FAKE_BOT_ID, FAKE_BOT_USER_ID } from '../fakes/slack-server.js';
import { ALICE, CHANNEL, KENJI, type SlackHarness, startSlackHarness, visibleText } from './slack-harness.js';
import { released } from '../../src/guardrails/checked-text.js';

let h: SlackHarness | undefined;

const ANSWERED: AnswerResult = {
  questionId: 'q',
  status: 'answered',
  answer: released(''),
  language: 'en',
  citations: [],
  verdict: { action: 'allow', findings: [], text: released('') },
  generator: 'test',
  extractive: false,
  retrievedChunkIds: [],
  latencyMs: 1,
};

afterEach(async () => {
  await h?.close();
  h = undefined;
});

async function started(): Promise<SlackHarness> {
  h = await startSlackHarness();
  await h.adapter.start();
  return h;
}

function mention(harness: SlackHarness, text: string, user = ALICE) {
  const message = harness.slack.addUserMessage({
    channel: CHANNEL,
    user,
    text: `<@${FAKE_BOT_USER_ID}> ${text}`,
  });
  const event = {
    type: 'app_mention',
    channel: CHANNEL,
    user,
    text: message.text,
    ts: message.ts,
    team: 'T0FAKE',
  };
  return { ts: message.ts, post: eventCallback(event) };
}

function botReplies(harness: SlackHarness, ts: string) {
  return harness.slack.thread(CHANNEL, ts).filter((m) => m.botId === FAKE_BOT_ID);
}

describe('Slack outcomes other than a plain answer', () => {
  it('tells the thread a held answer awaits review, then posts it there once approved', async () => {
    const harness = await started();
    const { ts, post } = mention(harness, 'HOLD: salary bands for 2027?', KENJI);
    await harness.send(post);
    const notice = await harness.slack.waitFor(() =>
      botReplies(harness, ts).find((m) => visibleText(m).includes('管理者の確認が必要です')),
    );
    // The streamed draft was replaced by the notice: nothing of the held text stays visible.
    expect(botReplies(harness, ts)).toEqual([notice]);
    expect(visibleText(notice)).not.toContain('salary bands');

    const asked = (harness.answers as FakeAnswers).questions[0]!;
    const delivery = asked.place.delivery as SlackDelivery;
    await harness.adapter.delivery.deliverApproved({
      reviewId: 'r1',
      questionId: 'q1',
      text: released('The approved answer [1].'),
      language: 'ja',
      citations: FAKE_CITATIONS,
      channelId: asked.place.channelId,
      threadId: asked.place.threadId,
      delivery: JSON.parse(JSON.stringify(delivery)),
      asker: 'kenji@corp.example',
    });
    const replies = botReplies(harness, ts);
    expect(replies).toHaveLength(2);
    expect(replies[1]!.threadTs).toBe(ts);
    expect(visibleText(replies[1]!)).toContain('The approved answer [1].');
    expect(visibleText(replies[1]!)).toContain('管理者が確認し、承認した回答です');
    expect(visibleText(replies[1]!)).toContain('VPN setup guide');

    await harness.adapter.delivery.deliverRejected({
      reviewId: 'r1',
      questionId: 'q1',
      language: 'en',
      delivery,
      asker: 'kenji@corp.example',
    });
    expect(visibleText(botReplies(harness, ts)[2]!)).toContain('decided not to share it');
  });

  it('apologises in the thread when the generator is busy or down', async () => {
    const harness = await started();
    const busy = mention(harness, 'BUSY now?');
    const failed = mention(harness, 'FAIL now?');
    await harness.send(busy.post);
    await harness.send(failed.post);
    const busyReply = await harness.slack.waitFor(() => botReplies(harness, busy.ts)[0]);
    const failedReply = await harness.slack.waitFor(() => botReplies(harness, failed.ts)[0]);
    expect(visibleText(busyReply)).toContain('please try again in a minute');
    expect(visibleText(failedReply)).toContain('something went wrong');
  });

  it('apologises when the pipeline throws instead of returning a result', async () => {
    h = await startSlackHarness({
      answers: {
        ask: async () => {
          throw new Error('database gone');
        },
      },
    });
    await h.adapter.start();
    const { ts, post } = mention(h, 'Anything?');
    await h.send(post);
    const harness = h;
    const reply = await harness.slack.waitFor(() => botReplies(harness, ts).find((m) => m.blocks.length > 0));
    expect(visibleText(reply)).toContain('something went wrong');
  });

  it('waits out a 429 with Retry-After and still posts the answer', async () => {
    const harness = await started();
    harness.slack.disable('assistant.threads.setStatus');
    harness.slack.failNext('chat.postMessage', { status: 429, retryAfter: 1 });
    const { ts, post } = mention(harness, 'Rate limited?');
    await harness.send(post);
    const reply = await harness.slack.waitFor(() =>
      botReplies(harness, ts).find((m) => visibleText(m).includes('VPN setup guide')),
    );
    expect(visibleText(reply)).toContain('Rate limited?');
    expect(harness.slack.callsTo('chat.postMessage').length).toBeGreaterThanOrEqual(2);
    expect(botReplies(harness, ts)).toHaveLength(1);
  });

  it('splits a long answer into messages within Slack limits', async () => {
    const harness = await started();
    harness.slack.disable('chat.startStream');
    const { ts, post } = mention(harness, 'LONG answer please');
    await harness.send(post);
    await harness.slack.waitFor(() =>
      botReplies(harness, ts).some((m) => visibleText(m).includes('VPN setup guide')),
    );
    const replies = botReplies(harness, ts);
    expect(replies.length).toBeGreaterThan(1);
    for (const message of replies) {
      expect(message.blocks.length).toBeLessThanOrEqual(50);
      expect(message.text.length).toBeLessThanOrEqual(40_000);
      for (const block of message.blocks as Array<{ text?: { text: string } }>) {
        expect(block.text?.text.length ?? 0).toBeLessThanOrEqual(3_000);
      }
    }
    const all = replies.map(visibleText).join('\n');
    expect(all).toContain('Paragraph 1 of the long answer');
    expect(all).toContain('Paragraph 2000 of the long answer');
  });

  it('shows the final text when it no longer extends what was streamed (e.g. a late redaction)', async () => {
    const answers: AnswerService = {
      async ask(_question, options) {
        options?.onProgress?.({ type: 'started', questionId: 'q-redact', language: 'en' });
        options?.onProgress?.({ type: 'text', text: released('The door code is 4711') });
        await new Promise((resolve) => setTimeout(resolve, 20));
        options?.onProgress?.({
          type: 'text',
          text: released('The door code is 4711 and the office opens at 9.'),
        });
        await new Promise((resolve) => setTimeout(resolve, 20));
        const answer = released('The door code is [secret removed] and the office opens at 9.');
        return {
          ...ANSWERED,
          questionId: 'q-redact',
          answer,
          verdict: { action: 'redact', findings: [], text: answer },
        };
      },
    };
    h = await startSlackHarness({ answers });
    await h.adapter.start();
    const harness = h;
    const { ts, post } = mention(harness, 'Door code?');
    await harness.send(post);
    const reply = await harness.slack.waitFor(() =>
      botReplies(harness, ts).find((m) => !m.streaming && visibleText(m).includes('[secret removed]')),
    );
    expect(visibleText(reply)).not.toContain('4711');
    expect(botReplies(harness, ts)).toHaveLength(1);
  });

  it('falls back to plain feedback buttons when Slack rejects feedback_buttons', async () => {
    const harness = await started();
    harness.slack.failNext('chat.stopStream', { error: 'invalid_blocks' });
    const { ts, post } = mention(harness, 'Old workspace?');
    await harness.send(post);
    const reply = await harness.slack.waitFor(() =>
      botReplies(harness, ts).find((m) => !m.streaming && m.blocks.length > 0),
    );
    const json = JSON.stringify(reply.blocks);
    expect(json).not.toContain('feedback_buttons');
    expect(json).toContain('"action_id":"polydesk_feedback_up"');
    expect(reply.text).toBe(
      '**Answer** to "Old workspace?": connect with the VPN client [1], then follow the remote work policy [2].',
    );
  });

  it('resolves the readers of a large channel with a few users.list pages instead of a users.info per member', async () => {
    h = await startSlackHarness({ people: { bulkThreshold: 2 } });
    await h.adapter.start();
    const harness = h;
    const { ts, post } = mention(harness, 'Who reads this?');
    await harness.send(post);
    await harness.slack.waitFor(() =>
      botReplies(harness, ts).find((m) => !m.streaming && m.blocks.length > 0),
    );
    const asked = (harness.answers as FakeAnswers).questions[0]!;
    expect(asked.place.readers.map((r) => r.email).sort()).toEqual([
      'alice@corp.example',
      'bob@corp.example',
      'kenji@corp.example',
    ]);
    expect(harness.slack.callsTo('users.list').length).toBeGreaterThan(0);
    expect(harness.slack.callsTo('users.info').map((c) => c.args['user'])).toEqual([ALICE]);
  });

  it('fails to start with a clear message when Slack rejects the token', async () => {
    h = await startSlackHarness({ botToken: 'xoxb-revoked' });
    const error = await h.adapter.start().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as Error).message).toMatch(/^SLACK_BOT_TOKEN was rejected by Slack \(invalid_auth\)/);
  });

  it('logs the bot identity at start', async () => {
    const harness = await started();
    expect(harness.logs).toContainEqual(
      expect.objectContaining({
        event: 'slack.ready',
        fields: expect.objectContaining({ botUserId: FAKE_BOT_USER_ID, mode: 'http' }),
      }),
    );
  });
});
