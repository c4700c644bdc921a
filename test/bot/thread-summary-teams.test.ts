/**
 * "Summarise thread", PolyDesk's Teams message action (issue 18 part 2), over real HTTP: the Bot
 * Connector's invokes (`composeExtension/fetchTask`, `/submitAction`) to PolyDesk's /api/messages,
 * the conversation read through a fake Microsoft Graph (token endpoint, channel replies and chat
 * messages paged by `@odata.nextLink`), with the real summariser and guard. A channel thread read
 * whole (PolyDesk's own, system and deleted messages left out) and shown in a dialog to the requester;
 * "Post to thread"; without Graph (as `serve` runs the Emulator mode), or where Graph refuses, only
 * the chosen message with a note; a held summary; one too slow for the dialog sent in the 1:1 chat.
 */
import { once } from 'node:events';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GraphThreadReader } from '../../src/bot/teams/graph-thread-reader.js';
import { POST_SUMMARY_VERB } from '../../src/bot/teams/summary-dialog.js';
import { type TeamsAdapter, createTeamsAdapter } from '../../src/bot/teams/teams-adapter.js';
import { SUMMARIZE_COMMAND } from '../../src/bot/teams/thread-summary-action.js';
import { t } from '../../src/core/i18n.js';
import { FAKE_TENANT, type FakeMember, deliverActivity, teamsActivity } from '../fakes/bot-connector.js';
import { type FakeChatMessage, type FakeGraph, startFakeGraph } from '../fakes/fake-graph.js';
import { type HandOffServer, startHandOffServer } from './hand-off-harness.js';

const ALICE: FakeMember = { id: 'alice@corp.example', name: 'Alice Martin', aadObjectId: 'aad-alice' };
const TEAM_GROUP = '0d1e2f30-0000-4000-8000-00000000aaaa';
const CHANNEL = '19:general@thread.tacv2';
const ROOT = '1700000000100';

const person = (id: string, displayName: string) => ({ user: { id, displayName } });
const at = (minute: number) => `2026-11-30T09:${String(minute).padStart(2, '0')}:00.000Z`;
const html = (text: string) => ({ contentType: 'html' as const, content: `<p>${text}</p>` });

const THREAD: readonly FakeChatMessage[] = [
  {
    id: '1700000000101',
    createdDateTime: at(1),
    from: person('u-bob', 'Bob Lee'),
    body: html('Restarting the GlobalConnect service on the Osaka gateway did not help.'),
  },
  {
    id: '1700000000102',
    createdDateTime: at(2),
    from: person('u-kenji', 'Kenji Sato'),
    body: html('The certificate on the gateway expired last night, which explains the handshake errors.'),
  },
  {
    id: '1700000000103',
    createdDateTime: at(3),
    from: { application: { id: 'PLACEHOLDER', displayName: 'PolyDesk' } },
    body: html('An earlier PolyDesk answer about the VPN.'),
  },
  {
    id: '1700000000104',
    createdDateTime: at(4),
    messageType: 'systemEventMessage',
    from: person('u-bob', 'Bob Lee'),
    body: html('<systemEventMessage/>'),
  },
  {
    id: '1700000000105',
    createdDateTime: at(5),
    deletedDateTime: at(6),
    from: person('u-bob', 'Bob Lee'),
    body: html(''),
  },
  {
    id: '1700000000106',
    createdDateTime: at(7),
    from: person('u-alice', 'Alice Martin'),
    body: html('I requested a new certificate from the internal certificate authority.'),
  },
  {
    id: '1700000000107',
    createdDateTime: at(8),
    from: { application: { id: 'monitoring-app', displayName: 'Monitoring' } },
    body: html('ALERT resolved: vpn-osaka handshakes succeed again &amp; traffic is back.'),
  },
  {
    id: '1700000000108',
    createdDateTime: at(9),
    from: person('u-kenji', 'Kenji Sato'),
    body: html('The new certificate is installed and the <at>Osaka gateway</at> accepts connections again.'),
  },
];

