/** The documents that may hold bench blocks (README.md and docs/*.md but the report itself), rendered. */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { BenchFigures } from './bench-figures.js';
import { renderBlocks } from './doc-blocks.js';

export interface RenderedDoc {
  /** Path from the repository root. */
  readonly relative: string;
  readonly text: string;
  /** The text with its bench blocks rewritten from the report. */
  readonly rendered: string;
}

export function renderDocs(root: string, figures: BenchFigures): RenderedDoc[] {
  const docs = [
    'README.md',
    ...readdirSync(path.join(root, 'docs'))
      .filter((f) => f.endsWith('.md') && f !== 'benchmarks.md')
      .sort()
      .map((f) => `docs/${f}`),
  ];
  return docs.map((relative) => {
    const text = readFileSync(path.join(root, relative), 'utf8');
    return { relative, text, rendered: renderBlocks(text, figures, relative) };
  });
}
