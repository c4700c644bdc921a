import { afterEach, describe, expect, it } from 'vitest';
import { silentLogger } from '../../src/core/log.js';
import { loadBytes } from '../../ingest/load-file.js';
import { ConfluenceClient, ConfluenceError } from '../../ingest/sources/confluence-client.js';
import { confluenceSettings } from '../../ingest/sources/confluence-settings.js';
import { ConfluenceSource } from '../../ingest/sources/confluence-source.js';
import type { ConnectorDeps } from '../../ingest/sources/connectors.js';
import type { SourceChanges } from '../../ingest/sources/source-types.js';
import { type FakeConfluence, startFakeConfluence } from '../fakes/fake-confluence.js';
import { docxBytes } from '../ingest/fixtures.js';

const TOKEN = 'cloud-api-token-4f9a2c';
const PAT = 'dc-personal-token-77e1b0';
const DAY = 24 * 60 * 60 * 1000;

let fake: FakeConfluence | undefined;
afterEach(async () => {
  await fake?.close();
  fake = undefined;
});

async function cloud(options: { timeZone?: number; pageSize?: number } = {}): Promise<FakeConfluence> {
  fake = await startFakeConfluence({
    deployment: 'cloud',
    email: 'bot@example.com',
    token: TOKEN,
    pageSize: options.pageSize,
    userTimeZoneOffsetMinutes: options.timeZone,
  });
  return fake;
}

/** HR: Handbook > Leave > Parental leave; Handbook > Pay (restricted to HR) > Salary bands; Legal (unmapped group); Notes (a user only). */
function hrSpace(site: FakeConfluence): void {
  site.addSpace('HR');
  site.addPage({ id: '100', space: 'HR', title: 'Handbook', body: '<p>Welcome to the handbook.</p>' });
  site.addPage({
    id: '101',
    space: 'HR',
    title: 'Leave',
    parentId: '100',
    body: '<p>Employees get 25 days of paid leave a year.</p>',
  });
  site.addPage({
    id: '102',
    space: 'HR',
    title: 'Parental leave',
    parentId: '101',
    body: '<p>Parents get 16 weeks of parental leave.</p>',
  });
  site.addPage({
    id: '103',
    space: 'HR',
    title: 'Pay',
    parentId: '100',
    body: '<p>Pay day is the 25th.</p>',
    restriction: { groups: ['hr-team'] },
  });
  site.addPage({
    id: '104',
    space: 'HR',
    title: 'Salary bands',
    parentId: '103',
    body: '<p>Band B pays 60,000 to 75,000.</p>',
  });
  site.addPage({
    id: '105',
    space: 'HR',
    title: 'Legal holds',
    body: '<p>Held matters.</p>',
    restriction: { groups: ['legal'] },
  });
  site.addPage({
    id: '106',
    space: 'HR',
    title: 'Notes',
    body: '<p>Private notes.</p>',
    restriction: { users: ['alice'] },
  });
}

function source(
  site: FakeConfluence,
  settings: Record<string, unknown> = {},
  deps: Partial<ConnectorDeps> = {},
): ConfluenceSource {
  const deployment = site.baseUrl.endsWith('/wiki') ? 'cloud' : 'datacenter';
  const auth =
    deployment === 'cloud'
      ? { email: 'bot@example.com', apiTokenEnv: 'CONFLUENCE_API_TOKEN' }
      : { tokenEnv: 'CONFLUENCE_PAT' };
  return new ConfluenceSource(
    confluenceSettings.parse({
      baseUrl: site.baseUrl,
      deployment,
      spaces: ['HR'],
      groups: { 'hr-team': 'hr' },
      ...auth,
      ...settings,
    }),
    {
      env: { CONFLUENCE_API_TOKEN: TOKEN, CONFLUENCE_PAT: PAT },
      logger: silentLogger,
      sourceName: 'wiki',
      baseDir: '/',
      cwd: '/',
      maxFileBytes: 1024 * 1024,
      audience: ['all'],
      ...deps,
    },
  );
}

const byKey = (changes: SourceChanges) => new Map(changes.items.map((item) => [item.key, item]));

