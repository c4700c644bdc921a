import type { AnswerService, DeliveryChannel, Directory } from '../answer/ports.js';
import { failedResult } from '../answer/failed-result.js';
import { describeError } from '../core/errors.js';
import type { Logger } from '../core/log.js';
import type { AnswerResult, IncomingQuestion, Platform, Principal } from '../core/types.js';
import type { ClaimedQuestion, QuestionRepository } from '../store/question-repository.js';

export type RecoveryOutcome =
  | 'answered'
  | 'apologised'
  | 'already_answered'
  /** Another replica took the question over meanwhile (this one looked dead): it posts, not this one. */
  | 'superseded'
  | 'abandoned'
  | 'failed';

export interface RecoveryOptions {
  readonly questions: Pick<
    QuestionRepository,
    'claimAbandoned' | 'beginDelivery' | 'complete' | 'releaseOrRetry' | 'retryReleases'
  >;
  /** The pipeline, without the rate limit: a recovered question was admitted once already. */
  readonly answers: AnswerService;
  readonly directory: Directory;
  readonly delivery: (platform: Platform) => DeliveryChannel | undefined;
  readonly detectLanguage: (text: string) => string | Promise<string>;
  readonly logger: Logger;
  /** A question `received` for longer than this, whose worker has not beaten for as long, is taken over. */
  readonly afterMs: number;
  /** Claims after which the asker gets an apology instead of another try (a question that kills workers). */
  readonly maxAttempts: number;
  /** Questions claimed per round (default 20) and answered at once (default 4). */
  readonly batch?: number;
  readonly parallel?: number;
  readonly onRecovered?: (outcome: RecoveryOutcome) => void;
  /** False while this replica cannot judge others (its own heartbeat is failing or just came back). */
  readonly steady?: () => boolean;
}

/**
 * Readers of a recovered answer in a channel. The members were not stored, so only what everyone
 * may read is used: the asker plus a reader with nothing but the default group.
 */
const EVERYONE: Principal = Object.freeze({ email: 'recovery:everyone', groups: Object.freeze(['all']) });

/** Platforms whose askers are gone with the process that served them: nothing to deliver to. */
const UNDELIVERABLE: readonly Platform[] = ['web', 'cli'];

/**
 * Crash recovery: every round, claims the questions that a dead replica left unanswered and answers
 * them again through the question's platform — or apologises, after `maxAttempts` claims. The claim
 * is a conditional UPDATE in the database, so each question is taken by one replica only.
 */
export class RecoveryWorker {
  private timer: NodeJS.Timeout | undefined;
  private round: Promise<number> | undefined;

  constructor(private readonly options: RecoveryOptions) {}

  start(intervalMs: number): void {
    this.timer = setInterval(() => void this.tick(), intervalMs);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    clearInterval(this.timer);
    await this.round?.catch(() => undefined);
  }

  /** One round (rounds never overlap); resolves with the number of questions taken over. */
  tick(): Promise<number> {
    this.round ??= this.runRound()
      .catch((error) => {
        this.options.logger('warn', 'recovery.round_failed', { error: describeError(error) });
        return 0;
      })
      .finally(() => {
        this.round = undefined;
      });
    return this.round;
  }

  private async runRound(): Promise<number> {
    const { options } = this;
    // This process's own claims it failed to give up: nobody else would ever answer them.
    await options.questions.retryReleases();
    if (options.steady && !options.steady()) return 0;
    const deliverable = (['slack', 'teams'] as const).filter(
      (p) => options.delivery(p)?.deliverRecovered !== undefined,
    );
    const claimed = await options.questions.claimAbandoned({
      olderThanMs: options.afterMs,
      silentForMs: options.afterMs,
      limit: options.batch ?? 20,
      platforms: [...deliverable, ...UNDELIVERABLE],
    });
    if (claimed.length === 0) return 0;
    options.logger('info', 'recovery.claimed', { questions: claimed.length });
    const pending = [...claimed];
    const lanes = Array.from({ length: Math.min(options.parallel ?? 4, pending.length) }, async () => {
      for (let q = pending.shift(); q; q = pending.shift()) await this.recover(q);
    });
    await Promise.all(lanes);
    return claimed.length;
  }

  private async recover(question: ClaimedQuestion): Promise<void> {
    const { options } = this;
    const language = await options.detectLanguage(question.text);
    const channel = options.delivery(question.platform as Platform);
    const target = {
      channelId: question.channelId,
      threadId: question.threadId,
      delivery: question.delivery,
      asker: question.asker,
    };
    let outcome: RecoveryOutcome = 'answered';
    /** Posts; only once this claim has taken the right to post (`beginDelivery`). */
    const post = async (result: AnswerResult) => {
      const delivered = await channel!.deliverRecovered!({ ...target, result });
      if (delivered === 'already_answered') outcome = 'already_answered';
    };
    const { id, attempts } = question;
    try {
      if (!channel?.deliverRecovered) {
        outcome = 'abandoned';
        await options.questions.complete(id, apology(question, language), attempts);
      } else if (attempts > options.maxAttempts) {
        const result = apology(question, language);
        outcome = 'apologised';
        if (await options.questions.beginDelivery(id, attempts)) {
          await post(result);
          await options.questions.complete(id, result, attempts);
        } else outcome = 'superseded';
      } else {
        // The pipeline takes the right to post under this claim before it calls `deliver`.
        const result = await options.answers.ask(asked(question, options.directory), {
          questionId: id,
          attempt: attempts,
          deliver: post,
        });
        if (result.superseded) outcome = 'superseded';
      }
    } catch (error) {
      outcome = 'failed';
      options.logger('warn', 'recovery.failed', { questionId: id, error: describeError(error) });
      await options.questions.releaseOrRetry(id, attempts);
    }
    options.onRecovered?.(outcome);
    options.logger('info', 'recovery.done', {
      questionId: question.id,
      platform: question.platform,
      attempts: question.attempts,
      outcome,
    });
  }
}

/** The question as the pipeline takes it, rebuilt from what was recorded (no thread history). */
function asked(question: ClaimedQuestion, directory: Directory): IncomingQuestion {
  const asker = directory.resolve(question.asker);
  return {
    text: question.text,
    asker,
    place: {
      platform: question.platform as Platform,
      kind: question.placeKind === 'channel' ? 'channel' : question.placeKind === 'dm' ? 'dm' : 'local',
      channelId: question.channelId,
      threadId: question.threadId,
      readers: question.placeKind === 'channel' ? [asker, EVERYONE] : [asker],
      delivery: question.delivery,
    },
    history: [],
    eventId: question.eventId,
  };
}

function apology(question: ClaimedQuestion, language: string): AnswerResult {
  return {
    ...failedResult(language),
    questionId: question.id,
    latencyMs: Date.now() - Date.parse(question.createdAt),
  };
}
