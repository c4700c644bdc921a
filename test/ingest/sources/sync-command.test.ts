import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../helpers/cli.js';

describe('polydesk sync', () => {
  let dir: string;
  let env: Record<string, string>;

  beforeAll(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'polydesk-sync-cli-'));
    mkdirSync(path.join(dir, 'hr'));
    mkdirSync(path.join(dir, 'it'));
    writeFileSync(path.join(dir, 'hr', 'leave.md'), '# Leave\n\nEmployees get 25 days of paid leave.\n');
    writeFileSync(
      path.join(dir, 'it', 'keys.md'),
      '# Keys\n\nThe staging key is AKIAIOSFODNN7EXAMPLE, ask IT before using it.\n',
    );
    writeFileSync(path.join(dir, 'it', 'broken.pdf'), 'not a pdf at all');
    writeFileSync(
      path.join(dir, 'sources.json'),
      JSON.stringify({
        sources: [
          { name: 'hr', type: 'folder', path: './hr', audience: ['hr'] },
          { name: 'it', type: 'folder', path: './it', every: '1h' },
        ],
      }),
    );
    env = { DATA_DIR: path.join(dir, 'data'), SOURCES_FILE: path.join(dir, 'sources.json') };
  });

  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('syncs every source once and reports counts, failures and sensitive findings as JSON', async () => {
    const run = await runCli(['sync', '--json'], { env, cwd: dir });
    expect(run.code).toBe(1);
    const { sources } = JSON.parse(run.stdout) as {
      sources: {
        source: string;
        status: string;
        added: string[];
        failed: { item: string }[];
        sensitive: { file: string }[];
      }[];
    };
    expect(sources.map((s) => [s.source, s.status])).toEqual([
      ['hr', 'ok'],
      ['it', 'partial'],
    ]);
    expect(sources[0]?.added).toEqual(['hr/leave.md']);
    expect(sources[1]?.added).toEqual(['it/keys.md']);
    expect(sources[1]?.failed.map((f) => f.item)).toEqual(['it/broken.pdf']);
    expect(sources[1]?.sensitive.map((s) => s.file)).toEqual(['it/keys.md']);

    rmSync(path.join(dir, 'it', 'broken.pdf'));
    const again = await runCli(['sync', '--source', 'it', '--json'], { env, cwd: dir });
    expect(again.code).toBe(0);
    const second = JSON.parse(again.stdout) as { sources: { source: string; unchanged: number }[] };
    expect(second.sources).toEqual([expect.objectContaining({ source: 'it', status: 'ok', unchanged: 1 })]);
  }, 120_000);

  it('names the sources when asked for one that does not exist, and needs SOURCES_FILE', async () => {
    const unknown = await runCli(['sync', '--source', 'finance'], { env, cwd: dir });
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('no source named "finance"');
    expect(unknown.stderr).toContain('hr, it');
    const none = await runCli(['sync'], { env: { DATA_DIR: env.DATA_DIR }, cwd: dir });
    expect(none.code).toBe(2);
    expect(none.stderr).toContain('polydesk sync needs SOURCES_FILE');
  }, 120_000);

  it('refuses an invalid sources file at start, naming the source and field, without echoing secrets', async () => {
    writeFileSync(
      path.join(dir, 'bad.yaml'),
      '- {name: wiki, type: folder, path: ./hr, clientSecret: hunter2-very-secret}\n- {name: wiki, type: folder}\n',
    );
    const run = await runCli(['sync'], {
      env: { ...env, SOURCES_FILE: path.join(dir, 'bad.yaml') },
      cwd: dir,
    });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('source "wiki" (sources[0]): clientSecret: credentials are never written');
    expect(run.stderr).toContain('source "wiki" (sources[1]): path: set "path"');
    expect(run.stderr).toContain('names must be unique');
    expect(run.stderr).not.toContain('hunter2');
  }, 60_000);
});
