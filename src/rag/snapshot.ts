import { createHash } from 'node:crypto';
import { constants } from 'node:fs';
import { mkdir, open, readdir, readFile, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import { IndexCorruptError } from '../core/errors.js';
import { PRIVATE_DIR_MODE, PRIVATE_FILE_MODE } from '../core/private-files.js';

/**
 * Versioned, checksummed snapshot files for rebuildable caches (the BM25 index, the HNSW index)
 * under `DATA_DIR`. A file is `<dir>/<name>.snap`:
 *
 *   magic "\x89PDSNAP\n" | u32 file format | u32 meta bytes | u64 payload bytes | sha256(meta + payload) | meta JSON | payload
 *
 * Writes are atomic (temp file in the same directory, fsync, rename, fsync of the directory), so a
 * crash leaves either the old snapshot or the new one, never a mix.
 */

/** What the writer records about a payload; `version` is the payload's own format version. JSON-serialisable. */
export interface SnapshotMeta {
  readonly version: number;
  readonly [key: string]: unknown;
}

export interface Snapshot {
  readonly path: string;
  readonly meta: SnapshotMeta;
  readonly payload: Buffer;
}

/** A snapshot written to a temp file but not yet in place: commit several together, or abort. */
export interface PreparedSnapshot {
  /** Where the snapshot will be after {@link commit}. */
  readonly path: string;
  readonly tempPath: string;
  /** Renames the temp file into place, replacing the previous snapshot atomically. */
  commit(): Promise<void>;
  /** Removes the temp file; the previous snapshot stays. */
  abort(): Promise<void>;
}

const MAGIC = Buffer.from('\x89PDSNAP\n', 'latin1');
const FILE_FORMAT = 1;
const HEADER_BYTES = MAGIC.length + 4 + 4 + 8 + 32;
const NAME = /^[a-z0-9][a-z0-9._-]*$/i;

export function snapshotPath(dir: string, name: string): string {
  if (!NAME.test(name)) throw new Error(`invalid snapshot name: ${name}`);
  return path.join(dir, `${name}.snap`);
}

/** Writes the snapshot `name` into `dir` atomically and returns its path. */
export async function writeSnapshot(
  dir: string,
  name: string,
  payload: Uint8Array | readonly Uint8Array[],
  meta: SnapshotMeta,
): Promise<string> {
  const prepared = await prepareSnapshot(dir, name, payload, meta);
  await prepared.commit();
  return prepared.path;
}

/** First phase of {@link writeSnapshot}: the complete file, synced, under a temp name next to its final place. */
export async function prepareSnapshot(
  dir: string,
  name: string,
  payload: Uint8Array | readonly Uint8Array[],
  meta: SnapshotMeta,
): Promise<PreparedSnapshot> {
  const target = snapshotPath(dir, name);
  if (!Number.isInteger(meta.version)) throw new Error('snapshot meta.version must be an integer');
  await mkdir(dir, { recursive: true, mode: PRIVATE_DIR_MODE });
  await removeStaleTemps(dir, name);
  const parts = payload instanceof Uint8Array ? [payload] : payload;
  const metaBytes = Buffer.from(JSON.stringify(meta), 'utf8');
  const payloadBytes = parts.reduce((sum, part) => sum + part.byteLength, 0);
  const hash = createHash('sha256').update(metaBytes);
  for (const part of parts) hash.update(part);
  const header = Buffer.alloc(HEADER_BYTES);
  MAGIC.copy(header, 0);
  let at = MAGIC.length;
  at = header.writeUInt32LE(FILE_FORMAT, at);
  at = header.writeUInt32LE(metaBytes.length, at);
  at = header.writeBigUInt64LE(BigInt(payloadBytes), at);
  hash.digest().copy(header, at);

  const tempPath = `${target}.${process.pid}.${Math.random().toString(36).slice(2, 10)}.tmp`;
  const file = await open(
    tempPath,
    constants.O_CREAT | constants.O_EXCL | constants.O_WRONLY,
    PRIVATE_FILE_MODE,
  );
  try {
    await file.writev([header, metaBytes, ...parts]);
    await file.sync();
  } catch (error) {
    await file.close();
    await rm(tempPath, { force: true });
    throw error;
  }
  await file.close();
  return {
    path: target,
    tempPath,
    commit: async () => {
      await rename(tempPath, target);
      await syncDirectory(dir);
    },
    abort: () => rm(tempPath, { force: true }),
  };
}

/**
 * Reads and verifies a snapshot. Returns undefined when there is none; throws
 * {@link IndexCorruptError} when it is truncated, altered, of another file format, or (with
 * `expectVersion`) of another payload version: in every such case the caller rebuilds from the database.
 */
export async function readSnapshot(
  dir: string,
  name: string,
  options: { readonly expectVersion?: number } = {},
): Promise<Snapshot | undefined> {
  const file = snapshotPath(dir, name);
  let bytes: Buffer;
  try {
    bytes = await readFile(file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
  const corrupt = (reason: string) => new IndexCorruptError(`snapshot ${file} is unusable: ${reason}`);
  if (bytes.length < HEADER_BYTES || !bytes.subarray(0, MAGIC.length).equals(MAGIC)) {
    throw corrupt(bytes.length < HEADER_BYTES ? 'truncated header' : 'not a PolyDesk snapshot');
  }
  let at = MAGIC.length;
  const format = bytes.readUInt32LE(at);
  if (format !== FILE_FORMAT) throw corrupt(`file format ${format}, expected ${FILE_FORMAT}`);
  const metaLength = bytes.readUInt32LE(at + 4);
  const payloadLength = bytes.readBigUInt64LE(at + 8);
  at += 16;
  const checksum = bytes.subarray(at, at + 32);
  const expected = BigInt(HEADER_BYTES + metaLength) + payloadLength;
  if (BigInt(bytes.length) !== expected) {
    throw corrupt(`${bytes.length} bytes on disk, header says ${expected} (truncated or appended)`);
  }
  const body = bytes.subarray(HEADER_BYTES);
  if (!createHash('sha256').update(body).digest().equals(checksum)) throw corrupt('checksum mismatch');
  let meta: SnapshotMeta;
  try {
    meta = JSON.parse(body.subarray(0, metaLength).toString('utf8')) as SnapshotMeta;
  } catch (error) {
    throw new IndexCorruptError(`snapshot ${file} has unreadable metadata`, { cause: error });
  }
  if (options.expectVersion !== undefined && meta.version !== options.expectVersion) {
    throw corrupt(`payload version ${meta.version}, this PolyDesk reads ${options.expectVersion}`);
  }
  return { path: file, meta, payload: body.subarray(metaLength) };
}

/** Deletes the snapshot `name` (for instance after a model switch); absent is fine. */
export async function deleteSnapshot(dir: string, name: string): Promise<void> {
  await rm(snapshotPath(dir, name), { force: true });
}

/** Temp files left by writers that died before their rename (their process is gone). */
async function removeStaleTemps(dir: string, name: string): Promise<void> {
  const prefix = `${name}.snap.`;
  for (const entry of await readdir(dir)) {
    if (!entry.startsWith(prefix) || !entry.endsWith('.tmp')) continue;
    const pid = Number(entry.slice(prefix.length).split('.')[0]);
    if (Number.isInteger(pid) && (pid === process.pid || processExists(pid))) continue;
    await rm(path.join(dir, entry), { force: true });
  }
}

function processExists(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

async function syncDirectory(dir: string): Promise<void> {
  try {
    const handle = await open(dir, constants.O_RDONLY);
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
  } catch {
    // Some platforms cannot fsync a directory; the rename itself is still atomic.
  }
}
