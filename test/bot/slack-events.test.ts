import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { FakeAnswers } from '../fakes/fake-answers.js';
import { eventCallback, slackSignature } from '../fakes/slack-events.js';
import { FAKE_BOT_ID, FAKE_BOT_USER_ID } from '../fakes/slack-server.js';
import {
  ALICE,
  BOB,
  CHANNEL,
  KENJI,
  OTHER_BOT,
  type SlackHarness,
  startSlackHarness,
  visibleText,
} from './slack-harness.js';

let h: SlackHarness;

beforeEach(async () => {
  h = await startSlackHarness();
  await h.adapter.start();
});

afterEach(async () => {
  await h.close();
});

/** A person writes a message in Slack: Slack stores it, then sends the event. */
function userWrites(m: {
  channel?: string;
  user?: string;
  text: string;
  threadTs?: string;
  channelType?: string;
}) {
  const message = h.slack.addUserMessage({
    channel: m.channel ?? CHANNEL,
    user: m.user ?? ALICE,
    text: m.text,
    threadTs: m.threadTs,
  });
  return {
    ts: message.ts,
    event: {
      type: 'message',
      channel: message.channel,
      channel_type: m.channelType ?? 'channel',
      user: message.user,
      text: m.text,
      ts: message.ts,
      ...(m.threadTs ? { thread_ts: m.threadTs } : {}),
      team: 'T0FAKE',
    },
  };
}

function mention(text: string, user = ALICE, threadTs?: string) {
  const written = userWrites({ text: `<@${FAKE_BOT_USER_ID}> ${text}`, user, threadTs });
  return { ...written, event: { ...written.event, type: 'app_mention' } };
}

/** Waits until the bot's reply in the thread is final (carries the feedback buttons or is a notice). */
async function finalReply(
  threadTs: string,
  channel = CHANNEL,
  predicate: (text: string) => boolean = () => true,
) {
  return h.slack.waitFor(() =>
    h.slack
      .thread(channel, threadTs)
      .find(
        (m) => m.botId === FAKE_BOT_ID && !m.streaming && m.blocks.length > 0 && predicate(visibleText(m)),
      ),
  );
}

