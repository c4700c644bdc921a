import type { IncomingQuestion, Platform } from '../core/types.js';

/** Decides whether an asker may have another question answered now. */
export interface RateLimiter {
  allow(question: IncomingQuestion): Promise<boolean>;
}

export interface RateLimiterOptions {
  /** Questions one asker may ask per minute; 0 turns the limit off. */
  readonly perMinute: number;
  /**
   * Questions `asker` asked in the last `windowMs` (by the database's clock). Counting recorded questions in the shared
   * database makes the limit hold across replicas without another server; the question being
   * decided on is recorded already, so it is counted.
   */
  readonly countSince: (asker: string, windowMs: number) => Promise<number>;
  /**
   * Platforms not limited (default: `cli`, whose user holds the database and the configuration
   * anyway). The chat page is limited: signed in, per person; open, as its one anonymous user.
   */
  readonly exempt?: readonly Platform[];
}

/** A sliding one-minute window per asker, over the questions the database has recorded. */
export function createRateLimiter(options: RateLimiterOptions): RateLimiter {
  const exempt = new Set<Platform>(options.exempt ?? ['cli']);
  return {
    async allow(question) {
      if (options.perMinute <= 0 || exempt.has(question.place.platform)) return true;
      return (await options.countSince(question.asker.email, 60_000)) <= options.perMinute;
    },
  };
}
