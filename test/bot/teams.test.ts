import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { t } from '../../src/core/i18n.js';
import type { Store } from '../../src/store/store.js';
import {
  type ActivityInit,
  type FakeMember,
  type FakeTeamsMessage,
  type PostedActivity,
  deliverActivity,
  teamsActivity,
} from '../fakes/bot-connector.js';
import { BOB, GUEST, HANA, type TeamsHarness, createPipeline, startTeams } from './teams-setup.js';
import { released } from '../../src/guardrails/checked-text.js';

let harness: TeamsHarness;
let store: Store;
let dispose: () => Promise<void>;

/**
 * Paces the answer's pieces by what Teams received, not by the clock: the next piece is written once
 * the connector got another activity (the previous piece, streamed), or after 2 s in a group chat
 * where nothing streams. A busy machine then cannot merge the pieces into one update.
 */
function piecePosted(): Promise<void> {
  const before = harness.connector.posted.length;
  const started = Date.now();
  return new Promise((resolve) => {
    const poll = setInterval(() => {
      if (harness.connector.posted.length > before || Date.now() - started > 2_000) {
        clearInterval(poll);
        resolve();
      }
    }, 10);
  });
}

beforeAll(async () => {
  const pipeline = await createPipeline({ pace: piecePosted });
  store = pipeline.store;
  dispose = pipeline.dispose;
  harness = await startTeams({
    answers: pipeline.answers,
    directory: pipeline.directory,
    claims: store.events,
    feedback: store.feedback,
  });
  harness.connector.addMembers('team-1', [HANA, BOB]);
  harness.connector.addUsers([HANA, BOB, GUEST]);
});

afterAll(async () => {
  await harness?.close();
  await dispose?.();
});

/** The Adaptive Card of a message, as JSON text and as the object Teams renders. */
function cardOf(message: FakeTeamsMessage): {
  json: string;
  card: { body: { text?: string }[]; actions: { data: Record<string, string> }[] };
} {
  const attachment = message.attachments.find(
    (a) => a['contentType'] === 'application/vnd.microsoft.card.adaptive',
  );
  expect(attachment, 'the message carries an Adaptive Card').toBeDefined();
  const card = attachment!['content'] as {
    body: { text?: string }[];
    actions: { data: Record<string, string> }[];
  };
  return { json: JSON.stringify(card), card };
}

function conversationOf(activity: Record<string, unknown>): string {
  return (activity['conversation'] as { id: string }).id;
}

let chats = 0;

/** A question in a new 1:1 chat (no earlier turns to follow up on). */
function personal(
  from: FakeMember,
  text: string,
  extra: Partial<ActivityInit> = {},
): Record<string, unknown> {
  chats += 1;
  return teamsActivity(harness.connector, {
    scope: 'personal',
    conversationId: `a:1chat-${chats}`,
    from,
    text,
    ...extra,
  });
}

/** Delivers a question and waits for the reply that ends it; `atAck` sees what was posted when the bot answered 200. */
async function ask(
  activity: Record<string, unknown>,
  atAck?: (posted: readonly PostedActivity[]) => void,
): Promise<FakeTeamsMessage> {
  const { connector, endpoint } = harness;
  const conversation = conversationOf(activity);
  const before = connector.conversation(conversation).length;
  const response = await deliverActivity(endpoint, activity);
  expect(response.status).toBe(200);
  atAck?.(connector.postedTo(conversation));
  return connector.waitFor(() => {
    const done = connector
      .conversation(conversation)
      .slice(before)
      .filter((m) => m.stream?.state !== 'streaming');
    return done.find((m) => m.attachments.length > 0 || m.text) ?? undefined;
  });
}

