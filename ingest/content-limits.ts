import { IngestError } from '../src/core/errors.js';
import { DEFAULT_CHUNK_OPTIONS } from './chunk.js';

/**
 * Limits on what one file may expand to once read: `MAX_FILE_MB` bounds the bytes on disk, these
 * bound what a small file can turn into (a 30 KB .docx can hold 20 MB of text, which once made
 * 23,530 chunks and 1.5 GB of memory). Each is an operator setting (README, "Environment").
 */
export interface ContentLimits {
  /** Sum of the uncompressed sizes of a zip-based file's entries (MAX_UNCOMPRESSED_MB). */
  readonly maxUncompressedBytes: number;
  /** Entries in a zip-based file (MAX_ARCHIVE_ENTRIES). */
  readonly maxArchiveEntries: number;
  /** Uncompressed to compressed size of any entry over {@link RATIO_CHECK_MIN_BYTES} (MAX_COMPRESSION_RATIO). */
  readonly maxCompressionRatio: number;
  /**
   * Chunks one document may make (MAX_CHUNKS_PER_DOCUMENT). Its extracted text is bounded by the
   * same number: {@link maxTextChars}.
   */
  readonly maxChunksPerDocument: number;
}

/**
 * Defaults. Word XML compresses far less than 100:1: the sample knowledge base's 36 documents written
 * as Word paragraphs with per-run formatting compress 4.4-7:1 each and 7.5:1 all in one (measured
 * with node:zlib); images do not compress. 100:1 leaves room for repetitive tables while deflate's
 * ceiling is about 1,000:1 (the 20 MB bomb of the security report was 680:1). 100 MB uncompressed
 * holds a document with many images; 10,000 entries is far beyond what Word writes (a few dozen
 * parts plus one per image). 5,000 chunks of at most 1,000 characters bound the text at 5 million
 * characters, a 1,500-page manual: split anything larger. Chosen, not tuned on a corpus.
 */
export const DEFAULT_CONTENT_LIMITS: ContentLimits = Object.freeze({
  maxUncompressedBytes: 100 * 1024 * 1024,
  maxArchiveEntries: 10_000,
  maxCompressionRatio: 100,
  maxChunksPerDocument: 5_000,
});

/** Entries smaller than this uncompressed are not checked for their ratio (a page of blanks compresses 500:1). */
export const RATIO_CHECK_MIN_BYTES = 1024 * 1024;

/** Characters of text a document may have: more than that cannot fit in `maxChunksPerDocument` chunks. */
export function maxTextChars(limits: ContentLimits): number {
  return limits.maxChunksPerDocument * DEFAULT_CHUNK_OPTIONS.maxChars;
}

/** "30 KB", "20 MB", "812 bytes". */
export function formatBytes(n: number): string {
  if (n >= 1024 * 1024) return `${(n / (1024 * 1024)).toFixed(1).replace(/\.0$/, '')} MB`;
  if (n >= 1024) return `${(n / 1024).toFixed(1).replace(/\.0$/, '')} KB`;
  return `${n} bytes`;
}

/** "4,000,000". */
export function formatCount(n: number): string {
  return n.toLocaleString('en-US');
}

/** The refusal of a document whose text cannot fit in the chunks one document may have. */
export function tooMuchText(file: string, chars: number, limits: ContentLimits): IngestError {
  return new IngestError(
    file,
    `has ${formatCount(chars)} characters of text or more, more than ${formatCount(limits.maxChunksPerDocument)} ` +
      `chunks hold (limit ${formatCount(maxTextChars(limits))} characters, MAX_CHUNKS_PER_DOCUMENT): split the document`,
  );
}
