/**
 * The leakage part of the guardrail latency bench. Passages become documents as PolyDesk indexes
 * them (restricted, confidential, public); answers are written from passages the reader may see and
 * are checked with those passages as their sources, the way `answer()` passes its retrieval hits to
 * the guard; some answers quote a restricted passage the reader may not see. So the leakage index
 * finds shared runs, verifies them, skips documents the reader may see, excuses runs that a visible
 * source also holds, and reports real leaks: all of its work is timed, not only the hash look-ups.
 */
import type { SearchHit } from '../src/core/types.js';
import type { GuardContext } from '../src/guardrails/guard.js';
import { createLeakageIndex, type LeakageChunk, type LeakageIndex } from '../src/guardrails/leakage-index.js';
import { plant } from './guardrails-latency.js';

/** The reader of every answer: everyone's group and HR's, not the executives'. */
export const READER = Object.freeze({ email: 'bench@example.com', groups: ['all', 'hr'] });
/** Characters of a public passage that a restricted document quotes (a policy citing the handbook). */
const QUOTE_CHARS = 200;
/** Characters of a restricted passage planted in a leaking answer. */
const LEAK_CHARS = 200;

export interface SourcedAnswers {
  readonly answers: readonly string[];
  /** Per answer: its reader, its sources (the passages it was written from) and its language. */
  readonly contexts: readonly GuardContext[];
  readonly index: LeakageIndex;
  /** Answers that quote a restricted passage (one in four): the guard should hold each. */
  readonly leaking: ReadonlySet<number>;
  /**
   * Answers that share text with an indexed passage without leaking: written from a confidential
   * passage the reader may see, or from a public passage that a restricted document quotes.
   */
  readonly overlapping: ReadonlySet<number>;
  readonly restricted: number;
  readonly confidential: number;
}

/**
 * Even passages are restricted documents (audience `exec`), one in four of them ending with a quote
 * of the next passage; odd passages are what answers are written from: public, one in five
 * confidential to `hr` (indexed, but the reader may see it). Answers are `chars` characters of
 * consecutive odd passages (the same answers as before, without sources); the answers at 2, 6,
 * 10, ... have LEAK_CHARS of a restricted passage put in place of as many characters.
 */
export function sourcedAnswers(
  passages: readonly string[],
  chars: number,
  language: string,
  random: () => number,
): SourcedAnswers {
  const indexed: LeakageChunk[] = [];
  const quoted = new Set<number>();
  const hits = new Map<number, SearchHit>();
  for (const [k, text] of passages.entries()) {
    if (k % 2 === 0) {
      const next = passages[k + 1];
      const quotes = k % 8 === 0 && next !== undefined;
      if (quotes) quoted.add(k + 1);
      indexed.push({
        docId: `restricted-${k}`,
        text: quotes ? `${text}\n\nFrom the handbook: ${next.slice(0, QUOTE_CHARS)}` : text,
        audience: ['exec'],
        classification: 'restricted',
      });
      continue;
    }
    const confidential = (k - 1) % 10 === 0;
    const hit = searchHit(k, text, confidential);
    hits.set(k, hit);
    if (confidential) indexed.push(hit);
  }
  const restrictedTexts = indexed.filter((c) => c.classification === 'restricted').map((c) => c.text);

  const answers: string[] = [];
  const contexts: GuardContext[] = [];
  const leaking = new Set<number>();
  const overlapping = new Set<number>();
  let text = '';
  let sources: number[] = [];
  for (const k of hits.keys()) {
    text += `${passages[k]!}\n\n`;
    sources.push(k);
    if (text.length < chars) continue;
    // The last passage may be cut, but it starts inside the answer: every passage added is a source.
    let answer = text.slice(0, chars);
    const i = answers.length;
    if (i % 4 === 2) {
      const secret = restrictedTexts[Math.floor(random() * restrictedTexts.length)]!;
      answer = plant(answer, secret.slice(0, LEAK_CHARS), random);
      leaking.add(i);
    } else if (sources.some((s) => quoted.has(s) || hits.get(s)!.classification === 'confidential')) {
      overlapping.add(i);
    }
    answers.push(answer);
    contexts.push({ readers: [READER], sources: sources.map((s) => hits.get(s)!), language });
    text = '';
    sources = [];
  }
  return {
    answers,
    contexts,
    index: createLeakageIndex(indexed),
    leaking,
    overlapping,
    restricted: restrictedTexts.length,
    confidential: indexed.length - restrictedTexts.length,
  };
}

function searchHit(k: number, text: string, confidential: boolean): SearchHit {
  return {
    docId: `doc-${k}`,
    source: `bench/passage-${k}.md`,
    title: `Passage ${k}`,
    chunkId: `doc-${k}#0`,
    score: 1,
    text,
    language: 'und',
    headingPath: [],
    classification: confidential ? 'confidential' : 'public',
    audience: confidential ? ['hr'] : ['all'],
  };
}
