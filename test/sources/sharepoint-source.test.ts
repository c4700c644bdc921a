import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ConnectorDeps } from '../../ingest/sources/connectors.js';
import { SharePointSource, sharePointConnector } from '../../ingest/sources/sharepoint-source.js';
import type { SourceChanges } from '../../ingest/sources/source-types.js';
import { silentLogger } from '../../src/core/log.js';
import {
  type FakeGraph,
  HR_GROUP_ID as HR,
  SHARED_WITH_EVERYONE as everyone,
  SHARED_WITH_HR as hrOnly,
  startFakeGraph,
} from '../fakes/fake-graph.js';

let graph: FakeGraph;

function deps(overrides: Partial<ConnectorDeps> = {}): ConnectorDeps {
  return {
    env: { SP_SECRET: graph.clientSecret },
    logger: silentLogger,
    sourceName: 'intranet',
    baseDir: '/tmp',
    cwd: '/tmp',
    maxFileBytes: 1024 * 1024,
    ...overrides,
  };
}

function source(
  settings: Record<string, unknown> = {},
  overrides: Partial<ConnectorDeps> = {},
): SharePointSource {
  const parsed = sharePointConnector.schema.parse({
    tenantId: graph.tenantId,
    clientId: graph.clientId,
    clientSecretEnv: 'SP_SECRET',
    hostname: 'contoso.sharepoint.com',
    sitePath: '/sites/hr',
    groups: { [HR]: 'hr' },
    graphUrl: graph.graphUrl,
    loginUrl: graph.loginUrl,
    ...settings,
  });
  return new SharePointSource(parsed, deps(overrides));
}

const byName = (changes: SourceChanges) => new Map(changes.items.map((item) => [item.name, item]));
const text = async (bytes: Promise<Uint8Array>) => new TextDecoder().decode(await bytes);

beforeEach(async () => {
  graph = await startFakeGraph({ pageSize: 2 });
  graph.addSite({ id: 'site-hr', hostname: 'contoso.sharepoint.com', path: '/sites/hr' });
  graph.addDrive({ id: 'drive-docs', name: 'Documents', siteId: 'site-hr' });
  graph.addDrive({ id: 'drive-pol', name: 'Policies', siteId: 'site-hr' });
});
afterEach(async () => {
  await graph.close();
});

