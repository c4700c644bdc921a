import type { AnswerScheduler, AnswerService } from '../answer/ports.js';
import type { SummaryService } from '../answer/summary-ports.js';
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
  const admit = admission(deps, 'answer');
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

/**
 * The summariser behind the same per-asker rate limit (a summary counts as a question) and a fair
 * queue of its own: a document summary with a model is many model calls, so `serve` gives summaries
 * a small queue (SUMMARY_CONCURRENCY, SUMMARY_QUEUE_SIZE) beside the answers' one, and one person
 * asking for ten manuals waits for their own summaries without holding anyone's answers. Refused
 * requests are recorded and get the `busy` result, which every adapter shows as a notice.
 */
export function withSummaryAdmission(
  summaries: SummaryService,
  deps: Omit<AdmissionDeps, 'recordClaimed'>,
): SummaryService {
  const schedule = admission(deps, 'summary');
  return {
    summarizeDocument: (request) => summaries.summarizeDocument(request, { schedule }),
    summarizeThread: (request) => summaries.summarizeThread(request, { schedule }),
  };
}

function admission(deps: Omit<AdmissionDeps, 'recordClaimed'>, kind: 'answer' | 'summary'): AnswerScheduler {
  return async (question, work, signal) => {
    let allowed = true;
    try {
      allowed = await deps.limiter.allow(question);
    } catch (error) {
      // The limit protects capacity; when it cannot be counted, answering beats refusing.
      deps.logger('warn', 'ratelimit.unavailable', { error: describeError(error) });
    }
    if (!allowed) {
      deps.onRefused?.('rate_limited');
      deps.logger('info', `${kind}.rate_limited`, { platform: question.place.platform });
      return false;
    }
    const ran = await deps.queue.run(question.asker.email, work, signal);
    if (!ran) {
      deps.onRefused?.('queue_full');
      deps.logger('warn', `${kind}.queue_full`, { waiting: deps.queue.queued });
    }
    return ran;
  };
}
