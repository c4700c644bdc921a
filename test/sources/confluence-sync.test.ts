import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { silentLogger } from '../../src/core/log.js';
import type { IncomingQuestion, Principal } from '../../src/core/types.js';
import type { AnswerService } from '../../src/answer/ports.js';
import { detectLanguage } from '../../src/inference/language.js';
import type { KnowledgeIndex } from '../../src/rag/knowledge-index.js';
import { createLexicalRetriever } from '../../src/rag/lexical-retriever.js';
import type { Store } from '../../src/store/store.js';
import type { ConfluenceSettings } from '../../ingest/sources/confluence-settings.js';
import { confluenceConnector } from '../../ingest/sources/confluence-source.js';
import { runSource } from '../../ingest/sources/run-source.js';
import { type SourceDefinition, parseSources } from '../../ingest/sources/sources-file.js';
import type { SyncDeps } from '../../ingest/sync.js';
import { type FakeConfluence, startFakeConfluence } from '../fakes/fake-confluence.js';
import { DIALECTS, type TestDatabase } from '../helpers/databases.js';
import { buildPipeline } from '../helpers/pipeline.js';
import { docxBytes } from '../ingest/fixtures.js';

const TOKEN = 'cloud-api-token-4f9a2c';
const DAY = 24 * 60 * 60 * 1000;
const employee: Principal = { email: 'sam@corp.example', groups: ['all'] };
const hrPerson: Principal = { email: 'hana@corp.example', groups: ['all', 'hr'] };

/** HR: Handbook > Leave > Parental leave; Handbook > Pay (restricted to hr-team) > Salary bands. */
function hrSpace(site: FakeConfluence): void {
  site.addSpace('HR');
  site.addPage({ id: '100', space: 'HR', title: 'Handbook', body: '<p>Welcome to the staff handbook.</p>' });
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
    body: '<h2>Eligibility</h2><p>Parents get 16 weeks of parental leave after six months of service.</p>',
  });
  site.addPage({
    id: '103',
    space: 'HR',
    title: 'Pay',
    parentId: '100',
    body: '<p>Pay day is the 25th of the month.</p>',
    restriction: { groups: ['hr-team'] },
  });
  site.addPage({
    id: '104',
    space: 'HR',
    title: 'Salary bands',
    parentId: '103',
    body: '<p>Salary band B pays 60,000 to 75,000 euros.</p>',
  });
}

