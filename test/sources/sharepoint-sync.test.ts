import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { connectorFactories } from '../../ingest/sources/connectors.js';
import { runSource } from '../../ingest/sources/run-source.js';
import { type SourceDefinition, parseSources } from '../../ingest/sources/sources-file.js';
import type { SyncDeps } from '../../ingest/sync.js';
import { GraphClient } from '../../src/core/graph-client.js';
import { silentLogger } from '../../src/core/log.js';
import { StaticDirectory } from '../../src/directory.js';
import { GraphDirectory } from '../../src/graph-directory.js';
import { detectLanguage } from '../../src/inference/language.js';
import { KnowledgeIndex } from '../../src/rag/knowledge-index.js';
import { createLexicalRetriever } from '../../src/rag/lexical-retriever.js';
import type { Store } from '../../src/store/store.js';
import {
  type FakeGraph,
  HR_GROUP_ID as HR,
  SHARED_WITH_EVERYONE as everyone,
  SHARED_WITH_HR as hrOnly,
  startFakeGraph,
} from '../fakes/fake-graph.js';
import { DIALECTS, type TestDatabase } from '../helpers/databases.js';
import { countingFetches } from '../helpers/counting-connector.js';

describe.each(DIALECTS)('a SharePoint library synced through the runner on $name', ({ create }) => {
  let database: TestDatabase;
  let store: Store;
  let index: KnowledgeIndex;
  let sync: SyncDeps;
  let graph: FakeGraph;
  let definition: SourceDefinition;
  let directory: GraphDirectory;
  const ids: Record<string, string> = {};

  const connector = async () =>
    countingFetches(
      await connectorFactories.sharepoint!.create(definition.settings, {
        env: definition.env,
        logger: silentLogger,
        sourceName: definition.name,
        baseDir: definition.baseDir,
        cwd: definition.baseDir,
        maxFileBytes: 1024 * 1024,
        audience: definition.audience,
      }),
      (item) => item.name,
    );
  const run = async () => {
    const source = await connector();
    const report = await runSource(
      { sync, sources: store.sources, maxFileBytes: 1024 * 1024, holder: 'test' },
      definition,
      source,
    );
    return { report, fetched: source.fetched };
  };
  /** The sources a person finds for a query, through the retriever's access control. */
  const search = async (email: string, text: string) => {
    await index.refresh();
    const retriever = createLexicalRetriever({
      index: () => index.lexical,
      getChunks: (chunkIds) => store.documents.getChunks(chunkIds),
    });
    const hits = await retriever.retrieve({ text, readers: [directory.resolve(email)], k: 5 });
    return [...new Set(hits.map((hit) => hit.source))];
  };

  beforeAll(async () => {
    database = await create();
    store = await database.open();
    index = await KnowledgeIndex.open({
      dataDir: database.dataDir,
      chunks: store.documents,
      logger: silentLogger,
    });
    sync = {
      documents: store.documents,
      index,
      detectLanguage: (t) => detectLanguage(t),
      detectInjection: () => false,
      logger: silentLogger,
    };
    graph = await startFakeGraph({ pageSize: 2 });
    graph.addSite({ id: 'site-hr', hostname: 'contoso.sharepoint.com', path: '/sites/people' });
    graph.addDrive({ id: 'drive-docs', name: 'Documents', siteId: 'site-hr' });
    graph.setMembers(HR, [{ type: 'user', id: 'u1', mail: 'hanna@contoso.com' }]);
    ids.leave = graph.putFile('drive-docs', {
      name: 'leave.md',
      folder: 'HR',
      content: '# Parental leave\n\nParents get sixteen weeks of parental leave on full pay.\n',
      permissions: everyone,
    });
    ids.vpn = graph.putFile('drive-docs', {
      name: 'vpn.md',
      content: '# VPN\n\nConnect to the VPN gateway with your badge before opening the intranet.\n',
      permissions: everyone,
    });
    ids.salary = graph.putFile('drive-docs', {
      name: 'salary-bands.md',
      content: '# Salary bands\n\nThe salary bands for engineers are reviewed every April.\n',
      permissions: hrOnly,
    });
    ids.canteen = graph.putFile('drive-docs', {
      name: 'canteen.txt',
      content: 'The canteen serves lunch from noon to two o clock.\n',
      permissions: everyone,
    });
    const yaml = [
      '- name: intranet',
      '  type: sharepoint',
      `  tenantId: ${graph.tenantId}`,
      `  clientId: ${graph.clientId}`,
      '  clientSecretEnv: SP_SECRET',
      '  hostname: contoso.sharepoint.com',
      '  sitePath: /sites/people',
      `  groups: {"${HR}": hr}`,
      `  graphUrl: ${graph.graphUrl}`,
      `  loginUrl: ${graph.loginUrl}`,
    ].join('\n');
    definition = parseSources(yaml, path.join(database.dataDir, 'sources.yaml'), (name) =>
      name === 'SP_SECRET' ? graph.clientSecret : undefined,
    )[0] as SourceDefinition;
    directory = new GraphDirectory({
      graph: new GraphClient({
        tenantId: graph.tenantId,
        clientId: graph.clientId,
        clientSecret: graph.clientSecret,
        graphUrl: graph.graphUrl,
        loginUrl: graph.loginUrl,
      }),
      groups: { [HR]: 'hr' },
      base: new StaticDirectory(),
      logger: silentLogger,
      refreshMs: 60_000,
    });
    await directory.refresh();
  });

  afterAll(async () => {
    await graph.close();
    await store.close();
    await database.dispose();
  });

  beforeEach(() => {
    graph.requests.length = 0;
  });

  it('stores the library on the first sync, each document readable by its audience at the source', async () => {
    const { report } = await run();
    expect(report.status).toBe('ok');
    expect(report.added).toHaveLength(4);
    expect(await search('olaf@contoso.com', 'parental leave weeks')).toEqual([
      'https://contoso.sharepoint.com/sites/fake/Documents/HR/leave.md',
    ]);
    expect(await search('olaf@contoso.com', 'salary bands engineers')).toEqual([]);
    expect(await search('hanna@contoso.com', 'salary bands engineers')).toEqual([
      'https://contoso.sharepoint.com/sites/fake/Documents/salary-bands.md',
    ]);
  });

  it('fetches only the changed item at the next sync', async () => {
    graph.putFile('drive-docs', {
      name: 'vpn.md',
      content: '# VPN\n\nConnect to the new VPN gateway vpn2 with your badge and PIN.\n',
    });
    const { report, fetched } = await run();
    expect(fetched).toEqual(['vpn.md']);
    expect(report).toMatchObject({
      status: 'ok',
      updated: ['https://contoso.sharepoint.com/sites/fake/Documents/vpn.md'],
      added: [],
    });
    expect(await search('olaf@contoso.com', 'vpn2 gateway PIN')).toEqual([
      'https://contoso.sharepoint.com/sites/fake/Documents/vpn.md',
    ]);
  });

  it('removes a document deleted at the source', async () => {
    graph.deleteItem('drive-docs', ids.canteen!);
    const { report, fetched } = await run();
    expect(fetched).toEqual([]);
    expect(report.removed).toEqual(['https://contoso.sharepoint.com/sites/fake/Documents/canteen.txt']);
    expect(await search('olaf@contoso.com', 'canteen lunch noon')).toEqual([]);
  });

  it('hides a document restricted at the source from people outside its new audience', async () => {
    expect(await search('olaf@contoso.com', 'parental leave weeks')).toHaveLength(1);
    graph.setPermissions('drive-docs', ids.leave!, hrOnly);
    const { report } = await run();
    expect(report.status).toBe('ok');
    expect(await search('olaf@contoso.com', 'parental leave weeks')).toEqual([]);
    expect(await search('hanna@contoso.com', 'parental leave weeks')).toEqual([
      'https://contoso.sharepoint.com/sites/fake/Documents/HR/leave.md',
    ]);
  });

  it('keeps a renamed document without storing it again', async () => {
    graph.renameFile('drive-docs', ids.vpn!, 'remote-access.md');
    const { report } = await run();
    expect(report.moved).toEqual([
      {
        from: 'https://contoso.sharepoint.com/sites/fake/Documents/vpn.md',
        to: 'https://contoso.sharepoint.com/sites/fake/Documents/remote-access.md',
      },
    ]);
    expect(await search('olaf@contoso.com', 'vpn2 gateway PIN')).toEqual([
      'https://contoso.sharepoint.com/sites/fake/Documents/remote-access.md',
    ]);
  });

  it('rides out throttling and an expired token, and resyncs after an expired delta link', async () => {
    graph.expireTokens();
    graph.failNext('/root/delta', { status: 429, retryAfter: '1' });
    const quiet = await run();
    expect(quiet.report).toMatchObject({ status: 'ok', added: [], updated: [], removed: [] });
    expect(graph.requests.filter((r) => r.url.includes('/root/delta')).length).toBeGreaterThanOrEqual(2);

    graph.deleteItem('drive-docs', ids.salary!);
    graph.expireDeltaLinks();
    const { report, fetched } = await run();
    expect(report.status).toBe('ok');
    expect(report.removed).toEqual(['https://contoso.sharepoint.com/sites/fake/Documents/salary-bands.md']);
    // A complete listing, but nothing unchanged is fetched again.
    expect(fetched).toEqual([]);
    expect(await search('hanna@contoso.com', 'salary bands engineers')).toEqual([]);
  });

  it('hides the files of a folder restricted at the source, which delta does not list, at the next run', async () => {
    // Two files that inherit their folder's permissions, one level down as well.
    graph.setFolderPermissions('drive-docs', 'Payroll', everyone);
    graph.putFile('drive-docs', {
      name: 'payroll-calendar.md',
      folder: 'Payroll',
      content: '# Payroll calendar\n\nSalaries are paid on the twenty-fifth of each month.\n',
    });
    graph.putFile('drive-docs', {
      name: 'bonus-rules.md',
      folder: 'Payroll/2027',
      content: '# Bonus rules\n\nThe annual bonus is paid in March together with the salary.\n',
    });
    // One with permissions of its own: the folder's change does not reach it.
    graph.putFile('drive-docs', {
      name: 'payroll-contacts.md',
      folder: 'Payroll',
      content: '# Payroll contacts\n\nQuestions about your payslip go to the payroll desk on floor four.\n',
      permissions: everyone,
    });
    const calendar = 'https://contoso.sharepoint.com/sites/fake/Documents/Payroll/payroll-calendar.md';
    const bonus = 'https://contoso.sharepoint.com/sites/fake/Documents/Payroll/2027/bonus-rules.md';
    expect((await run()).report.added).toHaveLength(3);
    expect(await search('olaf@contoso.com', 'salaries paid twenty-fifth')).toContain(calendar);
    expect(await search('olaf@contoso.com', 'annual bonus March')).toContain(bonus);

    graph.setFolderPermissions('drive-docs', 'Payroll', hrOnly);
    graph.requests.length = 0;
    const { report, fetched } = await run();
    expect(report.status).toBe('ok');
    // The two files that inherit are read again (same content: re-indexed from their stored
    // embeddings for their new readers); the one with its own permissions is left as it was.
    expect(fetched.sort()).toEqual(['bonus-rules.md', 'payroll-calendar.md']);
    expect(graph.requests.some((r) => r.url.includes('/children'))).toBe(true);
    expect(report.updated).toEqual(expect.arrayContaining([calendar, bonus]));
    const olaf = [
      ...(await search('olaf@contoso.com', 'salaries paid twenty-fifth')),
      ...(await search('olaf@contoso.com', 'annual bonus March')),
    ];
    expect(olaf).not.toContain(calendar);
    expect(olaf).not.toContain(bonus);
    expect(await search('hanna@contoso.com', 'salaries paid twenty-fifth')).toContain(calendar);
    expect(await search('hanna@contoso.com', 'annual bonus March')).toContain(bonus);
    expect(await search('olaf@contoso.com', 'payslip payroll desk floor')).toEqual([
      'https://contoso.sharepoint.com/sites/fake/Documents/Payroll/payroll-contacts.md',
    ]);

    // A run with no change reads no folder's children.
    graph.requests.length = 0;
    expect((await run()).report).toMatchObject({ status: 'ok', added: [], updated: [], removed: [] });
    expect(graph.requests.some((r) => r.url.includes('/children'))).toBe(false);
  });
});
