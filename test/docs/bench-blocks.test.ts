import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { BenchFigures } from '../../bench/bench-figures.js';
import { BLOCKS, blockNames, renderBlocks } from '../../bench/doc-blocks.js';
import { renderDocs } from '../../bench/doc-files.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const committed = BenchFigures.parse(readFileSync(path.join(root, 'docs/benchmarks.md'), 'utf8'));

const REPORT = `# PolyDesk benchmark report

- date: 2026-12-05T10:00:00.000Z

## Replicas: bursts on one and two replicas

| replicas | questions | questions/s | ack p50 ms | ack p99 ms | answer p50 ms | answer p99 ms | "busy" replies |
| --- | --- | --- | --- | --- | --- | --- | --- |
| 1 | 300 | 87.23 | 129 | 195 | 1616 | 1911 | 29 |
| 2 | 300 | 91.24 | 154 | 282 | 1166 | 1747 | 0 |

Replica RSS after the bursts: 323 MB.

| questions | killed after | taken over by B | last answer after kill s | answered twice |
| --- | --- | --- | --- | --- |
| 100 | 50 sent | 9 | 31.04 | 0 |
`;

describe('bench blocks in the docs', () => {
  it('match the committed report, docs/benchmarks.md (run bench/docs.ts after refreshing it)', () => {
    const docs = renderDocs(root, committed);
    const stale = docs.filter((d) => d.rendered !== d.text).map((d) => d.relative);
    expect(stale).toEqual([]);
    // The check covers something: the docs quote the report in several places.
    expect(docs.flatMap((d) => blockNames(d.text)).length).toBeGreaterThan(10);
  });

  it('every block is quoted by some document', () => {
    const used = new Set(renderDocs(root, committed).flatMap((d) => blockNames(d.text)));
    expect(Object.keys(BLOCKS).filter((name) => !used.has(name))).toEqual([]);
  });

  it('rewrites a copied figure that no longer matches the report, inline and as a table', () => {
    const figures = BenchFigures.parse(REPORT);
    const doc =
      'Rate: <!-- bench:scaling-plan-rate -->≈ 92 questions/s per 2 cores<!-- /bench -->.\n\n' +
      '<!-- bench:scaling-two-replicas -->\n| stale |\n<!-- /bench -->\n';
    const rendered = renderBlocks(doc, figures, 'doc.md');
    expect(rendered).toContain(
      '<!-- bench:scaling-plan-rate -->≈ 87 questions/s per 2 cores<!-- /bench -->.',
    );
    expect(rendered).toContain(
      '| two replicas, same burst of 300 mentions spread over both | 91.24 questions/s,',
    );
    expect(rendered).toContain('31.04 s (with `RECOVERY_AFTER_SECONDS=30`), 0 answered twice');
    expect(rendered).not.toContain('stale');
    expect(renderBlocks(rendered, figures, 'doc.md')).toBe(rendered);
  });

  it('fails when the report lacks a figure a block quotes, or the block is unknown', () => {
    const figures = BenchFigures.parse(REPORT.replace('| 2 | 300 |', '| 3 | 300 |'));
    expect(() =>
      renderBlocks('<!-- bench:scaling-two-replicas -->\n<!-- /bench -->', figures, 'doc.md'),
    ).toThrow(/doc\.md, block "scaling-two-replicas": Replicas.*no row/);
    expect(() => renderBlocks('<!-- bench:admin-pages --><!-- /bench -->', figures, 'doc.md')).toThrow(
      /no section "Admin UI/,
    );
    expect(() => renderBlocks('<!-- bench:no-such --><!-- /bench -->', figures, 'doc.md')).toThrow(
      /unknown bench block "no-such"/,
    );
  });
});
