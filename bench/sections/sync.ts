import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { silentLogger } from '../../src/core/log.js';
import { detectLanguage } from '../../src/inference/language.js';
import { KnowledgeIndex } from '../../src/rag/knowledge-index.js';
import { Store } from '../../src/store/store.js';
import { createGuardParts, detectInjection } from '../../src/wiring/guardrails.js';
import { FolderSource } from '../../ingest/sources/folder-source.js';
import { runSource } from '../../ingest/sources/run-source.js';
import { parseSources } from '../../ingest/sources/sources-file.js';
import type { BenchReport } from '../report.js';

const FILES = 10_000;
const CHANGED = 1_000;
const TOPICS = ['leave', 'travel', 'expenses', 'laptops', 'parking', 'badges', 'payroll', 'training'];

function page(i: number, edition: number): string {
  const topic = TOPICS[i % TOPICS.length];
  return (
    `# ${topic} note ${i}\n\nThis note ${i} (edition ${edition}) explains the ${topic} rules of office ${i % 97}. ` +
    `Ask the ${topic} desk for exceptions; requests are answered within ${(i % 5) + 1} working days.\n`
  );
}

/**
 * A folder source synced through `runSource` (what `polydesk sync` and `serve` run): 10,000 small
 * Markdown files stored once, synced again unchanged (listing, one query of stored versions, nothing
 * fetched), then again with 1,000 of them changed (fetched, loaded, chunked, stored, indexed).
 */
export async function run(report: BenchReport): Promise<void> {
  report.section('Synced sources: a folder of 10,000 files, unchanged and with 1,000 changed');
  const work = mkdtempSync(path.join(os.tmpdir(), 'polydesk-bench-sync-'));
  try {
    const folder = path.join(work, 'kb');
    for (let d = 0; d < 100; d += 1) mkdirSync(path.join(folder, `d${d}`), { recursive: true });
    const file = (i: number) => path.join(folder, `d${i % 100}`, `note-${i}.md`);
    for (let i = 0; i < FILES; i += 1) writeFileSync(file(i), page(i, 1));
    const store = await Store.open({ dataDir: path.join(work, 'data') });
    try {
      const index = await KnowledgeIndex.open({
        dataDir: path.join(work, 'data'),
        chunks: store.documents,
        logger: silentLogger,
      });
      const [definition] = parseSources(
        '- {name: kb, type: folder, path: ./kb}',
        path.join(work, 'sources.yaml'),
        () => undefined,
      );
      if (!definition) throw new Error('no source');
      const connector = new FolderSource(definition.settings as never, {
        env: {},
        logger: silentLogger,
        sourceName: 'kb',
        baseDir: work,
        cwd: work,
        maxFileBytes: 50 * 1024 * 1024,
      });
      // The at-rest sensitive scan runs on every stored document in `serve` and `sync`: timed here too.
      const guardParts = await createGuardParts({
        store,
        config: { guardrailPolicyFile: undefined },
        logger: silentLogger,
      });
      const deps = {
        sync: {
          documents: store.documents,
          index,
          detectLanguage: (text: string) => detectLanguage(text),
          detectInjection,
          scanSensitive: (text: string) => guardParts.scanSensitive(text),
          logger: silentLogger,
        },
        sources: store.sources,
        maxFileBytes: 50 * 1024 * 1024,
        holder: 'bench',
      };
      const timed = async () => {
        const started = performance.now();
        const result = await runSource(deps, definition, connector);
        return { result, seconds: (performance.now() - started) / 1000 };
      };
      const first = await timed();
      const unchanged = await timed();
      for (let i = 0; i < CHANGED; i += 1) writeFileSync(file(i * (FILES / CHANGED)), page(i, 2));
      const changed = await timed();
      report.table(
        ['run', 'files', 'added', 'updated', 'unchanged', 'seconds', 'files/s'],
        [first, unchanged, changed].map(({ result, seconds }, n) => [
          ['first sync (all new)', 'again, nothing changed', `again, ${CHANGED} changed`][n] as string,
          FILES,
          result.added.length,
          result.updated.length,
          result.unchanged,
          seconds,
          FILES / seconds,
        ]),
      );
      report.note(
        `${FILES} Markdown files of ~250 bytes in 100 folders, on the temp folder's disk; SQLite; with the at-rest sensitive scan as ` +
          '`serve` and `sync` run it; lexical only (with an ' +
          'embedding model, changed files add their encoder time). Command: `npm run bench -- sync`.',
      );
    } finally {
      await store.close();
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
