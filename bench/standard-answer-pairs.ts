/**
 * Standard-answer matching on test/corpus/standard-answer-pairs: for each (standard question,
 * employee question) pair, the matcher's score of the employee question against that standard, over
 * an index of all the split's standard questions (so word rarity is what it would be with those as
 * the company's standard answers). Prints precision and recall of "score ≥ threshold" against the
 * labels, per kind and language, a sweep of thresholds, and the same decision "as deployed" (the
 * best of all standards must be the pair's own).
 *
 *   node --no-regexp-tier-up --import tsx bench/standard-answer-pairs.ts [--split dev|test] [--threshold X]
 *     [--no-lexicon] [--no-pairs] [--no-asks] [--agree] [--verbose] [--json]
 *
 * `--agree` also asks whether a match agrees with retrieval: the standard's question and the
 * employee's retrieve the same documents from the sample knowledge base (examples/knowledge), and
 * what requiring that would do as deployed.
 *
 * Tune on `--split dev` only. The language of each employee question is detected as the pipeline
 * detects it (the pair's own label is not used). With EMBEDDING_MODEL_DIR set, the encoder's cosine
 * is blended in as the product does.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { silentLogger } from '../src/core/log.js';
import { DEFAULT_MIN_SCORE, buildStandardAnswerIndex } from '../src/helpdesk/standard-answer-matcher.js';
import { createStopTerms } from '../src/inference/reader-question.js';
import { detectQuestionLanguage, questionLanguageDetector } from '../src/inference/language.js';
import type { Embedder } from '../src/rag/embedder.js';
import { BUILT_IN_CONCEPTS, loadLexicon } from '../src/rag/lexicon.js';
import { analyze } from '../src/rag/text-analyzer.js';
import { openSampleRuntime } from '../test/helpers/employee-questions.js';
import { optionReader } from './options.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const PAIRS = path.join(root, 'test/corpus/standard-answer-pairs/pairs.json');

interface Standard {
  readonly id: string;
  readonly language: string;
  readonly question: string;
  readonly split: string;
}
interface Pair {
  readonly id: string;
  readonly standard: string;
  readonly question: string;
  readonly language: string;
  readonly label: 'same' | 'different';
  readonly kind: string;
  readonly split: string;
  readonly sameAs?: string;
}

export interface ScoredPair extends Pair {
  readonly score: number;
  /** The best-scoring standard of the split, and its score. */
  readonly best?: { readonly id: string; readonly score: number } | undefined;
}

export async function scorePairs(options: {
  split: string;
  lexicon: boolean;
  pairs: boolean;
  asks: boolean;
  embedder?: Embedder | undefined;
}): Promise<ScoredPair[]> {
  const data = JSON.parse(readFileSync(PAIRS, 'utf8')) as { standards: Standard[]; pairs: Pair[] };
  const standards = data.standards.filter((s) => options.split === 'all' || s.split === options.split);
  const ids = new Set(standards.map((s) => s.id));
  const lexicon = options.lexicon
    ? loadLexicon([BUILT_IN_CONCEPTS], { isStopWord: createStopTerms(analyze) })
    : undefined;
  const index = await buildStandardAnswerIndex(
    standards.map((s, i) => ({ id: s.id, wordings: [s.question], createdAt: String(i).padStart(4, '0') })),
    {
      lexicon,
      // As the product detects the wordings' language (the n-gram model where the words do not decide).
      detectLanguage: await questionLanguageDetector(),
      pairs: options.pairs,
      asks: options.asks,
      embedder: options.embedder,
    },
  );
  const scored: ScoredPair[] = [];
  for (const pair of data.pairs.filter((p) => ids.has(p.standard))) {
    const language = await detectQuestionLanguage(pair.question);
    const own = await index.best({ text: pair.question, language }, (id) => id === pair.standard);
    const best = await index.best({ text: pair.question, language });
    scored.push({ ...pair, score: own?.score ?? 0, best });
  }
  return scored;
}

export interface Quality {
  readonly precision: number;
  readonly recall: number;
  readonly f05: number;
  readonly tp: number;
  readonly fp: number;
  readonly fn: number;
}

