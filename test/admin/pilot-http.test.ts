/**
 * The pilot numbers page, its CSV export and its JSON over real HTTP: a server with a directory
 * file, the seeded pilot in its database, signed-in admins, tokens and the roles that may not see it.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminCommand } from '../../src/cli/admin-command.js';
import { type AdminServer, USERS, signIn, startAdminServer } from './admin-harness.js';
import { DAVE, PILOT_GROUPS, RANGE, seedPilot } from './pilot-seed.js';

const HOSTILE_GROUP = '<script>alert(1)</script>';
const QUERY = `from=${RANGE.from}&to=${RANGE.to}`;

let s: AdminServer;
let dir: string;
let admin: string;
let token: string;

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'polydesk-pilot-'));
  const directoryFile = path.join(dir, 'directory.json');
  writeFileSync(directoryFile, JSON.stringify({ groups: { ...PILOT_GROUPS, [HOSTILE_GROUP]: [DAVE] } }));
  s = await startAdminServer({ env: { DIRECTORY_FILE: directoryFile } });
  await seedPilot(s.runtime.store.db);
  admin = (await signIn(s.url, USERS.admin)).cookie;
  let out = '';
  await adminCommand(s.runtime, ['token', USERS.admin], {
    readStdin: async () => '',
    out: (t) => (out += t),
    err: () => {},
  });
  token = out.trim();
});

afterAll(async () => {
  await s?.close();
  rmSync(dir, { recursive: true, force: true });
});

const get = (pathAndQuery: string, headers: Record<string, string> = {}) =>
  fetch(`${s.url}${pathAndQuery}`, { headers, redirect: 'manual' });

/** The card texts of the page, e.g. "11 questions". */
function cards(html: string): string[] {
  return [...html.matchAll(/<div class="card"><span class="big">([^<]*)<\/span>([^<]*)<\/div>/g)].map((m) =>
    `${m[1]}${m[2]}`.replace(/\s+/g, ' ').trim(),
  );
}

