import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { IndexCorruptError } from '../../src/core/errors.js';
import {
  deleteSnapshot,
  prepareSnapshot,
  readSnapshot,
  snapshotPath,
  writeSnapshot,
} from '../../src/rag/snapshot.js';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'polydesk-snapshot-'));
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

const payload = Buffer.from('payload of the index: 有給休暇 ' + 'x'.repeat(5000));

describe('snapshots', () => {
  it('reads back what was written, with its metadata', async () => {
    await writeSnapshot(dir, 'lexical', payload, { version: 3, analyzer: 1, chunks: 42 });
    const snapshot = await readSnapshot(dir, 'lexical');
    expect(snapshot?.payload.equals(payload)).toBe(true);
    expect(snapshot?.meta).toEqual({ version: 3, analyzer: 1, chunks: 42 });
  });

  it('accepts a payload in several parts', async () => {
    await writeSnapshot(dir, 'vectors', [Buffer.from('abc'), new Uint8Array([1, 2, 3])], { version: 1 });
    expect((await readSnapshot(dir, 'vectors'))?.payload).toEqual(Buffer.from([97, 98, 99, 1, 2, 3]));
  });

  it('says there is none when the file does not exist', async () => {
    expect(await readSnapshot(dir, 'lexical')).toBeUndefined();
    await deleteSnapshot(dir, 'lexical');
  });

  it('detects a truncated file', async () => {
    const file = await writeSnapshot(dir, 'lexical', payload, { version: 1 });
    truncateSync(file, readFileSync(file).length - 100);
    await expect(readSnapshot(dir, 'lexical')).rejects.toThrow(IndexCorruptError);
    truncateSync(file, 10);
    await expect(readSnapshot(dir, 'lexical')).rejects.toThrow(IndexCorruptError);
  });

  it('detects a single flipped bit', async () => {
    const file = await writeSnapshot(dir, 'lexical', payload, { version: 1 });
    const bytes = readFileSync(file);
    bytes[bytes.length - 1000]! ^= 0x04;
    writeFileSync(file, bytes);
    await expect(readSnapshot(dir, 'lexical')).rejects.toThrow(/checksum/);
  });

  it('rejects a file that is not a snapshot, and a payload of another version', async () => {
    writeFileSync(snapshotPath(dir, 'lexical'), 'hello, I am a text file that happens to be long enough');
    await expect(readSnapshot(dir, 'lexical')).rejects.toThrow(IndexCorruptError);
    await writeSnapshot(dir, 'lexical', payload, { version: 1 });
    await expect(readSnapshot(dir, 'lexical', { expectVersion: 2 })).rejects.toThrow(/version 1/);
  });

  it('keeps the previous snapshot when a write is prepared but never committed', async () => {
    await writeSnapshot(dir, 'lexical', payload, { version: 1 });
    const prepared = await prepareSnapshot(dir, 'lexical', Buffer.from('new'), { version: 2 });
    expect((await readSnapshot(dir, 'lexical'))?.meta.version).toBe(1);
    await prepared.abort();
    expect(readdirSync(dir)).toEqual(['lexical.snap']);
  });

  it('commits several prepared snapshots together', async () => {
    const a = await prepareSnapshot(dir, 'lexical', Buffer.from('a'), { version: 1 });
    const b = await prepareSnapshot(dir, 'dense', Buffer.from('b'), { version: 1 });
    await a.commit();
    await b.commit();
    expect((await readSnapshot(dir, 'dense'))?.payload.toString()).toBe('b');
  });

  it('survives a writer killed before its rename, and cleans up after it', async () => {
    await writeSnapshot(dir, 'lexical', payload, { version: 1 });
    const module = pathToFileURL(path.resolve('src/rag/snapshot.ts')).href;
    const script = `
      const { prepareSnapshot } = await import(${JSON.stringify(module)});
      await prepareSnapshot(${JSON.stringify(dir)}, 'lexical', Buffer.alloc(100000, 7), { version: 2 });
      process.kill(process.pid, 'SIGKILL');
    `;
    const child = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script]);
    expect(child.signal).toBe('SIGKILL');
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toHaveLength(1);

    const snapshot = await readSnapshot(dir, 'lexical');
    expect(snapshot?.meta.version).toBe(1);
    expect(snapshot?.payload.equals(payload)).toBe(true);

    await writeSnapshot(dir, 'lexical', Buffer.from('next'), { version: 3 });
    expect(readdirSync(dir)).toEqual(['lexical.snap']);
  });
});
