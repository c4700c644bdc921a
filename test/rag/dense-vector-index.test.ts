import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { IndexCorruptError, InputError, ModelLoadError } from '../../src/core/errors.js';
import type { Principal } from '../../src/core/types.js';
import type { AccessInfo } from '../../src/core/access.js';
import { cosine } from '../../src/rag/embedder.js';
import { readSnapshot, snapshotPath } from '../../src/rag/snapshot.js';
import { type VectorFilter, VectorIndex, type VectorIndexOptions } from '../../src/rag/vector-index.js';
import {
  VECTOR_SNAPSHOT,
  loadVectorIndex,
  saveVectorIndex,
  vectorIndexFromSnapshot,
  vectorSnapshotParts,
} from '../../src/rag/vector-snapshot.js';

const root = mkdtempSync(path.join(os.tmpdir(), 'polydesk-vectors-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const DIM = 16;
const MODEL = { modelId: 'test-model:abc', dimension: DIM };

/** Deterministic pseudo-random unit-ish vectors. */
function vectors(n: number, seed = 1): Float32Array[] {
  let s = seed;
  const next = () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 4294967296 - 0.5;
  };
  return Array.from({ length: n }, () => Float32Array.from({ length: DIM }, next));
}

function exactTop(
  data: Map<string, Float32Array>,
  query: Float32Array,
  k: number,
  keep = (_: string) => true,
) {
  return [...data]
    .filter(([id]) => keep(id))
    .map(([id, v]) => ({ id, score: cosine(query, v) }))
    .sort((a, b) => b.score - a.score)
    .slice(0, k)
    .map((h) => h.id);
}

const everyone: AccessInfo = { audience: ['all'], classification: 'internal' };
const hrOnly: AccessInfo = { audience: ['hr'], classification: 'confidential' };
const alice: Principal = { email: 'alice@example.com', groups: ['all', 'hr'] };
const bob: Principal = { email: 'bob@example.com', groups: ['all', 'eng'] };

describe('VectorIndex', () => {
  it('finds the nearest vectors by cosine similarity, growing past its initial capacity', () => {
    const data = new Map(vectors(3000).map((v, i) => [`c${i}`, v]));
    const index = VectorIndex.build(
      [...data].map(([id, vector]) => ({ id, vector })),
      MODEL,
    );
    expect(index.size).toBe(3000);
    let agree = 0;
    for (const query of vectors(20, 99)) {
      const hits = index.search(query, 10);
      const truth = exactTop(data, query, 10);
      agree += hits.filter((h) => truth.includes(h.id)).length;
      expect(hits[0]!.score).toBeCloseTo(cosine(query, data.get(hits[0]!.id)!), 5);
    }
    expect(agree / 200).toBeGreaterThan(0.95);
    const [self] = index.search(data.get('c1234')!, 1);
    expect(self).toEqual({ id: 'c1234', score: expect.closeTo(1, 5) });
  });

  it('never returns removed ids, reuses their slots, and replaces the vector of a re-added id', () => {
    const [a, b, c, d] = vectors(4, 7);
    const index = VectorIndex.create(MODEL);
    index.add(['a', 'b', 'c'], [a!, b!, c!]);
    index.remove(['b']);
    expect(index.has('b')).toBe(false);
    expect(index.search(b!, 3).map((h) => h.id)).not.toContain('b');
    index.add(['d'], [d!]);
    expect(index.size).toBe(3);
    expect(index.search(d!, 1)[0]!.id).toBe('d');
    index.add(['a'], [c!]);
    expect(index.search(a!, 3).find((h) => h.id === 'a')!.score).toBeCloseTo(cosine(a!, c!), 5);
    expect(index.size).toBe(3);
    expect(index.search(a!, 0)).toEqual([]);
  });

  it('restricts a search to what every reader may see, whichever search strategy runs', () => {
    const all = vectors(400, 3);
    const ids = all.map((_, i) => `c${i}`);
    const access = ids.map((_, i) => (i % 10 === 0 ? hrOnly : everyone));
    const data = new Map(ids.map((id, i) => [id, all[i]!]));
    const isHr = (id: string) => Number(id.slice(1)) % 10 === 0;
    const index = VectorIndex.create(MODEL);
    index.add(ids, all, access);
    const query = all[20]!;
    for (const strategy of ['auto', 'exact', 'graph', 'overfetch'] as const) {
      const search = (k: number, filter: VectorFilter) =>
        index.search(query, k, filter, { strategy }).map((h) => h.id);
      const forBob = search(10, { readers: [bob] });
      expect(forBob.some(isHr)).toBe(false);
      expect(forBob).toEqual(exactTop(data, query, 10, (id) => !isHr(id)));
      expect(search(1, { readers: [alice] })).toEqual(['c20']);
      expect(search(10, { readers: [alice, bob] }).some(isHr)).toBe(false);
      expect(search(5, isHr)).toEqual(exactTop(data, query, 5, isHr));
    }
  });

  it('applies changed access to chunks already indexed', () => {
    const [v] = vectors(1, 5);
    const index = VectorIndex.create(MODEL);
    index.add(['doc'], [v!], [everyone]);
    expect(index.search(v!, 1, { readers: [bob] })).toHaveLength(1);
    index.setAccess(['doc'], hrOnly);
    expect(index.search(v!, 1, { readers: [bob] })).toEqual([]);
  });

  it('keeps access right through removals, replacements and reused slots', () => {
    const [a, b, c] = vectors(3, 21);
    for (const strategy of ['auto', 'graph'] as const) {
      const index = VectorIndex.create(MODEL);
      index.add(['a', 'b', 'secret'], [a!, b!, c!], [everyone, everyone, hrOnly]);
      index.remove(['a']);
      const seen = () => index.search(c!, 10, { readers: [bob] }, { strategy }).map((h) => h.id);
      expect(seen()).toEqual(['b']);
      index.add(['a2'], [a!], [hrOnly]);
      expect(seen()).toEqual(['b']);
      index.add(['secret'], [c!], [everyone]);
      expect(seen().sort()).toEqual(['b', 'secret']);
      index.remove(['b']);
      index.add(['b'], [b!]);
      // Re-added without access info: denied, not public.
      expect(seen()).toEqual(['secret']);
      index.setAccess(['b'], everyone);
      expect(seen().sort()).toEqual(['b', 'secret']);
    }
  });

  it('saves and loads a snapshot with the same results, deletions and access', async () => {
    const dir = path.join(root, 'roundtrip');
    const all = vectors(1500, 11);
    const ids = all.map((_, i) => `c${i}`);
    const index = VectorIndex.create({ ...MODEL, exactLimit: 0 });
    index.add(
      ids,
      all,
      ids.map((_, i) => (i < 5 ? hrOnly : everyone)),
    );
    index.remove(['c7', 'c8']);
    await saveVectorIndex(index, dir, { contentVersion: 42 });
    const loaded = (await loadVectorIndex(dir, MODEL, { exactLimit: 0 }))!;
    expect(loaded.size).toBe(1498);
    expect(loaded.has('c7')).toBe(false);
    for (const query of vectors(10, 12)) {
      expect(loaded.search(query, 10)).toEqual(index.search(query, 10));
      expect(loaded.search(query, 10, { readers: [bob] })).toEqual(
        index.search(query, 10, { readers: [bob] }),
      );
    }
    const exact = (await loadVectorIndex(dir, MODEL, { exactLimit: 100_000 }))!;
    expect(exact.search(all[3]!, 1, { readers: [alice] })[0]).toEqual({
      id: 'c3',
      score: expect.closeTo(1, 5),
    });
    expect(exact.search(all[3]!, 3, { readers: [bob] }).map((h) => h.id)).not.toContain('c3');
    loaded.add(['new'], [all[7]!]);
    expect(loaded.size).toBe(1499);
    expect(loaded.search(all[7]!, 1)[0]!.id).toBe('new');
  });

  it('detects a truncated or altered snapshot', async () => {
    const dir = path.join(root, 'corrupt');
    const index = VectorIndex.build(
      vectors(50).map((vector, i) => ({ id: `c${i}`, vector })),
      MODEL,
    );
    await saveVectorIndex(index, dir);
    const file = snapshotPath(dir, VECTOR_SNAPSHOT);
    const bytes = readFileSync(file);
    writeFileSync(file, bytes.subarray(0, bytes.length - 100));
    await expect(loadVectorIndex(dir, MODEL)).rejects.toBeInstanceOf(IndexCorruptError);
    const altered = Buffer.from(bytes);
    altered[altered.length - 10]! ^= 0xff;
    writeFileSync(file, altered);
    await expect(loadVectorIndex(dir, MODEL)).rejects.toBeInstanceOf(IndexCorruptError);
    expect(await loadVectorIndex(path.join(root, 'none'), MODEL)).toBeUndefined();
  });

  it('records the model and caller metadata, and rejects a graph that does not match its id table', async () => {
    const dir = path.join(root, 'meta');
    const index = VectorIndex.build(
      vectors(20).map((vector, i) => ({ id: `c${i}`, vector })),
      MODEL,
    );
    await saveVectorIndex(index, dir, { contentVersion: 7 });
    const snapshot = (await readSnapshot(dir, VECTOR_SNAPSHOT))!;
    expect(snapshot.meta).toMatchObject({
      contentVersion: 7,
      modelId: MODEL.modelId,
      dimension: DIM,
      size: 20,
    });
    const { meta, payload } = vectorSnapshotParts(index);
    const table = JSON.parse(Buffer.from(payload[1]!).toString('utf8'));
    table.slots.pop();
    const tableBytes = Buffer.from(JSON.stringify(table));
    const length = Buffer.alloc(4);
    length.writeUInt32LE(tableBytes.length);
    const mangled = { meta, payload: Buffer.concat([length, tableBytes, payload[2]!]) };
    expect(() => vectorIndexFromSnapshot(mangled, MODEL)).toThrow(IndexCorruptError);
  });

  it('refuses a snapshot built by another embedding model, naming both', async () => {
    const dir = path.join(root, 'mismatch');
    await saveVectorIndex(VectorIndex.build([{ id: 'x', vector: vectors(1)[0]! }], MODEL), dir);
    const other = { modelId: 'multilingual-e5-base:123', dimension: 768 };
    const error = await loadVectorIndex(dir, other).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ModelLoadError);
    expect((error as Error).message).toMatch(/built by embedding model test-model:abc \(16 dimensions\)/);
    expect((error as Error).message).toMatch(/multilingual-e5-base:123 \(768 dimensions\)/);
  });

  it('rejects vectors of the wrong dimension', () => {
    const index = VectorIndex.create(MODEL);
    expect(() => index.add(['x'], [new Float32Array(8)])).toThrow(InputError);
    expect(() => index.search(new Float32Array(8), 1)).toThrow(
      /8 dimensions; this index \(test-model:abc\) holds 16/,
    );
  });

  it('scores by inner product in the ip space', () => {
    const options: VectorIndexOptions = { ...MODEL, space: 'ip' };
    const v = Float32Array.from({ length: DIM }, (_, i) => (i === 0 ? 2 : 0));
    const index = VectorIndex.build([{ id: 'long', vector: v }], options);
    expect(index.search(v, 1)[0]!.score).toBeCloseTo(4, 5);
  });
});
