/**
 * What a chat adapter reads of a thread to summarise it, on any platform: the latest messages
 * within fixed bounds, and the note that tells the requester when the summary covers only part.
 */
import { type CheckedText, notice } from '../answer/ports.js';
import type { ThreadMessage } from '../answer/summary-ports.js';

export interface ThreadLimits {
  /**
   * The most messages one summary covers: the latest ones. 500 messages of chat are about 25,000
   * words, which the extractive summariser ranks in well under a second and a model's map-reduce
   * reads in a few dozen passes; more would make the requester wait minutes for a summary of
   * what nobody re-reads anyway. A choice, not a measurement.
   */
  readonly maxMessages: number;
  /**
   * The most messages read to find the latest ones (25 pages of 200 on Slack, 100 of 50 on
   * Graph): platforms list a thread oldest first, so a longer thread is summarised from what was
   * read and the note says so.
   */
  readonly maxScanned: number;
  /** One message's text is cut here (Slack allows 40,000 characters; a summary needs the gist). */
  readonly maxMessageChars: number;
}

export const DEFAULT_THREAD_LIMITS: ThreadLimits = Object.freeze({
  maxMessages: 500,
  maxScanned: 5_000,
  maxMessageChars: 4_000,
});

/** The messages to summarise, oldest first, and how much of the thread they are. */
export interface ThreadWindow {
  readonly messages: readonly ThreadMessage[];
  /** Messages read that count (PolyDesk's own and system messages excluded). */
  readonly seen: number;
  /** False when reading stopped at `maxScanned` before the end of the thread. */
  readonly complete: boolean;
  /**
   * The conversation was read newest first and reading stopped at `maxMessages`: the summary has
   * the latest messages, and how many older ones there are is not known.
   */
  readonly olderUnread?: boolean | undefined;
}

/** Keeps the latest `max` items pushed, in the order pushed, and counts them all. */
export class Latest<T> {
  private readonly kept: T[] = [];
  private count = 0;

  constructor(private readonly max: number) {}

  push(item: T): void {
    this.count += 1;
    this.kept.push(item);
    if (this.kept.length > this.max) this.kept.shift();
  }

  get seen(): number {
    return this.count;
  }

  items(): T[] {
    return [...this.kept];
  }
}

/** The note under a summary that covers only part of its thread; undefined when it covers it all. */
export function coverageNote(language: string, window: ThreadWindow): CheckedText | undefined {
  const count = window.messages.length;
  if (window.olderUnread) return notice(language, 'thread.latestRead', { count });
  if (!window.complete) return notice(language, 'thread.tooLong', { count, total: window.seen });
  if (count < window.seen) return notice(language, 'thread.latestOnly', { count, total: window.seen });
  return undefined;
}
