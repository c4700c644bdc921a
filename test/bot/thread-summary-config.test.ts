import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';

/** When Teams' "Summarise thread" reads whole conversations through Microsoft Graph (TEAMS_GRAPH). */
describe('TEAMS_GRAPH', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'polydesk-teams-graph-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const teams = (env: Record<string, string>) => loadConfig({ POLYDESK_SAMPLES: '0', ...env }, dir).teams;
  const app = {
    MICROSOFT_APP_ID: '11111111-2222-3333-4444-555555555555',
    MICROSOFT_APP_PASSWORD: 'app-secret',
  };

  it('reads through Graph with the Azure Bot credentials unless turned off, at the configured URLs', () => {
    expect(teams(app).graph).toEqual({ graphUrl: undefined, loginUrl: undefined });
    expect(
      teams({
        ...app,
        GRAPH_API_URL: 'https://graph.microsoft.us/v1.0',
        GRAPH_LOGIN_URL: 'https://login.microsoftonline.us',
      }).graph,
    ).toEqual({ graphUrl: 'https://graph.microsoft.us/v1.0', loginUrl: 'https://login.microsoftonline.us' });
    expect(teams({ ...app, TEAMS_GRAPH: 'off' }).graph).toBeUndefined();
  });

  it('has no Graph without an app password (the Emulator mode, a managed identity)', () => {
    expect(teams({ TEAMS_EMULATOR: '1' }).graph).toBeUndefined();
    expect(
      teams({
        MICROSOFT_APP_ID: app.MICROSOFT_APP_ID,
        MICROSOFT_APP_TYPE: 'UserAssignedMSI',
        MICROSOFT_APP_TENANT_ID: 'contoso.onmicrosoft.com',
      }).graph,
    ).toBeUndefined();
  });

  it('refuses a value it does not know, saying what to set', () => {
    expect(() => teams({ ...app, TEAMS_GRAPH: 'yes' })).toThrow(/TEAMS_GRAPH to on .* or off/);
  });
});