describe('Summaries of Teams conversations', () => {
  let h: HandOffServer;
  let graph: FakeGraph;
  let teams: TeamsAdapter;
  let server: Server;
  let withGraphUrl: string;

  beforeAll(async () => {
    h = await startHandOffServer({
      routes: {
        routes: [{ name: 'helpdesk', team: 'Helpdesk', default: true, slack: { channel: 'C0HELP' } }],
      },
      directory: { hr: ['alice@corp.example'] },
      users: {},
      channels: {},
      documents: {},
    });
    graph = await startFakeGraph({ tenantId: FAKE_TENANT, pageSize: 3 });
    graph.addChannelThread({
      teamId: TEAM_GROUP,
      channelId: CHANNEL,
      root: {
        id: ROOT,
        createdDateTime: at(0),
        from: person('u-alice', 'Alice Martin'),
        body: html('The VPN gateway in Osaka stopped accepting connections at nine this morning.'),
      },
      replies: THREAD.map((m) =>
        m.from.application?.id === 'PLACEHOLDER'
          ? { ...m, from: { application: { id: graph.clientId, displayName: 'PolyDesk' } } }
          : m,
      ),
    });
    // PolyDesk as `serve` builds it, but reading conversations through the fake Graph with the bot's
    // own app id and secret, and a small window so that the coverage note shows.
    teams = createTeamsAdapter({
      emulator: true,
      appType: 'MultiTenant',
      answers: h.runtime.answers,
      directory: h.runtime.directory,
      claims: h.runtime.store.events,
      feedback: h.runtime.store.feedback,
      logger: () => {},
      summaries: h.runtime.summaries,
      threadSource: new GraphThreadReader({
        clientId: graph.clientId,
        clientSecret: graph.clientSecret,
        graphUrl: graph.graphUrl,
        loginUrl: graph.loginUrl,
        logger: () => {},
      }),
      threadLimits: { maxMessages: 4, maxScanned: 100, maxMessageChars: 4_000 },
      // The dialog waits for every summary, however slow the machine: the late path has its own test (0).
      summaryDeadlineMs: Number.POSITIVE_INFINITY,
    });
    const app = express();
    app.post('/api/messages', (req, res) => void teams.handler(req, res));
    server = app.listen(0, '127.0.0.1');
    await once(server, 'listening');
    withGraphUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/messages`;
  });
  afterAll(async () => {
    await teams?.stop(5_000);
    server?.closeAllConnections();
    await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
    await graph?.close();
    await h?.close();
  });

  /** The message action on a message of the channel thread, as Teams invokes it. */
  function channelInvoke(
    name: string,
    message: FakeChatMessage | { id: string; body: { contentType: string; content: string }; from: unknown },
    data?: unknown,
  ) {
    const activity = teamsActivity(h.connector, {
      scope: 'channel',
      type: 'invoke',
      name,
      from: ALICE,
      conversationId: `${CHANNEL};messageid=${ROOT}`,
      value: {
        commandId: SUMMARIZE_COMMAND,
        commandContext: 'message',
        messagePayload: {
          ...message,
          replyToId: message.id === ROOT ? undefined : ROOT,
          linkToMessage: `https://teams.microsoft.com/l/message/${CHANNEL}/${message.id}`,
        },
        ...(data ? { data } : {}),
      },
    });
    const channelData = activity['channelData'] as {
      team: Record<string, unknown>;
      channel: Record<string, unknown>;
    };
    channelData.team['aadGroupId'] = TEAM_GROUP;
    channelData.channel['name'] = 'General';
    return activity;
  }

  /** The message action on a message of a group chat, as Teams invokes it. */
  function chatInvoke(
    name: string,
    chatId: string,
    message: { id: string; body: { contentType: string; content: string }; from?: unknown },
    from: FakeMember = ALICE,
    data?: unknown,
  ) {
    return teamsActivity(h.connector, {
      scope: 'groupChat',
      type: 'invoke',
      name,
      from,
      conversationId: chatId,
      value: {
        commandId: SUMMARIZE_COMMAND,
        commandContext: 'message',
        messagePayload: message,
        ...(data ? { data } : {}),
      },
    });
  }

  /** The text blocks of the dialog's card (or the message dialog's line). */
  function dialogText(body: unknown): string {
    const task = (body as { task?: { type?: string; value?: unknown } }).task;
    if (task?.type === 'message') return String(task.value);
    const card = (task?.value as { card?: { content?: { body?: { text?: string }[] } } })?.card;
    return (card?.content?.body ?? []).map((b) => b.text ?? '').join('\n');
  }

  it('reads the channel thread through Graph page by page and shows the summary to the requester in a dialog', async () => {
    const requestsBefore = graph.requests.length;
    const chatsBefore = h.connector.created.length;
    const { status, body } = await deliverActivity(
      withGraphUrl,
      channelInvoke('composeExtension/fetchTask', THREAD[1]!),
    );
    expect(status).toBe(200);
    expect(body).toMatchObject({
      task: { type: 'continue', value: { card: { contentType: 'application/vnd.microsoft.card.adaptive' } } },
    });
    const shown = dialogText(body);
    expect(shown).toContain(t('en', 'summary.threadHeading', { title: 'General' }));
    // The root and the five replies people and the monitoring app wrote: PolyDesk's own, the system
    // event and the deleted message are not among them. The latest four are summarised.
    expect(shown).toContain(t('en', 'thread.latestOnly', { count: 4, total: 6 }));
    expect(shown).not.toContain('An earlier PolyDesk answer');
    expect(shown).toMatch(/Kenji Sato|Alice Martin|Monitoring/);
    expect(shown).not.toContain('<p>');
    // The replies in pages of three, following @odata.nextLink, with the app's token.
    const replies = graph.requests.slice(requestsBefore).filter((r) => r.url.includes('/replies'));
    expect(replies.length).toBe(3);
    expect(replies.slice(1).every((r) => r.url.includes('skiptoken'))).toBe(true);
    expect(replies.every((r) => r.authorization?.startsWith('Bearer '))).toBe(true);
    // "Post to thread" is offered; nothing was posted in the channel.
    expect(JSON.stringify(body)).toContain(POST_SUMMARY_VERB);
    expect(h.connector.conversation(`${CHANNEL};messageid=${ROOT}`)).toEqual([]);
    // Shown in the dialog: no 1:1 chat with PolyDesk was opened for it.
    expect(h.connector.created.slice(chatsBefore)).toEqual([]);
  });

  it('summarises once when Teams retries the invoke: the retry is told the summary comes in the chat', async () => {
    const invoke = channelInvoke('composeExtension/fetchTask', THREAD[2]!);
    const before = graph.requests.length;
    const first = await deliverActivity(withGraphUrl, invoke);
    const retry = await deliverActivity(withGraphUrl, invoke);
    expect(dialogText(first.body)).toContain(t('en', 'summary.threadHeading', { title: 'General' }));
    expect(retry.body).toEqual({ task: { type: 'message', value: t('en', 'thread.comingInChat') } });
    // The thread was read once: three pages of replies, not six.
    expect(graph.requests.slice(before).filter((r) => r.url.includes('/replies')).length).toBe(3);
  });

  it('posts into the thread once when "Post to thread" arrives twice', async () => {
    const thread = `${CHANNEL};messageid=${ROOT}`;
    const before = h.connector.conversation(thread).length;
    const submit = channelInvoke('composeExtension/submitAction', THREAD[5]!, { action: POST_SUMMARY_VERB });
    expect((await deliverActivity(withGraphUrl, submit)).body).toEqual({});
    expect((await deliverActivity(withGraphUrl, submit)).body).toEqual({});
    expect(await teams.idle(20_000)).toBe(true);
    // One summary and its coverage note.
    const posted = h.connector.conversation(thread).slice(before);
    expect(posted.map((m) => m.text ?? m.summary)).toHaveLength(2);
    expect(posted[1]?.text).toBe(t('en', 'thread.latestOnly', { count: 4, total: 6 }));
  });

  it('posts the summary into the channel thread when the requester chooses "Post to thread"', async () => {
    const thread = `${CHANNEL};messageid=${ROOT}`;
    const { status, body } = await deliverActivity(
      withGraphUrl,
      channelInvoke('composeExtension/submitAction', THREAD[1]!, { action: POST_SUMMARY_VERB }),
    );
    expect(status).toBe(200);
    expect(body).toEqual({});
    const posted = await h.connector.waitFor(() => h.connector.conversation(thread)[0], 20_000);
    const text = JSON.stringify(posted);
    expect(text).toContain(t('en', 'summary.threadHeading', { title: 'General' }));
    expect(text).toContain('certificate');
    // Read whole through Graph, as for the dialog: the note says what it covers.
    const note = await h.connector.waitFor(() => h.connector.conversation(thread)[1]);
    expect(note.text).toBe(t('en', 'thread.latestOnly', { count: 4, total: 6 }));
  });

  it('without Graph, summarises the chosen message and says the whole conversation needs access', async () => {
    const chosen = {
      id: '1700000000199',
      body: html(
        'The Osaka gateway certificate was replaced at eleven and the VPN works again for everyone.',
      ),
      from: person('u-kenji', 'Kenji Sato'),
    };
    // The wiring of `serve` in the Emulator mode: no app credentials, so no Graph.
    const { status, body } = await deliverActivity(
      h.messagesUrl,
      channelInvoke('composeExtension/fetchTask', chosen),
    );
    expect(status).toBe(200);
    const shown = dialogText(body);
    expect(shown).toContain('The Osaka gateway certificate was replaced at eleven');
    expect(shown).toContain(t('en', 'thread.selectedOnly'));
  });

  it('tells the requester in the 1:1 chat, not the thread, when "Post to thread" finds nothing to post', async () => {
    const thread = `${CHANNEL};messageid=${ROOT}`;
    const before = h.connector.conversation(thread).length;
    const chat = `a:1personal-${ALICE.id}`;
    const chatBefore = h.connector.conversation(chat).length;
    // Without Graph only the chosen message is summarised: an acknowledgement, nothing to summarise.
    const chosen = { id: '1700000000198', body: html('ok'), from: person('u-bob', 'Bob Lee') };
    const { body } = await deliverActivity(
      h.messagesUrl,
      channelInvoke('composeExtension/submitAction', chosen, { action: POST_SUMMARY_VERB }),
    );
    expect(body).toEqual({});
    const told = await h.connector.waitFor(() => h.connector.conversation(chat)[chatBefore], 20_000);
    expect(told.text).toBe(t('en', 'summary.nothing'));
    expect(h.connector.conversation(thread).slice(before)).toEqual([]);
  });

  it('tells the requester in the 1:1 chat when "Post to thread" cannot post the summary', async () => {
    const chat = `a:1personal-${ALICE.id}`;
    const chatBefore = h.connector.conversation(chat).length;
    const chosen = {
      id: '1700000000197',
      body: html('The badge readers on the third floor will be replaced on Monday morning.'),
      from: person('u-bob', 'Bob Lee'),
    };
    // Teams refuses the post into the thread (PolyDesk was removed from the team meanwhile).
    h.connector.failNext('message', { status: 403, code: 'BotNotInConversationRoster' });
    const { body } = await deliverActivity(
      h.messagesUrl,
      channelInvoke('composeExtension/submitAction', chosen, { action: POST_SUMMARY_VERB }),
    );
    expect(body).toEqual({});
    const told = await h.connector.waitFor(() => h.connector.conversation(chat)[chatBefore], 20_000);
    expect(told.text).toBe(t('en', 'failed'));
  });

  it('reads a group chat newest first through Graph and says the summary covers its latest messages', async () => {
    const chatId = '19:project-falcon@thread.v2';
    graph.addChat(
      chatId,
      [
        'The Falcon release moves to the second week of December.',
        'QA found two blocking bugs in the payment screen.',
        'Both payment bugs are fixed on the release branch.',
        'The release notes are ready for review in the wiki.',
        'Marketing will announce Falcon on the company blog after the release.',
        'The release went out this morning without problems.',
        'Support saw no new tickets about payments after the release.',
        'We close the Falcon project channel on Friday.',
      ].map((text, i) => ({
        id: `17000000010${i}`,
        createdDateTime: at(20 + i),
        from: person('u-bob', 'Bob Lee'),
        body: html(text),
      })),
    );
    graph.setChatMembers(chatId, [
      { userId: 'aad-alice', displayName: 'Alice Martin' },
      { userId: 'aad-bob', displayName: 'Bob Lee' },
    ]);
    const activity = chatInvoke('composeExtension/fetchTask', chatId, {
      id: '170000000105',
      body: html('The release went out this morning without problems.'),
    });
    const { body } = await deliverActivity(withGraphUrl, activity);
    const shown = dialogText(body);
    expect(shown).toContain('release');
    // Pages of three, newest first: the latest four are in the first two pages; the rest is not read.
    expect(shown).toContain(t('en', 'thread.latestRead', { count: 4 }));
    expect(shown).not.toContain('second week of December');
    expect(
      graph.requests.some(
        (r) =>
          r.url.includes('/chats/') && decodeURIComponent(r.url).includes('$orderby=createdDateTime desc'),
      ),
    ).toBe(true);
  });

  it('leaves out of a group chat summary what its readers cannot see in Teams (added without history)', async () => {
    const chatId = '19:floor-three@thread.v2';
    graph.addChat(chatId, [
      {
        id: '1700000000601',
        createdDateTime: at(40),
        from: person('u-bob', 'Bob Lee'),
        body: html('The confidential reorganisation moves payroll to the Lisbon office in March.'),
      },
      {
        id: '1700000000602',
        createdDateTime: at(50),
        from: person('u-bob', 'Bob Lee'),
        body: html('The printer on the third floor is fixed and prints in colour again.'),
      },
      {
        id: '1700000000603',
        createdDateTime: at(52),
        from: person('u-kenji', 'Kenji Sato'),
        body: html('Toner for the third floor printer is in the supply room next to it.'),
      },
    ]);
    // Alice was added at 09:45 without history; Bob and Kenji see all of it.
    graph.setChatMembers(chatId, [
      { userId: 'aad-alice', displayName: 'Alice Martin', visibleHistoryStartDateTime: at(45) },
      { userId: 'aad-bob', displayName: 'Bob Lee' },
      { userId: 'aad-kenji', displayName: 'Kenji Sato' },
    ]);
    const invoke = (name: string, from: FakeMember, data?: unknown) =>
      chatInvoke(
        name,
        chatId,
        { id: '1700000000602', body: html('The printer on the third floor is fixed.') },
        from,
        data,
      );
    const forAlice = dialogText(
      (await deliverActivity(withGraphUrl, invoke('composeExtension/fetchTask', ALICE))).body,
    );
    expect(forAlice).toContain('printer');
    expect(forAlice).not.toMatch(/payroll|Lisbon|reorganisation/);
    // Kenji sees the whole chat: his own summary may name it.
    const KENJI: FakeMember = { id: 'kenji@corp.example', name: 'Kenji Sato', aadObjectId: 'aad-kenji' };
    const forKenji = dialogText(
      (await deliverActivity(withGraphUrl, invoke('composeExtension/fetchTask', KENJI))).body,
    );
    expect(forKenji).toMatch(/payroll|Lisbon|reorganisation/);
    // Posted into the chat by Kenji, for every member: Alice reads it too, so not the earlier message.
    await deliverActivity(
      withGraphUrl,
      invoke('composeExtension/submitAction', KENJI, { action: POST_SUMMARY_VERB }),
    );
    const posted = await h.connector.waitFor(() => h.connector.conversation(chatId)[0], 20_000);
    expect(JSON.stringify(posted)).toContain('printer');
    expect(JSON.stringify(h.connector.conversation(chatId))).not.toMatch(/payroll|Lisbon|reorganisation/);
  });

  it('summarises only the chosen message of a chat whose members Graph will not list, and says so', async () => {
    const chatId = '19:no-members-consent@thread.v2';
    graph.addChat(chatId, [
      {
        id: '1700000000701',
        createdDateTime: at(30),
        from: person('u-bob', 'Bob Lee'),
        body: html('The budget freeze for new laptops lasts until the end of the quarter.'),
      },
      {
        id: '1700000000702',
        createdDateTime: at(31),
        from: person('u-bob', 'Bob Lee'),
        body: html('The new badge readers at the main entrance work from Monday.'),
      },
    ]);
    const activity = chatInvoke('composeExtension/fetchTask', chatId, {
      id: '1700000000702',
      body: html('The new badge readers at the main entrance work from Monday.'),
    });
    const shown = dialogText((await deliverActivity(withGraphUrl, activity)).body);
    expect(shown).toContain('badge readers');
    expect(shown).not.toContain('budget freeze');
    expect(shown).toContain(t('en', 'thread.selectedOnly'));
  });

  it('reads only what the app may read: a chat Graph refuses is summarised from the chosen message alone', async () => {
    const chosen = {
      id: '1700000000299',
      body: html('Lunch for the offsite is booked for Thursday at the usual place near the station.'),
      from: person('u-bob', 'Bob Lee'),
    };
    const activity = chatInvoke('composeExtension/fetchTask', '19:no-consent@thread.v2', chosen);
    const before = graph.requests.length;
    const { body } = await deliverActivity(withGraphUrl, activity);
    expect(graph.requests.slice(before).some((r) => r.url.includes('/chats/'))).toBe(true);
    const shown = dialogText(body);
    expect(shown).toContain('Lunch for the offsite is booked');
    expect(shown).toContain(t('en', 'thread.selectedOnly'));
  });

  it('holds a summary that would show a credential: the dialog says so, and once approved it reaches the requester alone', async () => {
    const chosen = {
      id: '1700000000399',
      body: html('I fixed the pipeline: the admin password is Zq8!nB3$wT6#yH1k for the staging database.'),
      from: person('u-kenji', 'Kenji Sato'),
    };
    const { body } = await deliverActivity(
      h.messagesUrl,
      channelInvoke('composeExtension/fetchTask', chosen),
    );
    expect(body).toEqual({ task: { type: 'message', value: t('en', 'summary.held') } });
    // A reviewer approves it: it reaches the requester's 1:1 chat with PolyDesk, masked, not the channel.
    const review = (await h.runtime.store.reviews.list({ status: 'pending', limit: 50, offset: 0 })).find(
      (r) => r.originalText.includes('staging database'),
    );
    expect(await h.adapters.reviews.approve(review!.id, 'reviewer@corp.example')).toMatchObject({
      outcome: 'approved',
      delivered: true,
    });
    const chat = `a:1personal-${ALICE.id}`;
    const approved = await h.connector.waitFor(() =>
      h.connector.conversation(chat).find((m) => JSON.stringify(m).includes('staging database')),
    );
    expect(JSON.stringify(approved)).toContain(t('en', 'approved'));
    expect(JSON.stringify(approved)).not.toContain('Zq8!nB3$wT6#yH1k');
    expect(JSON.stringify(h.connector.conversation(`${CHANNEL};messageid=${ROOT}`))).not.toContain(
      'staging database',
    );
  });

  it('sends a summary too slow for the dialog to the requester’s 1:1 chat with PolyDesk', async () => {
    const slow = createTeamsAdapter({
      emulator: true,
      appType: 'MultiTenant',
      answers: h.runtime.answers,
      directory: h.runtime.directory,
      claims: h.runtime.store.events,
      feedback: h.runtime.store.feedback,
      logger: () => {},
      summaries: h.runtime.summaries,
      summaryDeadlineMs: 0,
    });
    const app = express();
    app.post('/api/messages', (req, res) => void slow.handler(req, res));
    const slowServer = app.listen(0, '127.0.0.1');
    await once(slowServer, 'listening');
    try {
      const url = `http://127.0.0.1:${(slowServer.address() as AddressInfo).port}/api/messages`;
      const chosen = {
        id: '1700000000499',
        body: html('The quarterly security training is due by the end of the month for every engineer.'),
        from: person('u-bob', 'Bob Lee'),
      };
      const { body } = await deliverActivity(url, channelInvoke('composeExtension/fetchTask', chosen));
      expect(body).toEqual({ task: { type: 'message', value: t('en', 'thread.comingInChat') } });
      const chat = `a:1personal-${ALICE.id}`;
      await h.connector.waitFor(() => h.connector.created.includes(chat));
      const delivered = await h.connector.waitFor(
        () =>
          h.connector
            .conversation(chat)
            .find((m) => JSON.stringify(m).includes('quarterly security training')),
        20_000,
      );
      expect(JSON.stringify(delivered)).toContain(t('en', 'summary.threadHeading', { title: 'General' }));
      // Nothing in the channel.
      expect(
        h.connector
          .conversation(`${CHANNEL};messageid=${ROOT}`)
          .map((m) => JSON.stringify(m))
          .join(),
      ).not.toContain('security training');
    } finally {
      await slow.stop(5_000);
      slowServer.closeAllConnections();
      await new Promise<void>((resolve) => slowServer.close(() => resolve()));
    }
  });
});