describe('pilot numbers page', () => {
  it('shows the range in numbers, both charts, the tables and how each number is counted', async () => {
    const res = await get(`/admin/pilot?${QUERY}`, { cookie: admin });
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(cards(html)).toEqual([
      '11 questions',
      '36 % deflected (4)',
      '36 % handed off (4)',
      '4.0 h median time to resolution (p90 8.8 h; 1 still open)',
      '75 % rated helpful (3 up, 1 down)',
      '18 % not found (2)',
      '27 % given a standard answer (3)',
    ]);
    expect(html).toContain(
      '<title id="chart-rates-title">Deflection and hand-off rate per week (all languages, all groups)</title>',
    );
    expect(html).toContain(
      '<title id="chart-questions-title">Questions per week (all languages, all groups)</title>',
    );
    expect(html).toContain('<title>2025-W02 (from 2025-01-06): Deflection rate 33 %</title>');
    expect(html).toContain('<title>2025-W03 (from 2025-01-13): 5 questions</title>');
    // The admin UI's CSP forbids inline style and script: the charts use neither.
    const svgs = html.match(/<svg[\s\S]*?<\/svg>/g) ?? [];
    expect(svgs).toHaveLength(2);
    for (const svg of svgs) {
      expect(svg).not.toMatch(/style=|<script|\son\w+=/i);
      expect(svg).toMatch(/role="img"/);
    }
    expect(html).toContain('<a href="/admin/pilot" aria-current="page">Pilot numbers</a>');
    expect(html).toContain('How this is counted');
    expect(html).toContain('<td><bdi>ja</bdi></td><td class="num">4</td><td class="num">50 %</td>');
    expect(html).toContain('<td dir="auto">Parental leave</td>');
    expect(html).toContain(`href="/admin/pilot.csv?from=${RANGE.from}&amp;to=${RANGE.to}"`);
  });

  it('narrows to one language and group', async () => {
    const html = await (await get(`/admin/pilot?${QUERY}&language=ja&group=it`, { cookie: admin })).text();
    // Bob's q3, q7, q8 and Carol's q4, all in Japanese.
    expect(cards(html)).toEqual([
      '4 questions',
      '50 % deflected (2)',
      '50 % handed off (2)',
      '3.0 h median time to resolution (p90 3.8 h; 0 still open)',
      '100 % rated helpful (1 up, 0 down)',
      '25 % not found (1)',
      '50 % given a standard answer (2)',
    ]);
    expect(html).toContain('Questions per week (language ja, group it)');
    expect(html).toMatch(/<option value="ja" selected>ja<\/option>/);
  });

  it('escapes a group name everywhere, the charts included', async () => {
    const html = await (
      await get(`/admin/pilot?${QUERY}&group=${encodeURIComponent(HOSTILE_GROUP)}`, { cookie: admin })
    ).text();
    expect(html).not.toContain(HOSTILE_GROUP);
    expect(html).toContain('Questions per week (all languages, group &lt;script&gt;alert(1)&lt;/script&gt;)');
    expect(cards(html)[0]).toBe('2 questions');
  });

  it('exports the CSV to a signed-in admin and to an API token', async () => {
    const credentials: Record<string, string>[] = [{ cookie: admin }, { authorization: `Bearer ${token}` }];
    for (const headers of credentials) {
      const res = await get(`/admin/pilot.csv?${QUERY}`, headers);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
      expect(res.headers.get('content-disposition')).toBe(
        `attachment; filename="polydesk-pilot-${RANGE.from}-${RANGE.to}.csv"`,
      );
      const records = parse(await res.text(), { columns: true }) as Record<string, string>[];
      const total = records.find((r) => r.week === '2025-W03' && r.language === 'all' && r.group === 'all');
      expect(total).toMatchObject({
        questions: '5',
        deflected: '2',
        deflection_rate: '0.4',
        hand_off_rate: '0.2',
      });
      expect(records.find((r) => r.group === `${HOSTILE_GROUP}`)).toMatchObject({
        week: '2025-W02',
        questions: '1',
      });
    }
  });

  it('gives the report as JSON to the API', async () => {
    const res = await get(`/admin/api/pilot?${QUERY}`, { authorization: `Bearer ${token}` });
    expect(res.status).toBe(200);
    const body = (await res.json()) as {
      range: { weeks: unknown[] };
      totals: { language: string; group: string; questions: number }[];
    };
    expect(body.range.weeks).toHaveLength(2);
    expect(body.totals.find((t) => t.language === 'all' && t.group === 'all')?.questions).toBe(11);
  });

  it('refuses a bad range with a message', async () => {
    const res = await get('/admin/pilot?from=2025-01-20&to=2025-01-06', { cookie: admin });
    expect(res.status).toBe(400);
    expect(await res.text()).toContain('from must not be after to');
    const api = await get('/admin/api/pilot?from=2020-01-01', { authorization: `Bearer ${token}` });
    expect(api.status).toBe(400);
    expect(await api.json()).toEqual({ error: 'the range may span at most 53 weeks' });
  });

  it('is for admins only, like insight', async () => {
    for (const email of [USERS.reviewer, USERS.publisher]) {
      const cookie = (await signIn(s.url, email)).cookie;
      for (const page of ['/admin/pilot', '/admin/pilot.csv'])
        expect((await get(page, { cookie })).status).toBe(403);
      const html = await (await get('/admin/knowledge', { cookie })).text();
      expect(html).not.toContain('Pilot numbers');
    }
    const anonymous = await get('/admin/pilot.csv');
    expect(anonymous.status).toBe(303);
    expect(anonymous.headers.get('location')).toBe('/admin/login?next=%2Fadmin%2Fpilot.csv');
    expect((await get('/admin/api/pilot')).status).toBe(401);
  });
});
