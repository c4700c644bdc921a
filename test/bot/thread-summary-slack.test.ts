/**
 * Summaries of Slack threads (issue 18 part 2) as `serve` wires them, over real HTTP between
 * PolyDesk and the fake Slack Web API, with the real summariser, guardrails and review store: the
 * "Summarise thread" shortcut on a thread of three pages (the latest 500 messages summarised, with a
 * note), PolyDesk's own messages left out, "Post to thread" summarised again for every member (what
 * one member may read is not posted for all), "@PolyDesk summarise this thread" in English and
 * Japanese, "… here", a held summary waiting for review and delivered to its requester alone, and a
 * channel PolyDesk is not in.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { POST_SUMMARY_ACTION, SUMMARIZE_THREAD_SHORTCUT } from '../../src/bot/slack/thread-summary.js';
import { t } from '../../src/core/i18n.js';
import { blockAction, eventCallback } from '../fakes/slack-events.js';
import { FAKE_BOT_ID, FAKE_BOT_USER_ID, type FakeEphemeral } from '../fakes/slack-server.js';
import { findAction, type HandOffServer, messageShortcut, startHandOffServer } from './hand-off-harness.js';
import { visibleText } from './slack-harness.js';

const ALICE = 'UALICE';
const BOB = 'UBOB';
const KENJI = 'UKENJI';
const OPS = 'C0OPS';
const SECRET_ROOM = 'C0SECRET';

/** What one engineer might write during an incident; the thread cycles through these. */
const LINES = [
  'The VPN gateway in Osaka stopped accepting connections at nine this morning.',
  'Restarting the GlobalConnect service on the gateway did not help.',
  'The certificate on the gateway expired last night, which explains the handshake errors.',
  'I requested a new certificate from the internal certificate authority.',
  'Users can work through the Tokyo gateway until the certificate is replaced.',
  'The new certificate is installed and the Osaka gateway accepts connections again.',
  'We will add a certificate expiry alert so that this does not happen again.',
];

