import { createHash } from 'node:crypto';
import { open } from 'node:fs/promises';
import path from 'node:path';
import { IngestError } from '../src/core/errors.js';
import { displayName } from '../src/core/display-name.js';
import type { Classification } from '../src/core/types.js';
import {
  type ContentLimits,
  DEFAULT_CONTENT_LIMITS,
  formatBytes,
  maxTextChars,
  tooMuchText,
} from './content-limits.js';
import { loadCsvFaq } from './loaders/csv-faq.js';
import { loadDocx } from './loaders/docx.js';
import { loadHtml } from './loaders/html.js';
import { loadMarkdown } from './loaders/markdown.js';
import { loadPdf } from './loaders/pdf.js';
import { loadPlainText } from './loaders/plain-text.js';
import { checkZipLimits } from './zip-limits.js';

/** Text under one heading path, in reading order. */
export interface LoadedSection {
  /** Headings above the text, outermost first; empty for text before any heading. */
  readonly headingPath: readonly string[];
  readonly text: string;
}

/** A file turned into text plus the metadata it declares about itself. */
export interface LoadedDocument {
  /** Front matter title, `<title>`/first heading, docx first heading, PDF metadata Title, else the file name. */
  readonly title: string;
  readonly sections: readonly LoadedSection[];
  /** True for a CSV FAQ: each section is one question and answer, never split or merged. */
  readonly faq: boolean;
  /** From Markdown front matter only: a BCP-47 primary subtag such as `ja`. */
  readonly language?: string;
  /** From Markdown front matter only. */
  readonly audience?: readonly string[];
  /** From Markdown front matter only. */
  readonly classification?: Classification;
  /** From Markdown front matter only: an http(s) URL to cite. */
  readonly url?: string;
  /**
   * The file's own text with its structure (Markdown with front matter and code fences, plain
   * text, CSV rows), for the guardrails' at-rest scan, where context is richest. Absent for
   * formats whose text exists only as sections (PDF, Word, HTML).
   */
  readonly raw?: string;
}

/** Limits for reading files from disk. */
export interface LoadOptions {
  /** Files larger than this are refused before being read. The CLI default is 50 MB. */
  readonly maxBytes: number;
  /** What a file may expand to; {@link DEFAULT_CONTENT_LIMITS} when not given. */
  readonly limits?: ContentLimits | undefined;
}

export const DEFAULT_MAX_BYTES = 50 * 1024 * 1024;

type Loader = (
  file: string,
  bytes: Uint8Array,
  fallbackTitle: string,
  limits: ContentLimits,
) => Promise<LoadedDocument>;

const LOADERS: Readonly<Record<string, Loader>> = {
  '.md': loadMarkdown,
  '.markdown': loadMarkdown,
  '.txt': loadPlainText,
  '.html': loadHtml,
  '.htm': loadHtml,
  '.pdf': loadPdf,
  '.docx': loadDocx,
  '.csv': loadCsvFaq,
};

/** Formats that are zip archives: checked against the archive limits before anything is inflated. */
const ZIP_BASED: ReadonlySet<string> = new Set(['.docx']);

/** File extensions (lower case, with the dot) that {@link loadFile} understands. */
export const SUPPORTED_EXTENSIONS: readonly string[] = Object.keys(LOADERS);

/** Whether a file name has a supported extension (case-insensitive). */
export function isSupportedFile(filePath: string): boolean {
  return Object.hasOwn(LOADERS, path.extname(filePath).toLowerCase());
}

/**
 * Reads a file's bytes once, refusing unsupported, empty, oversized and unreadable files before
 * reading them, and hashes the content (sha256, hex) so unchanged files can be skipped.
 */
export async function readSource(
  filePath: string,
  options: LoadOptions,
): Promise<{ bytes: Buffer; contentHash: string }> {
  loaderFor(filePath);
  let handle: Awaited<ReturnType<typeof open>> | undefined;
  try {
    handle = await open(filePath, 'r');
    const stat = await handle.stat();
    if (stat.isDirectory()) throw new IngestError(filePath, 'is a directory, not a file');
    if (stat.size === 0) throw new IngestError(filePath, 'file is empty (0 bytes)');
    if (stat.size > options.maxBytes) {
      let [size, limit] = [formatBytes(stat.size), formatBytes(options.maxBytes)];
      if (size === limit) [size, limit] = [`${stat.size} bytes`, `${options.maxBytes} bytes`];
      throw new IngestError(filePath, `file is ${size}, over the size limit of ${limit}`);
    }
    const bytes = await handle.readFile();
    return { bytes, contentHash: createHash('sha256').update(bytes).digest('hex') };
  } catch (error) {
    if (error instanceof IngestError) throw error;
    throw new IngestError(filePath, `cannot read file: ${describeFsError(error)}`, { cause: error });
  } finally {
    await handle?.close();
  }
}

/**
 * Turns a file's bytes into a document; the name's extension picks the format (admin uploads use
 * this too). A zip-based file is checked against the archive limits before it is inflated, and a
 * document with more text than `maxChunksPerDocument` chunks can hold is refused. The title is
 * shown without hidden controls (bidi overrides, zero-width characters).
 */
export async function loadBytes(
  filePath: string,
  bytes: Buffer,
  limits: ContentLimits = DEFAULT_CONTENT_LIMITS,
): Promise<LoadedDocument> {
  const loader = loaderFor(filePath);
  if (bytes.length === 0) throw new IngestError(filePath, 'file is empty (0 bytes)');
  const extension = path.extname(filePath).toLowerCase();
  if (ZIP_BASED.has(extension)) checkZipLimits(filePath, bytes, limits);
  const fallbackTitle =
    displayName(path.basename(filePath, extension) || path.basename(filePath)) || 'untitled';
  const doc = await loader(filePath, bytes, fallbackTitle, limits);
  const chars = doc.sections.reduce((sum, s) => sum + s.text.length, 0);
  if (chars > maxTextChars(limits)) throw tooMuchText(filePath, chars, limits);
  return { ...doc, title: displayName(doc.title) || fallbackTitle };
}

/** Reads and loads one file. Every refusal is an {@link IngestError} naming the file and the reason. */
export async function loadFile(filePath: string, options: LoadOptions): Promise<LoadedDocument> {
  const { bytes } = await readSource(filePath, options);
  return loadBytes(filePath, bytes, options.limits);
}

function loaderFor(filePath: string): Loader {
  const extension = path.extname(filePath).toLowerCase();
  const loader = Object.hasOwn(LOADERS, extension) ? LOADERS[extension] : undefined;
  if (!loader) {
    const shown = extension === '' ? 'no extension' : `"${extension}"`;
    throw new IngestError(
      filePath,
      `unsupported file type (${shown}); supported: ${SUPPORTED_EXTENSIONS.join(', ')}`,
    );
  }
  return loader;
}

function describeFsError(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code;
  if (code === 'ENOENT') return 'no such file';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  if (code === 'EISDIR') return 'is a directory, not a file';
  return error instanceof Error ? error.message : String(error);
}