export function quality(pairs: readonly ScoredPair[], threshold: number): Quality {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (const p of pairs) {
    const matched = p.score >= threshold;
    if (matched && p.label === 'same') tp++;
    else if (matched) fp++;
    else if (p.label === 'same') fn++;
  }
  const precision = tp + fp === 0 ? 1 : tp / (tp + fp);
  const recall = tp + fn === 0 ? 1 : tp / (tp + fn);
  const f05 = precision + recall === 0 ? 0 : (1.25 * precision * recall) / (0.25 * precision + recall);
  return { precision, recall, f05, tp, fp, fn };
}

/** The standards' questions by id. */
function standardQuestions(): Map<string, string> {
  const data = JSON.parse(readFileSync(PAIRS, 'utf8')) as { standards: Standard[] };
  return new Map(data.standards.map((s) => [s.id, s.question]));
}

/**
 * For each pair, whether its best standard's question and the employee question retrieve the same
 * documents from the sample knowledge base: the top document of each among the other's top `k`.
 */
async function retrievalAgreement(pairs: readonly ScoredPair[], k: number): Promise<Map<string, boolean>> {
  const questions = standardQuestions();
  const { runtime, close } = await openSampleRuntime();
  // Someone who may read every sample document: agreement is about meaning, not access.
  const reader = { email: 'bench@corp.example', groups: ['all', 'hr', 'it', 'finance', 'facilities'] };
  const documents = new Map<string, Promise<string[]>>();
  const top = (text: string) => {
    if (!documents.has(text)) {
      documents.set(
        text,
        (async () => {
          const language = await detectQuestionLanguage(text);
          const hits = await runtime.retriever.retrieve({ text, readers: [reader], k: 10, language });
          return [...new Set(hits.map((h) => h.docId))].slice(0, k);
        })(),
      );
    }
    return documents.get(text)!;
  };
  const agree = new Map<string, boolean>();
  try {
    for (const p of pairs) {
      if (!p.best) continue;
      const [a, b] = await Promise.all([top(questions.get(p.best.id)!), top(p.question)]);
      agree.set(p.id, a.length === 0 || b.length === 0 || (b.includes(a[0]!) && a.includes(b[0]!)));
    }
  } finally {
    await close();
  }
  return agree;
}

/**
 * As deployed: the best standard of the split is given when it clears the threshold. Given right when
 * it is the pair's own standard for a `same` pair, or the other standard a `different` pair names as
 * answering it (`sameAs`); wrong otherwise; missed when a right one exists in the split and is not given.
 */
function deployed(
  pairs: readonly ScoredPair[],
  threshold: number,
  inSplit: ReadonlySet<string>,
  gate: (p: ScoredPair) => boolean = () => true,
) {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (const p of pairs) {
    const given = p.best && p.best.score >= threshold && gate(p) ? p.best.id : undefined;
    const right =
      p.label === 'same'
        ? p.standard
        : p.sameAs && inSplit.has(String(p.sameAs))
          ? String(p.sameAs)
          : undefined;
    if (given !== undefined && given === right) tp++;
    else {
      if (given !== undefined) fp++;
      if (right !== undefined) fn++;
    }
  }
  return {
    precision: tp + fp === 0 ? 1 : tp / (tp + fp),
    recall: tp + fn === 0 ? 1 : tp / (tp + fn),
    tp,
    fp,
    fn,
  };
}

/** F-beta: beta below 1 weighs precision more (0.25: precision counts 16 times as much as recall). */
function fBeta(q: { readonly precision: number; readonly recall: number }, beta: number): number {
  const b2 = beta * beta;
  const denominator = b2 * q.precision + q.recall;
  return denominator === 0 ? 0 : ((1 + b2) * q.precision * q.recall) / denominator;
}

