/**
 * Document summaries (issue 18): time and length for documents of 1, 10 and 100 pages (about 2,500
 * characters a page), extractive (the default, no model) and abstractive with the generated tiny
 * test model (map-reduce within a 2,048-token context, as PolyLM's). The documents are the sample
 * knowledge base's English pages, one after another under chapter headings, with the numbers of
 * each repeat changed so that no two sentences are the same. The tiny model's text means nothing:
 * its figures are the map-reduce's cost (parts, model calls, prompt sizes), not a summary's quality.
 */
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { writeAbstractiveSummary } from '../../src/inference/abstractive-summary.js';
import { type SummarySection, extractiveSummary } from '../../src/inference/extractive-summary.js';
import { detectLanguage } from '../../src/inference/language.js';
import { OnnxCausalLm } from '../../src/inference/onnx/onnx-causal-lm.js';
import { createOnnxTextEngine } from '../../src/inference/onnx/onnx-text-engine.js';
import { analyze } from '../../src/rag/text-analyzer.js';
import { findInstructions } from '../../src/wiring/generator.js';
import { buildTinyGpt2 } from '../../test/fixtures/tiny-gpt2.js';
import { type BenchReport, percentile } from '../report.js';

const PAGE_CHARS = 2_500;
const PAGES = [1, 10, 100];
const RUNS = 5;
/** SUMMARY_MAX_MODEL_CALLS's default: the map step reads at most half of it in parts. */
const MAX_MODEL_CALLS = 12;

/** The sample knowledge base's English Markdown pages, front matter removed. */
function samplePages(): string[] {
  const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../../examples/knowledge');
  const files: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.name.endsWith('.md')) files.push(full);
    }
  };
  walk(root);
  return files
    .map((file) => readFileSync(file, 'utf8'))
    .filter((text) => /^language: en$/mu.test(text) || !/^language:/mu.test(text))
    .map((text) => text.replace(/^---[\s\S]*?---\n/u, ''))
    .sort();
}

/** A document of `pages` pages as sections (headings and text), the way chunks give them back. */
function documentOf(pages: number, source: readonly string[]): SummarySection[] {
  const target = pages * PAGE_CHARS;
  const sections: SummarySection[] = [];
  let chars = 0;
  for (let round = 0; chars < target; round++) {
    for (const page of source) {
      if (chars >= target) break;
      let heading: string[] = [`Chapter ${round + 1}`];
      let text = '';
      const flush = () => {
        if (text.trim()) sections.push({ headingPath: heading, text: text.trim() });
        chars += text.length;
        text = '';
      };
      for (const line of page.split('\n')) {
        const h = /^#{1,6}\s+(.*)$/u.exec(line);
        if (h) {
          flush();
          heading = [`Chapter ${round + 1}`, h[1]!];
        } else text += `${line.replace(/\d+/gu, (n) => String(Number(n) + round))}\n`;
      }
      flush();
    }
  }
  return sections;
}

export async function run(report: BenchReport): Promise<void> {
  report.section('Summaries of documents');
  const source = samplePages();
  const docs = PAGES.map((pages) => ({ pages, sections: documentOf(pages, source) }));

  const rows: (string | number)[][] = [];
  for (const { pages, sections } of docs) {
    const chars = sections.reduce((sum, s) => sum + s.text.length, 0);
    const times: number[] = [];
    let chosen = extractiveSummary(sections, 'en', { tokenize: analyze, untrusted: findInstructions });
    for (let i = 0; i < RUNS; i++) {
      const started = performance.now();
      chosen = extractiveSummary(sections, 'en', { tokenize: analyze, untrusted: findInstructions });
      times.push(performance.now() - started);
    }
    const summaryChars = chosen.reduce((sum, s) => sum + s.text.length, 0);
    const covered = new Set(chosen.map((s) => s.section)).size;
    rows.push([
      `${pages} (${chars.toLocaleString('en-US')} chars, ${sections.length} sections)`,
      percentile(times, 50),
      percentile(times, 50) / pages,
      chosen.length,
      summaryChars,
      `${((100 * summaryChars) / chars).toFixed(1)} %`,
      covered,
    ]);
  }
  report.note(
    `Extractive (no model), median of ${RUNS} runs on this machine; sentence splitting, the analyzer's terms, TF-IDF centrality, MMR. Pages of ${PAGE_CHARS.toLocaleString('en-US')} characters.`,
  );
  report.table(
    ['pages', 'ms (p50)', 'ms per page', 'sentences', 'summary chars', 'summary / text', 'sections quoted'],
    rows,
  );

  const root = mkdtempSync(path.join(os.tmpdir(), 'polydesk-bench-summary-'));
  try {
    const modelDir = buildTinyGpt2(path.join(root, 'tiny'), { nPositions: 2048 }).dir;
    const lm = await OnnxCausalLm.load({
      modelDir,
      maxWaiting: 0,
      intraOpThreads: Math.min(2, os.cpus().length),
    });
    try {
      const engine = createOnnxTextEngine(lm, { format: 'chat' });
      const prompts: number[] = [];
      const counted = {
        ...engine,
        countTokens: engine.countTokens,
        complete: (
          messages: Parameters<typeof engine.complete>[0],
          options: Parameters<typeof engine.complete>[1],
        ) => {
          prompts.push(engine.countTokens(messages));
          return engine.complete(messages, options);
        },
      };
      const abstractive: (string | number)[][] = [];
      for (const { pages, sections } of docs) {
        prompts.length = 0;
        let parts = 0;
        const started = performance.now();
        // The tiny model writes Japanese whatever it is asked: asked for Japanese, its text is usable.
        const written = await writeAbstractiveSummary(
          {
            engine: counted,
            maxTokens: 64,
            maxCalls: MAX_MODEL_CALLS,
            tokenize: analyze,
            untrusted: findInstructions,
            detectLanguage,
          },
          { sections, language: 'ja', sentences: 6, onPart: (_, of) => (parts = of) },
        ).catch((error: unknown) => error as Error);
        const ms = performance.now() - started;
        abstractive.push([
          pages,
          parts,
          written instanceof Error ? '—' : written.calls,
          Math.max(...prompts),
          ms,
          ms / pages,
          written instanceof Error ? written.message : written.text.length,
        ]);
      }
      report.note(
        "Abstractive with the generated tiny test model (2 layers × 64, byte-level vocabulary of 277, context 2,048, 64 new tokens a call), chat format, one run each, with serve's default call budget (SUMMARY_MAX_MODEL_CALLS 12: at most 6 map parts; a longer document is read as its most central sentences per section): map over parts that fit the context, then reduce. Its byte-level tokenizer spends about one token per byte, so a part holds far less text than PolyLM's would; the figures show how the parts and calls grow with the document, not PolyLM's speed.",
      );
      report.table(
        [
          'pages',
          'parts (map calls)',
          'model calls',
          'largest prompt (tokens)',
          'ms',
          'ms per page',
          'summary chars',
        ],
        abstractive,
      );
    } finally {
      await lm.release();
    }
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}
