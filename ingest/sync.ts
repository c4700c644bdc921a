import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { stripHidden } from '../src/core/display-name.js';
import { IngestError, describeError } from '../src/core/errors.js';
import type { Logger } from '../src/core/log.js';
import type { Classification } from '../src/core/types.js';
import type { IndexedChunk } from '../src/rag/knowledge-index.js';
import { indexableText } from '../src/rag/lexical-retriever.js';
import type { DocumentRepository, NewChunk, SensitiveScan } from '../src/store/document-repository.js';
import { type ChunkOptions, DEFAULT_CHUNK_OPTIONS, chunkDocument } from './chunk.js';
import { type ContentLimits, DEFAULT_CONTENT_LIMITS, formatCount } from './content-limits.js';
import { type LoadedDocument, SUPPORTED_EXTENSIONS, loadBytes, readSource } from './load-file.js';

/** Keeps the search indexes in step with the database as documents change. */
export interface IndexUpdater {
  apply(removedChunkIds: readonly string[], added: readonly IndexedChunk[]): Promise<void>;
}

export interface SyncDeps {
  readonly documents: DocumentRepository;
  readonly index: IndexUpdater;
  readonly detectLanguage: (text: string) => string;
  readonly detectInjection: (text: string) => boolean;
  /**
   * The guardrails' sensitive pass over a whole document: fingerprints of its secrets and
   * identifiers, stored with it so that answers reproducing them are held, and counts by type.
   */
  readonly scanSensitive?:
    | ((text: string) => Promise<SensitiveScan & { counts: Record<string, number> }>)
    | undefined;
  /** Embeds passages when an embedding model is configured. */
  readonly embed?: ((texts: readonly string[]) => Promise<Float32Array[]>) | undefined;
  readonly embeddingModel?: string | undefined;
  /** What one file may expand to (archive limits, chunks per document); defaults when not given. */
  readonly limits?: ContentLimits | undefined;
  readonly logger: Logger;
}

export interface SyncOptions {
  readonly paths: readonly string[];
  /** Applied when a file's front matter does not say. */
  readonly audience?: readonly string[] | undefined;
  readonly classification?: Classification | undefined;
  /** Remove documents whose files are gone from the given folders. */
  readonly prune?: boolean;
  readonly maxBytes: number;
  readonly chunk?: ChunkOptions;
  /** Working directory sources are made relative to. */
  readonly cwd?: string;
  readonly onProgress?: (done: number, total: number, file: string) => void;
}

export interface SyncReport {
  readonly added: string[];
  readonly updated: string[];
  readonly unchanged: string[];
  readonly removed: string[];
  readonly failed: { file: string; reason: string }[];
  /** Files with sensitive findings (secrets, identifiers): how many of each type, never the values. */
  readonly sensitive: { file: string; findings: Record<string, number> }[];
}

/**
 * The file path a document is known by: relative to the working directory when inside it, without
 * hidden controls (a bidi override in a name would make `invoice\u202Egpj.md` show as `invoicedm.jpg`).
 */
export function sourceName(file: string, cwd: string): string {
  const relative = path.relative(cwd, file);
  return stripHidden(
    relative && !relative.startsWith('..') && !path.isAbsolute(relative)
      ? relative.split(path.sep).join('/')
      : file,
  );
}

/**
 * What a folder listing does with a file of this name: `skip` (hidden, or an extension-less README
 * or LICENSE), `load`, or the reason it is reported as unsupported. Folder sources list by the same rules.
 */
export function listingRule(name: string): 'skip' | 'load' | { readonly unsupported: string } {
  if (name.startsWith('.')) return 'skip';
  const ext = path.extname(name).toLowerCase();
  if (SUPPORTED_EXTENSIONS.includes(ext)) return 'load';
  if (/^(readme|license)/i.test(name) && ext === '') return 'skip';
  return {
    unsupported: `unsupported file type "${ext || name}" (supported: ${SUPPORTED_EXTENSIONS.join(' ')})`,
  };
}

async function listFiles(
  root: string,
  out: string[],
  skipped: { file: string; reason: string }[],
): Promise<void> {
  const info = await stat(root);
  if (info.isFile()) {
    out.push(root);
    return;
  }
  const entries = await readdir(root, { withFileTypes: true });
  for (const entry of entries.sort((a, b) => a.name.localeCompare(b.name))) {
    if (entry.name.startsWith('.')) continue;
    const full = path.join(root, entry.name);
    if (entry.isDirectory()) await listFiles(full, out, skipped);
    else if (entry.isFile()) {
      const rule = listingRule(entry.name);
      if (rule === 'load') out.push(full);
      else if (rule !== 'skip') skipped.push({ file: full, reason: rule.unsupported });
    }
  }
}

/** The text embedded for a chunk: what BM25 indexes too (title, headings, text). */
export function embeddingText(
  title: string,
  chunk: { headingPath: readonly string[]; text: string },
): string {
  return indexableText({ title, headingPath: chunk.headingPath, text: chunk.text });
}

/**
 * Turns a loaded document into stored chunks with language and (optionally) embeddings. A document
 * that makes more chunks than `limits.maxChunksPerDocument` is refused before anything is embedded.
 */