describe('Teams adapter with the real pipeline', () => {
  it('streams a 1:1 answer: informative update (before the 200), growing text, then the final message with the card and sources', async () => {
    const activity = personal(HANA, 'How do I connect to the VPN?');
    const message = await ask(activity, (shownAtAck) =>
      expect(shownAtAck[0]?.activity['type']).toBe('typing'),
    );

    expect(message.stream?.state).toBe('final');
    expect(message.stream?.informative[0]).toBe(t('en', 'searching'));
    expect(message.stream?.chunks.length).toBeGreaterThanOrEqual(2);
    expect(message.stream!.chunks[0]!.length).toBeLessThan(message.stream!.chunks.at(-1)!.length);
    expect(message.text).toContain('GlobalConnect');
    const { card, json } = cardOf(message);
    expect(json).toContain('VPN setup guide');
    expect(json).toContain('https://intranet.example/it/vpn');
    expect(json).toContain(t('en', 'extractive.note'));
    expect(card.actions.map((a) => a.data['rating'] ?? a.data['action'])).toEqual([
      'up',
      'down',
      'polydesk_summarize',
    ]);
    expect(harness.connector.protocolErrors).toEqual([]);
    for (const post of harness.connector.postedTo(conversationOf(activity)))
      expect(post.replyToId).toBe(activity['id']);
  });

  it('answers an @mention in a channel in the reply thread, with a typing indicator (before the 200) and the mention removed', async () => {
    const activity = teamsActivity(harness.connector, {
      scope: 'channel',
      from: BOB,
      teamId: 'team-1',
      mentionBot: true,
      text: 'how many days of paid leave do we get?',
    });
    const thread = conversationOf(activity);
    expect(thread).toContain(`;messageid=${activity['id']}`);
    const message = await ask(activity, (shownAtAck) =>
      expect(shownAtAck.map((p) => p.activity['type'])).toEqual(['typing']),
    );

    expect(message.replyToId).toBe(activity['id']);
    expect(message.stream).toBeUndefined();
    const { card, json } = cardOf(message);
    expect(json).toContain('25 days');
    expect(json).toContain('Paid leave policy');
    expect(message.summary).toContain('25 days');
    const posts = harness.connector.postedTo(thread);
    expect(posts[0]?.activity['type']).toBe('typing');
    const questionId = card.actions[0]!.data['questionId']!;
    const recorded = await store.questions.get(questionId);
    expect(recorded?.text).toBe('how many days of paid leave do we get?');
  });

  it('stays silent in a channel when it is not mentioned, and reduces other mentions to names', async () => {
    const silent = teamsActivity(harness.connector, {
      scope: 'channel',
      from: BOB,
      teamId: 'team-1',
      text: 'VPN is down again?',
    });
    expect((await deliverActivity(harness.endpoint, silent)).status).toBe(200);
    await harness.teams.idle();
    expect(harness.connector.postedTo(conversationOf(silent))).toEqual([]);

    const withOthers = teamsActivity(harness.connector, {
      scope: 'groupChat',
      conversationId: '19:group-leave@thread.v2',
      from: HANA,
      mentionBot: true,
      mentions: [BOB],
      text: 'can <at>Bob Lee</at> carry over unused leave days?',
    });
    harness.connector.addMembers('19:group-leave@thread.v2', [HANA, BOB]);
    const message = await ask(withOthers);
    const questionId = cardOf(message).card.actions[0]!.data['questionId']!;
    expect((await store.questions.get(questionId))?.text).toBe('can Bob Lee carry over unused leave days?');
  });

  it('uses only what every member of the chat may read: the HR-only document stays out of a mixed channel', async () => {
    const question = 'What is the salary band for senior engineers?';
    const inChannel = await ask(
      teamsActivity(harness.connector, {
        scope: 'channel',
        from: HANA,
        teamId: 'team-1',
        mentionBot: true,
        text: question,
      }),
    );
    expect(JSON.stringify(inChannel)).not.toContain('90000');

    const alone = await ask(personal(HANA, question));
    expect(alone.text).toContain('90000');
    expect(cardOf(alone).json).toContain('Salary bands');

    const bob = await ask(personal(BOB, question));
    expect(JSON.stringify(bob)).not.toContain('90000');
  });

  it('treats a user without an e-mail as a member of the default groups only', async () => {
    const message = await ask(personal(GUEST, 'What is the salary band for senior engineers?'));
    expect(JSON.stringify(message)).not.toContain('90000');
  });

  it('records 👍 from the Universal Action with a private thanks, 👎 from the Action.Submit fallback, nothing for an unknown answer', async () => {
    const message = await ask(personal(HANA, 'What is the VPN gateway address?'));
    const questionId = cardOf(message).card.actions[0]!.data['questionId']!;
    const before = await store.feedback.summary();

    const invoke = teamsActivity(harness.connector, {
      scope: 'personal',
      from: HANA,
      type: 'invoke',
      name: 'adaptiveCard/action',
      value: {
        action: {
          type: 'Action.Execute',
          verb: 'polydesk.feedback',
          data: { action: 'polydesk.feedback', questionId, rating: 'up' },
        },
        trigger: 'manual',
      },
    });
    const response = await deliverActivity(harness.endpoint, invoke);
    expect(response.status).toBe(200);
    expect(response.body).toEqual({
      statusCode: 200,
      type: 'application/vnd.microsoft.activity.message',
      value: t('en', 'feedbackThanks'),
    });

    const submit = teamsActivity(harness.connector, {
      scope: 'personal',
      from: BOB,
      locale: 'ja-JP',
      value: { action: 'polydesk.feedback', questionId, rating: 'down' },
    });
    expect((await deliverActivity(harness.endpoint, submit)).status).toBe(200);
    const thanks = await harness.connector.waitFor(() =>
      harness.connector
        .conversation(conversationOf(submit))
        .find((m) => m.text === t('ja', 'feedbackThanks')),
    );
    expect(thanks.replyToId).toBe(submit['id']);
    expect(await store.feedback.summary()).toEqual({ up: before.up + 1, down: before.down + 1 });

    const forged = teamsActivity(harness.connector, {
      scope: 'personal',
      from: HANA,
      type: 'invoke',
      name: 'adaptiveCard/action',
      value: {
        action: {
          type: 'Action.Execute',
          verb: 'polydesk.feedback',
          data: { action: 'polydesk.feedback', questionId: 'no-such-question', rating: 'up' },
        },
      },
    });
    const refused = await deliverActivity(harness.endpoint, forged);
    expect(refused.status).toBe(200);
    expect(refused.body).toMatchObject({ value: t('en', 'failed') });
    expect(await store.feedback.summary()).toEqual({ up: before.up + 1, down: before.down + 1 });
  });

  it('holds a flagged answer with a notice, then delivers it proactively into the conversation when approved', async () => {
    const activity = personal(HANA, 'When is the payroll cutoff and how do payroll corrections work?');
    const notice = await ask(activity);
    expect(notice.text).toBe(t('en', 'held'));
    expect(notice.attachments).toEqual([]);
    expect(JSON.stringify(notice)).not.toContain('finance portal');

    const reviews = await store.reviews.list({ status: 'pending', limit: 50, offset: 0 });
    const review = reviews.find(
      (r) => r.question === 'When is the payroll cutoff and how do payroll corrections work?',
    );
    expect(review).toBeDefined();
    const conversation = conversationOf(activity);
    const count = harness.connector.conversation(conversation).length;
    await harness.teams.delivery.deliverApproved({
      reviewId: review!.id,
      questionId: review!.questionId,
      text: released(review!.originalText),
      language: review!.language,
      citations: review!.citations,
      channelId: review!.channelId,
      threadId: review!.threadId,
      delivery: review!.delivery,
      asker: review!.asker,
    });
    const delivered = harness.connector.conversation(conversation)[count];
    expect(delivered?.replyToId).toBe(activity['id']);
    const { json } = cardOf(delivered!);
    expect(json).toContain(t('en', 'approved'));
    expect(json).toContain('finance portal');
    expect(json).toContain('Payroll calendar');

    await harness.teams.delivery.deliverRejected({
      reviewId: review!.id,
      questionId: review!.questionId,
      language: 'ja',
      delivery: review!.delivery,
      asker: review!.asker,
    });
    expect(harness.connector.conversation(conversation)[count + 1]?.text).toBe(t('ja', 'rejected'));
  });

  it('answers a re-delivered activity only once', async () => {
    const activity = personal(BOB, 'How do I connect to the VPN?');
    const conversation = conversationOf(activity);
    const before = harness.connector.conversation(conversation).length;
    const responses = await Promise.all([1, 2, 3].map(() => deliverActivity(harness.endpoint, activity)));
    expect(responses.map((r) => r.status)).toEqual([200, 200, 200]);
    await harness.teams.idle();
    await deliverActivity(harness.endpoint, activity);
    await harness.teams.idle();
    const answers = harness.connector.conversation(conversation).slice(before);
    expect(answers).toHaveLength(1);
    expect(answers[0]?.text).toContain('GlobalConnect');
  });
});
