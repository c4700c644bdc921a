import { functionWords } from '../inference/function-words.js';
import type { Analyzer } from '../rag/text-analyzer.js';

/** Questions nobody could answer that say the same thing, with how often they were asked. */
export interface GapGroup {
  /** The latest wording. */
  readonly question: string;
  readonly count: number;
  readonly lastAsked: string;
  /** Up to three other wordings. */
  readonly variants: readonly string[];
  /** Every distinct wording, newest first (at most {@link MAX_WORDINGS}): what "Answer this" answers. */
  readonly wordings: readonly string[];
  /** The recorded questions of the group, for telling those who asked to be told. */
  readonly questionIds: readonly string[];
}

const MAX_WORDINGS = 20;

const SIMILAR = 0.5;

function jaccard(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  if (a.size === 0 && b.size === 0) return 1;
  let shared = 0;
  for (const term of a) if (b.has(term)) shared += 1;
  return shared / (a.size + b.size - shared);
}

/**
 * Groups unanswered questions by the overlap of their analysed terms (Jaccard ≥ 0.5 with a group's
 * first question). Function words ("how", "do", "の") and terms found in more than a quarter of a
 * larger set are ignored, so groups form around the subject rather than the phrasing. Newest
 * questions first in, biggest groups first out.
 */
export function groupKnowledgeGaps(
  questions: readonly { id?: string; text: string; language?: string | undefined; createdAt: string }[],
  analyze: Analyzer,
): GapGroup[] {
  const termSets = questions.map((q) => {
    const stop = new Set([...functionWords(q.language ?? 'en'), ...functionWords('en')]);
    return new Set(analyze(q.text, q.language).filter((t) => !stop.has(t)));
  });
  const df = new Map<string, number>();
  for (const terms of termSets) for (const t of terms) df.set(t, (df.get(t) ?? 0) + 1);
  const common = (t: string) => questions.length >= 8 && (df.get(t) ?? 0) / questions.length > 0.25;
  const groups: { terms: Set<string>; members: { id?: string; text: string; createdAt: string }[] }[] = [];
  questions.forEach((q, i) => {
    const terms = new Set([...termSets[i]!].filter((t) => !common(t)));
    let best: (typeof groups)[number] | undefined;
    let bestScore = SIMILAR;
    for (const group of groups) {
      const score = jaccard(terms, group.terms);
      if (score >= bestScore) [best, bestScore] = [group, score];
    }
    if (best) best.members.push(q);
    else groups.push({ terms, members: [q] });
  });
  return groups
    .map((g) => {
      const sorted = [...g.members].sort((a, b) => b.createdAt.localeCompare(a.createdAt));
      const wordings = [...new Set(sorted.map((m) => m.text))];
      return {
        question: wordings[0]!,
        count: g.members.length,
        lastAsked: sorted[0]!.createdAt,
        variants: wordings.slice(1, 4),
        wordings: wordings.slice(0, MAX_WORDINGS),
        questionIds: sorted.flatMap((m) => (m.id ? [m.id] : [])),
      };
    })
    .sort((a, b) => b.count - a.count || b.lastAsked.localeCompare(a.lastAsked));
}
