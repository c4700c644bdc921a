/**
 * Rewrites the bench blocks (`<!-- bench:NAME -->…<!-- /bench -->`, bench/doc-blocks.ts) of
 * README.md and docs/*.md from the committed report, docs/benchmarks.md:
 *
 *   node --no-regexp-tier-up --import tsx bench/docs.ts            rewrite the blocks
 *   node --no-regexp-tier-up --import tsx bench/docs.ts --check    list the documents that differ, exit 1
 *   ... bench/docs.ts --from bench/out/latest.md                   preview from another report
 *
 * Refresh docs/benchmarks.md from a run first (sections of bench/out/latest.md), then run this.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { BenchFigures } from './bench-figures.js';
import { renderDocs } from './doc-files.js';
import { optionReader } from './options.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const from = optionReader(args)('--from') ?? path.join(root, 'docs', 'benchmarks.md');
const figures = BenchFigures.parse(readFileSync(from, 'utf8'));
const changed: string[] = [];
for (const doc of renderDocs(root, figures)) {
  if (doc.rendered === doc.text) continue;
  changed.push(doc.relative);
  if (!args.includes('--check')) writeFileSync(path.join(root, doc.relative), doc.rendered);
}
const verb = args.includes('--check') ? 'differ from' : 'rewritten from';
process.stdout.write(
  changed.length
    ? `${changed.join('\n')}\n(${changed.length} ${verb} ${path.relative(root, from)})\n`
    : `every bench block matches ${path.relative(root, from)}\n`,
);
if (args.includes('--check') && changed.length) process.exitCode = 1;
