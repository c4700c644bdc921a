import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { GraphClient } from '../../src/core/graph-client.js';
import type { LogFields, LogLevel } from '../../src/core/log.js';
import { StaticDirectory } from '../../src/directory.js';
import { GraphDirectory, parseGraphGroups } from '../../src/graph-directory.js';
import { type FakeGraph, startFakeGraph } from '../fakes/fake-graph.js';

const HR = '0b6a3f2e-1c1d-4b7e-9a53-2f1e5c2d9a10';
const IT = '5d1c7a40-8f0e-4e3b-b6a2-91c3d4e5f607';
const GONE = 'aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee';

let graph: FakeGraph;
let logs: { level: LogLevel; event: string; fields?: LogFields | undefined }[];

function directory(groups: Record<string, string> = { [HR]: 'hr', [IT]: 'it' }): GraphDirectory {
  const client = new GraphClient({
    tenantId: graph.tenantId,
    clientId: graph.clientId,
    clientSecret: graph.clientSecret,
    graphUrl: graph.graphUrl,
    loginUrl: graph.loginUrl,
  });
  return new GraphDirectory({
    graph: client,
    groups,
    base: new StaticDirectory({ finance: ['ann@contoso.com'] }),
    logger: (level, event, fields) => logs.push({ level, event, fields }),
    refreshMs: 60_000,
  });
}

beforeEach(async () => {
  graph = await startFakeGraph({ pageSize: 2 });
  logs = [];
  graph.setMembers(HR, [
    { type: 'user', id: 'u1', mail: 'Ann@Contoso.com', userPrincipalName: 'ann@contoso.onmicrosoft.com' },
    { type: 'group', id: 'g-nested', displayName: 'HR Tokyo' },
    { type: 'user', id: 'u2', mail: null, userPrincipalName: 'bo@contoso.com' },
    { type: 'user', id: 'u3', mail: 'cy@contoso.com' },
  ]);
  graph.setMembers(IT, [{ type: 'user', id: 'u2', userPrincipalName: 'bo@contoso.com' }]);
});
afterEach(async () => {
  await graph.close();
});

describe('GraphDirectory', () => {
  it("adds Entra ID groups to the file's groups, by mail or user principal name", async () => {
    const dir = directory();
    expect(dir.resolve('ann@contoso.com').groups).toEqual(['all', 'finance']);
    expect(await dir.refresh()).toBe(true);
    expect(dir.resolve('ann@contoso.com', 'ja')).toEqual({
      email: 'ann@contoso.com',
      groups: ['all', 'finance', 'hr'],
      locale: 'ja',
    });
    expect(dir.resolve('ANN@contoso.onmicrosoft.com').groups).toEqual(['all', 'hr']);
    expect(dir.resolve('bo@contoso.com').groups).toEqual(['all', 'hr', 'it']);
    expect(dir.resolve('zed@contoso.com').groups).toEqual(['all']);
    // Paging: the fourth member is on the second page.
    expect(dir.resolve('cy@contoso.com').groups).toEqual(['all', 'hr']);
  });

  it('picks up a membership change at the next refresh', async () => {
    const dir = directory();
    await dir.refresh();
    graph.setMembers(HR, [{ type: 'user', id: 'u3', mail: 'cy@contoso.com' }]);
    await dir.refresh();
    expect(dir.resolve('ann@contoso.com').groups).toEqual(['all', 'finance']);
    expect(dir.resolve('cy@contoso.com').groups).toEqual(['all', 'hr']);
  });

  it('keeps the last good snapshot when a refresh fails, and logs the failure once', async () => {
    const dir = directory();
    await dir.refresh();
    graph.setMembers(HR, []);
    graph.failNext(
      '/transitiveMembers',
      { status: 500, code: 'generalException' },
      { status: 500, code: 'generalException' },
    );
    expect(await dir.refresh()).toBe(false);
    expect(await dir.refresh()).toBe(false);
    expect(dir.resolve('ann@contoso.com').groups).toEqual(['all', 'finance', 'hr']);
    expect(logs.filter((l) => l.event === 'directory.graph_refresh_failed')).toHaveLength(1);
    expect(await dir.refresh()).toBe(true);
    expect(dir.resolve('ann@contoso.com').groups).toEqual(['all', 'finance']);
    expect(logs.map((l) => l.event)).toContain('directory.graph_refresh_recovered');
  });

  it('gives a group that does not exist nobody, and still reads the others', async () => {
    const dir = directory({ [GONE]: 'ghosts', [IT]: 'it' });
    expect(await dir.refresh()).toBe(true);
    expect(dir.resolve('bo@contoso.com').groups).toEqual(['all', 'it']);
    expect(logs.map((l) => l.event)).toContain('directory.graph_group_missing');
  });

  it('says which permission is missing when Graph gives members without their addresses', async () => {
    // What Graph returns for users when the app lacks User.ReadBasic.All: the type and the id only.
    graph.setMembers(IT, [
      { type: 'user', id: 'u7', mail: null },
      { type: 'user', id: 'u8', mail: null },
    ]);
    const dir = directory({ [IT]: 'it' });
    await dir.refresh();
    await dir.refresh();
    const warnings = logs.filter((l) => l.event === 'directory.graph_members_unreadable');
    expect(warnings).toHaveLength(1);
    expect(warnings[0]?.fields?.hint).toContain('User.ReadBasic.All');
  });

  it('refreshes on its schedule until stopped', async () => {
    const client = new GraphClient({
      tenantId: graph.tenantId,
      clientId: graph.clientId,
      clientSecret: graph.clientSecret,
      graphUrl: graph.graphUrl,
      loginUrl: graph.loginUrl,
    });
    const dir = new GraphDirectory({
      graph: client,
      groups: { [HR]: 'hr' },
      base: new StaticDirectory(),
      logger: () => {},
      refreshMs: 50,
    });
    const stop = dir.start();
    try {
      const deadline = Date.now() + 20_000;
      while (!dir.resolve('cy@contoso.com').groups.includes('hr') && Date.now() < deadline)
        await new Promise((r) => setTimeout(r, 20));
      expect(dir.resolve('cy@contoso.com').groups).toEqual(['all', 'hr']);
    } finally {
      stop();
    }
  });
});