describe('Confluence settings', () => {
  const check = (settings: Record<string, unknown>) => {
    const parsed = confluenceSettings.safeParse({
      baseUrl: 'https://example.atlassian.net/wiki',
      spaces: ['HR'],
      ...settings,
    });
    return parsed.success ? [] : parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
  };

  it('asks Cloud for an e-mail and an API token variable, Data Center for a personal access token variable', () => {
    expect(check({ deployment: 'cloud' })).toEqual([
      'email: Cloud signs in with an e-mail and an API token: set "email" to the account the token belongs to',
      'apiTokenEnv: set "apiTokenEnv" to the name of the environment variable holding the API token',
    ]);
    expect(check({ deployment: 'datacenter', tokenEnv: 'PAT', email: 'a@example.com' })).toEqual([
      'email: is for Cloud; Data Center uses a personal access token ("tokenEnv")',
    ]);
    expect(check({ deployment: 'datacenter', tokenEnv: 'PAT' })).toEqual([]);
  });

  it('refuses space keys that could break out of CQL, base URLs with credentials, and unknown fields', () => {
    const dc = { deployment: 'datacenter', tokenEnv: 'PAT' };
    expect(check({ ...dc, spaces: ['HR" or space = "X'] })[0]).toMatch(/^spaces\.0: must be a space key/);
    expect(check({ ...dc, baseUrl: 'https://bot:pw@wiki.example.com' })[0]).toMatch(
      /^baseUrl: must be an http/,
    );
    expect(check({ ...dc, spaceKeys: ['HR'] })[0]).toMatch(/Unrecognized key/);
    expect(check({ ...dc, deployment: 'server' })[0]).toBe('deployment: must be "cloud" or "datacenter"');
  });

  it('refuses plain http but for a loopback test server: the credentials would cross the network in clear', () => {
    const dc = { deployment: 'datacenter', tokenEnv: 'PAT' };
    for (const baseUrl of [
      'http://wiki.example.com',
      'http://10.0.0.5/confluence',
      'http://127.0.0.1.example.com',
    ])
      expect(check({ ...dc, baseUrl })).toEqual([
        'baseUrl: must be an https URL without credentials, query or fragment, e.g. https://example.atlassian.net/wiki (http only on 127.0.0.1/localhost, for a test server)',
      ]);
    for (const baseUrl of [
      'http://127.0.0.1:8090/confluence',
      'http://localhost:8090',
      'http://[::1]:8090',
      'https://wiki.example.com',
    ])
      expect(check({ ...dc, baseUrl })).toEqual([]);
  });
});

