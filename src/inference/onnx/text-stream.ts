/**
 * Incremental detokenisation with stop strings. After each token the whole id list is decoded and
 * only its stable part is released: never a trailing U+FFFD (half of a multi-byte character still
 * waiting for its other bytes), never text that might be the start of a stop string.
 */
export class TextStream {
  private readonly ids: number[] = [];
  private emitted = '';
  private stable = '';
  private stoppedAt: number | undefined;

  constructor(
    private readonly decode: (ids: readonly number[]) => string,
    private readonly stops: readonly string[] = [],
  ) {}

  /** Text released so far; after `finish()` the final text. */
  get text(): string {
    return this.emitted;
  }

  /** True once a stop string appeared; the text ends right before it. */
  get stopped(): boolean {
    return this.stoppedAt !== undefined;
  }

  /** Adds a token and returns the newly releasable text (possibly empty). */
  push(id: number): string {
    if (this.stopped) return '';
    this.ids.push(id);
    this.stable = this.decode(this.ids).replace(/\uFFFD+$/, '');
    let end = this.stable.length;
    for (const stop of this.stops) {
      const at = stop ? this.stable.indexOf(stop, this.emitted.length) : -1;
      if (at >= 0 && at < end) {
        end = at;
        this.stoppedAt = at;
      }
    }
    if (!this.stopped) end -= this.heldBack();
    return this.release(end);
  }

  /** Releases whatever is left (a held-back prefix of a stop string included); no more tokens follow. */
  finish(): string {
    return this.release(this.stoppedAt ?? this.stable.length);
  }

  /** Length of the longest suffix of the stable text that begins some stop string. */
  private heldBack(): number {
    let held = 0;
    for (const stop of this.stops) {
      for (let k = Math.min(stop.length - 1, this.stable.length - this.emitted.length); k > held; k--) {
        if (this.stable.endsWith(stop.slice(0, k))) {
          held = k;
          break;
        }
      }
    }
    return held;
  }

  private release(end: number): string {
    if (end <= this.emitted.length) return '';
    const delta = this.stable.slice(this.emitted.length, end);
    this.emitted += delta;
    return delta;
  }
}