describe('SharePoint source', () => {
  it('lists every supported file of the library on a first sync, with its audience and bytes', async () => {
    graph.putFile('drive-docs', {
      name: 'leave.md',
      folder: 'HR',
      content: '# Leave\n20 days',
      permissions: hrOnly,
    });
    graph.putFile('drive-docs', { name: 'wifi.txt', content: 'SSID guest', permissions: everyone });
    graph.putFile('drive-docs', { name: 'photo.jpg', content: 'binary' });
    graph.putFile('drive-docs', {
      name: 'private.txt',
      content: 'only ann',
      permissions: [{ grantedToV2: { user: { id: 'u', displayName: 'Ann' } } }],
    });
    graph.putFile('drive-pol', { name: 'elsewhere.md', content: 'other library' });

    const changes = await source().listChanges(undefined);
    expect(changes.complete).toBe(true);
    const items = byName(changes);
    expect([...items.keys()].sort()).toEqual(['leave.md', 'private.txt', 'wifi.txt']);
    expect(items.get('leave.md')?.audience).toEqual(['hr']);
    expect(items.get('wifi.txt')?.audience).toEqual(['all']);
    expect(items.get('private.txt')?.audience).toEqual([]);
    expect(items.get('leave.md')?.source).toBe(
      'https://contoso.sharepoint.com/sites/fake/Documents/HR/leave.md',
    );
    expect(items.get('leave.md')?.key).toMatch(/^drive-docs\/I\d+$/);
    expect(changes.skipped?.map((s) => s.source)).toEqual([
      'https://contoso.sharepoint.com/sites/fake/Documents/photo.jpg',
    ]);
    expect(await text(items.get('leave.md')!.fetch())).toBe('# Leave\n20 days');
    expect(changes.cursor).toBeTruthy();
  });

  it('lists only what changed since the cursor: an edit, a deletion, a rename, a permission change', async () => {
    const leave = graph.putFile('drive-docs', { name: 'leave.md', content: 'v1', permissions: everyone });
    const wifi = graph.putFile('drive-docs', { name: 'wifi.txt', content: 'SSID', permissions: everyone });
    const old = graph.putFile('drive-docs', { name: 'old.txt', content: 'old', permissions: everyone });
    const pay = graph.putFile('drive-docs', { name: 'pay.txt', content: 'pay', permissions: everyone });
    const connector = source();
    const first = await connector.listChanges(undefined);
    const before = byName(first);

    graph.putFile('drive-docs', { name: 'leave.md', content: 'v2' });
    graph.deleteItem('drive-docs', old);
    graph.renameFile('drive-docs', wifi, 'wireless.txt');
    graph.setPermissions('drive-docs', pay, hrOnly);
    const second = await connector.listChanges(first.cursor);

    expect(second.complete).toBe(false);
    const after = byName(second);
    expect([...after.keys()].sort()).toEqual(['leave.md', 'pay.txt', 'wireless.txt']);
    expect(second.deleted).toEqual([`drive-docs/${old}`]);
    expect(after.get('leave.md')?.version).not.toBe(before.get('leave.md')?.version);
    expect(await text(after.get('leave.md')!.fetch())).toBe('v2');
    expect(after.get('wireless.txt')?.key).toBe(`drive-docs/${wifi}`);
    // A sharing change alone changes the version, so the sync stores the new audience.
    expect(after.get('pay.txt')?.audience).toEqual(['hr']);
    expect(after.get('pay.txt')?.version).not.toBe(before.get('pay.txt')?.version);
    expect(after.get('leave.md')?.key).toBe(`drive-docs/${leave}`);

    const third = await connector.listChanges(second.cursor);
    expect(third).toMatchObject({ complete: false, items: [], deleted: [] });
  });

  it('starts over with a complete listing when the delta link expired', async () => {
    graph.putFile('drive-docs', { name: 'a.md', content: 'a', permissions: everyone });
    const connector = source();
    const first = await connector.listChanges(undefined);
    graph.putFile('drive-docs', { name: 'b.md', content: 'b', permissions: everyone });
    graph.expireDeltaLinks();
    const again = await connector.listChanges(first.cursor);
    expect(again.complete).toBe(true);
    expect([...byName(again).keys()].sort()).toEqual(['a.md', 'b.md']);
    const next = await connector.listChanges(again.cursor);
    expect(next.complete).toBe(false);
  });

  it('rides out throttling and an expired token in the middle of a sync', async () => {
    for (const name of ['a.md', 'b.md', 'c.md'])
      graph.putFile('drive-docs', { name, content: name, permissions: everyone });
    const connector = source();
    const first = await connector.listChanges(undefined);
    graph.putFile('drive-docs', { name: 'a.md', content: 'a2' });
    graph.expireTokens();
    graph.failNext('/root/delta', { status: 429, retryAfter: '1' });
    const second = await connector.listChanges(first.cursor);
    expect([...byName(second).keys()]).toEqual(['a.md']);
    expect(graph.tokensIssued).toHaveLength(2);
    const deltas = graph.requests.filter((r) => r.url.includes('/root/delta'));
    expect(deltas.length).toBeGreaterThanOrEqual(3);
  });

  it('covers the named libraries and only the folder asked for', async () => {
    const inside = graph.putFile('drive-pol', {
      name: 'travel.md',
      folder: 'Policies/HR',
      content: 'in',
      permissions: everyone,
    });
    graph.putFile('drive-pol', {
      name: 'deep.md',
      folder: 'Policies/HR/2026',
      content: 'deeper',
      permissions: everyone,
    });
    graph.putFile('drive-pol', {
      name: 'it.md',
      folder: 'Policies/IT',
      content: 'out',
      permissions: everyone,
    });
    graph.putFile('drive-docs', {
      name: 'docs.md',
      folder: 'Policies/HR',
      content: 'docs',
      permissions: everyone,
    });
    const connector = source({ libraries: ['Policies', 'documents'], folder: 'Policies/HR' });
    const first = await connector.listChanges(undefined);
    expect([...byName(first).keys()].sort()).toEqual(['deep.md', 'docs.md', 'travel.md']);

    // Edited inside the folder: listed; moved out of it: gone from this source.
    graph.putFile('drive-pol', { name: 'deep.md', folder: 'Policies/HR/2026', content: 'deeper, edited' });
    graph.moveFile('drive-pol', inside, 'Policies/IT');
    const second = await connector.listChanges(first.cursor);
    expect([...byName(second).keys()]).toEqual(['deep.md']);
    expect(second.deleted).toEqual([`drive-pol/${inside}`]);
  });

  it("passes a folder's new permissions on to the files below it that inherit them, inside the source's folder only", async () => {
    graph.putFile('drive-docs', { name: 'travel.md', folder: 'Policies/HR', content: 'in' });
    graph.putFile('drive-docs', { name: 'deep.md', folder: 'Policies/HR/2026', content: 'deeper' });
    graph.putFile('drive-docs', {
      name: 'own.md',
      folder: 'Policies/HR',
      content: 'own',
      permissions: hrOnly,
    });
    graph.putFile('drive-docs', { name: 'it.md', folder: 'Policies/IT', content: 'out' });
    graph.setFolderPermissions('drive-docs', '', everyone); // the library's root
    const connector = source({ folder: 'Policies/HR' });
    const first = await connector.listChanges(undefined);
    expect(byName(first).get('travel.md')?.audience).toEqual(['all']);
    expect(byName(first).get('own.md')?.audience).toEqual(['hr']);

    // The root restricted: delta lists the root alone; the files below the source's folder that
    // inherit are listed with their new audience, those outside it are not.
    graph.setFolderPermissions('drive-docs', '', hrOnly);
    const second = await connector.listChanges(first.cursor);
    expect(second.complete).toBe(false);
    const listed = byName(second);
    expect([...listed.keys()].sort()).toEqual(['deep.md', 'own.md', 'travel.md']);
    expect(listed.get('travel.md')?.audience).toEqual(['hr']);
    expect(listed.get('deep.md')?.audience).toEqual(['hr']);
    // Nothing changed since: no folder is walked again.
    const requests = graph.requests.length;
    const third = await connector.listChanges(second.cursor);
    expect(third.items).toEqual([]);
    expect(graph.requests.slice(requests).some((r) => r.url.includes('/children'))).toBe(false);
  });

  it('keeps following a subfolder after its parent changed, and drops the files of a folder moved out of the source', async () => {
    graph.setFolderPermissions('drive-docs', 'Pub', hrOnly);
    graph.putFile('drive-docs', { name: 'f.md', folder: 'Pub/Sub', content: 'inherits' });
    graph.setFolderPermissions('drive-docs', 'Secret', hrOnly);
    const connector = source({ folder: 'Pub' });
    const first = await connector.listChanges(undefined);
    expect(byName(first).get('f.md')?.audience).toEqual(['hr']);

    // Pub opened to everyone: f.md in Pub/Sub follows.
    graph.setFolderPermissions('drive-docs', 'Pub', everyone);
    const second = await connector.listChanges(first.cursor);
    expect(byName(second).get('f.md')?.audience).toEqual(['all']);

    // Pub/Sub given permissions of its own, HR again: the same audience Sub had at the first sync.
    const sub = graph.setFolderPermissions('drive-docs', 'Pub/Sub', hrOnly);
    const third = await connector.listChanges(second.cursor);
    expect(byName(third).get('f.md')?.audience).toEqual(['hr']);

    // Pub/Sub moved into Secret, outside the source's folder: its file leaves the source.
    graph.moveFile('drive-docs', sub, 'Secret');
    const fourth = await connector.listChanges(third.cursor);
    expect(fourth.items.map((item) => item.name)).toEqual([]);
    const file = first.items.find((item) => item.name === 'f.md')!;
    expect(fourth.deleted).toContain(file.key);

    // And back: listed again.
    graph.moveFile('drive-docs', sub, 'Pub');
    const fifth = await connector.listChanges(fourth.cursor);
    expect(byName(fifth).get('f.md')?.audience).toEqual(['hr']);
  });

  it("reads the source's folder again when a folder above it changes, so that its own later change is seen", async () => {
    graph.setFolderPermissions('drive-docs', '', hrOnly); // the library's root
    graph.putFile('drive-docs', { name: 'travel.md', folder: 'Policies/HR', content: 'inherits' });
    const connector = source({ folder: 'Policies/HR' });
    const first = await connector.listChanges(undefined);
    expect(byName(first).get('travel.md')?.audience).toEqual(['hr']);
    // The root opened to everyone: Policies/HR (inheriting) and its file follow.
    graph.setFolderPermissions('drive-docs', '', everyone);
    const second = await connector.listChanges(first.cursor);
    expect(byName(second).get('travel.md')?.audience).toEqual(['all']);
    // Policies/HR given HR-only permissions of its own: the audience it had at the first sync.
    graph.setFolderPermissions('drive-docs', 'Policies/HR', hrOnly);
    const third = await connector.listChanges(second.cursor);
    expect(byName(third).get('travel.md')?.audience).toEqual(['hr']);
  });

  it('lists everything again after the settings that decide audiences change', async () => {
    graph.putFile('drive-docs', { name: 'travel.md', content: 'x', permissions: hrOnly });
    const first = await source().listChanges(undefined);
    expect(byName(first).get('travel.md')?.audience).toEqual(['hr']);
    const same = await source().listChanges(first.cursor);
    expect(same.complete).toBe(false);
    const remapped = await source({ groups: { [HR]: 'people-team' } }).listChanges(first.cursor);
    expect(remapped.complete).toBe(true);
    expect(byName(remapped).get('travel.md')?.audience).toEqual(['people-team']);
  });

  it('reads a OneDrive and a drive by id', async () => {
    graph.addDrive({ id: 'drive-ann', name: 'OneDrive', userPrincipalName: 'ann@contoso.com' });
    graph.putFile('drive-ann', { name: 'notes.md', content: 'n', permissions: hrOnly });
    const { items } = await source({
      hostname: undefined,
      sitePath: undefined,
      user: 'ann@contoso.com',
    }).listChanges(undefined);
    expect(items.map((i) => [i.name, i.audience])).toEqual([['notes.md', ['hr']]]);
    const byId = await source({ hostname: undefined, sitePath: undefined, driveId: 'drive-ann' }).listChanges(
      undefined,
    );
    expect(byId.items.map((i) => i.name)).toEqual(['notes.md']);
  });

  it('cites only an https webUrl (http on loopback), else the item by its Graph path', async () => {
    const hostile = {
      'script.md': 'javascript:alert(1)',
      'plain.md': 'http://intranet.example.com/sites/hr/plain.md',
      'creds.md': 'https://intranet.example@phish.example/plain.md',
      'pipe.md': 'https://contoso.sharepoint.com/sites/hr/a|b.md',
      'none.md': null,
    } as const;
    const ids = new Map<string, string>();
    for (const [name, webUrl] of Object.entries(hostile))
      ids.set(name, graph.putFile('drive-docs', { name, content: name, permissions: everyone, webUrl }));
    graph.putFile('drive-docs', {
      name: 'local.md',
      content: 'local',
      permissions: everyone,
      webUrl: 'http://127.0.0.1:8080/local.md',
    });
    const items = byName(await source().listChanges(undefined));
    for (const name of ['script.md', 'plain.md', 'creds.md', 'none.md']) {
      const item = items.get(name)!;
      const graphPath = `${graph.graphUrl}/drives/drive-docs/items/${ids.get(name)}`;
      expect([item.source, item.url]).toEqual([graphPath, graphPath]);
    }
    expect(items.get('pipe.md')?.url).toBe('https://contoso.sharepoint.com/sites/hr/a%7Cb.md');
    expect(items.get('local.md')?.url).toBe('http://127.0.0.1:8080/local.md');
  });

  it("keeps an item within the source's audience", async () => {
    graph.putFile('drive-docs', { name: 'open.md', content: 'o', permissions: everyone });
    graph.putFile('drive-docs', { name: 'hr.md', content: 'h', permissions: hrOnly });
    const items = byName(await source({}, { audience: ['staff'] }).listChanges(undefined));
    expect(items.get('open.md')?.audience).toEqual(['staff']);
    expect(items.get('hr.md')?.audience).toEqual([]);
  });

  it('refuses settings it cannot use, saying what to write', () => {
    const parse = (settings: Record<string, unknown>) =>
      sharePointConnector.schema.safeParse({
        tenantId: 't',
        clientId: 'c',
        clientSecretEnv: 'S',
        ...settings,
      });
    const message = (settings: Record<string, unknown>) => {
      const result = parse(settings);
      return result.success ? '' : result.error.issues.map((i) => i.message).join('; ');
    };
    expect(message({})).toContain('name exactly one place');
    expect(message({ siteId: 's', driveId: 'd' })).toContain('name exactly one place');
    expect(message({ hostname: 'contoso.sharepoint.com' })).toContain('needs both');
    expect(message({ driveId: 'd', libraries: ['Documents'] })).toContain('only for a site');
    expect(message({ driveId: 'd', graphUrl: 'http://graph.example.com/v1.0' })).toContain('https URL');
    expect(message({ driveId: 'd', anyoneLinks: 'yes' })).toBeTruthy();
    expect(parse({ driveId: 'd' }).success).toBe(true);
  });
});
