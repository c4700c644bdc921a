import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTeamsAdapter } from '../../src/bot/teams/teams-adapter.js';
import { ConfigError } from '../../src/core/errors.js';
import { t } from '../../src/core/i18n.js';
import type { LogLevel } from '../../src/core/log.js';
import { StaticDirectory } from '../../src/directory.js';
import {
  type ActivityInit,
  FAKE_BOT,
  type FakeTeamsMessage,
  deliverActivity,
  teamsActivity,
} from '../fakes/bot-connector.js';
import { conversationLog } from '../../src/wiring/conversation-log.js';
import type { Store } from '../../src/store/store.js';
import { FakeAnswers } from '../fakes/fake-answers.js';
import { sqliteDatabase, type TestDatabase } from '../helpers/databases.js';
import { BOB, HANA, type TeamsHarness, startTeams } from './teams-setup.js';

/** Claims and feedback in memory: these tests are about the adapter's behaviour, not the store. */
class MemoryPorts {
  readonly claimed = new Set<string>();
  readonly ratings: { questionId: string; rating: string; user: string }[] = [];
  readonly claims = {
    claim: async (_platform: string, id: string) => !this.claimed.has(id) && Boolean(this.claimed.add(id)),
  };
  readonly feedback = {
    record: async (f: { questionId: string; rating: string; user: string }) => void this.ratings.push(f),
  };
}

let harness: TeamsHarness;
let answers: FakeAnswers;
let chats = 0;
// Follow-up history is read back from the recorded questions: a real store for that alone.
let database: TestDatabase;
let store: Store;

beforeAll(async () => {
  database = sqliteDatabase();
  store = await database.open();
  answers = new FakeAnswers({ stepMs: 5, recorder: store.questions });
  const ports = new MemoryPorts();
  harness = await startTeams({
    answers,
    directory: new StaticDirectory({ hr: ['hana@example.com'] }),
    claims: ports.claims,
    feedback: ports.feedback,
    history: conversationLog(store),
  });
  harness.connector.addUsers([HANA, BOB]);
  harness.connector.addMembers('team-1', [HANA, BOB]);
});

afterAll(async () => {
  await harness?.close();
  await store?.close();
  await database?.dispose();
});

function activity(
  init: Omit<ActivityInit, 'from'> & { from?: ActivityInit['from'] },
): Record<string, unknown> {
  chats += 1;
  const conversationId = init.conversationId ?? (init.scope === 'personal' ? `a:1edge-${chats}` : undefined);
  return teamsActivity(harness.connector, {
    from: BOB,
    ...init,
    ...(conversationId ? { conversationId } : {}),
  });
}

function conversationOf(a: Record<string, unknown>): string {
  return (a['conversation'] as { id: string }).id;
}

async function reply(a: Record<string, unknown>): Promise<FakeTeamsMessage> {
  const conversation = conversationOf(a);
  const before = harness.connector.conversation(conversation).length;
  expect((await deliverActivity(harness.endpoint, a)).status).toBe(200);
  return harness.connector.waitFor(() =>
    harness.connector
      .conversation(conversation)
      .slice(before)
      .find((m) => m.stream?.state !== 'streaming'),
  );
}

