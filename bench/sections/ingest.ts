import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { silentLogger } from '../../src/core/log.js';
import { detectInjection } from '../../src/wiring/guardrails.js';
import { detectLanguage } from '../../src/inference/language.js';
import { KnowledgeIndex } from '../../src/rag/knowledge-index.js';
import { Store } from '../../src/store/store.js';
import { syncPaths } from '../../ingest/sync.js';
import type { BenchReport } from '../report.js';
import { DEFAULT_XQUAD_DIR, loadXquad } from '../xquad-recall.js';

const LANGUAGES = ['en', 'zh', 'es', 'de', 'ru', 'ar', 'vi'];

/**
 * Ingest throughput through the same path as `polydesk ingest`: read, load (Markdown), chunk,
 * detect language and prompt injection, store in SQLite, index with BM25, snapshot.
 */
export async function run(report: BenchReport): Promise<void> {
  report.section('Ingest: documents/s and chunks/s through `polydesk ingest`’s path');
  const work = mkdtempSync(path.join(os.tmpdir(), 'polydesk-bench-ingest-'));
  try {
    const docs = path.join(work, 'docs');
    mkdirSync(docs);
    let files = 0;
    for (const language of LANGUAGES) {
      const set = loadXquad(DEFAULT_XQUAD_DIR, language);
      // Two passages per document, with a heading each, like a short intranet page.
      for (let i = 0; i + 1 < set.passages.length; i += 2) {
        const body = `# Section ${i}\n\n${set.passages[i]}\n\n## Section ${i + 1}\n\n${set.passages[i + 1]}\n`;
        writeFileSync(path.join(docs, `${language}-${String(i).padStart(4, '0')}.md`), body);
        files += 1;
      }
    }
    const store = await Store.open({ dataDir: path.join(work, 'data') });
    try {
      const index = await KnowledgeIndex.open({
        dataDir: path.join(work, 'data'),
        chunks: store.documents,
        logger: silentLogger,
      });
      const deps = {
        documents: store.documents,
        index,
        detectLanguage: (text: string) => detectLanguage(text),
        detectInjection,
        logger: silentLogger,
      };
      const first = performance.now();
      const added = await syncPaths(deps, { paths: [docs], maxBytes: 50 * 1024 * 1024, cwd: work });
      await index.persist();
      const firstSeconds = (performance.now() - first) / 1000;
      const { chunks } = await store.documents.counts();
      const again = performance.now();
      const unchanged = await syncPaths(deps, { paths: [docs], maxBytes: 50 * 1024 * 1024, cwd: work });
      const againSeconds = (performance.now() - again) / 1000;
      report.table(
        ['run', 'documents', 'chunks', 'seconds', 'documents/s', 'chunks/s'],
        [
          [
            'first ingest (all new)',
            added.added.length,
            chunks,
            firstSeconds,
            added.added.length / firstSeconds,
            chunks / firstSeconds,
          ],
          [
            're-ingest (all unchanged: hashed, skipped)',
            unchanged.unchanged.length,
            0,
            againSeconds,
            unchanged.unchanged.length / againSeconds,
            0,
          ],
        ],
      );
      report.note(
        `${files} Markdown files made of XQuAD passages in ${LANGUAGES.join(', ')} (two passages per file); SQLite in a temp folder; ` +
          'lexical only (with an embedding model, add the encoder time: see the dense section). Command: `npm run bench -- ingest`.',
      );
    } finally {
      await store.close();
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
