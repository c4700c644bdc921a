import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError } from '../../src/core/errors.js';
import {
  chooseRoute,
  loadExpertRoutes,
  parseExpertRoutes,
  sourceMatches,
} from '../../src/helpdesk/expert-routes.js';

const ROUTES = parseExpertRoutes({
  routes: [
    {
      name: 'hr',
      team: 'HR',
      match: { groups: ['hr'], sources: ['hr/'] },
      slack: { channel: 'C0HR', mention: '<!subteam^S0HR>' },
    },
    {
      name: 'it',
      team: 'IT',
      match: { sources: ['it/'] },
      teams: { channel: '19:it@thread.tacv2', serviceUrl: 'https://smba.trafficmanager.net/emea/' },
    },
    { name: 'helpdesk', team: 'Helpdesk', default: true, slack: { channel: 'C0HELP', mention: '<!here>' } },
  ],
});

const topic = (over: Partial<Parameters<typeof chooseRoute>[1]> = {}) => ({
  sources: [],
  documentGroups: [],
  askerGroups: ['all'],
  ...over,
});

describe('expert routes', () => {
  it('fills in the defaults', () => {
    expect(ROUTES[1]).toMatchObject({
      name: 'it',
      language: 'en',
      audience: ['all'],
      default: false,
      match: { groups: [] },
    });
  });

  it('chooses by what the answer cited first, then by documents’ and asker’s groups, then the default', () => {
    // An HR employee asking about the VPN goes to IT: the topic is what the answer drew on.
    expect(chooseRoute(ROUTES, topic({ sources: ['it/vpn.md'], askerGroups: ['all', 'hr'] }))?.name).toBe(
      'it',
    );
    expect(chooseRoute(ROUTES, topic({ sources: ['finance/pay.md'], documentGroups: ['hr'] }))?.name).toBe(
      'hr',
    );
    expect(chooseRoute(ROUTES, topic({ askerGroups: ['all', 'hr'] }))?.name).toBe('hr');
    // Everyone is in `all`: it routes nothing.
    expect(chooseRoute(ROUTES, topic({ documentGroups: ['all'] }))?.name).toBe('helpdesk');
    expect(chooseRoute(ROUTES.slice(0, 2), topic())).toBeUndefined();
  });

  it('matches a route’s folders by whole path segments, wherever ingest put the source', () => {
    // As ingest records sources: relative to where it ran, absolute, a Windows path, a URL.
    for (const source of [
      'hr/leave.md',
      'examples/knowledge/hr/leave.md',
      '/srv/docs/hr/leave.md',
      'C:\\kb\\hr\\leave.md',
      'https://wiki.corp.example/hr/leave',
    ])
      expect(sourceMatches(source, 'hr/'), source).toBe(true);
    for (const source of ['hrm/leave.md', 'docs/shr/x.md', 'docs/hr.md', 'it/hr-faq.md'])
      expect(sourceMatches(source, 'hr/'), source).toBe(false);
    expect(sourceMatches('/srv/kb/hr/leave.md', 'kb/hr')).toBe(true);
    expect(sourceMatches('/srv/hr/kb/leave.md', 'kb/hr')).toBe(false);
    expect(sourceMatches('docs/hr/leave.md', './hr/leave.md')).toBe(true);
    expect(sourceMatches('docs/hr/leave.md', '/')).toBe(false);
    expect(
      chooseRoute(ROUTES, topic({ sources: ['/srv/polydesk/examples/knowledge/it/vpn.md'] }))?.name,
    ).toBe('it');
  });

  it('takes a Teams channel’s readers from the route, everyone-only unless it says more', () => {
    const teams = { channel: '19:hr@thread.tacv2', serviceUrl: 'https://smba.trafficmanager.net/emea/' };
    const [plain, stated] = parseExpertRoutes([
      { name: 'hr', team: 'HR', match: { groups: ['hr'] }, teams },
      {
        name: 'hr2',
        team: 'HR',
        match: { groups: ['hr'] },
        teams: { ...teams, readers: ['hr', 'hr-leads'] },
      },
    ]);
    // The route's groups say whose questions go there, not who reads the channel.
    expect(plain!.teams!.readers).toEqual(['all']);
    expect(stated!.teams!.readers).toEqual(['hr', 'hr-leads']);
    expect(() =>
      parseExpertRoutes([{ name: 'a', team: 'A', default: true, teams: { ...teams, readers: [] } }]),
    ).toThrow(/at 0\.teams\.readers: name at least one group/);
    expect(() =>
      parseExpertRoutes([{ name: 'a', team: 'A', default: true, teams: { ...teams, readers: [' '] } }]),
    ).toThrow(ConfigError);
  });

  it('refuses what cannot work, saying which route and how to fix it', () => {
    const bad = (routes: unknown, message: RegExp) => {
      expect(() => parseExpertRoutes(routes)).toThrow(ConfigError);
      expect(() => parseExpertRoutes(routes)).toThrow(message);
    };
    bad(
      { routes: [{ name: 'hr', team: 'HR', match: { groups: ['hr'] } }] },
      /route "hr" has no expert channel/,
    );
    bad({ routes: [{ name: 'hr', team: 'HR', slack: { channel: 'C0HR' } }] }, /route "hr" matches nothing/);
    bad(
      { routes: [{ name: 'hr', team: 'HR', slack: { channel: '#hr' }, default: true }] },
      /routes\.0\.slack\.channel: must be a channel id/,
    );
    bad(
      {
        routes: [
          { name: 'hr', team: 'HR', default: true, slack: { channel: 'C0HR', mention: '@hr-oncall' } },
        ],
      },
      /<!subteam\^S0123ABCD>/,
    );
    bad(
      [
        { name: 'a', team: 'A', default: true, slack: { channel: 'C0A' } },
        { name: 'b', team: 'B', default: true, slack: { channel: 'C0B' } },
      ],
      /only one route may be the default \(a, b are\)/,
    );
    bad(
      [{ name: 'a', team: 'A', match: { groups: ['all'] }, slack: { channel: 'C0A' } }],
      /use default: true/,
    );
    bad(
      [{ name: 'a', team: 'A', default: true, language: 'xx', slack: { channel: 'C0A' } }],
      /language: must be one of/,
    );
    bad(
      [
        {
          name: 'a',
          team: 'A',
          default: true,
          teams: { channel: 'general', serviceUrl: 'https://smba.example/' },
        },
      ],
      /19:…@thread\.tacv2/,
    );
    bad({ routes: [{ name: 'a', team: 'A', default: true, slak: {} }] }, /Unrecognized key/);
  });

  it('reads a YAML file and names the file in its errors', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'polydesk-routes-'));
    try {
      const file = path.join(dir, 'routes.yaml');
      writeFileSync(
        file,
        'routes:\n  - name: helpdesk\n    team: Helpdesk\n    default: true\n    slack: {channel: C0HELP}\n',
      );
      expect((await loadExpertRoutes(file)).map((r) => r.name)).toEqual(['helpdesk']);
      writeFileSync(file, 'routes: [\n');
      await expect(loadExpertRoutes(file)).rejects.toThrow(/routes\.yaml is not valid JSON or YAML/);
      await expect(loadExpertRoutes(path.join(dir, 'missing.yaml'))).rejects.toThrow(/cannot be read/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