describe('Slack events over HTTP', () => {
  it('answers a mention in its thread: loading status, streamed text, then sources and feedback buttons', async () => {
    const { ts, event } = mention('How do I connect to the VPN?');
    const response = await h.send(eventCallback(event));
    expect(response.status).toBe(200);

    const reply = await finalReply(ts);
    expect(reply.threadTs).toBe(ts);
    const text = visibleText(reply);
    expect(text).toContain('How do I connect to the VPN?');
    expect(text).toContain('<https://intranet.example/it/vpn|VPN setup guide>');
    expect(text).toContain('Remote work policy');
    expect(text).toContain('no AI model wrote this');
    expect(JSON.stringify(reply.blocks)).toContain('"type":"feedback_buttons"');

    const status = h.slack.callsTo('assistant.threads.setStatus')[0]!;
    expect(status.args).toMatchObject({
      channel_id: CHANNEL,
      thread_ts: ts,
      status: 'Searching the knowledge base…',
    });
    expect(h.slack.callsTo('chat.startStream')[0]!.args).toMatchObject({
      channel: CHANNEL,
      thread_ts: ts,
      recipient_user_id: ALICE,
    });
    expect(h.slack.callsTo('chat.stopStream')).toHaveLength(1);
    expect(h.slack.botMessages(CHANNEL)).toHaveLength(1);
  });

  it('writes the answer for every member of the channel, bots excluded', async () => {
    const { ts, event } = mention('Who can read this?');
    await h.send(eventCallback(event));
    await finalReply(ts);
    const asked = (h.answers as FakeAnswers).questions[0]!;
    expect(asked.text).toBe('Who can read this?');
    expect(asked.asker).toMatchObject({
      email: 'alice@corp.example',
      groups: ['all', 'hr'],
      locale: 'en-US',
    });
    expect(asked.place.readers.map((r) => r.email).sort()).toEqual([
      'alice@corp.example',
      'bob@corp.example',
      'kenji@corp.example',
    ]);
    expect(asked.place).toMatchObject({
      platform: 'slack',
      kind: 'channel',
      channelId: CHANNEL,
      threadId: ts,
    });
    expect(asked.place.delivery).toMatchObject({ channel: CHANNEL, thread_ts: ts });
  });

  it('falls back to editing one message when the workspace refuses native streaming', async () => {
    h.slack.disable('chat.startStream', 'not_allowed');
    const { ts, event } = mention('Streaming is off');
    await h.send(eventCallback(event));
    const reply = await finalReply(ts, CHANNEL, (text) => text.includes('VPN setup guide'));
    expect(visibleText(reply)).toContain('Streaming is off');
    expect(h.slack.callsTo('chat.update').length).toBeGreaterThan(0);
    expect(h.slack.botMessages(CHANNEL)).toHaveLength(1);
  });

  it('shows a placeholder message where the loading status is unavailable, and replaces it with the answer', async () => {
    h.slack.disable('assistant.threads.setStatus', 'missing_scope');
    const { ts, event } = mention('No AI features here');
    await h.send(eventCallback(event));
    const reply = await finalReply(ts, CHANNEL, (text) => text.includes('VPN setup guide'));
    const first = h.slack.callsTo('chat.postMessage')[0]!;
    expect(first.args).toMatchObject({ thread_ts: ts, text: 'Searching the knowledge base…' });
    expect(h.slack.botMessages(CHANNEL)).toEqual([reply]);
    expect(h.slack.callsTo('chat.startStream')).toHaveLength(0);
  });

  it('answers a direct message for the asker alone, in the asker’s language', async () => {
    const dm = 'D0KENJI';
    const { ts, event } = userWrites({
      channel: dm,
      user: KENJI,
      text: 'VPNの設定方法は？',
      channelType: 'im',
    });
    await h.send(eventCallback(event));
    const reply = await h.slack.waitFor(() =>
      h.slack.botMessages(dm).find((m) => m.blocks.length > 0 && !m.streaming),
    );
    expect(reply.threadTs).toBeUndefined();
    expect(visibleText(reply)).toContain('出典');
    const asked = (h.answers as FakeAnswers).questions[0]!;
    expect(asked.place.kind).toBe('dm');
    expect(asked.place.readers.map((r) => r.email)).toEqual(['kenji@corp.example']);
    expect(h.slack.callsTo('chat.postMessage')[0]!.args['text']).toBe('ナレッジベースを検索しています…');
    expect(ts).toBeTruthy();
  });

  it('takes a follow-up in its thread without a new mention, with the thread as history', async () => {
    const first = mention('How do I connect to the VPN?');
    await h.send(eventCallback(first.event));
    await finalReply(first.ts);

    const followUp = userWrites({ text: 'And on my phone?', threadTs: first.ts, user: BOB });
    await h.send(eventCallback(followUp.event));
    await h.slack.waitFor(
      () => (h.answers as FakeAnswers).questions.length === 2 && h.slack.botMessages(CHANNEL).length === 2,
    );
    const asked = (h.answers as FakeAnswers).questions[1]!;
    expect(asked.text).toBe('And on my phone?');
    expect(asked.history[0]).toEqual({ role: 'user', text: 'How do I connect to the VPN?' });
    expect(asked.history[1]!.role).toBe('assistant');
    expect(asked.history[1]!.text).toContain('connect with the VPN client');
    const second = await finalReply(first.ts, CHANNEL, (text) => text.includes('And on my phone?'));
    expect(second.threadTs).toBe(first.ts);
  });

  it('stays out of threads it is not part of, and ignores plain channel messages', async () => {
    const parent = userWrites({ text: 'Lunch?' });
    const reply = userWrites({ text: 'Sure', threadTs: parent.ts, user: BOB });
    expect((await h.send(eventCallback(parent.event))).status).toBe(200);
    expect((await h.send(eventCallback(reply.event))).status).toBe(200);
    await h.slack.waitFor(() => h.slack.callsTo('conversations.replies').length === 1);
    const marker = mention('marker question');
    await h.send(eventCallback(marker.event));
    await finalReply(marker.ts);
    expect((h.answers as FakeAnswers).questions.map((q) => q.text)).toEqual(['marker question']);
  });

  it('answers once when Slack retries an event or delivers it as both app_mention and message', async () => {
    const { ts, event } = mention('Exactly once please');
    const post = eventCallback(event, 'Ev0DUPLICATE');
    await h.send(post);
    await h.send({ ...post, retryNum: 1 });
    await h.send({ ...post, retryNum: 2 });
    await h.send(eventCallback({ ...event, type: 'message', channel_type: 'channel' }, 'Ev0OTHER'));
    await finalReply(ts);
    const marker = mention('marker question');
    await h.send(eventCallback(marker.event));
    await finalReply(marker.ts);
    expect((h.answers as FakeAnswers).questions.map((q) => q.text)).toEqual([
      'Exactly once please',
      'marker question',
    ]);
    expect(h.slack.thread(CHANNEL, ts).filter((m) => m.botId)).toHaveLength(1);
  });

  it('ignores its own messages and other bots', async () => {
    const own = {
      type: 'message',
      channel: CHANNEL,
      channel_type: 'im',
      user: FAKE_BOT_USER_ID,
      bot_id: FAKE_BOT_ID,
      text: 'hi',
      ts: h.slack.nextTs(),
    };
    const otherBot = {
      type: 'message',
      subtype: 'bot_message',
      channel: 'D0X',
      channel_type: 'im',
      bot_id: 'B0OTHER',
      user: OTHER_BOT,
      text: 'ping',
      ts: h.slack.nextTs(),
    };
    const edit = {
      type: 'message',
      subtype: 'message_changed',
      channel: 'D0X',
      channel_type: 'im',
      ts: h.slack.nextTs(),
    };
    for (const event of [own, otherBot, edit]) expect((await h.send(eventCallback(event))).status).toBe(200);
    const marker = mention('marker question');
    await h.send(eventCallback(marker.event));
    await finalReply(marker.ts);
    expect((h.answers as FakeAnswers).questions.map((q) => q.text)).toEqual(['marker question']);
  });

  it('rejects a forged or stale signature with 401 and posts nothing', async () => {
    const { event } = mention('Forged question');
    const forged = await h.send({ ...eventCallback(event), secret: 'not-the-secret' });
    expect(forged.status).toBe(401);
    const stale = await h.send({ ...eventCallback(event), timestamp: Math.floor(Date.now() / 1000) - 600 });
    expect(stale.status).toBe(401);
    const post = eventCallback(event);
    const unsigned = await fetch(h.eventsUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: post.body,
    });
    expect(unsigned.status).toBe(401);
    const tampered = await fetch(h.eventsUrl, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'x-slack-request-timestamp': String(Math.floor(Date.now() / 1000)),
        'x-slack-signature': slackSignature(
          'test-signing-secret-0123456789abcdef',
          Math.floor(Date.now() / 1000),
          post.body,
        ),
      },
      body: post.body.replace('Forged', 'Tampered'),
    });
    expect(tampered.status).toBe(401);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(h.slack.calls.filter((c) => c.method !== 'auth.test')).toEqual([]);
    expect((h.answers as FakeAnswers).questions).toEqual([]);
  });

  it('answers the url_verification challenge', async () => {
    const response = await h.send({
      contentType: 'application/json',
      body: JSON.stringify({ type: 'url_verification', challenge: 'abc123', token: 'x' }),
    });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ challenge: 'abc123' });
  });
});
