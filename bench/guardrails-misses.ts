/**
 * Development aid: the records of a development corpus that the guard misses or wrongly flags, with
 * their text and the guard's findings, for finding classes of failures. Only for development sets
 * (v1, v2, v4, v5, v6); never run it on the corpus that measures (its README says which one that is).
 *
 *   node --import tsx bench/guardrails-misses.ts v1|v2|v4|v5|v6 [category]
 */
import type { Finding } from '../src/core/types.js';
import {
  type Corpus,
  INDEPENDENT_V2_DIR,
  type LabelledRecord,
  loadIndependentCorpus,
  loadIndependentV2Corpus,
  loadDevV4Corpus,
  loadDevV5Corpus,
  loadDevV6Corpus,
} from './guardrails-quality.js';

const [which = 'v2', category] = process.argv.slice(2);
if (which !== 'v1' && which !== 'v2' && which !== 'v4' && which !== 'v5' && which !== 'v6') {
  throw new Error(
    `only the development sets v1, v2, v4, v5 and v6; v3 is the held-out measure (see its README), not for tuning`,
  );
}
const corpus: Corpus | undefined =
  which === 'v6'
    ? loadDevV6Corpus()
    : which === 'v5'
      ? loadDevV5Corpus()
      : which === 'v4'
        ? loadDevV4Corpus()
        : which === 'v1'
          ? loadIndependentCorpus()
          : loadIndependentV2Corpus(INDEPENDENT_V2_DIR);
if (!corpus) throw new Error(`no corpus ${which}`);

const overlaps = (f: Finding, s: { start: number; end: number }) => f.start < s.end && s.start < f.end;
const show = (r: LabelledRecord, findings: readonly Finding[], why: string) => {
  const values = r.spans.map((s) => `${s.type}=${JSON.stringify(r.text.slice(s.start, s.end))}`).join(' ');
  const found = findings.map((f) => `${f.type}:${JSON.stringify(r.text.slice(f.start, f.end))}`).join(' ');
  process.stdout.write(`\n## ${r.id} (${why})\n${r.text}\n  want: ${values}\n  found: ${found}\n`);
};
const check = (r: LabelledRecord) =>
  corpus.guard.check(r.text, {
    readers: [{ email: 'dev@example', groups: ['all'] }],
    sources: [],
    language: r.lang,
  });

for (const r of corpus.positives) {
  if (category && r.category !== category) continue;
  const v = await check(r);
  const missing = r.spans.filter((s) => !v.findings.some((f) => overlaps(f, s)));
  if (v.action === 'allow' || missing.length > 0)
    show(r, v.findings, v.action === 'allow' ? 'not held' : 'span missed');
}
for (const r of corpus.clean) {
  if (category && r.category !== category) continue;
  const v = await check(r);
  if (v.action !== 'allow') show(r, v.findings, 'false positive');
}
