import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type FakeConfluence, startFakeConfluence } from '../fakes/fake-confluence.js';
import { runCli } from '../helpers/cli.js';

const PAT = 'dc-personal-token-77e1b0';

describe('polydesk sync and search with a Confluence Data Center source', () => {
  let site: FakeConfluence;
  let dir: string;
  let env: Record<string, string>;

  const sources = async (query: string, user: string) => {
    const result = await runCli(['search', query, '--user', user, '--json'], { env });
    expect(result.code, result.stderr).toBe(0);
    const { hits } = JSON.parse(result.stdout) as { hits: { source: string }[] };
    return [...new Set(hits.map((hit) => hit.source))];
  };
  const page = (id: string) => `${site.baseUrl}/pages/viewpage.action?pageId=${id}`;

  beforeAll(async () => {
    site = await startFakeConfluence({ deployment: 'datacenter', token: PAT });
    site.addSpace('HR');
    site.addPage({
      id: '100',
      space: 'HR',
      title: 'Handbook',
      body: '<p>Welcome to the staff handbook.</p>',
    });
    site.addPage({
      id: '101',
      space: 'HR',
      title: 'Remote work',
      parentId: '100',
      body: '<p>Staff may work remotely two days a week with their manager’s consent.</p>',
    });
    site.addPage({
      id: '102',
      space: 'HR',
      title: 'Salary bands',
      parentId: '100',
      body: '<p>The salary bands for engineers are reviewed every April.</p>',
      restriction: { groups: ['hr-team'] },
    });
    dir = mkdtempSync(path.join(tmpdir(), 'polydesk-confluence-cli-'));
    writeFileSync(
      path.join(dir, 'sources.yaml'),
      [
        '- name: hr-wiki',
        '  type: confluence',
        `  baseUrl: ${site.baseUrl}`,
        '  deployment: datacenter',
        '  tokenEnv: CONFLUENCE_PAT',
        '  spaces: [HR]',
        '  groups: {hr-team: hr}',
        '  fullListingEvery: 1',
        '  audience: [all]',
      ].join('\n'),
    );
    writeFileSync(
      path.join(dir, 'directory.json'),
      JSON.stringify({ groups: { hr: ['hana@corp.example'] } }),
    );
    env = {
      DATA_DIR: path.join(dir, 'data'),
      SOURCES_FILE: path.join(dir, 'sources.yaml'),
      DIRECTORY_FILE: path.join(dir, 'directory.json'),
      CONFLUENCE_PAT: PAT,
    };
  });

  afterAll(async () => {
    await site.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('syncs the space, and each person finds what Confluence lets them read', async () => {
    const sync = await runCli(['sync', '--json'], { env });
    expect(sync.code, sync.stderr).toBe(0);
    const report = JSON.parse(sync.stdout) as {
      sources: { source: string; status: string; added: string[] }[];
    };
    expect(report.sources[0]).toMatchObject({ source: 'hr-wiki', status: 'ok' });
    expect(report.sources[0]?.added).toHaveLength(3);
    expect(`${sync.stdout}${sync.stderr}`).not.toContain(PAT);

    expect(await sources('salary bands engineers April', 'hana@corp.example')).toEqual([page('102')]);
    expect(await sources('salary bands engineers April', 'olaf@corp.example')).toEqual([]);
    expect(await sources('work remotely two days', 'olaf@corp.example')).toEqual([page('101')]);
  });

  it('hides a page from everyone outside HR once it is restricted at the source', async () => {
    site.restrict('100', { groups: ['hr-team'] });
    const sync = await runCli(['sync', '--source', 'hr-wiki', '--json'], { env });
    expect(sync.code, sync.stderr).toBe(0);
    expect(await sources('work remotely two days', 'olaf@corp.example')).toEqual([]);
    expect(await sources('work remotely two days', 'hana@corp.example')).toEqual([page('101')]);
  });

  it('refuses a source that does not say who may read the space (its permissions are not read)', async () => {
    const file = path.join(dir, 'no-audience.yaml');
    writeFileSync(
      file,
      [
        '- name: private-wiki',
        '  type: confluence',
        `  baseUrl: ${site.baseUrl}`,
        '  deployment: datacenter',
        '  tokenEnv: CONFLUENCE_PAT',
        '  spaces: [HR]',
      ].join('\n'),
    );
    const requestsBefore = site.requests.length;
    const sync = await runCli(['sync', '--json'], { env: { ...env, SOURCES_FILE: file } });
    expect(sync.code).toBe(2);
    expect(sync.stderr).toContain(
      'source "private-wiki": Confluence space permissions are not read, so say who may read these spaces: set "audience" on the source (e.g. audience: [hr]) or "defaultAudience" in its settings; audience: [all] if everyone may',
    );
    expect(site.requests.length).toBe(requestsBefore);
  });

  it('fails with the variable named, not the token, when the token is refused', async () => {
    const sync = await runCli(['sync', '--json'], { env: { ...env, CONFLUENCE_PAT: 'expired-token-0000' } });
    expect(sync.code).toBe(1);
    const report = JSON.parse(sync.stdout) as { sources: { status: string; error: string }[] };
    expect(report.sources[0]?.status).toBe('failed');
    expect(report.sources[0]?.error).toContain(
      'refused the credentials (401): check that CONFLUENCE_PAT holds a valid personal access token',
    );
    expect(`${sync.stdout}${sync.stderr}`).not.toContain('expired-token-0000');
    expect(await sources('work remotely two days', 'hana@corp.example')).toEqual([page('101')]);
  });
});
