import type { CheckedText } from '../core/checked-text.js';
import type { Finding, Principal, SearchHit, Verdict } from '../core/types.js';

/** What a guard needs to know about who will read a text and where it came from. */
export interface GuardContext {
  readonly readers: readonly Principal[];
  /** The sources the answer was written from (all of them visible to every reader). */
  readonly sources: readonly SearchHit[];
  /** Language of the answer, for localised redaction masks. */
  readonly language: string;
}

/** A held answer as a reviewer releases it. */
export interface ApprovedText {
  readonly text: CheckedText;
  /** Credential findings masked in `text` (none when the reviewer chose to reveal them). */
  readonly masked: readonly Finding[];
  /** Credential findings the reviewer chose to deliver unmasked. */
  readonly revealed: readonly Finding[];
}

/** Checks a text before anyone sees it. */
export interface Guard {
  check(text: string, context: GuardContext): Promise<Verdict>;
  /**
   * Releases a held answer that a reviewer approved (as it was, or edited): the text is scanned
   * again; credentials in it are masked unless the reviewer explicitly chose to reveal them. The
   * other findings (markings, personal data, passages) were what the reviewer approved.
   */
  approve(text: string, context: GuardContext, options: { readonly reveal: boolean }): Promise<ApprovedText>;
}