describe('Teams adapter: outcomes, failures and security', () => {
  it('tells the asker politely, in their language, when the generator is busy or fails', async () => {
    const busy = await reply(activity({ scope: 'personal', text: 'BUSY question' }));
    expect(busy.text).toBe(t('en', 'busy'));
    expect(busy.attachments).toEqual([]);
    const failed = await reply(
      activity({
        scope: 'channel',
        teamId: 'team-1',
        mentionBot: true,
        locale: 'ja-JP',
        text: 'FAIL question',
      }),
    );
    expect(failed.text).toBe(t('ja', 'failed'));
  });

  it('retries the Bot Connector when it throttles (429) or fails (503), and the answer arrives once', async () => {
    harness.connector.failNext('message', { status: 429 }, 2);
    harness.connector.failNext('message', { status: 503 });
    const a = activity({
      scope: 'channel',
      teamId: 'team-1',
      mentionBot: true,
      text: 'How do I set up the VPN?',
    });
    const answer = await reply(a);
    expect(JSON.stringify(answer.attachments)).toContain('VPN setup guide');
    const attempts = harness.connector.requests.filter(
      (r) => r.conversationId === conversationOf(a) && r.body?.['type'] === 'message',
    );
    expect(attempts.map((r) => r.status)).toEqual([429, 429, 503, 201]);
    expect(harness.connector.conversation(conversationOf(a))).toHaveLength(1);
  });

  it('falls back to a plain card message when Teams refuses to stream', async () => {
    harness.connector.failNext('typing', { status: 403, code: 'ContentStreamNotAllowed' });
    const answer = await reply(activity({ scope: 'personal', text: 'How do I set up the VPN?' }));
    expect(answer.stream).toBeUndefined();
    expect(JSON.stringify(answer.attachments)).toContain('VPN setup guide');
  });

  it('takes no roster from the connector in Emulator mode: a group chat is read by an anonymous member too', async () => {
    const a = activity({
      scope: 'groupChat',
      conversationId: '19:unknown-roster@thread.v2',
      mentionBot: true,
      from: BOB,
      text: 'VPN?',
    });
    await reply(a);
    const asked = answers.questions.at(-1)!;
    expect(asked.asker.email).toBe('bob@example.com');
    expect(asked.place.readers.map((r) => r.email)).toContain('teams:unknown-member');
    expect(asked.place.readers.find((r) => r.email === 'teams:unknown-member')?.groups).toEqual(['all']);
    expect(harness.connector.requests.filter((r) => r.method === 'GET')).toEqual([]);
  });

  it('passes the earlier turns of the conversation for a follow-up; in Emulator mode a channel is read by the asker and an anonymous member', async () => {
    const first = activity({ scope: 'personal', from: HANA, text: 'How do I set up the VPN?' });
    await reply(first);
    await reply(
      activity({
        scope: 'personal',
        from: HANA,
        conversationId: conversationOf(first),
        text: 'and on my phone?',
      }),
    );
    const followUp = answers.questions.at(-1)!;
    expect(followUp.history.map((turn) => turn.role)).toEqual(['user', 'assistant']);
    expect(followUp.history[0]?.text).toBe('How do I set up the VPN?');
    expect(followUp.asker).toMatchObject({
      email: 'hana@example.com',
      groups: ['all', 'hr'],
      locale: 'en-US',
    });

    await reply(activity({ scope: 'channel', teamId: 'team-1', mentionBot: true, from: HANA, text: 'VPN?' }));
    expect(
      answers.questions
        .at(-1)!
        .place.readers.map((r) => r.email)
        .sort(),
    ).toEqual(['hana@example.com', 'teams:unknown-member']);
  });

  it('greets a user who adds PolyDesk to a 1:1 chat, or mentions it without a question', async () => {
    const added = {
      ...activity({ scope: 'personal', type: 'conversationUpdate', locale: 'ja-JP' }),
      membersAdded: [{ ...FAKE_BOT }],
    };
    const greeting = await reply(added);
    expect(greeting.text).toBe(t('ja', 'greeting'));
    const empty = await reply(activity({ scope: 'channel', teamId: 'team-1', mentionBot: true, text: '' }));
    expect(empty.text).toBe(t('en', 'greeting'));
  });

  it('refuses, in Emulator mode, activities whose service URL is not loopback', async () => {
    const asked = answers.questions.length;
    const a = { ...activity({ scope: 'personal', text: 'VPN?' }), serviceUrl: 'https://attacker.example/' };
    const response = await deliverActivity(harness.endpoint, a);
    expect(response.status).toBe(403);
    await harness.teams.idle();
    expect(answers.questions.length).toBe(asked);
  });
});

describe('Teams adapter with an app id', () => {
  let secured: TeamsHarness;
  const events: { level: LogLevel; event: string }[] = [];

  beforeAll(async () => {
    secured = await startTeams({
      appId: '00000000-0000-0000-0000-00000000b07a',
      appPassword: 'client-secret',
      answers: new FakeAnswers(),
      directory: new StaticDirectory(),
      claims: new MemoryPorts().claims,
      feedback: new MemoryPorts().feedback,
      jsonParser: true,
      logger: (level, event) => void events.push({ level, event }),
    });
  });

  afterAll(async () => {
    await secured?.close();
  });

  it('answers 401 to a request without a valid token and posts nothing', async () => {
    const a = teamsActivity(secured.connector, {
      scope: 'personal',
      from: BOB,
      text: 'How do I set up the VPN?',
    });
    expect((await deliverActivity(secured.endpoint, a)).status).toBe(401);
    expect((await deliverActivity(secured.endpoint, a, { authorization: 'Bearer not-a-jwt' })).status).toBe(
      401,
    );
    await secured.teams.idle();
    expect(secured.connector.requests).toEqual([]);
    expect(events).toContainEqual({ level: 'warn', event: 'teams.unauthorized' });
    expect(events.map((e) => e.event)).not.toContain('teams.unauthenticated');
  });

  it('says how to fix incomplete credentials, needs an app id or the Emulator mode, and warns in the latter', () => {
    const base = { answers: new FakeAnswers(), directory: new StaticDirectory(), ...new MemoryPorts() };
    const logger = () => {};
    expect(() => createTeamsAdapter({ ...base, logger, appType: 'MultiTenant', appId: 'app' })).toThrow(
      /MICROSOFT_APP_PASSWORD/,
    );
    expect(() =>
      createTeamsAdapter({ ...base, logger, appType: 'SingleTenant', appId: 'app', appPassword: 'x' }),
    ).toThrow(ConfigError);
    expect(() =>
      createTeamsAdapter({ ...base, logger, appType: 'UserAssignedMSI', appId: 'app', tenantId: 't' }),
    ).not.toThrow();
    expect(() => createTeamsAdapter({ ...base, logger, appType: 'MultiTenant' })).toThrow(/TEAMS_EMULATOR=1/);
    expect(() =>
      createTeamsAdapter({
        ...base,
        logger,
        appType: 'MultiTenant',
        appId: 'app',
        appPassword: 'x',
        emulator: true,
      }),
    ).toThrow(/cannot be combined/);
    const warnings: string[] = [];
    createTeamsAdapter({
      ...base,
      appType: 'MultiTenant',
      emulator: true,
      logger: (level, event) => level === 'warn' && warnings.push(event),
    });
    expect(warnings).toEqual(['teams.unauthenticated']);
  });
});
