import { InputError } from '../core/errors.js';
import { embeddingText } from '../../ingest/sync.js';
import type { Runtime } from '../runtime.js';
import { intOption, parseCommand } from './args.js';
import { createProgressBar } from './progress.js';

const USAGE = 'polydesk reembed [--batch N] [--json]';

/**
 * `polydesk reembed`: embeds every chunk that has no embedding from the configured model (after
 * switching EMBEDDING_MODEL_DIR, or for documents ingested before a model was configured), stores the
 * vectors, then rebuilds the indexes. Safe to interrupt: finished batches are kept, the rest is done
 * by the next run.
 */
export async function reembedCommand(runtime: Runtime, args: readonly string[]): Promise<number> {
  const { values } = parseCommand(args, { batch: { type: 'string' }, json: { type: 'boolean' } }, USAGE);
  const embedder = runtime.embedder;
  if (!embedder)
    throw new InputError('reembed needs EMBEDDING_MODEL_DIR: the folder of the embedding model to use');
  const batchSize = intOption(values.batch, '--batch', 1, 1024, 64);
  const { chunks: total } = await runtime.store.documents.counts();
  const bar = createProgressBar();
  const started = performance.now();
  let embedded = 0;
  let seen = 0;
  for await (const page of runtime.store.documents.allChunks(batchSize)) {
    const stale = page.filter((c) => c.embeddingModel !== embedder.modelId || !c.embedding);
    seen += page.length;
    if (stale.length > 0) {
      const vectors = await embedder.embed(
        stale.map((c) => embeddingText(c.title, c)),
        'passage',
      );
      await runtime.store.documents.setEmbeddings(
        stale.map((c, i) => ({ id: c.id, vector: vectors[i]! })),
        embedder.modelId,
      );
      embedded += stale.length;
    }
    bar.update(seen, total, `${embedded} embedded`);
  }
  bar.done();
  if (embedded > 0) await runtime.store.documents.embeddingsChanged();
  await runtime.index.rebuild();
  const seconds = (performance.now() - started) / 1000;
  const summary = { model: embedder.modelId, chunks: total, embedded, seconds: Number(seconds.toFixed(1)) };
  process.stdout.write(
    values.json
      ? `${JSON.stringify(summary)}\n`
      : `embedded ${embedded} of ${total} chunks with ${embedder.modelId} in ${seconds.toFixed(1)} s\n`,
  );
  return 0;
}