describe('DIRECTORY_GRAPH_* configuration', () => {
  it('reads the group mapping as JSON or id=name pairs', () => {
    expect(parseGraphGroups(`${HR}=hr, ${IT.toUpperCase()}=it`)).toEqual({ [HR]: 'hr', [IT]: 'it' });
    expect(parseGraphGroups(JSON.stringify({ [HR]: 'hr' }))).toEqual({ [HR]: 'hr' });
    expect(() => parseGraphGroups('HR Team=hr')).toThrow(/not an Entra ID group object id/);
    expect(() => parseGraphGroups(`${HR}`)).toThrow(/needs a PolyDesk group name/);
    expect(() => parseGraphGroups('{"a": ')).toThrow(/not valid JSON/);
  });

  it("uses the directory's own app, else the Teams bot's, and names what is missing without values", () => {
    const own = loadConfig({
      DIRECTORY_GRAPH_GROUPS: `${HR}=hr`,
      DIRECTORY_GRAPH_TENANT_ID: 'contoso.onmicrosoft.com',
      DIRECTORY_GRAPH_CLIENT_ID: 'dir-app',
      DIRECTORY_GRAPH_CLIENT_SECRET: 'dir-secret',
      MICROSOFT_APP_ID: 'bot-app',
      MICROSOFT_APP_PASSWORD: 'bot-secret',
    }).directoryGraph;
    expect(own).toMatchObject({ clientId: 'dir-app', clientSecret: 'dir-secret', refreshMs: 15 * 60_000 });
    const bot = loadConfig({
      DIRECTORY_GRAPH_GROUPS: `${HR}=hr`,
      MICROSOFT_APP_ID: 'bot-app',
      MICROSOFT_APP_PASSWORD: 'bot-secret',
      MICROSOFT_APP_TENANT_ID: 'contoso.onmicrosoft.com',
      MICROSOFT_APP_TYPE: 'SingleTenant',
      DIRECTORY_GRAPH_REFRESH_MINUTES: '5',
    }).directoryGraph;
    expect(bot).toMatchObject({
      clientId: 'bot-app',
      clientSecret: 'bot-secret',
      tenantId: 'contoso.onmicrosoft.com',
      refreshMs: 300_000,
    });
    expect(loadConfig({}).directoryGraph).toBeUndefined();

    // Its own app id is never paired with the bot's password.
    const mixed = () =>
      loadConfig({
        DIRECTORY_GRAPH_GROUPS: `${HR}=hr`,
        DIRECTORY_GRAPH_CLIENT_ID: 'dir-app',
        DIRECTORY_GRAPH_TENANT_ID: 't',
        MICROSOFT_APP_ID: 'bot-app',
        MICROSOFT_APP_PASSWORD: 'bot-secret-value',
      });
    expect(mixed).toThrow(/needs DIRECTORY_GRAPH_CLIENT_SECRET/);
    try {
      mixed();
    } catch (error) {
      expect((error as Error).message).not.toContain('bot-secret-value');
    }
    expect(() => loadConfig({ DIRECTORY_GRAPH_CLIENT_SECRET: 'x' })).toThrow(/DIRECTORY_GRAPH_GROUPS is not/);
  });
});