/** The standards the pairs were scored against (the split's). */
function standardsOf(pairs: readonly ScoredPair[]): Set<string> {
  return new Set(pairs.map((p) => p.standard));
}

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const option = optionReader(args);
  const flag = (name: string) => args.includes(`--${name}`);
  const split = option('--split') ?? 'dev';
  const threshold = Number(option('--threshold') ?? DEFAULT_MIN_SCORE);
  let embedder: (Embedder & { close(): Promise<void> }) | undefined;
  if (process.env['EMBEDDING_MODEL_DIR']) {
    const { createOnnxEmbedder } = await import('../src/rag/onnx-embedder.js');
    embedder = await createOnnxEmbedder({
      modelDir: process.env['EMBEDDING_MODEL_DIR'],
      logger: silentLogger,
    });
  }
  const pairs = await scorePairs({
    split,
    lexicon: !flag('no-lexicon'),
    pairs: !flag('no-pairs'),
    asks: !flag('no-asks'),
    embedder,
  });
  await embedder?.close();
  const overall = quality(pairs, threshold);
  if (flag('json')) {
    process.stdout.write(
      `${JSON.stringify({ split, threshold, ...overall, deployed: deployed(pairs, threshold, standardsOf(pairs)) })}\n`,
    );
    return;
  }
  const same = pairs.filter((p) => p.label === 'same').length;
  console.log(
    `split ${split}: ${pairs.length} pairs (${same} same, ${pairs.length - same} different), threshold ${threshold}`,
  );
  console.log(
    `pairs: precision ${pct(overall.precision)} recall ${pct(overall.recall)} F0.5 ${overall.f05.toFixed(3)} (tp ${overall.tp}, fp ${overall.fp}, fn ${overall.fn})`,
  );
  const d = deployed(pairs, threshold, standardsOf(pairs));
  console.log(`as deployed (best of all standards): precision ${pct(d.precision)} recall ${pct(d.recall)}`);
  const groups = (key: (p: ScoredPair) => string) => {
    const by = new Map<string, ScoredPair[]>();
    for (const p of pairs) by.set(key(p), [...(by.get(key(p)) ?? []), p]);
    return [...by].sort(([a], [b]) => a.localeCompare(b));
  };
  console.log('\nby kind (share matched):');
  for (const [kind, list] of groups((p) => p.kind)) {
    const matched = list.filter((p) => p.score >= threshold).length;
    console.log(`  ${kind.padEnd(15)} ${String(matched).padStart(3)}/${list.length}`);
  }
  console.log('\nby language of the employee question (same: recall; different: false matches):');
  for (const [language, list] of groups((p) => p.language)) {
    const s = list.filter((p) => p.label === 'same');
    const dif = list.filter((p) => p.label === 'different');
    console.log(
      `  ${language}  same ${s.filter((p) => p.score >= threshold).length}/${s.length}  different ${dif.filter((p) => p.score >= threshold).length}/${dif.length}`,
    );
  }
  console.log('\nthreshold sweep (pairs | as deployed):');
  for (let t = 0.2; t <= 0.851; t += 0.05) {
    const q = quality(pairs, t);
    const dd = deployed(pairs, t, standardsOf(pairs));
    console.log(
      `  ${t.toFixed(2)}  precision ${pct(q.precision).padStart(6)}  recall ${pct(q.recall).padStart(6)}  F0.5 ${q.f05.toFixed(3)}  | precision ${pct(dd.precision).padStart(6)}  recall ${pct(dd.recall).padStart(6)}  F0.25 ${fBeta(dd, 0.25).toFixed(3)}  (given ${dd.tp + dd.fp}, wrong ${dd.fp})`,
    );
  }
  if (flag('agree')) {
    const inSplit = standardsOf(pairs);
    console.log(`\nagreement with retrieval over the sample knowledge base (threshold ${threshold}):`);
    for (const k of [1, 3]) {
      const agree = await retrievalAgreement(pairs, k);
      const gate = (p: ScoredPair) => agree.get(p.id) ?? true;
      const own = (label: string, kind?: string) =>
        pairs.filter(
          (p) =>
            p.label === label &&
            (kind === undefined || p.kind === kind) &&
            p.best?.id === p.standard &&
            p.best.score >= threshold,
        );
      const share = (list: readonly ScoredPair[]) => `${list.filter(gate).length}/${list.length}`;
      const d = deployed(pairs, threshold, inSplit, gate);
      console.log(
        `  top ${k}: matched paraphrases and translations agree ${share(own('same'))}, matched near misses ${share(own('different', 'near-miss'))}; required: precision ${pct(d.precision)} recall ${pct(d.recall)} (given ${d.tp + d.fp}, wrong ${d.fp})`,
      );
    }
  }
  if (flag('verbose')) {
    console.log('\nmistakes:');
    for (const p of pairs) {
      const matched = p.score >= threshold;
      if (matched !== (p.label === 'same'))
        console.log(`  ${p.id} ${p.kind} ${p.label} ${p.score.toFixed(2)} [${p.standard}] ${p.question}`);
    }
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  await main();
}