describe.each(DIALECTS)('syncing Confluence through the runner on $name', ({ create }) => {
  let database: TestDatabase;
  let store: Store;
  let answers: AnswerService;
  let index: KnowledgeIndex;
  let sync: SyncDeps;
  let site: FakeConfluence;
  let dir: string;

  beforeEach(async () => {
    database = await create();
    store = await database.open();
    ({ answers, index } = await buildPipeline(store, database.dataDir, {}));
    sync = {
      documents: store.documents,
      index,
      detectLanguage: (t) => detectLanguage(t),
      detectInjection: () => false,
      logger: silentLogger,
    };
    site = await startFakeConfluence({ deployment: 'cloud', email: 'bot@example.com', token: TOKEN });
    hrSpace(site);
    dir = mkdtempSync(path.join(tmpdir(), 'polydesk-confluence-'));
  });
  afterEach(async () => {
    await site.close();
    await store.close();
    await database.dispose();
    rmSync(dir, { recursive: true, force: true });
  });

  /** The source as SOURCES_FILE declares it, read through the sources file's own checks. */
  function wiki(extra = '', env: Record<string, string> = { CONFLUENCE_API_TOKEN: TOKEN }) {
    const yaml = [
      '- name: wiki',
      '  type: confluence',
      `  baseUrl: ${site.baseUrl}`,
      '  deployment: cloud',
      '  email: bot@example.com',
      '  apiTokenEnv: CONFLUENCE_API_TOKEN',
      '  spaces: [HR]',
      '  groups: {hr-team: hr}',
      '  audience: [all]',
      ...extra
        .split('\n')
        .filter(Boolean)
        .map((line) => `  ${line}`),
    ].join('\n');
    const [definition] = parseSources(yaml, path.join(dir, 'sources.yaml'), (name) => env[name]);
    return definition as SourceDefinition;
  }

  async function run(definition: SourceDefinition) {
    const connector = await confluenceConnector.create(definition.settings as ConfluenceSettings, {
      env: definition.env,
      logger: silentLogger,
      sourceName: definition.name,
      baseDir: dir,
      cwd: dir,
      maxFileBytes: 1024 * 1024,
      audience: definition.audience,
      audienceExplicit: definition.audienceExplicit,
    });
    const report = await runSource(
      { sync, sources: store.sources, maxFileBytes: 1024 * 1024, holder: 'test' },
      definition,
      connector,
    );
    await index.persist();
    return report;
  }

  const page = (id: string) => `${site.baseUrl}/pages/viewpage.action?pageId=${id}`;

  async function search(text: string, reader: Principal) {
    const retriever = createLexicalRetriever({
      index: () => index.lexical,
      getChunks: (ids) => store.documents.getChunks(ids),
    });
    return retriever.retrieve({ text, readers: [reader], k: 5, language: 'en' });
  }

  async function ask(text: string, asker: Principal) {
    const question: IncomingQuestion = {
      text,
      asker,
      place: { platform: 'web', kind: 'dm', channelId: 'D1', readers: [asker] },
      history: [],
    };
    return answers.ask(question);
  }

  it('syncs every page with its place as headings, then fetches only the page that changed', async () => {
    const definition = wiki();
    const first = await run(definition);
    expect(first.status).toBe('ok');
    expect([...first.added].sort()).toEqual(['100', '101', '102', '103', '104'].map(page).sort());
    const [hit] = await search('parental leave weeks eligibility', employee);
    expect(hit).toMatchObject({
      source: page('102'),
      title: 'Parental leave',
      headingPath: ['Handbook', 'Leave', 'Eligibility'],
      url: `${site.baseUrl}/spaces/HR/pages/102/Parental%2Bleave`,
    });

    site.now = new Date(site.now.getTime() + 2 * DAY);
    site.editPage('101', { body: '<p>Employees get 27 days of paid leave a year.</p>' });
    const before = site.bodyFetches().length;
    const second = await run(definition);
    expect(second).toMatchObject({ status: 'ok', updated: [page('101')], added: [], removed: [] });
    expect(site.bodyFetches().slice(before)).toEqual(['101']);
    const answer = await ask('How many days of paid leave do employees get?', employee);
    expect(answer.status).toBe('answered');
    expect(answer.answer).toContain('27 days');
    expect(answer.citations.map((c) => c.source)).toContain(page('101'));
  });

  it('keeps restricted pages from people outside their groups, and a newly restricted page disappears from their answers at the next sync', async () => {
    const definition = wiki();
    await run(definition);
    expect((await search('salary band euros', hrPerson)).map((h) => h.source)).toContain(page('104'));
    expect((await search('salary band euros', employee)).map((h) => h.source)).not.toContain(page('104'));
    const before = await ask('How many weeks of parental leave do parents get?', employee);
    expect(before.citations.map((c) => c.source)).toContain(page('102'));

    // Parental leave moves under HR's restriction (an edit, so the next, incremental listing sees it).
    site.restrict('102', { groups: ['hr-team'] });
    site.editPage('102', {
      body: '<p>Parents get 18 weeks of parental leave after six months of service.</p>',
    });
    const report = await run(definition);
    expect(report.status).toBe('ok');
    const after = await ask('How many weeks of parental leave do parents get?', employee);
    expect(after.citations.map((c) => c.source)).not.toContain(page('102'));
    expect(after.answer).not.toContain('18 weeks');
    const forHr = await ask('How many weeks of parental leave do parents get?', hrPerson);
    expect(forHr.citations.map((c) => c.source)).toContain(page('102'));
    expect(forHr.answer).toContain('18 weeks');
  });

  it('applies a restriction that made no new version at the next complete listing', async () => {
    // Confluence keeps the version when only restrictions change: every run is complete here.
    const definition = wiki('fullListingEvery: 1');
    await run(definition);
    site.restrict('100', { groups: ['hr-team'] });
    const report = await run(definition);
    expect(report.status).toBe('ok');
    // The whole tree under the handbook is HR's now.
    for (const id of ['100', '101', '102']) expect(report.updated).toContain(page(id));
    expect((await search('parental leave weeks', employee)).map((h) => h.source)).toEqual([]);
    expect((await search('parental leave weeks', hrPerson)).map((h) => h.source)).toContain(page('102'));
    // A restriction to a group nobody maps: the page leaves PolyDesk altogether.
    site.restrict('100', { groups: ['board'] });
    const unmapped = await run(definition);
    expect([...unmapped.removed].sort()).toEqual(['100', '101', '102', '103', '104'].map(page).sort());
  });

  it('removes a deleted page at the next complete listing', async () => {
    const definition = wiki('fullListingEvery: 2');
    await run(definition);
    site.deletePage('102');
    const incremental = await run(definition);
    const complete = await run(definition);
    expect(incremental.removed).toEqual([]);
    expect(complete.removed).toEqual([page('102')]);
    expect((await search('parental leave weeks', hrPerson)).map((h) => h.source)).not.toContain(page('102'));
    expect((await search('parental leave weeks', hrPerson)).map((h) => h.source)).toContain(page('101'));
  });

  it('syncs attachments through the loaders with their page’s audience and place', async () => {
    site.addAttachment('104', {
      id: 'att900',
      title: 'bands.docx',
      bytes: docxBytes([{ text: 'Band C tops out at 92,000 euros for senior engineers.' }]),
      mediaType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    });
    const report = await run(wiki());
    const source = `${site.baseUrl}/download/attachments/104/bands.docx`;
    expect(report.added).toContain(source);
    const [hit] = await search('band C senior engineers', hrPerson);
    expect(hit).toMatchObject({
      source,
      title: 'bands.docx',
      headingPath: ['Handbook', 'Pay', 'Salary bands'],
    });
    expect(await search('band C senior engineers', employee)).toEqual([]);
  });

  it('waits out 429 with Retry-After', async () => {
    site.throttle(2, '1');
    const report = await run(wiki());
    expect(report.status).toBe('ok');
    expect(report.added).toHaveLength(5);
  });

  it('fails with a clear error on a wrong token and leaves the source as it was', async () => {
    await run(wiki());
    const state = await store.sources.state('wiki');
    const documents = (await store.documents.listSources()).length;
    const report = await run(wiki('', { CONFLUENCE_API_TOKEN: 'wrong-token-value' }));
    expect(report.status).toBe('failed');
    expect(report.error).toContain('refused the credentials (401): check that CONFLUENCE_API_TOKEN holds');
    expect(report.error).not.toContain('wrong-token-value');
    const after = await store.sources.state('wiki');
    expect(after).toMatchObject({ status: 'failed', cursor: state?.cursor, items: state?.items });
    expect(after?.lastError).not.toContain('wrong-token-value');
    expect((await store.documents.listSources()).length).toBe(documents);
    expect((await search('parental leave weeks', employee)).map((h) => h.source)).toContain(page('102'));
  });
});
