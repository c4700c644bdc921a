import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const src = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../src');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return /\.(ts|mjs)$/.test(entry.name) ? [full] : [];
  });
}

describe('no forward pass on the main thread', () => {
  it('only the two session modules import onnxruntime-node, and both refuse the main thread', () => {
    const importers = sourceFiles(src)
      .filter((file) =>
        /from\s+['"]onnxruntime-node['"]|import\(['"]onnxruntime-node['"]\)/.test(readFileSync(file, 'utf8')),
      )
      .map((file) => path.relative(src, file))
      .sort();
    expect(importers).toEqual(['inference/onnx/ort-session.ts', 'rag/encoder-session.ts']);
    for (const file of importers) {
      const text = readFileSync(path.join(src, file), 'utf8');
      const guard = text.indexOf('assertWorkerThread(');
      const create = text.indexOf('InferenceSession.create(');
      // The guard comes before the session is created (the runtime tests show that it throws).
      expect(guard).toBeGreaterThan(0);
      expect(guard).toBeLessThan(create);
    }
  });
});
