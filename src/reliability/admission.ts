import type { AnswerScheduler, AnswerService } from '../answer/ports.js';
import { describeError } from '../core/errors.js';
import type { Logger } from '../core/log.js';
import type { FairQueue } from './fair-queue.js';
import type { RateLimiter } from './rate-limiter.js';

export interface AdmissionDeps {
  readonly queue: FairQueue;
  readonly limiter: RateLimiter;
  readonly logger: Logger;
  /** Counts refusals by reason (`queue_full`, `rate_limited`). */
  readonly onRefused?: (reason: 'queue_full' | 'rate_limited') => void;
  /** Claims and records a question in one transaction (see AnswerService.recordClaimed). */
  readonly recordClaimed?: AnswerService['recordClaimed'];
}

/**
 * The answer service behind backpressure, the one admission path of every platform (Slack, Teams,
 * the chat page): `serve` builds it once from RATE_LIMIT_PER_MINUTE, ANSWER_CONCURRENCY and
 * ANSWER_QUEUE_SIZE and hands only the admitted service to the adapters. Every question is recorded
 * first (the pipeline does that before scheduling), then over the asker's rate limit or with the
 * queue full it gets the polite "busy" answer; otherwise it waits its turn in the per-asker fair
 * queue, whose concurrency bounds the answers worked on at once across all platforms.
 */
export function withAdmission(answers: AnswerService, deps: AdmissionDeps): AnswerService {
  const admit: AnswerScheduler = async (question, work, signal) => {
    let allowed = true;
    try {
      allowed = await deps.limiter.allow(question);
    } catch (error) {
      // The limit protects capacity; when it cannot be counted, answering beats refusing.
      deps.logger('warn', 'ratelimit.unavailable', { error: describeError(error) });
    }
    if (!allowed) {
      deps.onRefused?.('rate_limited');
      deps.logger('info', 'answer.rate_limited', { platform: question.place.platform });
      return false;
    }
    const ran = await deps.queue.run(question.asker.email, work, signal);
    if (!ran) {
      deps.onRefused?.('queue_full');
      deps.logger('warn', 'answer.queue_full', { waiting: deps.queue.queued });
    }
    return ran;
  };
  return {
    ask(question, options = {}) {
      const inner = options.schedule;
      const schedule: AnswerScheduler = inner
        ? async (q, work, signal) => {
            let innerRan = false;
            const ran = await admit(
              q,
              async () => {
                innerRan = await inner(q, work, signal);
              },
              signal,
            );
            return ran && innerRan;
          }
        : admit;
      return answers.ask(question, { ...options, schedule });
    },
    ...(answers.record ? { record: answers.record.bind(answers) } : {}),
    ...(answers.holdsLease ? { holdsLease: answers.holdsLease.bind(answers) } : {}),
    ...(deps.recordClaimed ? { recordClaimed: deps.recordClaimed } : {}),
  };
}
