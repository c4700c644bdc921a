import type { CheckedText } from '../core/checked-text.js';
import type { Verdict } from '../core/types.js';
import { released } from './checked-text.js';
import type { Guard, GuardContext } from './guard.js';
import { redact } from './redaction.js';

export interface StreamGuardOptions {
  /**
   * Characters at the end of the text that stay unshown until more text has arrived and been
   * scanned. It must exceed what a scanner looks ahead for context (a label after a number, the
   * rest of a leaked passage); 64 by default.
   */
  readonly holdBackChars?: number | undefined;
  /**
   * Scan again only once this many characters arrived since the last scan (16 by default): each
   * scan reads the whole text so far, so scanning on every token costs quadratic work.
   */
  readonly checkEveryChars?: number | undefined;
  /** Called with the whole text that is safe to show so far, each time it grows. */
  readonly onVisible?: ((visibleText: CheckedText) => void) | undefined;
  /**
   * How the text so far will be presented (e.g. citations renumbered): applied before each scan,
   * so that what is scanned is exactly what is shown. The identity by default.
   */
  readonly present?: ((text: string) => string) | undefined;
}

/** Characters that make up one token (a key, a URL, an address) that must not be shown in halves. */
const TOKEN_CHAR = /[\x21-\x7E]/;
const MARK = /\p{M}/u;

/**
 * Guards a streamed answer: each push scans the text so far and releases it only up to the
 * hold-back window, never inside a finding, an ASCII token or a surrogate pair. The first hold or
 * block stops the releases; `finish` runs the final check on the whole text.
 */
export class StreamGuard {
  private text = '';
  private released = 0;
  private visible = '';
  private stopVerdict: Verdict | undefined;
  private failure: unknown;
  private pending: Promise<void> = Promise.resolve();
  private queued = false;
  private closed = false;
  private scheduledAt = 0;
  private readonly holdBack: number;
  private readonly checkEvery: number;

  constructor(
    private readonly guard: Guard,
    private readonly context: GuardContext,
    private readonly options: StreamGuardOptions = {},
  ) {
    this.holdBack = Math.max(0, options.holdBackChars ?? 64);
    this.checkEvery = Math.max(1, options.checkEveryChars ?? 16);
  }

  /** True once a hold or block verdict stopped the releases. */
  get stopped(): boolean {
    return this.stopVerdict !== undefined;
  }

  /** The text shown so far. */
  get visibleText(): string {
    return this.visible;
  }

  /** Adds generated text. Checks are serialised and coalesced; await the result to wait for this one. */
  push(delta: string): Promise<void> {
    this.text += delta;
    if (this.closed || this.stopVerdict || this.failure || this.queued) return this.pending;
    if (this.text.length - this.scheduledAt < this.checkEvery) return this.pending;
    this.scheduledAt = this.text.length;
    this.queued = true;
    this.pending = this.pending.then(() => this.step());
    return this.pending;
  }

  /**
   * Stops showing anything more, for a caller that decides the final text itself (with
   * `guard.check` on the whole answer): a scan still running cannot show text after this.
   */
  close(): void {
    this.closed = true;
  }

  /** Waits for the pending checks and returns the verdict on the whole text. Shows the rest when allowed. */
  async finish(): Promise<Verdict> {
    await this.pending;
    if (this.failure) throw this.failure;
    const final = await this.guard.check(this.presented(), this.context);
    if (this.stopVerdict && rank(this.stopVerdict.action) > rank(final.action)) return this.stopVerdict;
    if (final.action === 'allow' || final.action === 'redact') this.show(final.text);
    return final;
  }

  private async step(): Promise<void> {
    this.queued = false;
    if (this.stopVerdict || this.failure) return;
    const snapshot = this.presented();
    let verdict: Verdict;
    try {
      verdict = await this.guard.check(snapshot, this.context);
    } catch (error) {
      this.failure = error;
      return;
    }
    if (verdict.action === 'hold' || verdict.action === 'block') {
      this.stopVerdict = verdict;
      return;
    }
    const cut = safeCut(snapshot, snapshot.length - this.holdBack, verdict.findings);
    if (cut <= this.released) return;
    this.released = cut;
    const prefix = snapshot.slice(0, cut);
    const inside = verdict.findings.filter((f) => f.end <= cut);
    this.show(verdict.action === 'redact' ? redact(prefix, inside, this.context.language) : prefix);
  }

  private presented(): string {
    return this.options.present ? this.options.present(this.text) : this.text;
  }

  private show(text: string): void {
    if (this.closed || text === this.visible) return;
    this.visible = text;
    this.options.onVisible?.(released(text));
  }
}

/** Starts guarding one streamed answer. */
export function createStreamGuard(
  guard: Guard,
  context: GuardContext,
  options?: StreamGuardOptions,
): StreamGuard {
  return new StreamGuard(guard, context, options);
}

/** The largest position at or before `cut` that splits no finding, ASCII token, surrogate pair or mark. */
export function safeCut(
  text: string,
  cut: number,
  findings: readonly { start: number; end: number }[],
): number {
  let at = Math.max(0, Math.min(cut, text.length));
  for (let moved = true; moved && at > 0; ) {
    moved = false;
    for (const f of findings) {
      if (f.start < at && at < f.end) {
        at = f.start;
        moved = true;
      }
    }
    while (at > 0 && at < text.length && TOKEN_CHAR.test(text[at - 1]!) && TOKEN_CHAR.test(text[at]!)) {
      at--;
      moved = true;
    }
    const code = text.charCodeAt(at - 1);
    if (at < text.length && ((code >= 0xd800 && code <= 0xdbff) || MARK.test(text[at]!))) {
      at--;
      moved = true;
    }
  }
  return at;
}

function rank(action: Verdict['action']): number {
  return ['allow', 'redact', 'hold', 'block'].indexOf(action);
}
