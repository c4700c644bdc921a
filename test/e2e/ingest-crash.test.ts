import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BIN, jsonLines, ROOT, runCli } from '../helpers/cli.js';

const FILES = 1500;

/** Documents stored so far, read through a second connection (SQLite WAL allows it while ingest writes). */
function storedDocuments(file: string): number {
  try {
    const db = new Database(file, { readonly: true, fileMustExist: true });
    try {
      return (db.prepare('select count(*) as n from documents').get() as { n: number }).n;
    } finally {
      db.close();
    }
  } catch {
    return 0; // busy for a moment: look again
  }
}

describe('ingest killed midway', () => {
  let root: string;
  let docs: string;
  let dataDir: string;
  beforeAll(() => {
    root = mkdtempSync(path.join(tmpdir(), 'polydesk-kill-'));
    docs = path.join(root, 'docs');
    dataDir = path.join(root, 'data');
    mkdirSync(docs);
    for (let i = 0; i < FILES; i++) {
      const n = String(i).padStart(4, '0');
      writeFileSync(
        path.join(docs, `doc-${n}.md`),
        `# Policy ${n}\nRoom code zx${n}q opens the archive of team ${n}.\n`,
      );
    }
  });
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('leaves a usable index, and the next run completes the job', async () => {
    // A first, complete ingest of a few files gives a previous index to keep.
    const first = await runCli(['ingest', path.join(docs, 'doc-0000.md'), '--json'], {
      env: { DATA_DIR: dataDir },
    });
    expect(first.code).toBe(0);

    const child = spawn(process.execPath, [BIN, 'ingest', docs, '--json'], {
      cwd: ROOT,
      env: { PATH: process.env.PATH, HOME: process.env.HOME, DATA_DIR: dataDir, POLYDESK_SAMPLES: '0' },
      stdio: 'ignore',
    });
    const exited = new Promise<NodeJS.Signals | null>((resolve) =>
      child.on('exit', (_code, signal) => resolve(signal)),
    );
    // Kill it once it has stored some documents but (with 1,500 files) long before it is done.
    const db = path.join(dataDir, 'polydesk.sqlite');
    const deadline = Date.now() + 30_000;
    for (;;) {
      const stored = storedDocuments(db);
      if (stored > 50 || Date.now() > deadline) break;
      await new Promise((r) => setTimeout(r, 10));
    }
    child.kill('SIGKILL');
    const signal = await exited;

    const search = await runCli(['search', 'archive zx0000q', '--json'], { env: { DATA_DIR: dataDir } });
    expect(search.code).toBe(0);
    expect((jsonLines(search.stdout)[0]!.hits as { title: string }[])[0]?.title).toBe('Policy 0000');

    const again = await runCli(['ingest', docs, '--json'], { env: { DATA_DIR: dataDir } });
    expect(again.code).toBe(0);
    const report = JSON.parse(again.stdout) as { added: string[]; unchanged: string[]; failed: unknown[] };
    expect(report.failed).toEqual([]);
    expect(report.added.length + report.unchanged.length).toBe(FILES);
    expect(signal).toBe('SIGKILL');
    expect(report.added.length).toBeGreaterThan(0);
    expect(report.unchanged.length).toBeGreaterThan(50);
    const last = await runCli(['search', `archive zx${String(FILES - 1).padStart(4, '0')}q`, '--json'], {
      env: { DATA_DIR: dataDir },
    });
    expect((jsonLines(last.stdout)[0]!.hits as { title: string }[])[0]?.title).toBe(
      `Policy ${String(FILES - 1).padStart(4, '0')}`,
    );
  }, 120_000);
});
