import type { CheckedText } from '../answer/ports.js';
import type { SummaryProgress } from '../answer/summary-ports.js';

/** What a chat shows of a summary in progress: a status line ("Reading section 3 of 12…") or the text so far. */
export type ProgressShown =
  | { readonly kind: 'status'; readonly text: CheckedText }
  | { readonly kind: 'text'; readonly text: CheckedText };

/**
 * Shows a summary's progress in one chat message, at most once per `intervalMs` and one edit at a
 * time: the newest progress replaces any not yet shown. `finish` drops what is pending and waits
 * for the edit in flight, so that the final summary put in place afterwards is never overwritten.
 * A failed edit is reported to `failed` and does not stop later ones. At most `maxEdits` edits
 * (a response_url takes few).
 */
export class ThrottledProgress {
  private pending: ProgressShown | undefined;
  private inFlight: Promise<void> | undefined;
  private timer: NodeJS.Timeout | undefined;
  private lastAt = Number.NEGATIVE_INFINITY;
  private edits = 0;
  private done = false;
  private streaming = false;

  constructor(
    private readonly show: (shown: ProgressShown) => Promise<unknown>,
    private readonly options: {
      readonly intervalMs: number;
      readonly failed: (error: unknown) => void;
      readonly maxEdits?: number | undefined;
      /** False: only status lines are shown, never the text so far. */
      readonly streamText?: boolean | undefined;
    },
  ) {}

  /** The `onProgress` of a summary request. */
  readonly onProgress = (progress: SummaryProgress): void => {
    if (progress.type === 'reading') {
      // Once the text shows, a later part's status would hide it: the text stays.
      if (!this.streaming) this.queue({ kind: 'status', text: progress.status });
    } else if (progress.type === 'text' && this.options.streamText !== false) {
      this.streaming = true;
      this.queue({ kind: 'text', text: progress.text });
    }
  };

  /** Shows nothing more; resolves once no edit is in flight. */
  async finish(): Promise<void> {
    this.done = true;
    clearTimeout(this.timer);
    this.timer = undefined;
    this.pending = undefined;
    await this.inFlight;
  }

  private queue(shown: ProgressShown): void {
    if (this.done) return;
    this.pending = shown;
    this.schedule();
  }

  private schedule(): void {
    if (this.timer || this.inFlight || !this.pending || this.done) return;
    if (this.edits >= (this.options.maxEdits ?? Number.POSITIVE_INFINITY)) return;
    const wait = Math.max(0, this.lastAt + this.options.intervalMs - Date.now());
    this.timer = setTimeout(() => {
      this.timer = undefined;
      const shown = this.pending;
      this.pending = undefined;
      if (!shown || this.done) return;
      this.edits += 1;
      this.lastAt = Date.now();
      this.inFlight = this.show(shown)
        .then(
          () => undefined,
          (error: unknown) => this.options.failed(error),
        )
        .finally(() => {
          this.inFlight = undefined;
          this.schedule();
        });
    }, wait);
    this.timer.unref();
  }
}
