/**
 * Development aid: recall and false positives on the development corpora (v1, v2) and the
 * regression corpus in one short run, without the latency sections of `npm run bench -- guardrails`.
 *
 *   node --import tsx bench/guardrails-dev.ts
 */
import { measureCorpus, ratio, loadDevelopmentCorpora } from './guardrails-quality.js';

const corpora = loadDevelopmentCorpora();
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
