import { type StreamGuardFactory, createAnswerService } from '../../src/answer/answer.js';
import type { AnswerService } from '../../src/answer/ports.js';
import { silentLogger } from '../../src/core/log.js';
import type { Guard } from '../../src/guardrails/guard.js';
import { allowAllGuard } from '../fakes/allow-all-guard.js';
import { createExtractiveGenerator } from '../../src/inference/extractive-generator.js';
import type { Generator } from '../../src/inference/generator.js';
import { detectLanguage } from '../../src/inference/language.js';
import { KnowledgeIndex } from '../../src/rag/knowledge-index.js';
import { createLexicalRetriever } from '../../src/rag/lexical-retriever.js';
import { analyze } from '../../src/rag/text-analyzer.js';
import { storeRecorder } from '../../src/runtime.js';
import type { Store } from '../../src/store/store.js';
import { type SyncDeps, storeDocument } from '../../ingest/sync.js';
import { loadBytes } from '../../ingest/load-file.js';

/** A real pipeline (store, BM25, extractive generator) over documents given as Markdown strings. */
export async function buildPipeline(
  store: Store,
  dataDir: string,
  docs: Readonly<Record<string, string>>,
  overrides: { guard?: Guard; generator?: Generator; streamGuard?: StreamGuardFactory } = {},
): Promise<{ answers: AnswerService; index: KnowledgeIndex }> {
  const index = await KnowledgeIndex.open({ dataDir, chunks: store.documents, logger: silentLogger });
  const deps: SyncDeps = {
    documents: store.documents,
    index,
    detectLanguage: (t) => detectLanguage(t),
    detectInjection: () => false,
    logger: silentLogger,
  };
  for (const [name, text] of Object.entries(docs)) {
    const bytes = Buffer.from(text);
    await storeDocument(deps, {
      source: name,
      doc: await loadBytes(name, bytes),
      contentHash: name + text.length,
    });
  }
  await index.persist();
  const answers = createAnswerService({
    retriever: createLexicalRetriever({
      index: () => index.lexical,
      getChunks: (ids) => store.documents.getChunks(ids),
    }),
    generator: overrides.generator ?? createExtractiveGenerator({ tokenize: analyze }),
    guard: overrides.guard ?? allowAllGuard,
    streamGuard: overrides.streamGuard,
    recorder: storeRecorder(store),
    detectLanguage,
    logger: silentLogger,
    maxQuestionChars: 4000,
  });
  return { answers, index };
}