export async function prepareChunks(
  source: string,
  doc: LoadedDocument,
  deps: Pick<SyncDeps, 'detectLanguage' | 'embed' | 'limits'>,
  chunkOptions: ChunkOptions = DEFAULT_CHUNK_OPTIONS,
): Promise<{ language: string; chunks: NewChunk[]; fullText: string }> {
  const { maxChunksPerDocument: maxChunks } = deps.limits ?? DEFAULT_CONTENT_LIMITS;
  const drafts = await chunkDocument(doc, chunkOptions, maxChunks);
  if (drafts.length > maxChunks) {
    throw new IngestError(
      source,
      `makes more than ${formatCount(maxChunks)} chunks: refused; limit ${formatCount(maxChunks)} chunks per ` +
        'document (MAX_CHUNKS_PER_DOCUMENT): split the document',
    );
  }
  const fullText = doc.sections.map((s) => s.text).join('\n');
  const language = doc.language ?? deps.detectLanguage(fullText.slice(0, 4000));
  const embeddings = deps.embed
    ? await deps.embed(drafts.map((d) => embeddingText(doc.title, d)))
    : undefined;
  const chunks = drafts.map((d, i) => ({
    text: d.text,
    headingPath: d.headingPath,
    language: doc.faq ? deps.detectLanguage(d.text) : language,
    embedding: embeddings?.[i],
  }));
  return { language, chunks, fullText };
}

/** Stores one loaded document (from a folder or an upload) and updates the indexes. */
export async function storeDocument(
  deps: SyncDeps,
  input: {
    source: string;
    doc: LoadedDocument;
    contentHash: string;
    audience?: readonly string[] | undefined;
    classification?: Classification | undefined;
    chunk?: ChunkOptions | undefined;
  },
): Promise<{ id: string; created: boolean; injection: boolean; sensitive: Record<string, number> }> {
  const { doc } = input;
  const { language, chunks, fullText } = await prepareChunks(input.source, doc, deps, input.chunk);
  if (chunks.length === 0) throw new IngestError(input.source, 'no text found in the file');
  const existed = await deps.documents.getBySource(input.source);
  const injection = deps.detectInjection(fullText);
  const sensitive = await deps.scanSensitive?.(doc.raw ?? fullText);
  const {
    document,
    removedChunkIds,
    chunks: stored,
  } = await deps.documents.upsert(
    {
      source: input.source,
      title: doc.title,
      language,
      audience: doc.audience ?? input.audience ?? ['all'],
      classification: doc.classification ?? input.classification ?? 'internal',
      url: doc.url,
      contentHash: input.contentHash,
      injectionFlag: injection,
    },
    chunks,
    deps.embeddingModel,
    sensitive,
  );
  await deps.index.apply(
    removedChunkIds,
    stored.map((c, i) => ({
      id: c.id,
      text: indexableText({ title: doc.title, headingPath: c.headingPath, text: c.text }),
      language: c.language,
      embedding: chunks[i]?.embedding,
      access: { audience: document.audience, classification: document.classification },
    })),
  );
  if (injection) deps.logger('warn', 'ingest.prompt_injection', { source: input.source, docId: document.id });
  const counts = sensitive?.counts ?? {};
  if (Object.keys(counts).length > 0) {
    deps.logger('info', 'ingest.sensitive_findings', { source: input.source, docId: document.id, ...counts });
  }
  return { id: document.id, created: !existed, injection, sensitive: counts };
}

/**
 * Incremental ingest of files and folders: unchanged files (same content hash) are skipped, changed
 * ones replaced, failures reported per file while the rest is indexed. With `prune`, documents whose
 * files disappeared from the given folders are removed.
 */
export async function syncPaths(deps: SyncDeps, options: SyncOptions): Promise<SyncReport> {
  const cwd = options.cwd ?? process.cwd();
  const report: SyncReport = {
    added: [],
    updated: [],
    unchanged: [],
    removed: [],
    failed: [],
    sensitive: [],
  };
  const files: string[] = [];
  const roots: string[] = [];
  for (const p of options.paths) {
    const abs = path.resolve(cwd, p);
    try {
      const before = files.length;
      await listFiles(abs, files, report.failed);
      if (files.length === before || (await stat(abs)).isDirectory()) roots.push(abs);
    } catch (error) {
      report.failed.push({ file: p, reason: `cannot read: ${describeError(error)}` });
    }
  }
  const known = new Map((await deps.documents.listSources()).map((d) => [d.source, d]));
  let done = 0;
  for (const file of files) {
    const source = sourceName(file, cwd);
    options.onProgress?.(done, files.length, source);
    try {
      const { bytes, contentHash } = await readSource(file, { maxBytes: options.maxBytes });
      const previous = known.get(source);
      if (previous && previous.contentHash === contentHash) {
        report.unchanged.push(source);
      } else {
        const doc = await loadBytes(file, bytes, deps.limits);
        const { created, sensitive } = await storeDocument(deps, {
          source,
          doc,
          contentHash,
          audience: options.audience,
          classification: options.classification,
          chunk: options.chunk,
        });
        (created ? report.added : report.updated).push(source);
        if (Object.keys(sensitive).length > 0) report.sensitive.push({ file: source, findings: sensitive });
      }
    } catch (error) {
      const reason =
        error instanceof IngestError ? error.message : `unexpected error: ${describeError(error)}`;
      report.failed.push({ file: source, reason });
      deps.logger('warn', 'ingest.file_failed', { file: source, reason });
    }
    done += 1;
  }
  options.onProgress?.(done, files.length, '');
  if (options.prune) {
    const present = new Set(files.map((f) => sourceName(f, cwd)));
    for (const [source, doc] of known) {
      const abs = path.resolve(cwd, source);
      const inRoot = roots.some((root) => abs === root || abs.startsWith(root + path.sep));
      if (inRoot && !present.has(source)) {
        const removedIds = await deps.documents.delete(doc.id);
        await deps.index.apply(removedIds, []);
        report.removed.push(source);
      }
    }
  }
  return report;
}
