import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createSlackAdapter, type SlackAdapter } from '../../src/bot/slack/slack-adapter.js';
import { ConfigError } from '../../src/core/errors.js';
import type { Store } from '../../src/store/store.js';
import { FakeAnswers } from '../fakes/fake-answers.js';
import {
  FAKE_BOT_ID,
  FAKE_BOT_TOKEN,
  FAKE_BOT_USER_ID,
  FAKE_TEAM_ID,
  FakeSlackServer,
} from '../fakes/slack-server.js';
import { FakeSocketModeServer } from '../fakes/slack-socket.js';
import { sqliteDatabase, type TestDatabase } from '../helpers/databases.js';
import { ALICE, CHANNEL, testDirectory, visibleText } from './slack-harness.js';

let slack: FakeSlackServer;
let socket: FakeSocketModeServer;
let database: TestDatabase;
let store: Store;
let adapter: SlackAdapter;
let answers: FakeAnswers;

beforeEach(async () => {
  slack = await FakeSlackServer.start();
  socket = await FakeSocketModeServer.start(slack);
  slack.addUser({ id: ALICE, email: 'alice@corp.example', locale: 'en-US' });
  slack.addChannel(CHANNEL, [ALICE, FAKE_BOT_USER_ID]);
  database = sqliteDatabase();
  store = await database.open();
  answers = new FakeAnswers({ recorder: store.questions });
  adapter = await createSlackAdapter({
    botToken: FAKE_BOT_TOKEN,
    appToken: 'xapp-1-A0FAKE-fake',
    apiUrl: slack.apiUrl,
    answers,
    directory: testDirectory,
    claims: store.events,
    feedback: store.feedback,
    logger: () => {},
    editIntervalMs: 50,
  });
});

afterEach(async () => {
  await adapter.stop();
  await socket.close();
  await slack.close();
  await store.close();
  await database.dispose();
});

describe('Slack Socket Mode', () => {
  it('connects with the app token, acknowledges an event over the socket and answers in the thread', async () => {
    expect(adapter.handler).toBeNull();
    await adapter.start();
    await socket.whenConnected();
    expect(slack.callsTo('apps.connections.open')[0]!.token).toBe('xapp-1-A0FAKE-fake');

    const message = slack.addUserMessage({
      channel: CHANNEL,
      user: ALICE,
      text: `<@${FAKE_BOT_USER_ID}> VPN over a socket?`,
    });
    const body = {
      team_id: FAKE_TEAM_ID,
      api_app_id: 'A0FAKE',
      type: 'event_callback',
      event_id: 'Ev0SOCKET',
      event_time: 1,
      event: {
        type: 'app_mention',
        channel: CHANNEL,
        user: ALICE,
        text: message.text,
        ts: message.ts,
        event_ts: message.ts,
      },
      authorizations: [{ team_id: FAKE_TEAM_ID, user_id: FAKE_BOT_USER_ID, is_bot: true }],
    };
    const ack = await socket.send('events_api', body);
    expect(ack.envelope_id).toBeTruthy();
    // The same event again (Slack redelivers over a new connection): still one answer.
    await socket.send('events_api', body);

    const reply = await slack.waitFor(() =>
      slack
        .thread(CHANNEL, message.ts)
        .find((m) => m.botId === FAKE_BOT_ID && !m.streaming && m.blocks.length > 0),
    );
    expect(visibleText(reply)).toContain('VPN over a socket?');
    expect(visibleText(reply)).toContain('VPN setup guide');
    expect(answers.questions).toHaveLength(1);
  });

  it('runs /ask over the socket', async () => {
    await adapter.start();
    await socket.whenConnected();
    const responseUrl = slack.responseUrl(CHANNEL, ALICE);
    await socket.send('slash_commands', {
      command: '/ask',
      text: 'Printer setup?',
      user_id: ALICE,
      channel_id: CHANNEL,
      channel_name: 'general',
      team_id: FAKE_TEAM_ID,
      response_url: responseUrl,
      api_app_id: 'A0FAKE',
    });
    const ephemeral = await slack.waitFor(() =>
      slack.ephemerals.find((e) => visibleText(e).includes('VPN setup guide')),
    );
    expect(visibleText(ephemeral)).toContain('Printer setup?');
  });

  it('fails to start with a clear message when Slack rejects the app-level token', async () => {
    const rejected = await createSlackAdapter({
      botToken: FAKE_BOT_TOKEN,
      appToken: 'xapp-1-revoked',
      apiUrl: slack.apiUrl,
      answers,
      directory: testDirectory,
      claims: store.events,
      feedback: store.feedback,
      logger: () => {},
    });
    const error = await rejected.start().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as Error).message).toMatch(/^SLACK_APP_TOKEN was rejected by Slack \(invalid_auth\)/);
    await rejected.stop();
  });
});