describe('Summaries of Slack threads', () => {
  let h: HandOffServer;

  beforeAll(async () => {
    h = await startHandOffServer({
      routes: {
        routes: [{ name: 'helpdesk', team: 'Helpdesk', default: true, slack: { channel: 'C0HELP' } }],
      },
      directory: { hr: ['alice@corp.example'] },
      users: {
        [ALICE]: { email: 'alice@corp.example', locale: 'en-US' },
        [BOB]: { email: 'bob@corp.example', locale: 'en-GB' },
        [KENJI]: { email: 'kenji@corp.example', locale: 'ja-JP' },
      },
      channels: { [OPS]: [ALICE, BOB, KENJI], C0HELP: [BOB] },
      documents: {
        'knowledge/hr/salary-bands.md': {
          text: '---\ntitle: Salary bands 2027\n---\n# Salary bands\n\nThe salary band for senior engineers goes from 90000 to 120000 euros per year, reviewed every April.\n',
          audience: ['hr'],
          classification: 'confidential',
        },
      },
    });
    for (const [id, name] of [
      [ALICE, 'Alice Martin'],
      [BOB, 'Bob Lee'],
      [KENJI, 'Kenji Sato'],
    ] as const)
      h.slack.addUser({ ...h.slack.users.get(id)!, name });
    h.slack.channelNames.set(OPS, 'ops');
    // A private channel PolyDesk was never added to.
    h.slack.addChannel(SECRET_ROOM, [ALICE, BOB]);
  });
  afterAll(async () => {
    await h?.close();
  });

  const ephemeralsOf = (user: string, channel: string) =>
    h.slack.ephemerals.filter((e) => e.user === user && e.channel === channel && !e.deleted);
  const botMessagesIn = (channel: string, threadTs: string) =>
    h.slack.thread(channel, threadTs).filter((m) => m.botId === FAKE_BOT_ID);
  const withButton = (e: FakeEphemeral) => findAction(e.blocks, POST_SUMMARY_ACTION) !== undefined;

  /** A thread of people's messages (its parent first); returns the parent's ts. */
  function thread(channel: string, messages: readonly { user: string; text: string }[]): string {
    const [first, ...rest] = messages;
    const parent = h.slack.addUserMessage({ channel, ...first! });
    for (const m of rest) h.slack.addUserMessage({ channel, ...m, threadTs: parent.ts });
    return parent.ts;
  }

  function shortcut(
    user: string,
    channel: string,
    parentTs: string,
    responseUrl = h.slack.responseUrl(channel, user),
  ) {
    const parent = h.slack.messages.find((m) => m.ts === parentTs)!;
    return h.send(
      messageShortcut({
        callbackId: SUMMARIZE_THREAD_SHORTCUT,
        user,
        channel,
        message: { ts: parent.ts, text: parent.text, user: parent.user },
        responseUrl,
      }),
    );
  }

  it('summarises the latest 500 messages of a long thread, read page by page, to the requester alone; "Post to thread" posts it for everyone', async () => {
    const people = [ALICE, BOB, KENJI];
    const parentTs = thread(
      OPS,
      Array.from({ length: 520 }, (_, i) => ({
        user: people[i % 3]!,
        text: `${LINES[i % LINES.length]} (${i + 1})`,
      })),
    );
    // PolyDesk's own earlier answers in the thread, and another app's alert.
    for (let i = 0; i < 3; i++)
      h.slack.addBotMessage({
        channel: OPS,
        botId: FAKE_BOT_ID,
        username: 'PolyDesk',
        text: 'An earlier PolyDesk answer.',
        threadTs: parentTs,
      });
    h.slack.addBotMessage({
      channel: OPS,
      botId: 'BMONITOR',
      username: 'Monitoring',
      text: 'ALERT resolved: vpn-osaka handshake success rate back to 100%.',
      threadTs: parentTs,
    });
    const repliesBefore = h.slack.callsTo('conversations.replies').length;
    const botBefore = botMessagesIn(OPS, parentTs).length;

    const response = await shortcut(ALICE, OPS, parentTs);
    expect(response.status).toBe(200);
    const summary = await h.slack.waitFor(() => ephemeralsOf(ALICE, OPS).find(withButton), 30_000);

    // Read in pages of 200 by cursor: 524 messages are three pages.
    const reads = h.slack.callsTo('conversations.replies').slice(repliesBefore);
    expect(reads.length).toBeGreaterThanOrEqual(3);
    expect(reads.slice(1).every((call) => typeof call.args['cursor'] === 'string')).toBe(true);
    // People's 520 messages and the alert count; PolyDesk's own three do not.
    const texts = ephemeralsOf(ALICE, OPS).map((e) => visibleText(e));
    expect(texts).toContain(t('en', 'thread.summarising', { count: 500 }));
    const shown = visibleText(summary);
    expect(shown).toContain(t('en', 'summary.threadHeading', { title: '#ops' }));
    expect(shown).toContain(t('en', 'thread.latestOnly', { count: 500, total: 521 }));
    expect(shown).not.toContain('An earlier PolyDesk answer');
    // Authors by name, with links to their messages.
    expect(shown).toMatch(/Alice Martin|Bob Lee|Kenji Sato/);
    expect(JSON.stringify(summary.blocks)).toContain('https://fake.slack.com/archives/C0OPS/p');
    // Nothing was posted in the thread for the others to see.
    expect(botMessagesIn(OPS, parentTs).length).toBe(botBefore);

    // "Post to thread": into the thread, for every member; the private message says it is done.
    const button = findAction(summary.blocks, POST_SUMMARY_ACTION)!;
    const responseUrl = h.slack.responseUrl(OPS, ALICE);
    // A double click on the same private summary: two actions, one post.
    const click = () =>
      blockAction({
        user: ALICE,
        channel: OPS,
        action: button,
        ephemeral: true,
        responseUrl,
        messageTs: '1764900000.000100',
      });
    const postRepliesBefore = h.slack.callsTo('conversations.replies').length;
    await Promise.all([h.send(click()), h.send(click())]);
    const posted = await h.slack.waitFor(() => botMessagesIn(OPS, parentTs)[botBefore], 30_000);
    expect(visibleText(posted)).toContain(t('en', 'summary.threadHeading', { title: '#ops' }));
    expect(visibleText(posted)).toContain(t('en', 'thread.latestOnly', { count: 500, total: 521 }));
    expect(findAction(posted.blocks, POST_SUMMARY_ACTION)).toBeUndefined();
    await h.slack.waitFor(() =>
      h.slack.calls.some(
        (c) =>
          c.method === 'response_url' &&
          c.args['response_url_id'] === responseUrl.split('/').pop() &&
          c.args['text'] === t('en', 'thread.posted'),
      ),
    );
    // The thread was read for one summary only (the second click read nothing); one message posted.
    const postReads = h.slack.callsTo('conversations.replies').slice(postRepliesBefore);
    expect(postReads.length).toBe(reads.length);
    expect(botMessagesIn(OPS, parentTs).length).toBe(botBefore + 1);
  });

  it('writes the private summary for its requester, and checks it again for every member before posting it in the thread', async () => {
    const parentTs = thread(OPS, [
      { user: BOB, text: 'What should the offer for the senior engineer candidate be?' },
      {
        user: ALICE,
        text: 'The salary band for senior engineers goes from 90000 to 120000 euros per year, reviewed every April.',
      },
      { user: BOB, text: 'Thanks, I will prepare the offer for the candidate today.' },
    ]);
    const earlier = ephemeralsOf(ALICE, OPS).length;
    await shortcut(ALICE, OPS, parentTs);
    // Alice (HR) may read the salary bands: her summary quotes them.
    const mine = await h.slack.waitFor(
      () => ephemeralsOf(ALICE, OPS).slice(earlier).find(withButton),
      30_000,
    );
    expect(visibleText(mine)).toContain('90000 to 120000');

    // Bob is in the channel and may not read them: the summary for every member is not posted.
    const before = botMessagesIn(OPS, parentTs).length;
    await h.send(
      blockAction({
        user: ALICE,
        channel: OPS,
        action: findAction(mine.blocks, POST_SUMMARY_ACTION)!,
        ephemeral: true,
        responseUrl: h.slack.responseUrl(OPS, ALICE),
      }),
    );
    const notice = await h.slack.waitFor(() => botMessagesIn(OPS, parentTs)[before], 30_000);
    expect([t('en', 'summary.held'), t('en', 'blocked')]).toContain(visibleText(notice));
    expect(botMessagesIn(OPS, parentTs).map(visibleText).join('\n')).not.toContain('90000');
  });

  it('answers "@PolyDesk summarise this thread" in a thread in the words’ language, privately, and posts "… here" into the thread', async () => {
    const parentTs = thread(
      OPS,
      LINES.map((text, i) => ({ user: [BOB, KENJI][i % 2]!, text })),
    );
    const mention = async (user: string, text: string) => {
      const m = h.slack.addUserMessage({
        channel: OPS,
        user,
        text: `<@${FAKE_BOT_USER_ID}> ${text}`,
        threadTs: parentTs,
      });
      const response = await h.send(
        eventCallback({
          type: 'app_mention',
          channel: OPS,
          channel_type: 'channel',
          user,
          text: m.text,
          ts: m.ts,
          thread_ts: parentTs,
        }),
      );
      expect(response.status).toBe(200);
    };
    await mention(KENJI, 'このスレッドを要約して');
    const japanese = await h.slack.waitFor(() => ephemeralsOf(KENJI, OPS).find(withButton), 30_000);
    expect(visibleText(japanese)).toContain(t('ja', 'summary.threadHeading', { title: '#ops' }));
    expect(visibleText(japanese)).toContain('certificate');
    expect(findAction(japanese.blocks, POST_SUMMARY_ACTION)?.['text']).toMatchObject({
      text: t('ja', 'thread.postToThread'),
    });
    // Not a question: nothing was answered in the thread.
    expect(botMessagesIn(OPS, parentTs)).toEqual([]);

    await mention(BOB, 'summarise this thread here, please');
    const posted = await h.slack.waitFor(() => botMessagesIn(OPS, parentTs)[0], 30_000);
    expect(visibleText(posted)).toContain(t('en', 'summary.threadHeading', { title: '#ops' }));
    expect(visibleText(posted)).toContain('certificate');

    // Outside a thread there is no thread to summarise: the requester is told where to ask.
    const top = h.slack.addUserMessage({
      channel: OPS,
      user: BOB,
      text: `<@${FAKE_BOT_USER_ID}> summarise this thread`,
    });
    await h.send(
      eventCallback({
        type: 'app_mention',
        channel: OPS,
        channel_type: 'channel',
        user: BOB,
        text: top.text,
        ts: top.ts,
      }),
    );
    await h.slack.waitFor(() => ephemeralsOf(BOB, OPS).find((e) => e.text === t('en', 'thread.notInThread')));
  });

  it('holds a summary that would show a credential: the requester is told, a reviewer approves it, and it reaches the requester alone, masked', async () => {
    const parentTs = thread(OPS, [
      { user: BOB, text: 'The deployment to the staging cluster failed again this morning.' },
      {
        user: KENJI,
        text: 'I fixed the pipeline: the admin password is Zq8!nB3$wT6#yH1k for the staging database.',
      },
      { user: BOB, text: 'Great, the deployment to the staging cluster works again.' },
    ]);
    const before = botMessagesIn(OPS, parentTs).length;
    await shortcut(BOB, OPS, parentTs);
    const held = await h.slack.waitFor(
      () => ephemeralsOf(BOB, OPS).find((e) => visibleText(e) === t('en', 'summary.held')),
      30_000,
    );
    expect(held.blocks.length).toBeGreaterThan(0);
    expect(ephemeralsOf(BOB, OPS).map(visibleText).join('\n')).not.toContain('Zq8!nB3$wT6#yH1k');
    expect(botMessagesIn(OPS, parentTs).length).toBe(before);

    const review = (await h.runtime.store.reviews.list({ status: 'pending', limit: 50, offset: 0 })).find(
      (r) => r.originalText.includes('staging'),
    );
    expect(review).toBeDefined();
    expect(await h.adapters.reviews.approve(review!.id, 'reviewer@corp.example')).toMatchObject({
      outcome: 'approved',
      delivered: true,
    });
    const approved = await h.slack.waitFor(() =>
      ephemeralsOf(BOB, OPS).find((e) => visibleText(e).includes(t('en', 'approved'))),
    );
    expect(visibleText(approved)).toContain('staging');
    expect(visibleText(approved)).not.toContain('Zq8!nB3$wT6#yH1k');
    // Only the requester saw it: nothing in the thread.
    expect(botMessagesIn(OPS, parentTs).length).toBe(before);
  });

  it('apologises privately when Slack fails to give the thread', async () => {
    const parentTs = thread(OPS, [{ user: BOB, text: 'Who has the keys to the server room this week?' }]);
    h.slack.failNext('conversations.replies', { error: 'internal_error' });
    const before = ephemeralsOf(BOB, OPS).length;
    await shortcut(BOB, OPS, parentTs);
    const told = await h.slack.waitFor(() => ephemeralsOf(BOB, OPS)[before]);
    expect(told.text).toBe(t('en', 'failed'));
  });

  it('tells the requester privately to add PolyDesk when it is not in the channel, and reads nothing', async () => {
    const parentTs = thread(SECRET_ROOM, [
      { user: ALICE, text: 'Budget planning for next year starts on Monday.' },
      { user: BOB, text: 'I will send the numbers by Friday.' },
    ]);
    const responseUrl = h.slack.responseUrl(SECRET_ROOM, ALICE);
    await shortcut(ALICE, SECRET_ROOM, parentTs, responseUrl);
    // PolyDesk cannot post there (not even an ephemeral message): the shortcut's response_url reaches her.
    const told = await h.slack.waitFor(() =>
      h.slack.ephemerals.find(
        (e) => e.channel === SECRET_ROOM && e.user === ALICE && e.via === 'response_url',
      ),
    );
    expect(told.text).toBe(t('en', 'thread.notInChannel'));
    expect(h.slack.ephemerals.filter((e) => e.channel === SECRET_ROOM)).toHaveLength(1);
    expect(h.slack.messages.filter((m) => m.channel === SECRET_ROOM && m.botId === FAKE_BOT_ID)).toEqual([]);
  });

  /** Alice's click on "Post to thread" under her private summary of a thread (`at`: the click's second). */
  const postClick = (threadTs: string, at: string, responseUrl?: string) =>
    blockAction({
      user: ALICE,
      channel: OPS,
      action: {
        type: 'button',
        action_id: POST_SUMMARY_ACTION,
        value: JSON.stringify({ c: OPS, t: threadTs }),
        action_ts: `${at}.000200`,
      },
      ephemeral: true,
      ...(responseUrl ? { responseUrl } : {}),
      messageTs: `${at}.000100`,
    });

  it('tells only the clicker when "Post to thread" finds nothing to post, and posts nothing in the thread', async () => {
    // Nothing to summarise: acknowledgements only.
    const parentTs = thread(OPS, [
      { user: BOB, text: 'ok' },
      { user: ALICE, text: '+1' },
    ]);
    const botBefore = botMessagesIn(OPS, parentTs).length;
    const responseUrl = h.slack.responseUrl(OPS, ALICE);
    await h.send(postClick(parentTs, '1764900001', responseUrl));
    const nothing = [t('en', 'summary.nothing'), t('en', 'summary.notFound'), t('en', 'thread.nothing')];
    const told = await h.slack.waitFor(
      () =>
        h.slack.ephemerals.find(
          (e) => e.channel === OPS && e.user === ALICE && !e.deleted && nothing.includes(e.text ?? ''),
        ) ??
        h.slack.calls.find(
          (c) =>
            c.method === 'response_url' &&
            c.args['response_url_id'] === responseUrl.split('/').pop() &&
            nothing.includes(String(c.args['text'])),
        ),
      30_000,
    );
    expect(told).toBeDefined();
    // The notice is the last thing the click produces: nothing was posted in the thread before it.
    expect(botMessagesIn(OPS, parentTs).length).toBe(botBefore);
    expect(h.slack.callsTo('chat.postMessage').some((c) => c.args['thread_ts'] === parentTs)).toBe(false);

    // The same click where Slack gives no response_url: still the clicker alone, as an ephemeral message.
    const otherTs = thread(OPS, [
      { user: BOB, text: 'ok' },
      { user: KENJI, text: 'thanks' },
    ]);
    await h.send(postClick(otherTs, '1764900002'));
    const ephemeral = await h.slack.waitFor(
      () =>
        h.slack
          .callsTo('chat.postEphemeral')
          .find(
            (c) =>
              c.args['user'] === ALICE &&
              c.args['thread_ts'] === otherTs &&
              nothing.includes(String(c.args['text'])),
          ),
      30_000,
    );
    expect(ephemeral).toBeDefined();
    expect(botMessagesIn(OPS, otherTs)).toEqual([]);
  });
});