describe('listing a Confluence space', () => {
  it('lists every page, following the cursor links, with ancestors as headings and restrictions as audiences', async () => {
    const site = await cloud();
    hrSpace(site);
    const changes = await source(site).listChanges(undefined);
    expect(changes.complete).toBe(true);
    const items = byKey(changes);
    // Restricted to a group nobody maps (legal) or to a user only: not synced at all.
    expect([...items.keys()].sort()).toEqual(['100', '101', '102', '103', '104']);
    const parental = items.get('102')!;
    expect(parental).toMatchObject({
      source: `${site.baseUrl}/pages/viewpage.action?pageId=102`,
      name: 'Parental leave.html',
      title: 'Parental leave',
      headingPath: ['Handbook', 'Leave'],
      url: `${site.baseUrl}/spaces/HR/pages/102/Parental%2Bleave`,
      audience: undefined,
    });
    expect(items.get('103')!.audience).toEqual(['hr']);
    // Inherited: a page under a restricted page is restricted too.
    expect(items.get('104')!.audience).toEqual(['hr']);
    expect(site.requests.every((r) => r.authorized)).toBe(true);
    // Seven pages two at a time: the listing followed four pages of results.
    expect(site.requests.filter((r) => r.path === '/wiki/rest/api/content')).toHaveLength(4);
    // No bodies while listing.
    expect(site.bodyFetches()).toEqual([]);

    const doc = await loadBytes(parental.name, Buffer.from(await parental.fetch()));
    expect(doc.title).toBe('Parental leave');
    expect(doc.sections.map((s) => s.text)).toEqual(['Parents get 16 weeks of parental leave.']);
    expect(site.bodyFetches()).toEqual(['102']);
  });

  it('uses the space audience the source gives, narrowed by restrictions, and defaultAudience over it', async () => {
    const site = await cloud();
    hrSpace(site);
    const narrowed = byKey(
      await source(site, { groups: { 'hr-team': 'hr' } }, { audience: ['hr', 'it'] }).listChanges(undefined),
    );
    expect(narrowed.get('103')!.audience).toEqual(['hr']);
    const stated = byKey(
      await source(site, { defaultAudience: ['staff'], groups: { 'hr-team': ['hr', 'staff'] } }).listChanges(
        undefined,
      ),
    );
    expect(stated.get('100')!.audience).toEqual(['staff']);
    expect(stated.get('103')!.audience).toEqual(['staff']);
  });

  it('shows titles without hidden controls, so that a title cannot pose as another', async () => {
    const site = await cloud();
    site.addSpace('HR');
    site.addPage({ id: '200', space: 'HR', title: 'Pay\u202Eslip', body: '<p>x</p>' });
    site.addPage({ id: '201', space: 'HR', title: 'Under\u200B it', parentId: '200', body: '<p>y</p>' });
    const items = byKey(await source(site).listChanges(undefined));
    expect(items.get('200')).toMatchObject({ title: 'Payslip', name: 'Payslip.html' });
    expect(items.get('201')).toMatchObject({ title: 'Under it', headingPath: ['Payslip'] });
  });

  it('lists attachments of supported types with their page’s audience and place, and downloads them', async () => {
    const site = await cloud();
    hrSpace(site);
    const docx = docxBytes([{ text: 'Band B pays 60,000 to 75,000 a year.' }]);
    site.addAttachment('104', {
      id: 'att900',
      title: 'bands.docx',
      bytes: docx,
      mediaType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    });
    site.addAttachment('104', {
      id: 'att901',
      title: 'chart.png',
      bytes: new Uint8Array([137, 80, 78, 71]),
      mediaType: 'image/png',
    });
    site.addAttachment('105', {
      id: 'att902',
      title: 'hold.txt',
      bytes: Buffer.from('Held.'),
      mediaType: 'text/plain',
    });
    const items = byKey(await source(site).listChanges(undefined));
    const attachment = items.get('att900')!;
    expect(attachment).toMatchObject({
      source: `${site.baseUrl}/download/attachments/104/bands.docx`,
      name: 'bands.docx',
      audience: ['hr'],
      headingPath: ['Handbook', 'Pay', 'Salary bands'],
    });
    // An image is no document; an attachment of a page nobody may read is not synced either.
    expect(items.has('att901')).toBe(false);
    expect(items.has('att902')).toBe(false);
    expect(Buffer.from(await attachment.fetch()).equals(Buffer.from(docx))).toBe(true);
    const none = byKey(await source(site, { attachments: false }).listChanges(undefined));
    expect(none.has('att900')).toBe(false);
  });

  it('signs in to Data Center with a Bearer personal access token', async () => {
    fake = await startFakeConfluence({ deployment: 'datacenter', token: PAT });
    hrSpace(fake);
    const items = byKey(await source(fake).listChanges(undefined));
    expect(items.get('104')!.audience).toEqual(['hr']);
    expect(items.get('101')!.url).toBe(`${fake.baseUrl}/display/HR/Leave`);
    expect(fake.requests.length).toBeGreaterThan(0);
    expect(fake.requests.every((r) => r.authorized)).toBe(true);
  });

  it('lists only what changed since the cursor, from a day before it, whatever the API user’s time zone', async () => {
    // UTC-10: a CQL date is read ten hours later than UTC; without the overlap the edit would be missed.
    const site = await cloud({ timeZone: -600 });
    hrSpace(site);
    const wiki = source(site, { fullListingEvery: 4 });
    const first = await wiki.listChanges(undefined);
    site.now = new Date(site.now.getTime() + 60_000);
    site.editPage('101', { body: '<p>Employees get 27 days of paid leave a year.</p>' });
    site.now = new Date(site.now.getTime() + 3 * DAY);
    site.addPage({
      id: '107',
      space: 'HR',
      title: 'Sick leave',
      parentId: '101',
      body: '<p>Tell your manager.</p>',
    });
    site.requests.length = 0;

    const second = await wiki.listChanges(first.cursor);
    expect(second.complete).toBe(false);
    const items = byKey(second);
    expect(items.get('101')!.version).not.toBe(byKey(first).get('101')!.version);
    expect(items.get('107')).toMatchObject({ headingPath: ['Handbook', 'Leave'], audience: undefined });
    const searches = site.requests.filter((r) => r.path === '/wiki/rest/api/content/search');
    expect(searches.map((r) => r.query.get('cql'))).toContain(
      'space in ("HR") and lastmodified >= "2026-11-01 09:00" and type = page',
    );
    expect(site.requests.some((r) => r.path === '/wiki/rest/api/content')).toBe(false);

    // The next listing starts a day before the newest change seen (the new page, three days on).
    site.requests.length = 0;
    const third = await wiki.listChanges(second.cursor);
    expect([...byKey(third).keys()]).toEqual(['107']);
  });

  it('lists completely on every run by default, so a restriction that edited nothing applies at the next run', async () => {
    const site = await cloud();
    hrSpace(site);
    const wiki = source(site);
    const first = await wiki.listChanges(undefined);
    const second = await wiki.listChanges(first.cursor);
    expect([first.complete, second.complete]).toEqual([true, true]);
  });

  it('makes every fullListingEvery-th listing complete, so deleted pages go', async () => {
    const site = await cloud();
    hrSpace(site);
    const wiki = source(site, { fullListingEvery: 2 });
    const first = await wiki.listChanges(undefined);
    site.deletePage('102');
    const second = await wiki.listChanges(first.cursor);
    expect(second.complete).toBe(false);
    const third = await wiki.listChanges(second.cursor);
    expect(third.complete).toBe(true);
    expect(byKey(third).has('102')).toBe(false);
    expect(byKey(third).has('101')).toBe(true);
    // Settings changed (a new mapping): the next listing is complete, whatever the count.
    const remapped = source(site, { fullListingEvery: 2, groups: { 'hr-team': 'hr', legal: 'legal' } });
    const fourth = await remapped.listChanges(third.cursor);
    expect(fourth.complete).toBe(true);
    expect(byKey(fourth).get('105')!.audience).toEqual(['legal']);
  });

  it('reports as deleted a changed page (and its attachments) that nobody may read any more', async () => {
    const site = await cloud();
    hrSpace(site);
    site.addAttachment('101', {
      id: 'att910',
      title: 'leave.txt',
      bytes: Buffer.from('Leave form.'),
      mediaType: 'text/plain',
    });
    const wiki = source(site, { fullListingEvery: 4 });
    const first = await wiki.listChanges(undefined);
    expect(byKey(first).has('att910')).toBe(true);
    site.restrict('101', { groups: ['legal'] });
    site.editPage('101', { body: '<p>Moved to legal.</p>' });
    const second = await wiki.listChanges(first.cursor);
    expect(second.complete).toBe(false);
    // The page, the page under it and its attachment; pages of the day before that nobody may read
    // (105, 106) are listed as deleted again, which the sync ignores for what it does not hold.
    expect(second.deleted).toEqual(expect.arrayContaining(['101', '102', 'att910']));
    expect(second.items.map((i) => i.key)).not.toEqual(expect.arrayContaining(['101']));
    expect(byKey(second).has('101')).toBe(false);
  });
});

