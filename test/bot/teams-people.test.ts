/**
 * How PolyDesk learns who asks and who reads in Teams once a Bot Connector token was verified: member
 * look-ups and rosters over real HTTP to the fake Bot Connector, in a real turn of the SDK's adapter.
 * (The adapter's endpoint in these tests runs the Emulator mode, which never asks the connector.)
 */
import type { Activity, TurnContext } from 'botbuilder';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TeamsCloudAdapter } from '../../src/bot/teams/teams-cloud-adapter.js';
import { TeamsPeople } from '../../src/bot/teams/teams-people.js';
import { silentLogger } from '../../src/core/log.js';
import { StaticDirectory } from '../../src/directory.js';
import { FakeBotConnector, type FakeMember, teamsActivity } from '../fakes/bot-connector.js';

const HANA: FakeMember = {
  id: '29:hana',
  name: 'Hana Sato',
  email: 'hana@example.com',
  aadObjectId: 'aad-hana',
};
const BOB: FakeMember = {
  id: '29:bob',
  name: 'Bob Lee',
  userPrincipalName: 'bob@example.com',
  aadObjectId: 'aad-bob',
};
const GUEST: FakeMember = { id: '29:guest', name: 'Guest', aadObjectId: 'aad-guest' };

let connector: FakeBotConnector;
const directory = new StaticDirectory({ hr: ['hana@example.com'] });

beforeAll(async () => {
  connector = await FakeBotConnector.start();
  connector.addUsers([HANA, BOB, GUEST]);
  connector.addMembers('team-1', [HANA, BOB, GUEST]);
});

afterAll(async () => {
  await connector?.close();
});

/** Runs `work` in a turn around an activity from `from`, with the connector at its service URL. */
async function inTurn<T>(from: FakeMember, work: (turn: TurnContext) => Promise<T>): Promise<T> {
  const activity = teamsActivity(connector, { scope: 'personal', from, text: 'hi' }) as unknown as Activity;
  let result: T | undefined;
  await new TeamsCloudAdapter({ appType: 'MultiTenant' }).resume(activity, async (turn) => {
    result = await work(turn);
  });
  return result as T;
}

describe('TeamsPeople', () => {
  it('resolves the asker through the member look-up: e-mail, else user principal name, else default groups', async () => {
    const people = new TeamsPeople(directory, silentLogger);
    expect(await inTurn(HANA, (turn) => people.principal(turn, HANA.id, 'ja-JP'))).toEqual({
      email: 'hana@example.com',
      groups: ['all', 'hr'],
      locale: 'ja-JP',
    });
    expect(await inTurn(BOB, (turn) => people.principal(turn, BOB.id, undefined))).toMatchObject({
      email: 'bob@example.com',
      groups: ['all'],
    });
    expect(await inTurn(GUEST, (turn) => people.principal(turn, GUEST.id, undefined))).toMatchObject({
      email: 'teams:aad-guest',
      groups: ['all'],
    });
  });

  it('lists the readers of a team page by page, and throws when Teams will not list them', async () => {
    const people = new TeamsPeople(directory, silentLogger);
    const readers = await inTurn(HANA, (turn) =>
      people.readers(turn, { teamId: 'team-1', conversationId: '19:channel@thread.tacv2' }),
    );
    expect(readers.map((r) => r.email)).toEqual(['hana@example.com', 'bob@example.com', 'teams:aad-guest']);
    expect(connector.requests.filter((r) => r.path.endsWith('/pagedmembers')).length).toBeGreaterThan(1);

    connector.failNext('members', { status: 403, code: 'BotNotInConversationRoster' });
    await expect(
      inTurn(HANA, (turn) =>
        people.readers(turn, { teamId: undefined, conversationId: '19:other@thread.v2' }),
      ),
    ).rejects.toThrow();
  });
});
