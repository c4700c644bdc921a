import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeTinyBertFolder } from '../fixtures/tiny-bert.js';
import { jsonLines, runCli } from '../helpers/cli.js';

/**
 * Dense and hybrid retrieval through the product's CLI with a generated tiny encoder: embeddings
 * stored at ingest, the vector snapshot written and rebuilt, a model switch detected and re-embedded.
 */
describe('polydesk with an embedding model', () => {
  let root: string;
  let docs: string;
  let dataDir: string;
  let modelA: string;
  let modelB: string;

  beforeAll(() => {
    root = mkdtempSync(path.join(tmpdir(), 'polydesk-dense-'));
    docs = path.join(root, 'docs');
    dataDir = path.join(root, 'data');
    mkdirSync(docs);
    writeFileSync(
      path.join(docs, 'leave.md'),
      '# Annual leave\nFull-time employees get 20 days of paid leave per year.\n',
    );
    writeFileSync(
      path.join(docs, 'vpn.md'),
      '# VPN\nOpen the VPN client and sign in with your employee id.\n',
    );
    writeFileSync(
      path.join(docs, 'bands.md'),
      '---\nclassification: restricted\naudience: [hr]\n---\n# Salary bands\nThe L3 band is 48,000 to 58,000 EUR.\n',
    );
    modelA = writeTinyBertFolder(path.join(root, 'model-a'), { seed: 7 }).dir;
    modelB = writeTinyBertFolder(path.join(root, 'model-b'), { seed: 8 }).dir;
  });
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  const env = (model: string | undefined, extra: Record<string, string> = {}) => ({
    DATA_DIR: dataDir,
    EMBEDDING_MODEL_DIR: model,
    LOG_LEVEL: 'debug',
    ...extra,
  });

  it('embeds chunks at ingest and searches in hybrid mode, with access control on dense hits', async () => {
    const ingest = await runCli(['ingest', docs, '--json'], { env: env(modelA) });
    expect(ingest.code).toBe(0);
    expect(ingest.stderr).toMatch(/retrieval.dense/);
    expect(existsSync(path.join(dataDir, 'dense.snap'))).toBe(true);
    const search = await runCli(['search', 'paid leave days', '--k', '10', '--json'], { env: env(modelA) });
    expect(search.code).toBe(0);
    const hits = jsonLines(search.stdout)[0]!.hits as { source: string }[];
    expect(hits[0]?.source).toMatch(/leave\.md$/);
    // Dense retrieval returns neighbours for any query, but never the restricted document.
    expect(hits.map((h) => h.source)).not.toContain(expect.stringMatching(/bands\.md$/));
    const dense = await runCli(['search', 'paid leave days', '--k', '10', '--json'], {
      env: env(modelA, { RETRIEVAL_MODE: 'dense' }),
    });
    const denseHits = jsonLines(dense.stdout)[0]!.hits as { source: string }[];
    expect(denseHits.length).toBe(2);
    expect(denseHits.map((h) => h.source).join(' ')).not.toMatch(/bands/);
  });

  it('rebuilds a missing vector snapshot from the embeddings stored in the database', async () => {
    rmSync(path.join(dataDir, 'dense.snap'));
    const search = await runCli(['search', 'VPN', '--json'], {
      env: env(modelA, { RETRIEVAL_MODE: 'dense' }),
    });
    expect(search.code).toBe(0);
    expect(search.stderr).toMatch(/index.rebuilt/);
    expect(search.stderr).not.toMatch(/embeddings_missing/);
    expect((jsonLines(search.stdout)[0]!.hits as unknown[]).length).toBe(2);
    expect(existsSync(path.join(dataDir, 'dense.snap'))).toBe(true);
  });

  it('detects a switched model, never mixes vectors, and re-embeds with `reembed`', async () => {
    const switched = await runCli(['search', 'VPN', '--json'], {
      env: env(modelB, { RETRIEVAL_MODE: 'dense' }),
    });
    expect(switched.code).toBe(0);
    expect(switched.stderr).toMatch(/index.model_changed/);
    expect(switched.stderr).toMatch(/embeddings_missing.*polydesk reembed/);
    expect(jsonLines(switched.stdout)[0]!.hits).toEqual([]);
    const reembed = await runCli(['reembed', '--json'], { env: env(modelB) });
    expect(reembed.code).toBe(0);
    expect(JSON.parse(reembed.stdout)).toMatchObject({ chunks: 3, embedded: 3 });
    const after = await runCli(['search', 'VPN', '--json'], {
      env: env(modelB, { RETRIEVAL_MODE: 'dense' }),
    });
    expect((jsonLines(after.stdout)[0]!.hits as unknown[]).length).toBe(2);
    expect(after.stderr).not.toMatch(/embeddings_missing/);
  });

  it('says at start when it runs lexical-only, and refuses dense mode without a model', async () => {
    const lexical = await runCli(['search', 'VPN', '--json'], { env: env(undefined) });
    expect(lexical.stderr).toMatch(/retrieval.lexical_only/);
    const refused = await runCli(['search', 'VPN', '--json'], {
      env: env(undefined, { RETRIEVAL_MODE: 'dense' }),
    });
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/RETRIEVAL_MODE=dense needs EMBEDDING_MODEL_DIR/);
  });

  it('names the missing file of a broken model folder at start', async () => {
    const broken = path.join(root, 'broken');
    mkdirSync(broken);
    writeFileSync(path.join(broken, 'model.onnx'), 'version https://git-lfs.github.com/spec/v1\n');
    const result = await runCli(['search', 'VPN', '--json'], { env: env(broken) });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/tokenizer\.json|model\.onnx/);
  });
});
