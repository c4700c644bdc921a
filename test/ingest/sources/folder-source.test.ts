/**
 * A folder source on its own: what a listing calls a file's version, what it does with a file it
 * cannot look at, and how its watcher notices changes (events, or polling for network shares).
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, renameSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ConnectorDeps } from '../../../ingest/sources/connectors.js';
import { type FolderSettings, FolderSource } from '../../../ingest/sources/folder-source.js';
import type { LogLevel, Logger } from '../../../src/core/log.js';

interface Logged {
  readonly level: LogLevel;
  readonly event: string;
  readonly fields: Record<string, unknown>;
}

let dir: string;
let logged: Logged[];

function folder(settings: Partial<FolderSettings> = {}, root = path.join(dir, 'kb')): FolderSource {
  const logger: Logger = (level, event, fields = {}) => {
    logged.push({ level, event, fields: fields as Record<string, unknown> });
  };
  const deps: ConnectorDeps = {
    env: {},
    logger,
    sourceName: 'share',
    baseDir: dir,
    cwd: dir,
    maxFileBytes: 1024 * 1024,
  };
  // Built directly, not through the schema, so that polling can run every few milliseconds here.
  return new FolderSource({ path: root, poll: false, pollEvery: 20, debounce: 0, ...settings }, deps);
}

const versions = async (source: FolderSource) =>
  new Map((await source.listChanges(undefined)).items.map((item) => [item.key, item.version]));

/** Writes a file whole at once (a hidden file renamed over it), so that no poll sees it half written. */
function replace(file: string, text: string): void {
  const temp = path.join(path.dirname(file), `.${path.basename(file)}.tmp`);
  writeFileSync(temp, text);
  renameSync(temp, file);
}

/** Resolves once `check` holds, polling every 20 ms; fails after 20 s. */
async function until(what: string, check: () => boolean): Promise<void> {
  const deadline = Date.now() + 20_000;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'polydesk-folder-source-'));
  mkdirSync(path.join(dir, 'kb'));
  logged = [];
});
afterEach(() => {
  // rm walks by descriptors, so it also removes paths too long to name whole (the test below makes one).
  execFileSync('rm', ['-rf', dir]);
});

describe('listing a folder', () => {
  it('sees a same-size edit whose modification time was kept (coarse mtime on a share, a restoring copy)', async () => {
    const file = path.join(dir, 'kb', 'leave.md');
    // Whole seconds, as a share with a coarse clock keeps them.
    const time = Math.floor(Date.now() / 1000) - 60;
    writeFileSync(file, '# Leave\n\n25 days\n');
    utimesSync(file, time, time);
    const source = folder();
    const before = await versions(source);
    writeFileSync(file, '# Leave\n\n30 days\n');
    utimesSync(file, time, time);
    expect(statSync(file).mtimeMs).toBe(time * 1000);
    const after = await versions(source);
    expect(after.get('leave.md')).toBeDefined();
    expect(after.get('leave.md')).not.toBe(before.get('leave.md'));
  });

  it('sees a file replaced by another of the same size and time (an editor saving through a new file)', async () => {
    const file = path.join(dir, 'kb', 'leave.md');
    const time = Math.floor(Date.now() / 1000) - 60;
    writeFileSync(file, 'AAAA');
    utimesSync(file, time, time);
    const source = folder();
    const before = await versions(source);
    const replacement = path.join(dir, 'kb', '.leave.md.swp');
    writeFileSync(replacement, 'BBBB');
    utimesSync(replacement, time, time);
    execFileSync('mv', ['-f', replacement, file]);
    expect(await versions(source)).not.toEqual(before);
  });

  it('fails the listing, instead of calling the file gone, when a file cannot be looked at', async () => {
    // A path past PATH_MAX (4096 bytes): its folder reads, the file's stat fails with ENAMETOOLONG.
    // (Root ignores file modes, so EACCES cannot be made here; any error but "gone" is the same case.)
    const parts: string[] = [];
    let length = path.join(dir, 'kb').length;
    while (length + 251 < 4050) {
      parts.push(`${'d'.repeat(249)}${parts.length % 10}`);
      length += 251;
    }
    parts.push('e'.repeat(4050 - length - 1));
    mkdirSync(path.join(dir, 'kb', ...parts), { recursive: true });
    writeFileSync(path.join(dir, 'kb', 'leave.md'), '# Leave');
    const name = `${'f'.repeat(245)}.md`;
    // Made from inside, one folder at a time: its absolute path is too long for any call to take.
    const script =
      'cd "$1" && shift && n="$1" && shift && for p in "$@"; do cd "$p" || exit 1; done && : > "$n"';
    execFileSync('sh', ['-c', script, 'sh', path.join(dir, 'kb'), name, ...parts]);
    await expect(folder().listChanges(undefined)).rejects.toMatchObject({ code: 'ENAMETOOLONG' });
  });
});

describe('watching a folder', () => {
  it('polling sees new, changed and deleted files', async () => {
    const kb = path.join(dir, 'kb');
    writeFileSync(path.join(kb, 'leave.md'), '# Leave\n\n25 days\n');
    let changes = 0;
    const stop = folder({ poll: true }).watch(() => changes++);
    try {
      // The first poll takes the folder's picture, which nothing signals: a new file is written
      // again (each time whole, by a rename) until a poll reports it, so one is written after it.
      let size = 0;
      await until('a new file', () => {
        if (changes >= 1) return true;
        replace(path.join(kb, 'bikes.md'), `# Bikes\n${'.'.repeat(++size)}`);
        return false;
      });
      let seen = changes;
      replace(path.join(kb, 'leave.md'), '# Leave\n\n30 days, from 2025\n');
      await until('a changed file', () => changes > seen);
      seen = changes;
      rmSync(path.join(kb, 'bikes.md'));
      await until('a deleted file', () => changes > seen);
    } finally {
      stop();
    }
    expect(logged.filter((l) => l.event === 'source.watch_failed')).toEqual([]);
  });

  it('falls back to polling when the folder cannot be watched, logging a missing folder once until it is back', async () => {
    const root = path.join(dir, 'not-yet');
    let changes = 0;
    const stop = folder({}, root).watch(() => changes++);
    try {
      expect(logged.map((l) => l.event)).toContain('source.watch_failed');
      await until('a failed poll', () => logged.some((l) => l.event === 'source.poll_failed'));
      const failedAt = Date.now();
      // Some polls fail meanwhile (every 20 ms); each is logged before the fix, one is logged now.
      await until('a few polls', () => Date.now() - failedAt > 300);
      mkdirSync(root);
      await until('the recovery', () => logged.some((l) => l.event === 'source.poll_recovered'));
      replace(path.join(root, 'new.md'), '# New\n');
      await until('a change', () => changes >= 1);
    } finally {
      stop();
    }
    expect(logged.filter((l) => l.event === 'source.poll_failed')).toEqual([
      { level: 'warn', event: 'source.poll_failed', fields: { source: 'share', reason: 'ENOENT' } },
    ]);
  });
});
