import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type FakeGraph, type FakePermission, startFakeGraph } from '../fakes/fake-graph.js';
import { runCli } from '../helpers/cli.js';

const HR = '0b6a3f2e-1c1d-4b7e-9a53-2f1e5c2d9a10';
const everyone: FakePermission[] = [{ roles: ['read'], link: { scope: 'organization', type: 'view' } }];
const hrOnly: FakePermission[] = [
  { roles: ['read'], grantedToV2: { group: { id: HR, displayName: 'Human Resources' } } },
];

describe('polydesk sync and search with a SharePoint source and groups from Entra ID', () => {
  let graph: FakeGraph;
  let dir: string;
  let env: Record<string, string>;
  let salaryId: string;

  const sources = async (query: string, user: string) => {
    const result = await runCli(['search', query, '--user', user, '--json'], { env });
    expect(result.code, result.stderr).toBe(0);
    const { hits } = JSON.parse(result.stdout) as { hits: { source: string }[] };
    return [...new Set(hits.map((hit) => hit.source))];
  };

  beforeAll(async () => {
    graph = await startFakeGraph();
    graph.addSite({ id: 'site-people', hostname: 'contoso.sharepoint.com', path: '/sites/people' });
    graph.addDrive({ id: 'drive-docs', name: 'Documents', siteId: 'site-people' });
    graph.setMembers(HR, [{ type: 'user', id: 'u1', mail: 'hanna@contoso.com' }]);
    salaryId = graph.putFile('drive-docs', {
      name: 'salary-bands.md',
      content: '# Salary bands\n\nThe salary bands for engineers are reviewed every April.\n',
      permissions: hrOnly,
    });
    graph.putFile('drive-docs', {
      name: 'vpn.md',
      content: '# VPN\n\nConnect to the VPN gateway with your badge before opening the intranet.\n',
      permissions: everyone,
    });
    dir = mkdtempSync(path.join(tmpdir(), 'polydesk-sharepoint-cli-'));
    writeFileSync(
      path.join(dir, 'sources.yaml'),
      [
        '- name: people',
        '  type: sharepoint',
        `  tenantId: ${graph.tenantId}`,
        `  clientId: ${graph.clientId}`,
        '  clientSecretEnv: SHAREPOINT_SECRET',
        '  hostname: contoso.sharepoint.com',
        '  sitePath: /sites/people',
        `  groups: {"${HR}": hr}`,
        `  graphUrl: ${graph.graphUrl}`,
        `  loginUrl: ${graph.loginUrl}`,
      ].join('\n'),
    );
    env = {
      DATA_DIR: path.join(dir, 'data'),
      SOURCES_FILE: path.join(dir, 'sources.yaml'),
      SHAREPOINT_SECRET: graph.clientSecret,
      DIRECTORY_GRAPH_GROUPS: `${HR}=hr`,
      DIRECTORY_GRAPH_TENANT_ID: graph.tenantId,
      DIRECTORY_GRAPH_CLIENT_ID: graph.clientId,
      DIRECTORY_GRAPH_CLIENT_SECRET: graph.clientSecret,
      GRAPH_API_URL: graph.graphUrl,
      GRAPH_LOGIN_URL: graph.loginUrl,
    };
  });

  afterAll(async () => {
    await graph.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('syncs the library, and each person finds what SharePoint lets them read', async () => {
    const sync = await runCli(['sync', '--json'], { env });
    expect(sync.code, sync.stderr).toBe(0);
    const report = JSON.parse(sync.stdout) as {
      sources: { source: string; status: string; added: number | string[] }[];
    };
    expect(report.sources).toHaveLength(1);
    expect(report.sources[0]).toMatchObject({ source: 'people', status: 'ok' });
    expect(`${sync.stdout}${sync.stderr}`).not.toContain(graph.clientSecret);

    expect(await sources('salary bands engineers', 'hanna@contoso.com')).toEqual([
      'https://contoso.sharepoint.com/sites/fake/Documents/salary-bands.md',
    ]);
    expect(await sources('salary bands engineers', 'olaf@contoso.com')).toEqual([]);
    expect(await sources('VPN gateway badge', 'olaf@contoso.com')).toEqual([
      'https://contoso.sharepoint.com/sites/fake/Documents/vpn.md',
    ]);
  });

  it('opens a document to everyone once it is shared with the organisation', async () => {
    graph.setPermissions('drive-docs', salaryId, [...hrOnly, ...everyone]);
    const sync = await runCli(['sync', '--source', 'people', '--json'], { env });
    expect(sync.code, sync.stderr).toBe(0);
    expect(await sources('salary bands engineers', 'olaf@contoso.com')).toEqual([
      'https://contoso.sharepoint.com/sites/fake/Documents/salary-bands.md',
    ]);
  });
});