describe('Confluence failures', () => {
  it('waits out 429 with Retry-After and goes on', async () => {
    const site = await cloud();
    hrSpace(site);
    site.throttle(2, '1');
    const changes = await source(site).listChanges(undefined);
    expect(changes.items).toHaveLength(5);
    expect(site.requests.slice(0, 3).map((r) => r.path)).toEqual([
      '/wiki/rest/api/space/HR',
      '/wiki/rest/api/space/HR',
      '/wiki/rest/api/space/HR',
    ]);
  });

  it('gives up at once when asked to wait longer than the bound', async () => {
    const site = await cloud();
    hrSpace(site);
    site.throttle(1, '3600');
    await expect(source(site).listChanges(undefined)).rejects.toThrow(
      /GET 127\.0\.0\.1:\d+\/wiki\/rest\/api\/space\/HR still throttled \(429\) after 0 retries and 0 s; next wait asked: 3600 s/,
    );
  });

  it('says which variable holds a refused token, never the token', async () => {
    const site = await cloud();
    hrSpace(site);
    const wrong = source(site, {}, { env: { CONFLUENCE_API_TOKEN: 'wrong-token-value' } });
    const error = await wrong.listChanges(undefined).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(ConfluenceError);
    expect((error as ConfluenceError).status).toBe(401);
    expect((error as Error).message).toBe(
      `Confluence 127.0.0.1:${new URL(site.baseUrl).port}/wiki refused the credentials (401): check that CONFLUENCE_API_TOKEN holds a valid API token of bot@example.com`,
    );
    expect((error as Error).message).not.toContain('wrong-token-value');
  });

  it('fails, rather than emptying the source, when a space is missing', async () => {
    const site = await cloud();
    hrSpace(site);
    await expect(source(site, { spaces: ['HR', 'OPS'] }).listChanges(undefined)).rejects.toThrow(
      "Confluence space OPS does not exist or the credentials' user cannot read it",
    );
  });

  it('never sends the credentials off the site: links elsewhere are refused', () => {
    const client = new ConfluenceClient({
      baseUrl: 'https://example.atlassian.net/wiki',
      authorization: 'Basic x',
      credentialHint: '',
      logger: silentLogger,
    });
    expect(client.resolve('/rest/api/content?start=2').href).toBe(
      'https://example.atlassian.net/wiki/rest/api/content?start=2',
    );
    expect(client.resolve('/wiki/rest/api/content?start=2').href).toBe(
      'https://example.atlassian.net/wiki/rest/api/content?start=2',
    );
    expect(() => client.resolve('https://evil.example/wiki/rest/api/content')).toThrow(/outside/);
    expect(() => client.resolve('//evil.example/wiki/rest')).toThrow(/outside/);
    expect(() => client.resolve('https://example.atlassian.net/other/rest')).toThrow(/outside/);
  });
});
