import { afterEach, describe, expect, it } from 'vitest';
import type { FakeAnswers } from '../fakes/fake-answers.js';
import { blockAction, eventCallback, slashCommand } from '../fakes/slack-events.js';
import { FAKE_BOT_ID, FAKE_BOT_USER_ID } from '../fakes/slack-server.js';
import { ALICE, CHANNEL, KENJI, type SlackHarness, startSlackHarness, visibleText } from './slack-harness.js';
import { released } from '../../src/guardrails/checked-text.js';

let h: SlackHarness;

afterEach(async () => {
  await h.close();
});

async function started(options: Parameters<typeof startSlackHarness>[0] = {}): Promise<SlackHarness> {
  h = await startSlackHarness(options);
  await h.adapter.start();
  return h;
}

/** The first element with this action_id in a message's blocks. */
function findAction(blocks: unknown[], actionId: string): Record<string, unknown> | undefined {
  for (const block of blocks as Array<{ elements?: Array<Record<string, unknown>> }>) {
    const found = block.elements?.find((e) => e['action_id'] === actionId);
    if (found) return found;
  }
  return undefined;
}

describe('Slack slash command, buttons and the assistant panel', () => {
  it('/ask answers privately with a share button; sharing posts it in the channel for everyone', async () => {
    await started();
    const responseUrl = h.slack.responseUrl(CHANNEL, ALICE);
    const post = slashCommand({
      command: '/ask',
      text: 'Where is the VPN guide?',
      user_id: ALICE,
      channel_id: CHANNEL,
      response_url: responseUrl,
    });
    const response = await h.send(post);
    expect(response.status).toBe(200);

    const ephemeral = await h.slack.waitFor(() =>
      h.slack.ephemerals.find((e) => visibleText(e).includes('VPN setup guide')),
    );
    expect(ephemeral.user).toBe(ALICE);
    expect(h.slack.ephemerals).toHaveLength(1);
    expect(h.slack.callsTo('response_url')[0]!.args['text']).toBe('Searching the knowledge base…');
    expect(h.slack.botMessages(CHANNEL)).toHaveLength(0);
    const asked = (h.answers as FakeAnswers).questions[0]!;
    expect(asked.place.readers.map((r) => r.email).sort()).toEqual([
      'alice@corp.example',
      'bob@corp.example',
      'kenji@corp.example',
    ]);

    const share = findAction(ephemeral.blocks, 'polydesk_share')!;
    expect(share).toMatchObject({ type: 'button', text: { text: 'Share in channel' } });
    await h.send(blockAction({ user: ALICE, channel: CHANNEL, action: share, responseUrl, ephemeral: true }));
    const shared = await h.slack.waitFor(() => h.slack.botMessages(CHANNEL)[0]);
    expect(visibleText(shared)).toContain('Where is the VPN guide?');
    expect(visibleText(shared)).toContain(`<@${ALICE}>`);
    expect(visibleText(shared)).toContain('VPN setup guide');
    expect(findAction(shared.blocks, 'polydesk_share')).toBeUndefined();
    await h.slack.waitFor(() => ephemeral.deleted);
  });

  it('/ask in a DM answers for the asker alone, without a share button', async () => {
    await started();
    const responseUrl = h.slack.responseUrl('D0ALICE', ALICE);
    await h.send(
      slashCommand({
        command: '/ask',
        text: 'My leave balance?',
        user_id: ALICE,
        channel_id: 'D0ALICE',
        channel_name: 'directmessage',
        response_url: responseUrl,
      }),
    );
    const ephemeral = await h.slack.waitFor(() =>
      h.slack.ephemerals.find((e) => visibleText(e).includes('VPN setup guide')),
    );
    expect(findAction(ephemeral.blocks, 'polydesk_share')).toBeUndefined();
    expect((h.answers as FakeAnswers).questions[0]!.place.readers.map((r) => r.email)).toEqual([
      'alice@corp.example',
    ]);
  });

  it('records a click on the feedback buttons and thanks the user privately', async () => {
    await started();
    const message = h.slack.addUserMessage({
      channel: CHANNEL,
      user: KENJI,
      text: `<@${FAKE_BOT_USER_ID}> VPN?`,
    });
    await h.send(
      eventCallback({
        type: 'app_mention',
        channel: CHANNEL,
        user: KENJI,
        text: message.text,
        ts: message.ts,
      }),
    );
    const answer = await h.slack.waitFor(() =>
      h.slack
        .thread(CHANNEL, message.ts)
        .find((m) => m.botId === FAKE_BOT_ID && !m.streaming && m.blocks.length > 0),
    );
    const buttons = findAction(answer.blocks, 'polydesk_feedback') as { negative_button: { value: string } };
    const responseUrl = h.slack.responseUrl(CHANNEL, KENJI);
    const click = {
      type: 'feedback_buttons',
      action_id: 'polydesk_feedback',
      value: buttons.negative_button.value,
    };
    await h.send(
      blockAction({
        user: KENJI,
        channel: CHANNEL,
        action: click,
        messageTs: answer.ts,
        threadTs: message.ts,
        responseUrl,
      }),
    );

    const thanks = await h.slack.waitFor(() => h.slack.ephemerals.find((e) => e.user === KENJI));
    expect(thanks.text).toBe('フィードバックありがとうございます！');
    expect(await h.store.feedback.summary()).toEqual({ up: 0, down: 1 });
  });

  it('greets a new assistant thread with suggested prompts from the most asked questions', async () => {
    const asked: Array<[string, number]> = [];
    await started({
      popularQuestions: async (language, limit) => {
        asked.push([language, limit]);
        return [released('VPNの設定方法は？'), released('有給休暇は何日ありますか？')];
      },
    });
    const dm = 'D0KENJI';
    const threadTs = h.slack.nextTs();
    const event = {
      type: 'assistant_thread_started',
      assistant_thread: {
        user_id: KENJI,
        context: { channel_id: CHANNEL, team_id: 'T0FAKE' },
        channel_id: dm,
        thread_ts: threadTs,
      },
      event_ts: threadTs,
    };
    await h.send(eventCallback(event));
    const prompts = await h.slack.waitFor(() => h.slack.callsTo('assistant.threads.setSuggestedPrompts')[0]);
    expect(prompts.args).toMatchObject({
      channel_id: dm,
      thread_ts: threadTs,
      prompts: [
        { title: 'VPNの設定方法は？', message: 'VPNの設定方法は？' },
        { title: '有給休暇は何日ありますか？', message: '有給休暇は何日ありますか？' },
      ],
    });
    expect(asked).toEqual([['ja', 4]]);
    const greeting = h.slack.botMessages(dm)[0]!;
    expect(greeting.threadTs).toBe(threadTs);
    expect(greeting.text).toContain('こんにちは');
  });

  it('answers in the assistant thread, titles it with the first question', async () => {
    await started();
    const dm = 'D0ALICE';
    const threadTs = h.slack.nextTs();
    h.slack.addUserMessage({ channel: dm, user: FAKE_BOT_USER_ID, text: 'Hi!', ts: threadTs });
    h.slack.messages.at(-1)!.botId = FAKE_BOT_ID;
    const question = h.slack.addUserMessage({
      channel: dm,
      user: ALICE,
      text: 'How many vacation days do I have?',
      threadTs,
    });
    await h.send(
      eventCallback({
        type: 'message',
        channel: dm,
        channel_type: 'im',
        user: ALICE,
        text: question.text,
        ts: question.ts,
        thread_ts: threadTs,
      }),
    );
    const reply = await h.slack.waitFor(() =>
      h.slack
        .thread(dm, threadTs)
        .find((m) => m.botId === FAKE_BOT_ID && m.ts !== threadTs && !m.streaming && m.blocks.length > 0),
    );
    expect(visibleText(reply)).toContain('How many vacation days do I have?');
    expect(h.slack.callsTo('assistant.threads.setTitle')[0]!.args).toMatchObject({
      channel_id: dm,
      thread_ts: threadTs,
      title: 'How many vacation days do I have?',
    });
    expect(h.slack.callsTo('assistant.threads.setStatus')[0]!.args).toMatchObject({
      channel_id: dm,
      thread_ts: threadTs,
    });
    expect((h.answers as FakeAnswers).questions[0]!.place.readers.map((r) => r.email)).toEqual([
      'alice@corp.example',
    ]);
  });
});
