import type { Principal, SearchHit, Verdict } from '../core/types.js';

/** What a guard needs to know about who will read a text and where it came from. */
export interface GuardContext {
  readonly readers: readonly Principal[];
  /** The sources the answer was written from (all of them visible to every reader). */
  readonly sources: readonly SearchHit[];
  /** Language of the answer, for localised redaction masks. */
  readonly language: string;
}

/** Checks a text before anyone sees it. */
export interface Guard {
  check(text: string, context: GuardContext): Promise<Verdict>;
}

/** The trivial guard: everything passes unchanged. */
export const allowAllGuard: Guard = {
  async check(text) {
    return { action: 'allow', findings: [], text };
  },
};
