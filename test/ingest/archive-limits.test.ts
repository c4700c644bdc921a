import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_CONTENT_LIMITS } from '../../ingest/content-limits.js';
import { loadBytes } from '../../ingest/load-file.js';
import { type SyncDeps, syncPaths } from '../../ingest/sync.js';
import { IngestError } from '../../src/core/errors.js';
import { silentLogger } from '../../src/core/log.js';
import { Store } from '../../src/store/store.js';
import { runCli } from '../helpers/cli.js';
import { sqliteDatabase } from '../helpers/databases.js';
import { bombDocx, docxBytes } from './fixtures.js';

const MB = 1024 * 1024;

async function refusal(name: string, bytes: Buffer, limits = DEFAULT_CONTENT_LIMITS): Promise<string> {
  const error = await loadBytes(name, bytes, limits).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(IngestError);
  return (error as IngestError).message;
}

describe('archive bombs and oversized documents', () => {
  it('refuses a 20 MB document packed into a small .docx from its central directory', async () => {
    const bomb = bombDocx(20 * MB);
    expect(bomb.length).toBeLessThan(100 * 1024);
    expect(await refusal('bomb.docx', bomb)).toMatch(
      /^word\/document\.xml: compressed [\d.]+ KB expands to 20(\.\d)? MB \(ratio \d{3,}:1\): refused as a possible archive bomb; limit 100:1 for entries over 1 MB \(MAX_COMPRESSION_RATIO\)$/,
    );
  });

  it('catches a directory that understates an entry, inflating no more than it declared', async () => {
    const liar = bombDocx(5 * MB, {
      declaredSize: (name, size) => (name === 'word/document.xml' ? 200_000 : size),
    });
    expect(await refusal('liar.docx', liar)).toMatch(
      /word\/document\.xml: inflates to more than the 195\.3 KB its directory declares: refused as a possible archive bomb/,
    );
  });

  it('refuses too many entries and too much uncompressed data, naming the setting', async () => {
    const parts = Object.fromEntries(Array.from({ length: 30 }, (_, i) => [`word/media/p${i}.txt`, 'x']));
    const many = docxBytes([{ text: 'Hello' }], { extraEntries: parts });
    expect(await refusal('many.docx', many, { ...DEFAULT_CONTENT_LIMITS, maxArchiveEntries: 20 })).toMatch(
      /has 35 entries: refused as a possible archive bomb; limit 20 \(MAX_ARCHIVE_ENTRIES\)/,
    );
    const noise = Buffer.from(Array.from({ length: 2 * MB }, (_, i) => (i * 7919) % 251));
    const big = docxBytes([{ text: 'Hello' }], { extraEntries: { 'word/media/image1.bin': noise } });
    expect(await refusal('big.docx', big, { ...DEFAULT_CONTENT_LIMITS, maxUncompressedBytes: MB })).toMatch(
      /expands to 2 MB \(ratio 1:1\): refused as a possible archive bomb; limit 1 MB uncompressed \(MAX_UNCOMPRESSED_MB\)/,
    );
  });

  it('still reads an ordinary deflated Word document', async () => {
    const doc = await loadBytes(
      'policy.docx',
      docxBytes([{ text: 'Travel policy', style: 'Title' }, { text: 'Book trains, not planes.' }], {
        deflate: true,
      }),
    );
    expect(doc.title).toBe('Travel policy');
    expect(doc.sections.map((s) => s.text).join('\n')).toContain('Book trains, not planes.');
  });

  it('refuses a document with more text or chunks than MAX_CHUNKS_PER_DOCUMENT allows, storing nothing', async () => {
    const limits = { ...DEFAULT_CONTENT_LIMITS, maxChunksPerDocument: 3 };
    expect(await refusal('long.txt', Buffer.from('word '.repeat(1000)), limits)).toMatch(
      /has [\d,]+ characters of text or more, more than 3 chunks hold \(limit 3,000 characters, MAX_CHUNKS_PER_DOCUMENT\): split the document/,
    );
    const database = sqliteDatabase();
    const store = await database.open();
    const dir = mkdtempSync(path.join(tmpdir(), 'polydesk-chunks-'));
    try {
      // 2,800 characters, under the text limit, in 4 paragraphs of about 700: more than 3 chunks.
      const paragraphs = Array.from(
        { length: 4 },
        (_, i) => `Paragraph ${i}: ${'holiday rules '.repeat(49)}`,
      );
      writeFileSync(path.join(dir, 'four.md'), paragraphs.join('\n\n'));
      writeFileSync(path.join(dir, 'short.md'), '# Parking\nThe car park opens at 7am.\n');
      const applied: number[] = [];
      const deps: SyncDeps = {
        documents: store.documents,
        index: { apply: async (_removed, added) => void applied.push(added.length) },
        detectLanguage: () => 'en',
        detectInjection: () => false,
        limits,
        logger: silentLogger,
      };
      const report = await syncPaths(deps, { paths: [dir], maxBytes: MB, cwd: dir });
      expect(report.added).toEqual(['short.md']);
      expect(report.failed).toEqual([
        {
          file: 'four.md',
          reason:
            'makes more than 3 chunks: refused; limit 3 chunks per document (MAX_CHUNKS_PER_DOCUMENT): split the document',
        },
      ]);
      expect((await store.documents.listSources()).map((d) => d.source)).toEqual(['short.md']);
      expect(await store.documents.counts()).toEqual({ documents: 1, chunks: 1 });
    } finally {
      await store.close();
      await database.dispose();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('polydesk ingest of a folder with an archive bomb', () => {
  let dir: string;
  let dataDir: string;
  beforeAll(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'polydesk-bomb-'));
    dataDir = mkdtempSync(path.join(tmpdir(), 'polydesk-bomb-data-'));
    mkdirSync(path.join(dir, 'docs'));
    writeFileSync(path.join(dir, 'docs', 'bomb.docx'), bombDocx(20 * MB));
    writeFileSync(path.join(dir, 'docs', 'good.md'), '# Parking\nThe car park opens at 7am.\n');
  });
  afterAll(() => {
    rmSync(dir, { recursive: true, force: true });
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('refuses the bomb with its reason under a small heap, indexes the rest and exits 1', async () => {
    // Inflated and converted, 20 MB of Word XML takes well over a gigabyte: under a 256 MB heap
    // the process would die of it instead of reporting.
    const result = await runCli(['ingest', path.join(dir, 'docs'), '--json'], {
      env: { DATA_DIR: dataDir, NODE_OPTIONS: '--max-old-space-size=256' },
    });
    expect(result.code).toBe(1);
    const report = JSON.parse(result.stdout) as {
      added: string[];
      failed: { file: string; reason: string }[];
    };
    expect(report.added.map((f) => path.basename(f))).toEqual(['good.md']);
    expect(report.failed).toHaveLength(1);
    expect(path.basename(report.failed[0]!.file)).toBe('bomb.docx');
    expect(report.failed[0]!.reason).toMatch(
      /expands to 20(\.\d)? MB \(ratio \d{3,}:1\): refused as a possible archive bomb/,
    );
    const store = await Store.open({ dataDir });
    try {
      const sources = (await store.documents.listSources()).map((d) => path.basename(d.source));
      expect(sources).toEqual(['good.md']);
      expect((await store.documents.counts()).chunks).toBe(1);
    } finally {
      await store.close();
    }
  });
});
