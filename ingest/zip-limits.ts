import { extname } from 'node:path';
import { inflateRawSync } from 'node:zlib';
import { IngestError } from '../src/core/errors.js';
import { type ContentLimits, RATIO_CHECK_MIN_BYTES, formatBytes, formatCount } from './content-limits.js';

/** One entry of a zip's central directory, as the archive declares it. */
export interface ZipEntry {
  readonly name: string;
  /** 0 stored, 8 deflated (the only two that Office files and JSZip use). */
  readonly method: number;
  readonly compressedSize: number;
  readonly uncompressedSize: number;
  readonly localHeaderOffset: number;
}

const END = 0x06054b50;
const END64 = 0x06064b50;
const END64_LOCATOR = 0x07064b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
const MAX32 = 0xffffffff;
const BOMB = 'refused as a possible archive bomb';

/**
 * Checks a zip-based file (.docx) against the limits before anything is inflated: the central
 * directory's entry count, total uncompressed size and each large entry's compression ratio; then
 * inflates each deflated entry with its declared size as a hard ceiling, so a directory that
 * understates sizes is caught without ever holding more than it declared. Throws IngestError.
 */
export function checkZipLimits(file: string, bytes: Uint8Array, limits: ContentLimits): void {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const entries = readCentralDirectory(file, buf, limits.maxArchiveEntries);
  let total = 0;
  for (const entry of entries) {
    total += entry.uncompressedSize;
    const ratio = entry.uncompressedSize / Math.max(1, entry.compressedSize);
    if (entry.uncompressedSize > RATIO_CHECK_MIN_BYTES && ratio > limits.maxCompressionRatio) {
      throw new IngestError(
        file,
        `${entry.name}: compressed ${formatBytes(entry.compressedSize)} expands to ${formatBytes(entry.uncompressedSize)} ` +
          `(ratio ${Math.round(ratio)}:1): ${BOMB}; limit ${limits.maxCompressionRatio}:1 for entries over ` +
          `${formatBytes(RATIO_CHECK_MIN_BYTES)} (MAX_COMPRESSION_RATIO)`,
      );
    }
  }
  if (total > limits.maxUncompressedBytes) {
    throw new IngestError(
      file,
      `compressed ${formatBytes(buf.length)} expands to ${formatBytes(total)} ` +
        `(ratio ${Math.round(total / buf.length)}:1): ${BOMB}; limit ${formatBytes(limits.maxUncompressedBytes)} ` +
        'uncompressed (MAX_UNCOMPRESSED_MB)',
    );
  }
  for (const entry of entries) verifyEntrySize(file, buf, entry);
}

