import { chmodSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Store } from '../../src/store/store.js';
import { runCli } from '../helpers/cli.js';

const mode = (file: string) => (statSync(file).mode & 0o777).toString(8);

describe('DATA_DIR is private to the user running PolyDesk', () => {
  let root: string;
  beforeAll(() => {
    root = mkdtempSync(path.join(tmpdir(), 'polydesk-modes-'));
  });
  afterAll(() => {
    rmSync(root, { recursive: true, force: true });
  });

  it('creates the folder 0700 and the database, its -wal/-shm, index snapshots and backups 0600', async () => {
    const dataDir = path.join(root, 'fresh', 'data');
    const docs = path.join(root, 'docs');
    mkdirSync(docs);
    writeFileSync(path.join(docs, 'parking.md'), '# Parking\nThe car park opens at 7am.\n');
    const env = { DATA_DIR: dataDir };
    expect((await runCli(['ingest', docs, '--json'], { env })).code).toBe(0);
    const backup = path.join(root, 'polydesk-backup.sqlite');
    expect((await runCli(['backup', backup], { env })).code).toBe(0);

    expect(mode(dataDir)).toBe('700');
    const files = readdirSync(dataDir);
    expect(files).toEqual(expect.arrayContaining(['polydesk.sqlite', 'lexical.snap']));
    for (const file of files) expect([file, mode(path.join(dataDir, file))]).toEqual([file, '600']);
    expect(mode(backup)).toBe('600');

    // The WAL files exist while a connection is open.
    const store = await Store.open({ dataDir });
    try {
      await store.meta.set('probe', '1');
      for (const suffix of ['-wal', '-shm'])
        expect(mode(path.join(dataDir, `polydesk.sqlite${suffix}`))).toBe('600');
    } finally {
      await store.close();
    }
  });

  it('tightens a database that an older version left readable by everyone', async () => {
    const dataDir = path.join(root, 'old');
    const first = await Store.open({ dataDir });
    await first.close();
    chmodSync(path.join(dataDir, 'polydesk.sqlite'), 0o644);
    const again = await Store.open({ dataDir });
    await again.close();
    expect(mode(path.join(dataDir, 'polydesk.sqlite'))).toBe('600');
  });
});
