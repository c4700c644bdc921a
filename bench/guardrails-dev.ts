/**
 * Development aid: recall and false positives on the development corpora (v1, v2) and the
 * regression corpus in one short run, without the latency sections of `npm run bench -- guardrails`.
 *
 *   node --import tsx bench/guardrails-dev.ts
 */
import {
  type Corpus,
  loadIndependentCorpus,
  loadIndependentV2Corpus,
  loadDevV4Corpus,
  loadDevV5Corpus,
  loadDevV6Corpus,
  loadRegressionCorpus,
  measureCorpus,
  ratio,
} from './guardrails-quality.js';

const corpora = [
  loadRegressionCorpus(),
  loadIndependentCorpus(),
  loadIndependentV2Corpus(),
  loadDevV4Corpus(),
  loadDevV5Corpus(),
  loadDevV6Corpus(),
].filter((c): c is Corpus => c !== undefined);
for (const corpus of corpora) {
  const q = await measureCorpus(corpus);
  const p = q.positives.total;
  const c = q.clean.total;
  const categories = [...q.positives.byCategory].map(([k, t]) => `${k} ${ratio(t.located, t.n)}`).join(', ');
  process.stdout.write(
    `${corpus.name}: located ${ratio(p.located, p.n)} held ${ratio(p.held, p.n)} (${p.n}); FP ${c.flagged}/${c.n}\n  ${categories}\n`,
  );
  if (process.argv.includes('--fp')) process.stdout.write(`  ${q.falsePositives.join('\n  ')}\n`);
}