/** The entries of the central directory, refusing more than `maxEntries` before reading them all. */
export function readCentralDirectory(file: string, buf: Buffer, maxEntries: number): ZipEntry[] {
  const corrupt = (why: string) => new IngestError(file, `corrupt ${kindOf(file)} file: ${why}`);
  const end = lastSignature(buf, END, 22);
  if (end < 0) throw corrupt('not a zip archive (no end of central directory)');
  let count = buf.readUInt16LE(end + 10);
  let size = buf.readUInt32LE(end + 12);
  let offset = buf.readUInt32LE(end + 16);
  let directoryEnd = end;
  if (count === 0xffff || size === MAX32 || offset === MAX32) {
    const locator = end - 20;
    if (locator < 0 || buf.readUInt32LE(locator) !== END64_LOCATOR) throw corrupt('zip64 locator missing');
    const end64 = safeNumber(buf.readBigUInt64LE(locator + 8));
    if (end64 + 56 > buf.length || buf.readUInt32LE(end64) !== END64)
      throw corrupt('zip64 end record missing');
    count = safeNumber(buf.readBigUInt64LE(end64 + 32));
    size = safeNumber(buf.readBigUInt64LE(end64 + 40));
    offset = safeNumber(buf.readBigUInt64LE(end64 + 48));
    directoryEnd = end64;
  }
  // A directory that is not right before its end record (data prepended, as in self-extracting
  // archives) would be read at other offsets by the zip library than here: never a Word file.
  if (offset + size !== directoryEnd) throw corrupt('the central directory is not where the archive says');
  const refuseCount = (entries: string) =>
    new IngestError(
      file,
      `has ${entries} entries: ${BOMB}; limit ${formatCount(maxEntries)} (MAX_ARCHIVE_ENTRIES)`,
    );
  if (count > maxEntries) throw refuseCount(formatCount(count));
  const entries: ZipEntry[] = [];
  let at = offset;
  // Read every record present, as the zip library does, whatever the end record counts.
  while (at + 46 <= directoryEnd && buf.readUInt32LE(at) === CENTRAL) {
    if (entries.length >= maxEntries) throw refuseCount(`more than ${formatCount(maxEntries)}`);
    const nameLength = buf.readUInt16LE(at + 28);
    const extraLength = buf.readUInt16LE(at + 30);
    const commentLength = buf.readUInt16LE(at + 32);
    const next = at + 46 + nameLength + extraLength + commentLength;
    if (next > directoryEnd) throw corrupt('truncated central directory');
    const name = buf.toString('utf8', at + 46, at + 46 + nameLength);
    let uncompressedSize = buf.readUInt32LE(at + 24);
    let compressedSize = buf.readUInt32LE(at + 20);
    let localHeaderOffset = buf.readUInt32LE(at + 42);
    if (uncompressedSize === MAX32 || compressedSize === MAX32 || localHeaderOffset === MAX32) {
      const zip64 = zip64Extra(buf.subarray(at + 46 + nameLength, at + 46 + nameLength + extraLength));
      if (!zip64) throw corrupt(`${name}: zip64 sizes missing`);
      let field = 0;
      const take = () => {
        const value = zip64[field++];
        if (value === undefined) throw corrupt(`${name}: zip64 sizes missing`);
        return value;
      };
      if (uncompressedSize === MAX32) uncompressedSize = take();
      if (compressedSize === MAX32) compressedSize = take();
      if (localHeaderOffset === MAX32) localHeaderOffset = take();
    }
    entries.push({
      name,
      method: buf.readUInt16LE(at + 10),
      compressedSize,
      uncompressedSize,
      localHeaderOffset,
    });
    at = next;
  }
  return entries;
}

/** Inflates a deflated entry with its declared size as the ceiling: a larger stream is refused. */
function verifyEntrySize(file: string, buf: Buffer, entry: ZipEntry): void {
  if (entry.method !== 8) return;
  const local = entry.localHeaderOffset;
  if (local + 30 > buf.length || buf.readUInt32LE(local) !== LOCAL)
    throw new IngestError(file, `corrupt ${kindOf(file)} file: ${entry.name}: local header missing`);
  const start = local + 30 + buf.readUInt16LE(local + 26) + buf.readUInt16LE(local + 28);
  const data = buf.subarray(start, start + entry.compressedSize);
  try {
    inflateRawSync(data, { maxOutputLength: Math.max(1, entry.uncompressedSize) });
  } catch (error) {
    if ((error as { code?: unknown }).code === 'ERR_BUFFER_TOO_LARGE') {
      throw new IngestError(
        file,
        `${entry.name}: inflates to more than the ${formatBytes(entry.uncompressedSize)} its directory declares: ${BOMB}`,
        { cause: error },
      );
    }
    // Other damage is the zip library's to report, with its own message.
  }
}

/** The 64-bit values of a zip64 extended information extra field (id 1), in their order. */
function zip64Extra(extra: Buffer): number[] | undefined {
  let at = 0;
  while (at + 4 <= extra.length) {
    const id = extra.readUInt16LE(at);
    const length = extra.readUInt16LE(at + 2);
    if (id === 1) {
      const values: number[] = [];
      for (let i = at + 4; i + 8 <= at + 4 + length && i + 8 <= extra.length; i += 8)
        values.push(safeNumber(extra.readBigUInt64LE(i)));
      return values;
    }
    at += 4 + length;
  }
  return undefined;
}

/** The last offset of a 4-byte little-endian signature, searching the final 64 KB + `minSize`. */
function lastSignature(buf: Buffer, signature: number, minSize: number): number {
  const stop = Math.max(0, buf.length - minSize - 0xffff);
  for (let at = buf.length - minSize; at >= stop; at--) {
    if (buf.readUInt32LE(at) === signature) return at;
  }
  return -1;
}

function kindOf(file: string): string {
  return extname(file).toLowerCase() || 'zip';
}

function safeNumber(value: bigint): number {
  return value > BigInt(Number.MAX_SAFE_INTEGER) ? Number.MAX_SAFE_INTEGER : Number(value);
}
